/**
 * Registry of forecast methods by name, for batch forecasting (`spm forecast`) and the M3
 * benchmark. Every method has the same signature, so a new method is one entry in
 * FORECAST_METHODS.
 */
import { InvalidInputError } from "../errors";
import { DEFAULT_CROSTON_ALPHA, forecastCroston } from "./croston";
import { fitExponentialSmoothing } from "./exponentialSmoothing";
import { forecastNamedMethod } from "./fittedMethods";
import { forecastHolt } from "./holt";
import { forecastHoltWinters } from "./holtWinters";
import { forecastLinear } from "./linear";
import { DEFAULT_MOVING_AVERAGE_WINDOW, forecastMovingAverage } from "./movingAverage";
import { forecastSeasonalNaive } from "./seasonalNaive";
import { detectSeasonLength } from "./seasonality";
import { forecastSes } from "./ses";
import { requireFiniteResult, requirePositiveInteger } from "./validation";

/** Options shared by every method. A method ignores the ones it has no use for. */
export interface ForecastMethodOptions {
  /** Periods per season (12 for monthly data). Seasonal methods detect it when omitted. */
  seasonLength?: number;
  /**
   * Coverage of the prediction intervals in percent (95 for 95 % intervals), as R's `level`.
   * Methods without intervals ignore it.
   */
  level?: number;
}

/** Point forecasts for periods n+1 … n+horizon, with prediction interval bounds when given. */
export interface MethodForecast {
  mean: number[];
  lower?: number[];
  upper?: number[];
}

/** A forecast method: history in time order, the number of periods to forecast, options. */
export type ForecastMethod = (
  history: number[],
  horizon: number,
  options: ForecastMethodOptions,
) => MethodForecast;

/** The methods by name. New methods are appended here, so keep each entry a line or two. */
export const FORECAST_METHODS: Record<string, ForecastMethod> = {
  naive: (y, h) => ({ mean: forecastSeasonalNaive(y, h, 1) }),
  snaive: (y, h, o) => ({ mean: forecastSeasonalNaive(y, h, seasonLengthOf(y, o)) }),
  ses: (y, h) => ({ mean: forecastSes(y, h, null).forecast }),
  holt: (y, h) => ({ mean: forecastHolt(y, h, null, null, null).forecast }),
  damped: (y, h) => ({ mean: forecastDampedTrend(y, h) }),
  "holtwinters-additive": (y, h, o) => ({ mean: forecastSeasonal(y, h, o, "additive") }),
  "holtwinters-multiplicative": (y, h, o) => ({
    mean: forecastSeasonal(y, h, o, "multiplicative"),
  }),
  linear: (y, h) => ({ mean: forecastLinearTrend(y, h) }),
  movingavg: (y, h) => ({ mean: forecastMovingAverage(y, h, DEFAULT_MOVING_AVERAGE_WINDOW) }),
  croston: (y, h) => ({ mean: forecastCroston(y, h, DEFAULT_CROSTON_ALPHA) }),
  ets: (y, h, o) => forecastNamedMethod("ets", y, h, o),
  theta: (y, h, o) => forecastNamedMethod("theta", y, h, o),
  auto: (y, h, o) => forecastNamedMethod("auto", y, h, o),
};

/** Names of the registered methods in registration order. */
export function forecastMethodNames(): string[] {
  return Object.keys(FORECAST_METHODS);
}

/**
 * Forecasts `horizon` periods of `history` with the method registered as `name`, after checking
 * the arguments, and checks that the result has `horizon` finite values in each part.
 *
 * @throws InvalidInputError for an unknown method, a horizon that is not a whole number of 1 or
 *   more, a level outside (0, 100), a non-finite history value or a non-finite result.
 *   Other domain errors come from the method itself.
 * @throws Error when the method's result has the wrong length or only one interval bound.
 */
export function runForecastMethod(
  name: string,
  history: number[],
  horizon: number,
  options: ForecastMethodOptions = {},
): MethodForecast {
  const method = Object.prototype.hasOwnProperty.call(FORECAST_METHODS, name)
    ? FORECAST_METHODS[name]
    : undefined;
  if (method === undefined) {
    throw new InvalidInputError(
      `The forecast method is unknown: ${name}. The methods are ${forecastMethodNames().join(", ")}.`,
    );
  }
  requirePositiveInteger("horizon", horizon);
  requireLevel(options.level);
  requireFiniteHistory(history);

  const result = method(history, horizon, options);
  requireParts(name, result, horizon);
  return result;
}

/** Season length given in the options, or the one detected in the history. */
function seasonLengthOf(history: number[], options: ForecastMethodOptions): number {
  return options.seasonLength ?? detectSeasonLength(history);
}

/** Holt's trend damped by an optimised phi in [0.8, 0.98]. */
function forecastDampedTrend(history: number[], horizon: number): number[] {
  return fitExponentialSmoothing(history, horizon, { trend: "damped", season: "none" }).forecast;
}

/** Holt-Winters with every smoothing parameter optimised. */
function forecastSeasonal(
  history: number[],
  horizon: number,
  options: ForecastMethodOptions,
  seasonality: "additive" | "multiplicative",
): number[] {
  const seasonLength = seasonLengthOf(history, options);
  return forecastHoltWinters(history, horizon, seasonLength, seasonality, null, null, null)
    .forecast;
}

/** Least-squares line over the periods 1 … n, extended to n+1 … n+horizon. */
function forecastLinearTrend(history: number[], horizon: number): number[] {
  const periods = history.map((_, i) => i + 1);
  const future = Array.from({ length: horizon }, (_, i) => history.length + i + 1);
  return forecastLinear(history, periods, future);
}

function requireLevel(level: number | undefined): void {
  if (level !== undefined && !(Number.isFinite(level) && level > 0 && level < 100)) {
    throw new InvalidInputError(
      `level is ${level} but must be a percentage between 0 and 100, such as 80 or 95.`,
    );
  }
}

function requireFiniteHistory(history: number[]): void {
  const index = history.findIndex((value) => !Number.isFinite(value));
  if (index >= 0) {
    throw new InvalidInputError(
      `history value ${index + 1} is ${history[index]}; give finite numbers only.`,
    );
  }
}

/**
 * Checks each part of a method's result: `horizon` values, all finite, with both interval bounds
 * or neither. A wrong shape is a defect of the method, so it raises a plain Error.
 */
function requireParts(name: string, result: MethodForecast, horizon: number): void {
  if ((result.lower === undefined) !== (result.upper === undefined)) {
    throw new Error(`The ${name} method returned one interval bound without the other.`);
  }
  const parts: [string, number[] | undefined][] = [
    ["mean", result.mean],
    ["lower", result.lower],
    ["upper", result.upper],
  ];
  for (const [part, values] of parts) {
    if (values === undefined) {
      continue;
    }
    if (values.length !== horizon) {
      throw new Error(
        `The ${name} method returned ${values.length} ${part} values for a horizon of ${horizon}.`,
      );
    }
    requireFiniteResult(values, `the ${name} method cannot forecast this history.`);
  }
}
