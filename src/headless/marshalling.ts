/**
 * Conversion between HyperFormula's values and the values Excel passes to and takes from custom
 * functions, following Excel's marshalling: ranges as row-major 2-D arrays, blank cells as 0
 * (desktop) or null (web), dates as serial numbers, error cells as `CustomFunctions.Error`.
 */
import { CellError, EmptyValue, ErrorType, SimpleRangeValue } from "hyperformula";
import {
  customFunctionsRuntime,
  CustomFunctionError,
  ErrorCodeValue,
} from "./customFunctionsRuntime";

/** Blank-cell marshalling: "zero" as desktop Excel passes blanks, "null" as Excel on the web. */
export type BlankCells = "zero" | "null";

/** A cell value inside HyperFormula's interpreter. */
type InternalCell = unknown;

/** Excel's error code for each HyperFormula error type. */
const EXCEL_CODE_OF_ERROR_TYPE: Record<ErrorType, string> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.REF]: "#REF!",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.CYCLE]: "#CYCLE!",
  [ErrorType.ERROR]: "#ERROR!",
  [ErrorType.SPILL]: "#SPILL!",
  [ErrorType.LIC]: "#LIC!",
};

/** HyperFormula's error type for each Office error code a function may return. */
const ERROR_TYPE_OF_EXCEL_CODE: Record<string, ErrorType> = {
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#N/A": ErrorType.NA,
  "#NAME?": ErrorType.NAME,
  "#NUM!": ErrorType.NUM,
  "#REF!": ErrorType.REF,
  "#VALUE!": ErrorType.VALUE,
};

/** HyperFormula wraps dates, currencies and percentages in objects carrying the number in `val`. */
function rawNumber(value: InternalCell): number | undefined {
  if (typeof value === "number") {
    return value;
  }
  if (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { val?: unknown }).val === "number"
  ) {
    return (value as { val: number }).val;
  }
  return undefined;
}

/** Converts one HyperFormula cell value into the value Excel passes to a custom function. */
export function toExcelArgumentCell(value: InternalCell, blanks: BlankCells): unknown {
  if (value === EmptyValue || value === null || value === undefined) {
    return blanks === "zero" ? 0 : null;
  }
  if (value instanceof CellError) {
    return toCustomFunctionError(value);
  }
  const number = rawNumber(value);
  if (number !== undefined) {
    return number;
  }
  return value;
}

/** Converts a HyperFormula error into the `CustomFunctions.Error` Excel would pass. */
function toCustomFunctionError(error: CellError): CustomFunctionError {
  const runtime = customFunctionsRuntime();
  const code = EXCEL_CODE_OF_ERROR_TYPE[error.type] as ErrorCodeValue;
  return new runtime.Error(code, error.message || undefined);
}

/** Converts a range argument into a row-major 2-D array of Excel values. */
export function rangeToExcelMatrix(range: SimpleRangeValue, blanks: BlankCells): unknown[][] {
  return range.data.map((row) => row.map((cell) => toExcelArgumentCell(cell, blanks)));
}

/**
 * Builds the HyperFormula error for an error code and message coming from a function. Codes
 * HyperFormula has no type for (#NULL!) become #ERROR! with the code kept in the message.
 */
export function errorFromExcelCode(code: unknown, message: string | undefined): CellError {
  const type = typeof code === "string" ? ERROR_TYPE_OF_EXCEL_CODE[code] : undefined;
  if (type === undefined) {
    return new CellError(ErrorType.ERROR, `${String(code)} ${message ?? ""}`.trim());
  }
  return new CellError(type, message);
}

/** True when `value` looks like an Excel error value (`CustomFunctions.Error` or alike). */
export function isExcelErrorValue(value: unknown): value is { code: string; message?: string } {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}

/**
 * Converts one cell of a function's result into HyperFormula's value. A null cell shows as 0 in
 * Excel; a number that is not finite shows as #NUM!.
 */
export function fromExcelResultCell(value: unknown, functionName: string): InternalCell {
  if (value === null || value === undefined) {
    return 0;
  }
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? value
      : new CellError(ErrorType.NUM, `${functionName} returned ${value}.`);
  }
  if (typeof value === "string" || typeof value === "boolean") {
    return value;
  }
  if (isExcelErrorValue(value)) {
    return errorFromExcelCode(value.code, value.message);
  }
  return new CellError(
    ErrorType.VALUE,
    `${functionName} returned a value Excel cannot show in a cell: ${describeValue(value)}.`,
  );
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) {
    return "an array inside a result cell";
  }
  return typeof value === "object" ? "an object" : typeof value;
}

/** Converts a value thrown by a function into the error Excel shows, keeping its message. */
export function errorFromThrown(thrown: unknown): CellError {
  if (isExcelErrorValue(thrown)) {
    return errorFromExcelCode(thrown.code, thrown.message);
  }
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return new CellError(ErrorType.VALUE, detail);
}
