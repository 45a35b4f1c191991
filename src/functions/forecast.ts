/**
 * The SPM.FORECAST.* custom functions: thin adapters that read Excel's arguments, call the
 * forecasting methods in `core/forecast` and return a spilled column, a scalar or a table.
 *
 * The JSDoc of each exported function is the function's metadata for Excel
 * (custom-functions-metadata): the first line is the description shown in formula
 * autocomplete, `@param` the argument help, `@customfunction` the id under the SPM namespace.
 * `@example` and `@errors` are read only by the function reference in the README.
 */
import {
  ACCURACY_METRICS,
  AccuracyMetric,
  DEFAULT_CROSTON_ALPHA,
  DEFAULT_MOVING_AVERAGE_WINDOW,
  computeAccuracy,
  detectSeasonLength,
  fitLinear,
  forecastCroston,
  forecastHolt,
  forecastHoltWinters,
  forecastMovingAverage,
  forecastSeasonalNaive,
  forecastSes,
} from "../core/forecast";
import { InvalidInputError, isDomainError } from "../core/errors";
import {
  TextChoice,
  readHorizon,
  readOptionalChoice,
  readOptionalNumber,
  readOptionalPositiveInteger,
  readOptionalProbability,
  readOptionalSeries,
  readPositiveInteger,
  readSeries,
} from "./arguments";
import { runCustomFunction } from "./errors";
import { ResultCell, toColumn, toNumber, toTable } from "./results";

/**
 * Largest relative difference between two steps of known_x that still counts as evenly spaced.
 * It absorbs the rounding of decimal steps such as 0.1 in binary floating point (about 1e-16
 * per value) with a wide margin, while a one-day difference between serial dates is far above.
 */
const EVEN_SPACING_TOLERANCE = 1e-9;

/** Spellings of the seasonality argument of FORECAST.HOLTWINTERS. */
const SEASONALITY_CHOICES: readonly TextChoice<"additive" | "multiplicative">[] = [
  { value: "additive", aliases: ["add"] },
  { value: "multiplicative", aliases: ["mult"] },
];

/** Names of the accuracy metrics as FORECAST.ACCURACY shows and accepts them. */
const METRIC_LABELS: Record<AccuracyMetric, string> = {
  MAE: "MAE",
  RMSE: "RMSE",
  MAPE: "MAPE",
  SMAPE: "sMAPE",
  WAPE: "WAPE",
  MASE: "MASE",
  BIAS: "Bias",
};

const METRIC_CHOICES: readonly TextChoice<AccuracyMetric>[] = ACCURACY_METRICS.map((metric) => ({
  value: metric,
  aliases: METRIC_LABELS[metric] === metric ? [] : [METRIC_LABELS[metric]],
}));

/**
 * Forecasts a straight least-squares trend, as Excel's TREND and FORECAST.LINEAR.
 * @customfunction FORECAST.LINEAR
 * @param history Past values in time order, one row or one column. Select only filled cells: desktop Excel passes a blank cell as 0, which counts as a real 0 (Excel on the web passes it as empty, and empty cells at the end are ignored).
 * @param horizon Number of future periods to forecast, a whole number from 1 to 10000.
 * @param [known_x] Optional. The x value (period number or date) of each history value, same count as history. Omit it to use 1, 2, 3, ...
 * @param [new_x] Optional. The x values to forecast, one per period of horizon. Omit it to continue the evenly spaced known_x: n+1, n+2, ... or the last known_x plus its step.
 * @returns A column of horizon forecasts.
 * @example =SPM.FORECAST.LINEAR(B2:B13, 5)
 * @errors #VALUE! when a cell is not a number, known_x and history differ in count, new_x does not have horizon values, or known_x is not evenly spaced and new_x is omitted; #N/A with fewer than 2 values.
 */
export function linear(
  history: any[][],
  horizon: number,
  known_x?: any[][],
  new_x?: any[][],
): number[][] {
  return runCustomFunction("FORECAST.LINEAR", () => {
    const y = readSeries(history, "history");
    const h = readHorizon(horizon);
    const x = readOptionalSeries(known_x, "known_x") ?? periodNumbers(1, y.length);
    const givenNewX = readOptionalSeries(new_x, "new_x");

    const { slope, intercept } = fitLinear(y, x);

    const newX = givenNewX ?? continueEvenlySpaced(x, h);
    if (newX.length !== h) {
      throw new InvalidInputError(
        `new_x has ${newX.length} values but horizon is ${h}; ` +
          "give one new_x value for each period to forecast.",
      );
    }
    return toColumn(
      newX.map((value) => intercept + slope * value),
      "the forecast",
    );
  });
}

/** Returns `count` period numbers: first, first + 1, first + 2, ... */
function periodNumbers(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}

/**
 * Continues evenly spaced x values by `count` more steps. Uneven x values (monthly dates as
 * serial numbers, for instance) have no single next value, so the user must give new_x.
 */
function continueEvenlySpaced(x: readonly number[], count: number): number[] {
  const n = x.length;
  const step = (x[n - 1] - x[0]) / (n - 1);
  const scale = Math.max(Math.abs(x[0]), Math.abs(x[n - 1]), Math.abs(step));

  for (let i = 1; i < n; i++) {
    if (Math.abs(x[i] - x[i - 1] - step) > EVEN_SPACING_TOLERANCE * scale) {
      throw new InvalidInputError(
        `known_x is not evenly spaced (values ${i} and ${i + 1} are ${x[i] - x[i - 1]} apart, ` +
          `the average step is ${step}); give the x values to forecast in new_x.`,
      );
    }
  }
  return periodNumbers(1, count).map((k) => x[n - 1] + k * step);
}

/**
 * Forecasts every future period with the mean of the last values (moving average).
 * @customfunction FORECAST.MOVINGAVG
 * @param history Past values in time order, one row or one column. Select only filled cells: desktop Excel passes a blank cell as 0, which counts as a real 0 (Excel on the web passes it as empty, and empty cells at the end are ignored).
 * @param horizon Number of future periods to forecast, a whole number from 1 to 10000.
 * @param [window] Optional. Number of most recent values to average, a whole number of 1 or more. Omit it to use 3.
 * @returns A column of horizon forecasts, all equal to the mean of the last window values.
 * @example =SPM.FORECAST.MOVINGAVG(B2:B25, 6, 4)
 * @errors #VALUE! when a cell is not a number or window is not a whole number of 1 or more; #N/A when history has fewer than window values.
 */
export function movingAverage(history: any[][], horizon: number, window?: number): number[][] {
  return runCustomFunction("FORECAST.MOVINGAVG", () => {
    const y = readSeries(history, "history");
    const h = readHorizon(horizon);
    const size = readOptionalPositiveInteger(window, "window", DEFAULT_MOVING_AVERAGE_WINDOW);
    return toColumn(forecastMovingAverage(y, h, size), "the forecast");
  });
}

/**
 * Forecasts each future period with the value one season earlier (seasonal naive).
 * @customfunction FORECAST.SEASONALNAIVE
 * @param history Past values in time order, one row or one column. Select only filled cells: desktop Excel passes a blank cell as 0, which counts as a real 0 (Excel on the web passes it as empty, and empty cells at the end are ignored).
 * @param horizon Number of future periods to forecast, a whole number from 1 to 10000.
 * @param season_length Number of periods in one season, such as 12 for monthly data with a yearly pattern.
 * @returns A column of horizon forecasts repeating the last season.
 * @example =SPM.FORECAST.SEASONALNAIVE(B2:B37, 12, 12)
 * @errors #VALUE! when a cell is not a number or season_length is not a whole number of 1 or more; #N/A when history is shorter than one season.
 */
export function seasonalNaive(
  history: any[][],
  horizon: number,
  season_length: number,
): number[][] {
  return runCustomFunction("FORECAST.SEASONALNAIVE", () => {
    const y = readSeries(history, "history");
    const h = readHorizon(horizon);
    const m = readPositiveInteger(season_length, "season_length");
    return toColumn(forecastSeasonalNaive(y, h, m), "the forecast");
  });
}

/**
 * Forecasts by simple exponential smoothing (level only), initialised as R forecast's initial = "simple".
 * @customfunction FORECAST.SES
 * @param history Past values in time order, one row or one column. Select only filled cells: desktop Excel passes a blank cell as 0, which counts as a real 0 (Excel on the web passes it as empty, and empty cells at the end are ignored).
 * @param horizon Number of future periods to forecast, a whole number from 1 to 10000.
 * @param [alpha] Optional. Smoothing parameter for the level, 0 to 1. Omit it to choose the value with the smallest sum of squared one-step errors.
 * @returns A column of horizon forecasts, all equal to the last smoothed level. The level starts at the first value.
 * @example =SPM.FORECAST.SES(B2:B49, 12, 0.3)
 * @errors #VALUE! when a cell is not a number or alpha is outside 0 to 1; #N/A when history is too short.
 */
export function ses(history: any[][], horizon: number, alpha?: number): number[][] {
  return runCustomFunction("FORECAST.SES", () => {
    const y = readSeries(history, "history");
    const h = readHorizon(horizon);
    const levelSmoothing = readOptionalProbability(alpha, "alpha", null);
    return toColumn(forecastSes(y, h, levelSmoothing).forecast, "the forecast");
  });
}

/**
 * Forecasts by Holt's linear trend method, optionally damped, initialised as R forecast's initial = "simple".
 * @customfunction FORECAST.HOLT
 * @param history Past values in time order, one row or one column. Select only filled cells: desktop Excel passes a blank cell as 0, which counts as a real 0 (Excel on the web passes it as empty, and empty cells at the end are ignored).
 * @param horizon Number of future periods to forecast, a whole number from 1 to 10000.
 * @param [alpha] Optional. Smoothing parameter for the level, 0 to 1. Omit it to choose the value with the smallest sum of squared one-step errors.
 * @param [beta] Optional. Smoothing parameter for the trend, 0 to 1. Omit it to choose the value with the smallest sum of squared one-step errors.
 * @param [phi] Optional. Damping of the trend, greater than 0 and at most 1. Omit it for an undamped trend (phi = 1 is the same).
 * @returns A column of horizon forecasts. The level starts at the first value and the trend at the second value minus the first.
 * @example =SPM.FORECAST.HOLT(B2:B49, 12, 0.4, 0.1, 0.9)
 * @errors #VALUE! when a cell is not a number, alpha or beta is outside 0 to 1, or phi is outside (0, 1]; #N/A when history is too short.
 */
export function holt(
  history: any[][],
  horizon: number,
  alpha?: number,
  beta?: number,
  phi?: number,
): number[][] {
  return runCustomFunction("FORECAST.HOLT", () => {
    const y = readSeries(history, "history");
    const h = readHorizon(horizon);
    const levelSmoothing = readOptionalProbability(alpha, "alpha", null);
    const trendSmoothing = readOptionalProbability(beta, "beta", null);
    const damping = readOptionalNumber(phi, "phi", null, { min: 0, minExclusive: true, max: 1 });
    const fit = forecastHolt(y, h, levelSmoothing, trendSmoothing, damping);
    return toColumn(fit.forecast, "the forecast");
  });
}

/**
 * Forecasts by the Holt-Winters method (level, trend, season), initialised as R forecast's initial = "simple".
 * @customfunction FORECAST.HOLTWINTERS
 * @param history Past values in time order, one row or one column, at least two full seasons. Select only filled cells: desktop Excel passes a blank cell as 0, which counts as a real 0 (Excel on the web passes it as empty, and empty cells at the end are ignored).
 * @param horizon Number of future periods to forecast, a whole number from 1 to 10000.
 * @param season_length Number of periods in one season, such as 12 for monthly data with a yearly pattern.
 * @param [seasonality] Optional. "additive" (seasonal swings of constant size) or "multiplicative" (swings that grow with the level; all values must be above 0). Omit it for additive.
 * @param [alpha] Optional. Smoothing parameter for the level, 0 to 1. Omit it to choose the value with the smallest sum of squared one-step errors.
 * @param [beta] Optional. Smoothing parameter for the trend, 0 to 1. Omit it to choose the value with the smallest sum of squared one-step errors.
 * @param [gamma] Optional. Smoothing parameter for the seasonal indices, 0 to 1. Omit it to choose the value with the smallest sum of squared one-step errors.
 * @returns A column of horizon forecasts. The level starts at the mean of the first season, the trend at the change between the first two season means per period, and the seasonal indices at the first season's deviations from (or ratios to) its mean.
 * @example =SPM.FORECAST.HOLTWINTERS(B2:B49, 12, 12, "multiplicative")
 * @errors #VALUE! when a cell is not a number, seasonality is unknown, a smoothing parameter is outside 0 to 1, or multiplicative seasonality meets a value of 0 or less; #N/A when history has fewer than two full seasons.
 */
export function holtWinters(
  history: any[][],
  horizon: number,
  season_length: number,
  seasonality?: string,
  alpha?: number,
  beta?: number,
  gamma?: number,
): number[][] {
  return runCustomFunction("FORECAST.HOLTWINTERS", () => {
    const y = readSeries(history, "history");
    const h = readHorizon(horizon);
    const m = readPositiveInteger(season_length, "season_length");
    const kind = readOptionalChoice(seasonality, "seasonality", SEASONALITY_CHOICES, "additive");
    const levelSmoothing = readOptionalProbability(alpha, "alpha", null);
    const trendSmoothing = readOptionalProbability(beta, "beta", null);
    const seasonalSmoothing = readOptionalProbability(gamma, "gamma", null);
    const fit = forecastHoltWinters(
      y,
      h,
      m,
      kind,
      levelSmoothing,
      trendSmoothing,
      seasonalSmoothing,
    );
    return toColumn(fit.forecast, "the forecast");
  });
}

/**
 * Forecasts intermittent demand (many zero periods) by Croston's method.
 * @customfunction FORECAST.CROSTON
 * @param history Past demand in time order, one row or one column, with zeros for periods without demand. Select only filled cells: desktop Excel passes a blank cell as 0, which counts as a real 0 (Excel on the web passes it as empty, and empty cells at the end are ignored).
 * @param horizon Number of future periods to forecast, a whole number from 1 to 10000.
 * @param [alpha] Optional. Smoothing parameter for the demand size and the interval between demands, 0 to 1. Omit it to use 0.1.
 * @returns A column of horizon forecasts, all equal to the smoothed demand per period.
 * @example =SPM.FORECAST.CROSTON(B2:B37, 6, 0.1)
 * @errors #VALUE! when a cell is not a number or alpha is outside 0 to 1; #N/A when history has too few periods with demand.
 */
export function croston(history: any[][], horizon: number, alpha?: number): number[][] {
  return runCustomFunction("FORECAST.CROSTON", () => {
    const y = readSeries(history, "history");
    const h = readHorizon(horizon);
    const smoothing = readOptionalProbability(alpha, "alpha", DEFAULT_CROSTON_ALPHA);
    return toColumn(forecastCroston(y, h, smoothing), "the forecast");
  });
}

/**
 * Detects the season length of a history, such as 12 for a yearly pattern in monthly data.
 * @customfunction FORECAST.SEASONALITY
 * @param history Past values in time order, one row or one column. Select only filled cells: desktop Excel passes a blank cell as 0, which counts as a real 0 (Excel on the web passes it as empty, and empty cells at the end are ignored).
 * @returns The number of periods in one season, a whole number.
 * @example =SPM.FORECAST.SEASONALITY(B2:B49)
 * @errors #VALUE! when a cell is not a number. A history of fewer than 4 values cannot show a season and gives 1.
 */
export function seasonality(history: any[][]): number {
  return runCustomFunction("FORECAST.SEASONALITY", () => {
    const y = readSeries(history, "history");
    return toNumber(detectSeasonLength(y), "the season length");
  });
}

/**
 * Measures forecast accuracy against actual values: MAE, RMSE, MAPE, sMAPE, WAPE, MASE or bias.
 * @customfunction FORECAST.ACCURACY
 * @param actual Actual values in time order, one row or one column.
 * @param forecast Forecast values for the same periods, as many as actual.
 * @param [metric] Optional. One of MAE, RMSE, MAPE, sMAPE, WAPE, MASE, bias (any case). Omit it for a table of all metrics.
 * @param [history] Optional. Values before the actual period, needed for MASE, which scales the error by the in-sample error of the seasonal naive forecast.
 * @param [season_length] Optional. Season length for MASE's naive forecast. Omit it to use 1 (the previous value).
 * @returns With metric, one number. Without metric, a table of two columns (metric name, value), one row per metric in the order MAE, RMSE, MAPE, sMAPE, WAPE, MASE, Bias. A metric that cannot be computed shows text saying why in place of its value ("needs history" for MASE without history), so the other metrics still appear.
 * @example =SPM.FORECAST.ACCURACY(C2:C13, SPM.FORECAST.SES(B2:B37, 12))
 * @errors #VALUE! when a cell is not a number, actual and forecast differ in count, metric is unknown, or the chosen metric divides by 0 (MAPE with an actual of 0); #N/A when MASE has no history longer than season_length.
 */
export function accuracy(
  actual: any[][],
  forecast: any[][],
  metric?: string,
  history?: any[][],
  season_length?: number,
): any[][] {
  return runCustomFunction("FORECAST.ACCURACY", () => {
    const actualValues = readSeries(actual, "actual");
    const forecastValues = readSeries(forecast, "forecast");
    const chosen = readOptionalChoice(metric, "metric", METRIC_CHOICES, null);
    const past = readOptionalSeries(history, "history");
    const m = readOptionalPositiveInteger(season_length, "season_length", null);

    if (actualValues.length !== forecastValues.length) {
      throw new InvalidInputError(
        `actual has ${actualValues.length} values but forecast has ${forecastValues.length}; ` +
          "give one forecast for each actual value.",
      );
    }

    if (chosen !== null) {
      const value = computeAccuracy(actualValues, forecastValues, chosen, past, m);
      return [[toNumber(value, METRIC_LABELS[chosen])]];
    }
    const rows = ACCURACY_METRICS.map((name): ResultCell[] => [
      METRIC_LABELS[name],
      metricCell(name, actualValues, forecastValues, past, m),
    ]);
    return toTable(rows, "the accuracy table");
  });
}

/**
 * Computes one metric for the table of all metrics. A metric that this data cannot support
 * becomes a short text, so one missing metric does not turn the whole table into an error.
 */
function metricCell(
  metric: AccuracyMetric,
  actual: number[],
  forecast: number[],
  history: number[] | null,
  seasonLength: number | null,
): ResultCell {
  if (metric === "MASE" && history === null) {
    return "needs history";
  }
  try {
    const value = computeAccuracy(actual, forecast, metric, history, seasonLength);
    return Number.isFinite(value) ? value : "not a finite number";
  } catch (error) {
    if (isDomainError(error)) {
      return error.message;
    }
    throw error;
  }
}
