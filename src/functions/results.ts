/**
 * Conversion of results from `core/` into values Excel shows: a column of numbers spills down,
 * a table spills rows and columns. A cell never receives NaN, Infinity or null (Excel shows
 * null inside an array as 0), so every number is checked here, and a blank cell is "".
 */
import { InvalidInputError } from "../core/errors";

/** A value Excel can show in one cell of a result. */
export type ResultCell = number | string | boolean;

/**
 * Rejects a number that is NaN or infinite, naming it by `label` and giving its position: `row`
 * and `column` count from 1, and 0 leaves them out of the message. The message is built only
 * when the check fails, because a long spilled result checks every cell.
 */
function checkFinite(value: number, label: string, row = 0, column = 0): number {
  if (!Number.isFinite(value)) {
    rejectNonFinite(value, label, row, column);
  }
  return value;
}

/** Throws the error of `checkFinite` for a number that is not finite. */
function rejectNonFinite(value: number, label: string, row: number, column: number): never {
  let position = "";
  if (row > 0) {
    position = column > 0 ? ` in row ${row}, column ${column}` : ` in row ${row}`;
  }
  throw new InvalidInputError(
    `${label} is not a finite number (${String(value)}${position}); ` +
      "the input may contain values too large or too far apart for this method.",
  );
}

/** Returns `value` as a single-cell result after checking that it is finite. */
export function toNumber(value: number, label: string): number {
  return checkFinite(value, label);
}

/** Converts numbers into a one-column result, [[v1], [v2], ...], that spills down. */
export function toColumn(values: readonly number[], label: string): number[][] {
  const column = new Array<number[]>(values.length);
  for (let i = 0; i < values.length; i++) {
    column[i] = [checkFinite(values[i], label, i + 1)];
  }
  return column;
}

/**
 * Returns the row at index `row` of a one-column result: the number after checking that it is
 * finite, or "" (a blank cell) for null, such as a period without an earlier value to compare
 * with. It lets a long column be built without an array of numbers and gaps.
 */
export function toColumnRow(value: number | null, label: string, row: number): ResultCell[] {
  return [value === null ? "" : checkFinite(value, label, row + 1, 1)];
}

/**
 * Checks a table of rows before Excel shows it: each row must have the same number of columns,
 * and each number must be finite.
 */
export function toTable(rows: readonly (readonly ResultCell[])[], label: string): ResultCell[][] {
  const width = rows.length > 0 ? rows[0].length : 0;
  const table = new Array<ResultCell[]>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.length !== width) {
      throw new Error(`Row ${i + 1} of ${label} has ${row.length} cells instead of ${width}.`);
    }
    const cells = new Array<ResultCell>(width);
    for (let j = 0; j < width; j++) {
      const cell = row[j];
      cells[j] = typeof cell === "number" ? checkFinite(cell, label, i + 1, j + 1) : cell;
    }
    table[i] = cells;
  }
  return table;
}
