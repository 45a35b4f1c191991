/** Reading and writing the files `spm` is given, with messages that name the file and the fix. */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { UsageError } from "./errors";

/** File name that stands for standard input, or standard output after --out. */
export const STANDARD_STREAM = "-";

/**
 * Checks that `file` exists and is not a folder. Standard input ("-"), pipes and devices such
 * as /dev/stdin pass.
 *
 * @param description what the file is to the command, such as "input file".
 * @throws UsageError naming the file when it is missing or a folder.
 */
export function requireFile(file: string, description: string): void {
  if (file === STANDARD_STREAM) {
    return;
  }
  if (!fs.existsSync(file)) {
    throw new UsageError(`The ${description} does not exist: ${file}.`);
  }
  if (fs.statSync(file).isDirectory()) {
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
    text = fs.readFileSync(file === STANDARD_STREAM ? 0 : file, "utf8");
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
  if (input === STANDARD_STREAM || output === STANDARD_STREAM) {
    return;
  }
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

/**
 * Writes text output given in chunks, whole or not at all, creating its folder when it is
 * missing. A symbolic link is followed, so the file it points to is replaced and the link kept.
 * A device or a pipe, such as /dev/null, is written directly, since it cannot be replaced.
 */
export function writeTextFile(
  file: string,
  chunks: IterableIterator<string> | readonly string[],
): void {
  const target = fs.existsSync(file) ? fs.realpathSync(file) : file;
  if (fs.existsSync(target) && !fs.statSync(target).isFile()) {
    try {
      writeChunks(target, chunks);
    } catch (error) {
      throw new Error(`The output file cannot be written: ${file} (${detailOf(error)}).`);
    }
    return;
  }
  replaceWhole(target, (temporary) => writeChunks(temporary, chunks));
}

function writeChunks(file: string, chunks: IterableIterator<string> | readonly string[]): void {
  const descriptor = fs.openSync(file, "w");
  try {
    for (const chunk of chunks) {
      fs.writeSync(descriptor, chunk);
    }
  } finally {
    fs.closeSync(descriptor);
  }
}

/** Writes a workbook as .xlsx whole or not at all, creating its folder when it is missing. */
export async function writeWorkbookFile(file: string, workbook: ExcelJS.Workbook): Promise<void> {
  const target = fs.existsSync(file) ? fs.realpathSync(file) : file;
  await replaceWhole(target, (temporary) => workbook.xlsx.writeFile(temporary));
}

/** Exit codes of a process ended by SIGINT (Ctrl+C) and SIGTERM: 128 plus the signal number. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Writes into a temporary file beside `file` and renames it over `file` once complete, so a full
 * disk or a failure halfway leaves the previous file as it was. Ctrl+C or SIGTERM during an
 * asynchronous write removes the temporary file before the process ends. A synchronous write
 * finishes first, because Node delivers the signal only once it returns, so no file is left.
 */
function replaceWhole<T>(file: string, write: (temporary: string) => T): T {
  const temporary = path.join(
    path.dirname(path.resolve(file)),
    `.${path.basename(file)}.${process.pid}.partial`,
  );
  const stop = (signal: keyof typeof SIGNAL_EXIT_CODES): void => {
    removeQuietly(temporary);
    process.exit(SIGNAL_EXIT_CODES[signal]);
  };
  const signals = Object.keys(SIGNAL_EXIT_CODES) as (keyof typeof SIGNAL_EXIT_CODES)[];
  signals.forEach((signal) => process.on(signal, stop));
  const stopListening = (): void => signals.forEach((signal) => process.off(signal, stop));

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
      return written.then(finish).catch(fail).finally(stopListening) as T;
    }
    finish();
    stopListening();
    return written;
  } catch (error) {
    stopListening();
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
