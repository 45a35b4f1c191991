import { InvalidInputError } from "../errors";
import { requireMinLength, requireUnitInterval } from "./validation";

/** Smoothing parameter of Croston's method when the caller gives none, R's default. */
export const DEFAULT_CROSTON_ALPHA = 0.1;

/**
 * Forecasts intermittent demand with Croston's method, as R's `forecast::croston(y, h, alpha)`
 * (forecast 8.20).
 *
 * The non-zero demands z and the intervals p between them are each smoothed by simple
 * exponential smoothing with l0 equal to the first value. The first interval counts from the
 * start of the series. The flat forecast is the ratio of the final levels, ẑ / p̂. As in R, a
 * series without demand forecasts 0, and one with a single demand forecasts that demand divided
 * by its position.
 *
 * @example forecastCroston([0, 2, 0, 0, 4], 2, 0.1) // [1.0476…, 1.0476…] = 2.2 / 2.1
 * @throws InvalidInputError when alpha is outside [0, 1] or a value is negative.
 * @throws InsufficientDataError when the history is empty.
 */
export function forecastCroston(y: number[], horizon: number, alpha: number): number[] {
  requireUnitInterval("alpha", alpha);
  requireMinLength("history", y, 1, "Croston's method");
  requireNonNegative(y);

  const { demands, intervals } = splitDemand(y);
  let rate: number;
  if (demands.length === 0) {
    rate = 0;
  } else if (demands.length === 1) {
    rate = demands[0] / intervals[0];
  } else {
    rate = finalSesLevel(demands, alpha) / finalSesLevel(intervals, alpha);
  }
  return new Array<number>(horizon).fill(rate);
}

/** Non-zero demand sizes and the number of periods since the previous demand. */
function splitDemand(y: number[]): { demands: number[]; intervals: number[] } {
  const demands: number[] = [];
  const intervals: number[] = [];
  let previous = 0;
  y.forEach((value, i) => {
    if (value > 0) {
      demands.push(value);
      intervals.push(i + 1 - previous);
      previous = i + 1;
    }
  });
  return { demands, intervals };
}

/** Final level of simple exponential smoothing with l0 = v1: l[t] = α v[t] + (1 - α) l[t-1]. */
function finalSesLevel(values: number[], alpha: number): number {
  let level = values[0];
  for (const value of values) {
    level = alpha * value + (1 - alpha) * level;
  }
  return level;
}

function requireNonNegative(y: number[]): void {
  const index = y.findIndex((value) => value < 0);
  if (index >= 0) {
    throw new InvalidInputError(
      `history value ${index + 1} is ${y[index]}, but Croston's method needs demand of 0 or ` +
        "more; remove returns or negative corrections from the history.",
    );
  }
}
