/**
 * Conversion of custom function arguments, as Excel passes them, into typed input for `core/`.
 * Every function family uses these readers, so a range, a blank cell or an omitted argument
 * means the same thing in every SPM function.
 *
 * Excel passes a range as a row-major 2-D array, an omitted optional argument as `null`, a date
 * as its serial number and an error cell as a `CustomFunctions.Error`. A blank cell inside a
 * range arrives as 0 in desktop Excel and as `null` or "" in Excel on the web. The readers
 * throw `InvalidInputError` (#VALUE!) or `InsufficientDataError` (#N/A) from `core/errors`,
 * with a message naming the argument in Excel's snake_case and the fix.
 */
import { InsufficientDataError, InvalidInputError } from "../core/errors";
import { isExcelError } from "./errors";

/** Largest horizon a forecast accepts, which keeps a spilled result to a readable size. */
export const MAX_HORIZON = 10_000;

/** Bounds of a numeric argument. A bound left out is open-ended. */
export interface NumberRange {
  min?: number;
  max?: number;
  /** True when `min` itself is not allowed, as for phi in (0, 1]. */
  minExclusive?: boolean;
  /** True when only whole numbers are allowed, as for a horizon or a season length. */
  integer?: boolean;
}

/** One accepted value of a text argument, with its case-insensitive spellings. */
export interface TextChoice<T extends string> {
  value: T;
  aliases: readonly string[];
}

/** True for an omitted argument or a blank cell in Excel on the web. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** Describes a cell value for a message, the way the user sees it in the sheet. */
function describeCell(value: unknown): string {
  if (typeof value === "string") {
    return `text "${value}"`;
  }
  if (typeof value === "boolean") {
    return `the logical value ${value ? "TRUE" : "FALSE"}`;
  }
  if (isExcelError(value)) {
    return `the error ${value.code}`;
  }
  return `the value ${String(value)}`;
}

/** Explains why a cell of a series is rejected and what to do about it. */
function rejectSeriesCell(name: string, position: number, value: unknown): never {
  const cell = `${name}: cell ${position}`;
  if (isBlank(value)) {
    throw new InvalidInputError(
      `${cell} is blank; blank cells are allowed only at the end of the range. ` +
        "Fill in the value or select a range without the gap.",
    );
  }
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    throw new InvalidInputError(
      `${cell} contains the text "${value}", not a number. Excel passes a number stored as ` +
        "text as text and its own statistical functions such as AVERAGE ignore it; convert " +
        "the cell to a number, for example with VALUE.",
    );
  }
  if (isExcelError(value)) {
    throw new InvalidInputError(
      `${cell} contains the error ${value.code}; correct that cell or leave it out of the range.`,
    );
  }
  throw new InvalidInputError(
    `${cell} contains ${describeCell(value)}; only numbers are allowed. ` +
      "Enter a number or leave the cell out of the range.",
  );
}

/**
 * Returns the cells of a one-row or one-column range in reading order. A single value counts
 * as a range of one cell. A range with more than one row and more than one column is rejected.
 */
export function readVector(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value)) {
    return [value];
  }
  if (value.length === 0 || !Array.isArray(value[0])) {
    return value;
  }

  const rows = value.length;
  const columns = (value[0] as unknown[]).length;
  if (rows > 1 && columns > 1) {
    throw new InvalidInputError(
      `${name} is a range of ${rows} rows and ${columns} columns; ` +
        "select a single row or a single column.",
    );
  }
  if (rows === 1) {
    return value[0] as unknown[];
  }

  const cells = new Array<unknown>(rows);
  for (let i = 0; i < rows; i++) {
    cells[i] = (value[i] as unknown[])[0];
  }
  return cells;
}

/**
 * Reads a series of numbers from a one-row or one-column range, such as the history of a
 * forecast. Blank cells at the end are ignored, so a user may select a larger range than the
 * data. Any other cell that is not a number (a blank inside the range, text, a logical value or
 * an error) is rejected with its position. Desktop Excel passes a blank cell as 0, which is
 * indistinguishable from a real 0.
 */
export function readSeries(value: unknown, name: string): number[] {
  const cells = readVector(value, name);

  let length = cells.length;
  while (length > 0 && isBlank(cells[length - 1])) {
    length--;
  }
  if (length === 0) {
    throw new InsufficientDataError(`${name} contains no numbers; select a range of numbers.`);
  }

  const series = new Array<number>(length);
  for (let i = 0; i < length; i++) {
    const cell = cells[i];
    if (typeof cell !== "number" || !Number.isFinite(cell)) {
      rejectSeriesCell(name, i + 1, cell);
    }
    series[i] = cell;
  }
  return series;
}

/** Reads an optional series, returning null when the argument is omitted. */
export function readOptionalSeries(value: unknown, name: string): number[] | null {
  return isBlank(value) ? null : readSeries(value, name);
}

/**
 * Returns the value of a single-value argument, unwrapping a one-cell range. An Excel error
 * value is thrown as it is, so the cell shows the same error as its argument.
 */
function readScalar(value: unknown, name: string): unknown {
  let scalar = value;
  if (Array.isArray(value)) {
    const cells = readVector(value, name);
    if (cells.length !== 1) {
      throw new InvalidInputError(
        `${name} is a range of ${cells.length} cells; give a single value.`,
      );
    }
    scalar = cells[0];
  }
  if (isExcelError(scalar)) {
    throw scalar;
  }
  return scalar;
}

/** Describes the numbers `range` allows, such as "a number between 0 and 1". */
function describeExpected(range: NumberRange): string {
  const { min, max, minExclusive, integer } = range;
  const noun = integer ? "a whole number" : "a number";
  if (min !== undefined && max !== undefined) {
    if (minExclusive) {
      return `${noun} greater than ${min} and at most ${max}`;
    }
    return integer ? `${noun} from ${min} to ${max}` : `${noun} between ${min} and ${max}`;
  }
  if (min !== undefined) {
    return minExclusive ? `${noun} greater than ${min}` : `${noun} of ${min} or more`;
  }
  return max !== undefined ? `${noun} of at most ${max}` : noun;
}

/** True when `x` lies within `range`. */
function isInRange(x: number, range: NumberRange): boolean {
  const aboveMin = range.min === undefined || (range.minExclusive ? x > range.min : x >= range.min);
  const belowMax = range.max === undefined || x <= range.max;
  return aboveMin && belowMax && (!range.integer || Number.isInteger(x));
}

/** Reads a number that is present, rejecting text, logical values and values out of range. */
function readPresentNumber(scalar: unknown, name: string, range: NumberRange): number {
  if (typeof scalar !== "number" || !Number.isFinite(scalar)) {
    throw new InvalidInputError(
      `${name} is ${describeCell(scalar)}, not a number; give ${describeExpected(range)}.`,
    );
  }
  if (!isInRange(scalar, range)) {
    throw new InvalidInputError(`${name} is ${scalar} but must be ${describeExpected(range)}.`);
  }
  return scalar;
}

/**
 * Reads a required number within `range`. A missing value (omitted, or a blank cell passed as
 * null) is rejected with a message saying what to give.
 */
export function readNumber(value: unknown, name: string, range: NumberRange = {}): number {
  const scalar = readScalar(value, name);
  if (isBlank(scalar)) {
    throw new InvalidInputError(`${name} is missing; give ${describeExpected(range)}.`);
  }
  return readPresentNumber(scalar, name, range);
}

/** Reads an optional number within `range`, returning `defaultValue` when it is omitted. */
export function readOptionalNumber<D extends number | null>(
  value: unknown,
  name: string,
  defaultValue: D,
  range: NumberRange = {},
): number | D {
  const scalar = readScalar(value, name);
  return isBlank(scalar) ? defaultValue : readPresentNumber(scalar, name, range);
}

/**
 * Reads an optional smoothing parameter or another probability, a number from 0 to 1, returning
 * `defaultValue` when it is omitted.
 */
export function readOptionalProbability<D extends number | null>(
  value: unknown,
  name: string,
  defaultValue: D,
): number | D {
  return readOptionalNumber(value, name, defaultValue, { min: 0, max: 1 });
}

/** Reads a required whole number of 1 or more, and at most `max` when it is given. */
export function readPositiveInteger(value: unknown, name: string, max?: number): number {
  return readNumber(value, name, { min: 1, max, integer: true });
}

/** Reads an optional whole number of 1 or more (at most `max`), or `defaultValue` if omitted. */
export function readOptionalPositiveInteger<D extends number | null>(
  value: unknown,
  name: string,
  defaultValue: D,
  max?: number,
): number | D {
  return readOptionalNumber(value, name, defaultValue, { min: 1, max, integer: true });
}

/** Reads the number of periods to forecast: a whole number from 1 to `MAX_HORIZON`. */
export function readHorizon(value: unknown): number {
  const range: NumberRange = { min: 1, max: MAX_HORIZON, integer: true };
  const scalar = readScalar(value, "horizon");
  if (isBlank(scalar)) {
    throw new InvalidInputError(
      `horizon is missing; give the number of periods to forecast, ${describeExpected(range)}.`,
    );
  }
  return readPresentNumber(scalar, "horizon", range);
}

/** Reads optional text, trimmed, returning `defaultValue` when it is omitted or blank. */
export function readOptionalText<D extends string | null>(
  value: unknown,
  name: string,
  defaultValue: D,
): string | D {
  const scalar = readScalar(value, name);
  if (isBlank(scalar)) {
    return defaultValue;
  }
  if (typeof scalar !== "string") {
    throw new InvalidInputError(`${name} is ${describeCell(scalar)}; give text.`);
  }
  const text = scalar.trim();
  return text === "" ? defaultValue : text;
}

/** Lists the accepted values of a text argument, such as `"additive" (or "add"), ...`. */
function describeChoices<T extends string>(choices: readonly TextChoice<T>[]): string {
  return choices
    .map((choice) => {
      const aliases = choice.aliases.map((alias) => `"${alias}"`).join(" or ");
      return aliases === "" ? `"${choice.value}"` : `"${choice.value}" (or ${aliases})`;
    })
    .join(", ");
}

/**
 * Reads an optional choice among `choices`, matching any of their spellings regardless of case,
 * and returns `defaultValue` when it is omitted. Unknown text is rejected with the list of
 * accepted values.
 */
export function readOptionalChoice<T extends string, D extends T | null>(
  value: unknown,
  name: string,
  choices: readonly TextChoice<T>[],
  defaultValue: D,
): T | D {
  const text = readOptionalText(value, name, null);
  if (text === null) {
    return defaultValue;
  }

  const key = text.toLowerCase();
  const match = choices.find((choice) =>
    [choice.value, ...choice.aliases].some((spelling) => spelling.toLowerCase() === key),
  );
  if (match === undefined) {
    throw new InvalidInputError(`${name} is "${text}"; use one of ${describeChoices(choices)}.`);
  }
  return match.value;
}
