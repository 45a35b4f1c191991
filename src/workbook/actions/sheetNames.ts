/**
 * Names of the sheets the workbook actions build, and how an action finds its own sheet again so
 * that a second run updates it instead of adding another.
 */
import { SheetWriter } from "./sheetWriter";
import { quoteSheetName } from "./a1";

/** Maximum length of a worksheet name in Excel. */
export const MAX_SHEET_NAME_LENGTH = 31;

/** Row and column (counted from 0) of the cell holding a built sheet's key: B3. */
export const KEY_CELL = { row: 2, column: 1 } as const;

/**
 * Makes a valid worksheet name from `name`: Excel rejects the characters \ / ? * [ ] :, a name
 * starting or ending with an apostrophe, an empty name and more than 31 characters.
 */
export function toSheetName(name: string): string {
  const cleaned = name
    .replace(/[\\/?*[\]:]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "");
  const shortened = cleaned.slice(0, MAX_SHEET_NAME_LENGTH).trim();
  return shortened.length > 0 ? shortened : "Sheet";
}

/** Reads the key cell of a sheet, or "" when it is blank or not text. */
async function readKey(writer: SheetWriter, sheet: string): Promise<string> {
  const reference = `${quoteSheetName(sheet)}!B${KEY_CELL.row + 1}`;
  const values = await writer.readValues(reference);
  const value = values[0]?.[0];
  return typeof value === "string" ? value : "";
}

/**
 * Finds the sheet an earlier run built for `key`, whatever it is called now (the record may have
 * been renamed), or picks a free name from `preferredName`: the name itself, or the name with
 * " (2)", " (3)" ... when a sheet of another key or a user's sheet already has it.
 */
export async function resolveSheetName(
  writer: SheetWriter,
  preferredName: string,
  key: string,
): Promise<string> {
  const sheets = await writer.listSheets();
  for (const sheet of sheets) {
    if ((await readKey(writer, sheet)) === key) {
      return sheet;
    }
  }

  const taken = new Set(sheets.map((sheet) => sheet.toLowerCase()));
  const base = toSheetName(preferredName);
  for (let copy = 1; ; copy++) {
    const suffix = copy === 1 ? "" : ` (${copy})`;
    const candidate = `${base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trim()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) {
      return candidate;
    }
  }
}
