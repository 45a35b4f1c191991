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
import type { DealOutcome } from "../core/kpi/salesKpis";
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
  // A single number, such as a total typed in place of cost lines, needs no scan.
  if (typeof value === "number" && Number.isFinite(value)) {
    return [value];
  }
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

/**
 * Relative distance from a whole number below which a value counts as that whole number.
 * Arithmetic such as 0.1*3*10 gives 3.0000000000000004, which Excel shows as 3 because it
 * displays 15 significant digits; 1e-12 is far below that display precision and far above
 * the rounding error of a few double operations (about 1e-16 relative).
 */
const WHOLE_NUMBER_TOLERANCE = 1e-12;

/** Returns `x` rounded to the nearest whole number when it is one up to rounding error. */
function snapToWholeNumber(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= WHOLE_NUMBER_TOLERANCE * Math.max(1, Math.abs(x)) ? nearest : x;
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
  const x = range.integer ? snapToWholeNumber(scalar) : scalar;
  if (!isInRange(x, range)) {
    throw new InvalidInputError(`${name} is ${scalar} but must be ${describeExpected(range)}.`);
  }
  return x;
}

/** The range of a number argument without bounds. */
const ANY_NUMBER: Readonly<NumberRange> = Object.freeze({});

/**
 * Bounds of an amount, a price or a count of days: 0 or more. Shared constants keep a call from
 * allocating its bounds.
 */
const NON_NEGATIVE_RANGE: Readonly<NumberRange> = Object.freeze({ min: 0 });

/** Bounds of a count, such as deals or customers: a whole number of 0 or more. */
const WHOLE_COUNT_RANGE: Readonly<NumberRange> = Object.freeze({ min: 0, integer: true });

/** Bounds of a length of time or another quantity that must be above 0. */
const POSITIVE_RANGE: Readonly<NumberRange> = Object.freeze({ min: 0, minExclusive: true });

// The module compares the bounds under their local names, because the CommonJS build (the `spm`
// command, tests) reads an exported constant from `exports` at every use.
export {
  NON_NEGATIVE_RANGE as NON_NEGATIVE,
  WHOLE_COUNT_RANGE as NON_NEGATIVE_WHOLE,
  POSITIVE_RANGE as POSITIVE,
};

/**
 * True when `value` is a finite number within `range`. The shared bounds are recognised by
 * identity, so the common calls read no property of a bounds object, whose shapes differ from
 * call site to call site.
 */
function isNumberInRange(value: unknown, range: NumberRange): value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return false;
  }
  if (range === ANY_NUMBER) {
    return true;
  }
  if (range === NON_NEGATIVE_RANGE) {
    return value >= 0;
  }
  if (range === WHOLE_COUNT_RANGE) {
    return value >= 0 && Number.isInteger(value);
  }
  if (range === POSITIVE_RANGE) {
    return value > 0;
  }
  return isInRange(value, range);
}

/**
 * Reads a required number within `range`. A missing value (omitted, or a blank cell passed as
 * null) is rejected with a message saying what to give.
 */
export function readNumber(value: unknown, name: string, range: NumberRange = ANY_NUMBER): number {
  // A finite number within range, the usual argument, is returned at once. The full path below
  // would return the same value, because it rounds only near-whole numbers.
  if (isNumberInRange(value, range)) {
    return value;
  }
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
  range: NumberRange = ANY_NUMBER,
): number | D {
  if (isNumberInRange(value, range)) {
    return value;
  }
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

/**
 * Percentages are fractions, as Excel stores them: 25 % (typed as 25% or shown in a cell with
 * the percent format) is the number 0.25. Text such as "25%" or "25 %" is read as 0.25 too,
 * because exports from sales systems often bring percentages in as text.
 */
const PERCENT_TEXT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/;

/** Returns the fraction written as percent text ("25%" gives 0.25), or undefined. */
function parsePercentText(value: unknown): number | undefined {
  if (typeof value !== "string") {
    return undefined;
  }
  const match = PERCENT_TEXT.exec(value.trim());
  return match === null ? undefined : Number(match[1]) / 100;
}

/** Formats a fraction as Excel's percent display would, such as 0.25 as "25%". */
function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(12))}%`;
}

/** Bounds of a percentage, as fractions: 0 to 1 (100 %) unless stated. */
export interface PercentRange {
  min?: number;
  max?: number;
}

/** The default bounds of a percentage, 0 to 100 %. */
const FULL_PERCENT_RANGE: Readonly<PercentRange> = Object.freeze({});

/** True when the fraction `x` lies within `range`, which NaN never does. */
function isInPercentRange(x: number, range: PercentRange): boolean {
  return x >= (range.min ?? 0) && x <= (range.max ?? 1);
}

/** Explains a percentage out of range, with a hint when the user typed points such as 60. */
function rejectPercent(label: string, fraction: number, range: PercentRange): never {
  const min = range.min ?? 0;
  const max = range.max ?? 1;
  const bounds = `${formatPercent(min)} to ${formatPercent(max)}`;
  const hint =
    fraction > max && fraction <= 100 && fraction / 100 >= min && fraction / 100 <= max
      ? ` If you mean ${fraction} %, enter ${fraction}% or ${fraction / 100}.`
      : "";
  throw new InvalidInputError(
    `${label} is ${fraction} (${formatPercent(fraction)}) but must be a percentage from ` +
      `${bounds}, such as 25% or 0.25.${hint}`,
  );
}

/** Reads a percentage that is present: a number as a fraction, or percent text. */
function readPresentPercent(scalar: unknown, label: string, range: PercentRange): number {
  const fraction = typeof scalar === "number" ? scalar : parsePercentText(scalar);
  if (fraction === undefined || !Number.isFinite(fraction)) {
    throw new InvalidInputError(
      `${label} is ${describeCell(scalar)}, not a percentage; enter it as 25% or 0.25.`,
    );
  }
  if (!isInPercentRange(fraction, range)) {
    rejectPercent(label, fraction, range);
  }
  return fraction;
}

/**
 * Reads a required percentage as a fraction (25% or 0.25 give 0.25), from 0 to 100 % unless
 * `range` sets other bounds. A number above the maximum is rejected with a hint, because 60 may
 * mean 60 % or 6000 %.
 */
export function readPercent(
  value: unknown,
  name: string,
  range: PercentRange = FULL_PERCENT_RANGE,
): number {
  if (typeof value === "number" && isInPercentRange(value, range)) {
    return value;
  }
  const scalar = readScalar(value, name);
  if (isBlank(scalar)) {
    throw new InvalidInputError(`${name} is missing; give a percentage such as 25% or 0.25.`);
  }
  return readPresentPercent(scalar, name, range);
}

/** Reads an optional percentage as a fraction, returning `defaultValue` when it is omitted. */
export function readOptionalPercent<D extends number | null>(
  value: unknown,
  name: string,
  defaultValue: D,
  range: PercentRange = FULL_PERCENT_RANGE,
): number | D {
  if (typeof value === "number" && isInPercentRange(value, range)) {
    return value;
  }
  const scalar = readScalar(value, name);
  return isBlank(scalar) ? defaultValue : readPresentPercent(scalar, name, range);
}

/**
 * Reads a one-row or one-column range of percentages, such as stage probabilities, as fractions
 * from 0 to 100 % unless `range` sets other bounds. Blank cells at the end are ignored; any other
 * blank, text that is not a percentage, a logical value or an error is rejected with its
 * position.
 */
export function readPercentSeries(
  value: unknown,
  name: string,
  range: PercentRange = {},
): number[] {
  const cells = readVector(value, name);
  const length = lengthWithoutTrailingBlanks(cells, name);
  const min = range.min ?? 0;
  const max = range.max ?? 1;
  const fractions = new Array<number>(length);
  for (let i = 0; i < length; i++) {
    const cell = cells[i];
    // Numbers within range take the short path, which keeps a long range fast.
    if (typeof cell === "number" && cell >= min && cell <= max) {
      fractions[i] = cell;
      continue;
    }
    if (typeof cell !== "number" && parsePercentText(cell) === undefined) {
      rejectSeriesCell(name, i + 1, cell);
    }
    fractions[i] = readPresentPercent(cell, `${name}: cell ${i + 1}`, range);
  }
  return fractions;
}

/**
 * Returns the number of cells before the blank cells at the end of a range. A range with
 * nothing else is insufficient data.
 */
function lengthWithoutTrailingBlanks(cells: readonly unknown[], name: string): number {
  let length = cells.length;
  while (length > 0 && isBlank(cells[length - 1])) {
    length--;
  }
  if (length === 0) {
    throw new InsufficientDataError(`${name} is empty; select a range with values.`);
  }
  return length;
}

/**
 * Checks that ranges that describe the same items (deals, outlets, cost lines) have the same
 * number of values, naming both arguments in the message.
 */
export function checkSameLength(
  first: readonly unknown[],
  firstName: string,
  second: readonly unknown[],
  secondName: string,
): void {
  if (first.length !== second.length) {
    throw new InvalidInputError(
      `${secondName} has ${second.length} values but ${firstName} has ${first.length}; ` +
        "select ranges of the same size, one value per item in each.",
    );
  }
}

/** Spellings of yes and no in a range of flags, compared without regard to case. */
const YES_TEXT = ["yes", "y", "true", "x", "1"];
const NO_TEXT = ["no", "n", "false", "0"];

/** Returns the flag a cell means, or undefined when it is not a yes/no value. */
function parseFlag(cell: unknown): boolean | undefined {
  if (typeof cell === "boolean") {
    return cell;
  }
  if (cell === 1 || cell === 0) {
    return cell === 1;
  }
  if (typeof cell === "string") {
    const key = cell.trim().toLowerCase();
    if (YES_TEXT.includes(key)) {
      return true;
    }
    if (NO_TEXT.includes(key)) {
      return false;
    }
  }
  return undefined;
}

/**
 * Reads a one-row or one-column range of yes/no flags, such as "stocks the product" per outlet:
 * TRUE or FALSE, 1 or 0, or the text yes/no, y/n, x (yes). Blank cells at the end are ignored.
 * Desktop Excel passes a blank cell inside the range as 0, which reads as no; Excel on the web
 * passes it as blank, which is rejected with its position.
 */
export function readFlags(value: unknown, name: string): boolean[] {
  const cells = readVector(value, name);
  const length = lengthWithoutTrailingBlanks(cells, name);
  const flags = new Array<boolean>(length);
  for (let i = 0; i < length; i++) {
    const cell = cells[i];
    const flag = parseFlag(cell);
    if (flag === undefined) {
      const what = isBlank(cell) ? "is blank" : `contains ${describeCell(cell)}`;
      throw new InvalidInputError(
        `${name}: cell ${i + 1} ${what}; use TRUE or FALSE, 1 or 0, or yes or no.`,
      );
    }
    flags[i] = flag;
  }
  return flags;
}

/** Spellings of each outcome as CRM exports write them, compared without regard to case. */
const OUTCOME_TEXT: Record<DealOutcome, readonly string[]> = {
  won: ["won", "win", "closed won", "closed-won", "closed/won"],
  lost: ["lost", "loss", "closed lost", "closed-lost", "closed/lost"],
  open: ["open", "pending", "in progress"],
};

/** Returns the outcome a cell means, or undefined when it is not an outcome. */
function parseOutcome(cell: unknown): DealOutcome | undefined {
  if (cell === "won" || cell === "lost" || cell === "open") {
    return cell;
  }
  if (isBlank(cell) || cell === 0) {
    return "open";
  }
  if (typeof cell === "boolean") {
    return cell ? "won" : "lost";
  }
  if (typeof cell !== "string") {
    return undefined;
  }
  const key = cell.trim().toLowerCase().replace(/\s+/g, " ");
  const outcomes = Object.keys(OUTCOME_TEXT) as DealOutcome[];
  return outcomes.find((outcome) => OUTCOME_TEXT[outcome].includes(key));
}

/**
 * Reads a one-row or one-column range of deal outcomes: the text "won" or "lost" (also
 * "closed won", "closed lost", "win", "loss"), "open", or TRUE (won) and FALSE (lost). A blank
 * cell is an open deal, and so is 0, which is how desktop Excel passes a blank cell. Blank cells
 * at the end are kept as open deals so the range lines up with the other ranges of the deals.
 */
export function readOutcomes(value: unknown, name: string): DealOutcome[] {
  const cells = readVector(value, name);
  return cells.map((cell, i) => {
    const outcome = parseOutcome(cell);
    if (outcome === undefined) {
      throw new InvalidInputError(
        `${name}: cell ${i + 1} contains ${describeCell(cell)}; use "won", "lost" or "open" ` +
          "(or TRUE for won and FALSE for lost), or leave the cell blank for an open deal.",
      );
    }
    return outcome;
  });
}

/**
 * Reads a one-row or one-column range of dates as Excel serial numbers, keeping a blank cell as
 * null (an open deal has no close date). Desktop Excel passes a blank cell as 0, which is not a
 * date a sales record has, so 0 is blank too. Text, such as a date Excel did not recognise, is
 * rejected with its position.
 */
export function readDateCells(value: unknown, name: string): (number | null)[] {
  const cells = readVector(value, name);
  const dates = new Array<number | null>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === "number" && Number.isFinite(cell) && cell > 0) {
      dates[i] = cell;
    } else if (isBlank(cell) || cell === 0) {
      dates[i] = null;
    } else {
      rejectDateCell(name, i + 1, cell);
    }
  }
  return dates;
}

/** Explains why a cell of a range of dates is rejected. */
function rejectDateCell(name: string, position: number, cell: unknown): never {
  const hint =
    typeof cell === "string"
      ? " Excel did not recognise it as a date; convert it, for example with DATEVALUE."
      : "";
  throw new InvalidInputError(
    `${name}: cell ${position} contains ${describeCell(cell)}, not a date.${hint}`,
  );
}

/** Reads a required date as an Excel serial number of 1 or more. */
export function readDate(value: unknown, name: string): number {
  const scalar = readScalar(value, name);
  if (isBlank(scalar)) {
    throw new InvalidInputError(`${name} is missing; give a date, such as DATE(2025,3,31).`);
  }
  if (typeof scalar !== "number" || !Number.isFinite(scalar) || scalar < 1) {
    throw new InvalidInputError(
      `${name} is ${describeCell(scalar)}, not a date; give a date, such as DATE(2025,3,31).`,
    );
  }
  return scalar;
}

/** Reads an optional date as an Excel serial number, returning null when it is omitted. */
export function readOptionalDate(value: unknown, name: string): number | null {
  return isBlank(readScalar(value, name)) ? null : readDate(value, name);
}

/**
 * Reads a table of numbers, such as a rate table, as rows of `columns.min` to `columns.max`
 * columns. A single row or cell is a table of one row. Blank rows at the end are ignored; a blank
 * cell elsewhere is null when its column is optional (at or after `columns.min`).
 */
export function readNumberTable(
  value: unknown,
  name: string,
  columns: { min: number; max: number },
): (number | null)[][] {
  const rows = asRows(value);
  const width = rows[0].length;
  if (width < columns.min || width > columns.max) {
    const expected =
      columns.min === columns.max ? `${columns.min}` : `${columns.min} to ${columns.max}`;
    throw new InvalidInputError(
      `${name} has ${width} columns but needs ${expected}; select the columns in that order.`,
    );
  }

  let length = rows.length;
  while (length > 0 && rows[length - 1].every(isBlank)) {
    length--;
  }
  if (length === 0) {
    throw new InsufficientDataError(`${name} is empty; select a range with values.`);
  }

  // Plain loops, because a rate table is read on every call of a commission formula.
  const table = new Array<(number | null)[]>(length);
  for (let i = 0; i < length; i++) {
    const row = rows[i];
    const cells = new Array<number | null>(row.length);
    for (let j = 0; j < row.length; j++) {
      cells[j] = readTableCell(row[j], name, i, j, columns.min);
    }
    table[i] = cells;
  }
  return table;
}

/** Returns a range argument as rows: a single value is one row of one cell. */
function asRows(value: unknown): unknown[][] {
  if (!Array.isArray(value)) {
    return [[value]];
  }
  return (Array.isArray(value[0]) ? value : [value]) as unknown[][];
}

/** Reads one cell of a number table; a blank is null in an optional column. */
function readTableCell(
  cell: unknown,
  name: string,
  row: number,
  column: number,
  requiredColumns: number,
): number | null {
  if (typeof cell === "number" && Number.isFinite(cell)) {
    return cell;
  }
  const percent = parsePercentText(cell);
  if (percent !== undefined) {
    return percent;
  }
  const position = `${name}: row ${row + 1}, column ${column + 1}`;
  if (isBlank(cell)) {
    if (column >= requiredColumns) {
      return null;
    }
    throw new InvalidInputError(`${position} is blank; enter a number.`);
  }
  throw new InvalidInputError(
    `${position} contains ${describeCell(cell)}; only numbers are allowed.`,
  );
}

/**
 * Reads a one-row or one-column range of text choices, such as forecast categories, matching any
 * spelling of `choices` regardless of case. A blank cell (or 0, desktop Excel's blank) gives
 * `blankValue`; unknown text is rejected with its position and the accepted values.
 */
export function readChoiceCells<T extends string>(
  value: unknown,
  name: string,
  choices: readonly TextChoice<T>[],
  blankValue: T,
): T[] {
  const spellings = new Map<string, T>();
  for (const choice of choices) {
    for (const spelling of [choice.value, ...choice.aliases]) {
      spellings.set(spelling.toLowerCase(), choice.value);
    }
  }

  const cells = readVector(value, name);
  return cells.map((cell, i) => {
    if (isBlank(cell) || cell === 0) {
      return blankValue;
    }
    const match = typeof cell === "string" ? spellings.get(cell.trim().toLowerCase()) : undefined;
    if (match === undefined) {
      throw new InvalidInputError(
        `${name}: cell ${i + 1} contains ${describeCell(cell)}; use one of ` +
          `${describeChoices(choices)}.`,
      );
    }
    return match;
  });
}
