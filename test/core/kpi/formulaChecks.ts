import { EngineValue, SpreadsheetEngine, isEngineError } from "../../../src/headless/engine";

// Checks shared by the formula tests of the SPM.COST, SPM.COMMISSION and SPM.KPI functions.

/**
 * Tolerance for results compared with a spreadsheet formula or an R computation: both compute
 * the same few floating-point operations, so they agree to rounding (about 1e-15 relative), and
 * 1e-9 leaves room for a different order of the operations.
 */
export const FORMULA_TOLERANCE = 1e-9;

/** Builds a sheet column with `values` from row 1 down. */
export function column(values: readonly unknown[]): unknown[][] {
  return values.map((value) => [value]);
}

/** Returns a formula result as a number, failing with the result when it is not one. */
export function numberOf(value: EngineValue): number {
  if (typeof value !== "number") {
    throw new Error(`expected a number, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Checks that a formula result is the number `expected` within `tolerance` (relative above 1). */
export function expectNumber(
  value: EngineValue,
  expected: number,
  tolerance = FORMULA_TOLERANCE,
): void {
  const actual = numberOf(value);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    tolerance * Math.max(1, Math.abs(expected)),
  );
}

/**
 * Checks that `formula` gives the same number as `reference`, a formula of Excel's own
 * functions evaluated in the same engine and sheet.
 */
export function expectSameAs(engine: SpreadsheetEngine, formula: string, reference: string): void {
  const expected = numberOf(engine.evaluate(reference));
  expectNumber(engine.evaluate(formula), expected);
}

/** Checks that a formula result is the error `code` with a message matching `message`. */
export function expectError(value: EngineValue, code: string, message?: RegExp): void {
  expect(isEngineError(value)).toBe(true);
  const error = value as { error: string; message: string };
  expect(error.error).toBe(code);
  if (message !== undefined) {
    expect(error.message).toMatch(message);
  }
}

/** Returns a spilled result as rows, failing when the formula did not spill. */
export function rowsOf(value: EngineValue): EngineValue[][] {
  if (!Array.isArray(value)) {
    throw new Error(`expected a spilled table, got ${JSON.stringify(value)}`);
  }
  return value;
}
