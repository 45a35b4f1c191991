/**
 * The boundary between custom functions and Excel's error values. Every custom function runs its
 * body through `runCustomFunction`, or catches what its body throws and rethrows it through
 * `toExcelError`, so a cell shows either a result or an error value with a message, never an
 * exception.
 */
import { InsufficientDataError, InvalidInputError } from "../core/errors";

/**
 * True when `value` is an Excel error value as Excel passes it to a custom function: a
 * `CustomFunctions.Error` instance. Objects with an Excel error code such as "#N/A" in `code`
 * also count, so an error made by another copy of the runtime is still recognised.
 */
export function isExcelError(value: unknown): value is CustomFunctions.Error {
  if (typeof CustomFunctions !== "undefined" && value instanceof CustomFunctions.Error) {
    return true;
  }
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}

/** Builds the #VALUE! error, the only Excel error besides #N/A that shows a message. */
export function invalidValueError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** Builds the #N/A error, used for missing data or too few values. */
export function notAvailableError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}

/**
 * Converts anything a custom function body throws into the error value Excel shows: a user's
 * mistake (`InvalidInputError`) becomes #VALUE!, too little data (`InsufficientDataError`)
 * becomes #N/A, an Excel error value passes through unchanged, and any other exception becomes
 * #VALUE! with "Internal error in SPM.<id>: ..." so that the cell still explains itself.
 */
export function toExcelError(functionId: string, error: unknown): CustomFunctions.Error {
  if (error instanceof InvalidInputError) {
    return invalidValueError(error.message);
  }
  if (error instanceof InsufficientDataError) {
    return notAvailableError(error.message);
  }
  if (isExcelError(error)) {
    return error;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return invalidValueError(`Internal error in SPM.${functionId}: ${detail}`);
}

/**
 * Runs the body of the custom function `functionId` (such as "FORECAST.SES") and returns its
 * result, or throws the Excel error value that `toExcelError` makes of its exception.
 */
export function runCustomFunction<T>(functionId: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw toExcelError(functionId, error);
  }
}
