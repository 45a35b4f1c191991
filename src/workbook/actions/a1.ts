/** A1 notation for the ranges the workbook actions write and reference. */
import { CellRange } from "./sheetWriter";

/** Number of letters in the column alphabet of A1 notation. */
const LETTER_COUNT = 26;

/** Converts a column index counted from 0 into its letters: 0 is A, 25 is Z, 26 is AA. */
export function columnLetters(column: number): string {
  let letters = "";
  let remaining = column + 1;
  while (remaining > 0) {
    const digit = (remaining - 1) % LETTER_COUNT;
    letters = String.fromCharCode(65 + digit) + letters;
    remaining = Math.floor((remaining - 1) / LETTER_COUNT);
  }
  return letters;
}

/** Returns the A1 address of one cell counted from 0, e.g. (11, 1) is B12. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** Returns the A1 address of a range, e.g. B12:B71, or one cell when it covers only one. */
export function rangeAddress(range: CellRange): string {
  const first = cellAddress(range.row, range.column);
  if (range.rowCount === 1 && range.columnCount === 1) {
    return first;
  }
  const last = cellAddress(range.row + range.rowCount - 1, range.column + range.columnCount - 1);
  return `${first}:${last}`;
}

/** Builds a column range of `rowCount` cells starting at (row, column). */
export function columnRange(row: number, column: number, rowCount: number): CellRange {
  return { row, column, rowCount, columnCount: 1 };
}

/**
 * Quotes a sheet name for a formula reference when Excel requires it (anything but letters,
 * digits, underscores and dots), doubling apostrophes inside: `'Sales by channel'!B2`.
 */
export function quoteSheetName(sheet: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)) {
    return sheet;
  }
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** A reference split into its sheet and its address, e.g. `'My sheet'!B2:B5`. */
export interface SheetReference {
  sheet: string;
  address: string;
}

const SHEET_REFERENCE_PATTERN =
  /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/i;

/** Splits `Sheet!A1:B2` or `'Sheet name'!A1:B2`, or returns undefined for any other text. */
export function parseSheetReference(reference: string): SheetReference | undefined {
  const match = SHEET_REFERENCE_PATTERN.exec(reference.trim());
  if (!match) {
    return undefined;
  }
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  return { sheet, address: match[3].replace(/\$/g, "").toUpperCase() };
}

/** A table column reference such as `SPM_Sales[Revenue]`. */
export interface TableColumnReference {
  table: string;
  column: string;
}

/** Splits `Table[Column]`, or returns undefined for any other text. */
export function parseTableColumnReference(reference: string): TableColumnReference | undefined {
  const match = /^([A-Za-z_\\][A-Za-z0-9_.]*)\[([^[\]]+)\]$/.exec(reference.trim());
  return match ? { table: match[1], column: match[2] } : undefined;
}

/** Converts column letters into the column index counted from 0: A is 0, AA is 26. */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) {
    index = index * LETTER_COUNT + (letter.charCodeAt(0) - 64);
  }
  return index - 1;
}

/** Parses an A1 address without sheet (`B2` or `B2:C49`) into a range counted from 0. */
export function parseAddress(address: string): CellRange | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(address.trim());
  if (!match) {
    return undefined;
  }
  const firstColumn = columnIndex(match[1]);
  const firstRow = Number(match[2]) - 1;
  const lastColumn = match[3] !== undefined ? columnIndex(match[3]) : firstColumn;
  const lastRow = match[4] !== undefined ? Number(match[4]) - 1 : firstRow;
  if (firstRow < 0 || lastRow < 0) {
    return undefined;
  }
  const row = Math.min(firstRow, lastRow);
  const column = Math.min(firstColumn, lastColumn);
  return {
    row,
    column,
    rowCount: Math.abs(lastRow - firstRow) + 1,
    columnCount: Math.abs(lastColumn - firstColumn) + 1,
  };
}
