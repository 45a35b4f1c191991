import { InsufficientDataError, InvalidInputError } from "../errors";
import { countOf, requirePositiveInteger } from "./validation";

/** Forecast accuracy measure. */
export type AccuracyMetric = "MAE" | "RMSE" | "MAPE" | "SMAPE" | "WAPE" | "MASE" | "BIAS";

/** Every accuracy measure `computeAccuracy` supports. */
export const ACCURACY_METRICS: readonly AccuracyMetric[] = [
  "MAE",
  "RMSE",
  "MAPE",
  "SMAPE",
  "WAPE",
  "MASE",
  "BIAS",
];

/**
 * Computes a forecast accuracy measure of `forecast` against `actual`, with e = A - F:
 * - MAE = mean |e|; RMSE = √(mean e²), in the units of the data.
 * - MAPE = 100 · mean |e / A|, in percent (12.5 means 12.5 %), as R's `forecast::accuracy`.
 * - SMAPE = 100 · mean (2 |e| / (|A| + |F|)), in percent from 0 to 200, the M3 competition's
 *   definition; a period with A = F = 0 counts as 0.
 * - WAPE = 100 · Σ |e| / Σ |A|, in percent.
 * - MASE = mean |e| / mean |y[t] - y[t-m]| over the history y, as R's `forecast::accuracy`:
 *   the scale is the in-sample error of the naive forecast, seasonal when season_length m > 1.
 * - BIAS = mean (F - A), in the units of the data: positive when the forecast is too high.
 *
 * @param history in-sample values, needed only by MASE.
 * @param seasonLength season length m of the MASE scale; null or omitted means 1.
 * @throws InvalidInputError when the lengths differ, MAPE meets an actual of 0, WAPE meets
 *   actuals that are all 0, the MASE scale is 0, or season_length is not a whole number ≥ 1.
 * @throws InsufficientDataError when actual is empty or MASE lacks a history longer than m.
 */
export function computeAccuracy(
  actual: number[],
  forecast: number[],
  metric: AccuracyMetric,
  history?: number[] | null,
  seasonLength?: number | null,
): number {
  requireComparable(actual, forecast);
  switch (metric) {
    case "MAE":
      return meanOf(actual.length, (i) => Math.abs(actual[i] - forecast[i]));
    case "RMSE":
      return Math.sqrt(meanOf(actual.length, (i) => (actual[i] - forecast[i]) ** 2));
    case "MAPE":
      return meanAbsolutePercentageError(actual, forecast);
    case "SMAPE":
      return symmetricMeanAbsolutePercentageError(actual, forecast);
    case "WAPE":
      return weightedAbsolutePercentageError(actual, forecast);
    case "MASE":
      return meanAbsoluteScaledError(actual, forecast, history, seasonLength);
    case "BIAS":
      return meanOf(actual.length, (i) => forecast[i] - actual[i]);
  }
}

function requireComparable(actual: number[], forecast: number[]): void {
  if (actual.length !== forecast.length) {
    throw new InvalidInputError(
      `actual has ${actual.length} values but forecast has ${forecast.length}; ` +
        "give one forecast for each actual value.",
    );
  }
  if (actual.length === 0) {
    throw new InsufficientDataError("actual has no values; give at least one actual value.");
  }
}

function meanAbsolutePercentageError(actual: number[], forecast: number[]): number {
  const zero = actual.indexOf(0);
  if (zero >= 0) {
    throw new InvalidInputError(
      `actual value ${zero + 1} is 0, so MAPE divides by 0; use "WAPE" or "SMAPE" instead.`,
    );
  }
  return 100 * meanOf(actual.length, (i) => Math.abs((actual[i] - forecast[i]) / actual[i]));
}

function symmetricMeanAbsolutePercentageError(actual: number[], forecast: number[]): number {
  return (
    100 *
    meanOf(actual.length, (i) => {
      const denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
      return denominator === 0 ? 0 : (2 * Math.abs(actual[i] - forecast[i])) / denominator;
    })
  );
}

function weightedAbsolutePercentageError(actual: number[], forecast: number[]): number {
  let absoluteErrors = 0;
  let absoluteActuals = 0;
  for (let i = 0; i < actual.length; i++) {
    absoluteErrors += Math.abs(actual[i] - forecast[i]);
    absoluteActuals += Math.abs(actual[i]);
  }
  if (absoluteActuals === 0) {
    throw new InvalidInputError(
      'actual values are all 0, so WAPE divides by 0; use "MAE" or "SMAPE" instead.',
    );
  }
  return (100 * absoluteErrors) / absoluteActuals;
}

function meanAbsoluteScaledError(
  actual: number[],
  forecast: number[],
  history: number[] | null | undefined,
  seasonLength: number | null | undefined,
): number {
  const m = seasonLength ?? 1;
  requirePositiveInteger("season_length", m);
  if (history === null || history === undefined || history.length === 0) {
    throw new InsufficientDataError(
      "MASE needs history to scale the errors, but history is missing; give the in-sample " +
        "values the forecast was fitted on.",
    );
  }
  if (history.length <= m) {
    throw new InsufficientDataError(
      `MASE needs a history of more than ${countOf(m, "value")} to scale the errors, but ` +
        `history has ${history.length}; give the in-sample values the forecast was fitted on.`,
    );
  }

  // Scale: mean absolute error of the (seasonal) naive forecast inside the history.
  const scale = meanOf(history.length - m, (i) => Math.abs(history[i + m] - history[i]));
  if (scale === 0) {
    throw new InvalidInputError(
      'history does not change from one season to the next, so the MASE scale is 0; use "MAE".',
    );
  }
  return meanOf(actual.length, (i) => Math.abs(actual[i] - forecast[i])) / scale;
}

function meanOf(count: number, term: (i: number) => number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    sum += term(i);
  }
  return sum / count;
}
