/**
 * A stand-in for the `CustomFunctions` global that Excel's runtime gives the add-in, so the
 * function adapters run unchanged in Node (tests, the `spm` command, benchmarks).
 */

/** Office's error codes, with the string values of `CustomFunctions.ErrorCode`. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** One of Office's error code strings ("#VALUE!", "#N/A", ...). */
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * An error value a custom function returns or throws, and the value Excel passes for an error
 * cell. Like Office's class, it is not a subclass of `Error`.
 */
export class CustomFunctionError {
  readonly code: ErrorCodeValue;
  readonly message?: string;

  constructor(code: ErrorCodeValue, message?: string) {
    this.code = code;
    if (message !== undefined) {
      this.message = message;
    }
  }
}

/** The shape of the global installed by {@link installCustomFunctionsRuntime}. */
export interface CustomFunctionsRuntime {
  Error: typeof CustomFunctionError;
  ErrorCode: typeof ErrorCode;
}

/**
 * Defines `globalThis.CustomFunctions` with `Error` and `ErrorCode` as Excel's runtime does.
 * An existing global (Excel's own, or one installed earlier) is kept unchanged.
 */
export function installCustomFunctionsRuntime(): void {
  const scope = globalThis as { CustomFunctions?: unknown };
  if (scope.CustomFunctions !== undefined) {
    return;
  }
  const runtime: CustomFunctionsRuntime = { Error: CustomFunctionError, ErrorCode };
  scope.CustomFunctions = runtime;
}

/** Returns the installed runtime, installing the stand-in first when there is none. */
export function customFunctionsRuntime(): CustomFunctionsRuntime {
  installCustomFunctionsRuntime();
  return (globalThis as unknown as { CustomFunctions: CustomFunctionsRuntime }).CustomFunctions;
}

/** True when `value` is an error value of the installed runtime (an instance of its `Error`). */
export function isCustomFunctionError(value: unknown): value is CustomFunctionError {
  return value instanceof customFunctionsRuntime().Error;
}
