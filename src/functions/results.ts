/**
 * Conversion of results from `core/` into values Excel shows: a column of numbers spills down,
 * a table spills rows and columns. A cell never receives NaN, Infinity or null (Excel shows
 * null inside an array as 0), so every number is checked here, and a blank cell is "".
 */
import { InvalidInputError } from "../core/errors";

/** A value Excel can show in one cell of a result. */
export type ResultCell = number | string | boolean;

/** Rejects a number that is NaN or infinite, naming it by `label` and giving its position. */
function checkFinite(value: number, label: string, position: string): number {
  if (!Number.isFinite(value)) {
    throw new InvalidInputError(
      `${label} is not a finite number (${String(value)}${position}); ` +
        "the input may contain values too large or too far apart for this method.",
    );
  }
  return value;
}

/** Returns `value` as a single-cell result after checking that it is finite. */
export function toNumber(value: number, label: string): number {
  return checkFinite(value, label, "");
}

/** Converts numbers into a one-column result, [[v1], [v2], ...], that spills down. */
export function toColumn(values: readonly number[], label: string): number[][] {
  const column = new Array<number[]>(values.length);
  for (let i = 0; i < values.length; i++) {
    column[i] = [checkFinite(values[i], label, ` in row ${i + 1}`)];
  }
  return column;
}

/**
 * Converts numbers and gaps into a one-column result that spills down, with "" (a blank cell)
 * for each null, such as a period without an earlier value to compare with.
 */
export function toOptionalColumn(
  values: readonly (number | null)[],
  label: string,
): ResultCell[][] {
  const column = new Array<ResultCell[]>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    column[i] = [value === null ? "" : checkFinite(value, label, ` in row ${i + 1}, column 1`)];
  }
  return column;
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
      cells[j] =
        typeof cell === "number"
          ? checkFinite(cell, label, ` in row ${i + 1}, column ${j + 1}`)
          : cell;
    }
    table[i] = cells;
  }
  return table;
}
