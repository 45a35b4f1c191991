import { InsufficientDataError, InvalidInputError } from "../errors";
import type { SmoothingOptions } from "./exponentialSmoothing";
import {
  countOf,
  firstNonPositivePosition,
  requireMinLength,
  requirePositiveInteger,
  requireUnitInterval,
} from "./validation";

/**
 * Maximum history length accepted. The optimiser runs the recursion 200 to 600 times, so at this
 * length an optimised fit takes 0.5 to 1 s (measured on a 2-core AMD EPYC VM with Node 20),
 * and a longer history would keep Excel busy for many seconds per cell.
 */
export const MAX_SMOOTHING_HISTORY = 100_000;

/**
 * Validates the history, the season and the given parameters of a smoothing model and returns
 * the season length, 1 without a season.
 *
 * @throws InvalidInputError or InsufficientDataError naming the argument at fault.
 */
export function validateSmoothingModel(y: number[], options: SmoothingOptions): number {
  if (y.length > MAX_SMOOTHING_HISTORY) {
    throw new InvalidInputError(
      `history has ${y.length} values but exponential smoothing accepts at most ` +
        `${MAX_SMOOTHING_HISTORY}; pass the most recent ${MAX_SMOOTHING_HISTORY} values.`,
    );
  }
  validateGivenParameters(options);

  if (options.season === "none") {
    const required = options.trend === "none" ? 1 : 2;
    requireMinLength("history", y, required, methodName(options));
    return 1;
  }

  const m = validateSeasonLength(options.seasonLength);
  if (y.length < 2 * m) {
    throw new InsufficientDataError(
      `season_length is ${m} but the history has ${countOf(y.length, "value")}; ` +
        `at least ${2 * m} (two full seasons) are needed.`,
    );
  }
  if (options.season === "multiplicative") {
    requirePositiveHistory(y);
  }
  return m;
}

function validateSeasonLength(seasonLength: number | undefined): number {
  if (seasonLength === undefined) {
    throw new InvalidInputError("season_length is missing; give the number of periods per season.");
  }
  requirePositiveInteger("season_length", seasonLength);
  if (seasonLength === 1) {
    throw new InvalidInputError(
      "season_length is 1, which means no seasonality; use SPM.FORECAST.HOLT for a trend " +
        "without a season, or give a season_length of 2 or more.",
    );
  }
  return seasonLength;
}

function requirePositiveHistory(y: number[]): void {
  const position = firstNonPositivePosition(y);
  if (position > 0) {
    throw new InvalidInputError(
      `history value ${position} is ${y[position - 1]}, but multiplicative seasonality needs ` +
        'values above 0; use seasonality "additive".',
    );
  }
}

function validateGivenParameters(options: SmoothingOptions): void {
  for (const name of ["alpha", "beta", "gamma"] as const) {
    const value = options[name];
    if (value !== null && value !== undefined) {
      requireUnitInterval(name, value);
    }
  }
  const phi = options.phi;
  if (phi !== null && phi !== undefined && !(phi > 0 && phi <= 1)) {
    throw new InvalidInputError(`phi is ${phi} but must be above 0 and at most 1.`);
  }
}

function methodName(options: SmoothingOptions): string {
  if (options.trend === "none") {
    return "simple exponential smoothing";
  }
  return options.trend === "damped" ? "a damped trend" : "a Holt trend";
}
