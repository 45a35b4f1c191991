/** Reading and writing the files `spm` is given, with messages that name the file and the fix. */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { UsageError } from "./errors";

/**
 * Checks that `file` exists and is a file, not a folder.
 *
 * @param description what the file is to the command, such as "input file".
 * @throws UsageError naming the file when it is missing or a folder.
 */
export function requireFile(file: string, description: string): void {
  if (!fs.existsSync(file)) {
    throw new UsageError(`The ${description} does not exist: ${file}.`);
  }
  if (!fs.statSync(file).isFile()) {
    throw new UsageError(`The ${description} is a folder, not a file: ${file}.`);
  }
}

/**
 * Checks, before any work, that an output path does not name a folder.
 *
 * @throws UsageError when `file` is an existing folder.
 */
export function requireOutputPath(file: string): void {
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new UsageError(
      `The output file is a folder: ${file}. Name a file in it, such as ${path.join(file, "out")}.`,
    );
  }
}

/** Reads a UTF-8 text file after `requireFile`; a file the user may not read is a usage error. */
export function readTextFile(file: string, description: string): string {
  requireFile(file, description);
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`The ${description} cannot be read: ${file} (${detailOf(error)}).`);
  }
}

/** Reads an .xlsx workbook after `requireFile`; a damaged or other kind of file is a usage error. */
export async function readWorkbookFile(
  file: string,
  description: string,
): Promise<ExcelJS.Workbook> {
  requireFile(file, description);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new UsageError(
      `The ${description} is not a readable .xlsx workbook: ${file} (${detailOf(error)}). ` +
        "Save it from Excel as an Excel Workbook (.xlsx).",
    );
  }
  return workbook;
}

/** Writes a text output file, creating its folder first when it is missing. */
export function writeTextFile(file: string, text: string): void {
  try {
    createFolderOf(file);
    fs.writeFileSync(file, text);
  } catch (error) {
    throw outputFailure(file, error);
  }
}

/** Writes a workbook as .xlsx, creating its folder first when it is missing. */
export async function writeWorkbookFile(file: string, workbook: ExcelJS.Workbook): Promise<void> {
  try {
    createFolderOf(file);
    await workbook.xlsx.writeFile(file);
  } catch (error) {
    throw outputFailure(file, error);
  }
}

function createFolderOf(file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

function outputFailure(file: string, error: unknown): Error {
  return new Error(
    `The output file cannot be written: ${file} (${detailOf(error)}). ` +
      "Check that its folder can be written to and that no other program has the file open.",
  );
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
