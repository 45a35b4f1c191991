/**
 * Division by zero in the sales ratios. Excel's own `=A1/B1` shows #DIV/0! when B1 is 0, so a
 * ratio whose denominator is 0 raises this error, which the function adapters show as #DIV/0!.
 */

/** A ratio whose denominator is 0 (#DIV/0! in the cell, as Excel's division gives). */
export class DivisionByZeroError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DivisionByZeroError";
  }
}

/** Returns numerator / denominator, raising `DivisionByZeroError` when the denominator is 0. */
export function divide(numerator: number, denominator: number, denominatorName: string): number {
  if (denominator === 0) {
    throw new DivisionByZeroError(`${denominatorName} is 0.`);
  }
  return numerator / denominator;
}

/** Returns the sum of `values`. */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) {
    total += value;
  }
  return total;
}
