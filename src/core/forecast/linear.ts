import { InsufficientDataError, InvalidInputError } from "../errors";
import { countOf } from "./validation";

/** Least-squares line y = intercept + slope · x. */
export interface LinearFit {
  slope: number;
  intercept: number;
}

/**
 * Fits the least-squares line through the points (x[i], y[i]), as Excel's SLOPE and INTERCEPT.
 *
 * slope = Σ (x - x̄)(y - ȳ) / Σ (x - x̄)², intercept = ȳ - slope · x̄, with the sums taken on
 * centred values so that large x (dates as serial numbers) lose no precision.
 *
 * @example fitLinear([6, 7, 9, 15, 21], [20, 28, 31, 38, 40]) // slope 0.70910…, intercept -10.6659…
 * @throws InvalidInputError when the lengths differ or every x is equal.
 * @throws InsufficientDataError when there are fewer than 2 points.
 */
export function fitLinear(y: number[], x: number[]): LinearFit {
  requireMatchingLengths(y, x);
  if (y.length < 2) {
    throw new InsufficientDataError(
      `history has ${countOf(y.length, "value")} but a linear trend needs at least 2.`,
    );
  }

  const xMean = mean(x);
  const yMean = mean(y);

  // Centred cross-product and sum of squares.
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i] - xMean;
    sxy += dx * (y[i] - yMean);
    sxx += dx * dx;
  }
  if (sxx === 0) {
    // Excel's SLOPE returns #DIV/0! here; a message lets the user act.
    throw new InvalidInputError(
      "known_x values are all equal, so no line can be fitted; " +
        "give at least two different x values.",
    );
  }

  const slope = sxy / sxx;
  return { slope, intercept: yMean - slope * xMean };
}

/**
 * Forecasts y at each of `newX` from the least-squares line through (x, y), as Excel's
 * TREND and FORECAST.LINEAR.
 *
 * @example forecastLinear([6, 7, 9, 15, 21], [20, 28, 31, 38, 40], [30]) // [10.607253...]
 * @throws InvalidInputError when the lengths differ or every x is equal.
 * @throws InsufficientDataError when there are fewer than 2 points.
 */
export function forecastLinear(y: number[], x: number[], newX: number[]): number[] {
  const { slope, intercept } = fitLinear(y, x);
  return newX.map((value) => intercept + slope * value);
}

function requireMatchingLengths(y: number[], x: number[]): void {
  if (y.length !== x.length) {
    throw new InvalidInputError(
      `known_x has ${x.length} values but history has ${y.length}; ` +
        "give one x value for each history value.",
    );
  }
}

function mean(values: number[]): number {
  let sum = 0;
  for (const value of values) {
    sum += value;
  }
  return sum / values.length;
}
