import { requireMinLength, requirePositiveInteger } from "./validation";

/** Number of recent values a moving average forecast uses when the caller gives none. */
export const DEFAULT_MOVING_AVERAGE_WINDOW = 3;

/**
 * Forecasts every future period with the mean of the last `window` values of `y`.
 *
 * The forecast is flat: forecasts are not fed back into the window, so each horizon step gets
 * the same value, as in the usual "moving average forecast" of sales planning.
 *
 * @example forecastMovingAverage([10, 20, 30, 40], 2, 3) // [30, 30]
 * @throws InvalidInputError when `window` is not a whole number of 1 or more.
 * @throws InsufficientDataError when `y` has fewer than `window` values.
 */
export function forecastMovingAverage(y: number[], horizon: number, window: number): number[] {
  requirePositiveInteger("window", window);
  requireMinLength("history", y, window, `a moving average with window ${window}`);

  let sum = 0;
  for (let i = y.length - window; i < y.length; i++) {
    sum += y[i];
  }
  return new Array<number>(horizon).fill(sum / window);
}
