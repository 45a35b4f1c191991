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

/** Reads a UTF-8 text file after `requireFile`. A file that cannot be read is a usage error. */
export function readTextFile(file: string, description: string): string {
  requireFile(file, description);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`The ${description} cannot be read: ${file} (${detailOf(error)}).`);
  }
  // Text files have no null characters, but workbooks, UTF-16 text and other binary files do.
  if (text.includes("\u0000")) {
    throw new UsageError(
      `The ${description} is not a CSV text file: ${file}. ` +
        'Save it from Excel as "CSV UTF-8 (Comma delimited)".',
    );
  }
  return text;
}

/** Reads an .xlsx workbook after `requireFile`. A damaged or other kind of file is a usage error. */
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

/**
 * Checks that the output does not name the input file, also through a symbolic or hard link, so
 * the input is never overwritten.
 *
 * @throws UsageError when both paths lead to the same file.
 */
export function requireDistinctOutput(input: string, output: string): void {
  const same =
    path.resolve(input) === path.resolve(output) ||
    (fs.existsSync(output) && isSameFile(fs.statSync(input), fs.statSync(output)));
  if (same) {
    throw new UsageError(
      "The output file must differ from the input file, which is kept unchanged.",
    );
  }
}

function isSameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** Writes a text output file whole or not at all, creating its folder when it is missing. */
export function writeTextFile(file: string, text: string): void {
  replaceWhole(file, (temporary) => fs.writeFileSync(temporary, text));
}

/** Writes a workbook as .xlsx whole or not at all, creating its folder when it is missing. */
export async function writeWorkbookFile(file: string, workbook: ExcelJS.Workbook): Promise<void> {
  await replaceWhole(file, (temporary) => workbook.xlsx.writeFile(temporary));
}

/**
 * Writes into a temporary file beside `file` and renames it over `file` once complete, so a full
 * disk or a failure halfway leaves the previous file as it was.
 */
function replaceWhole<T>(file: string, write: (temporary: string) => T): T {
  const temporary = path.join(
    path.dirname(path.resolve(file)),
    `.${path.basename(file)}.${process.pid}.partial`,
  );
  const fail = (error: unknown): never => {
    removeQuietly(temporary);
    throw new Error(
      `The output file cannot be written: ${file} (${detailOf(error)}). It was left unchanged. ` +
        "Check that its folder can be written to, has free space, and that no other program " +
        "has the file open.",
    );
  };
  const finish = (): void => fs.renameSync(temporary, file);
  try {
    fs.mkdirSync(path.dirname(temporary), { recursive: true });
    const written = write(temporary);
    if (written instanceof Promise) {
      return written.then(finish).catch(fail) as T;
    }
    finish();
    return written;
  } catch (error) {
    return fail(error);
  }
}

/** Removes a leftover temporary file; a failure to remove it must not hide the write's failure. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // The user needs the write's error, and a leftover file is visible and harmless.
  }
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
