import { AccuracyMetric, computeAccuracy } from "./accuracy";
import { fitNamedMethod, NamedMethod } from "./fittedMethods";
import { isDomainError } from "../errors";

/** One row of a model description: a label and its value, or text where no value exists. */
export interface DescriptionRow {
  label: string;
  value: number | string;
}

/** In-sample accuracy measures of a description, in the order they are listed. */
const DESCRIBED_METRICS: readonly AccuracyMetric[] = ["MAE", "RMSE", "MAPE", "MASE"];

/**
 * Describes the model that `method` fits to `y`, for an analyst's report. The rows are the
 * method, the model, the season length, each estimated parameter, the AICc where the model has
 * a likelihood, and the number of values. The in-sample accuracy of the one-step forecasts
 * follows: MAE, RMSE, MAPE and MASE as `computeAccuracy` defines them, with MASE scaled by the
 * seasonal naive forecast of the season length. A measure the history cannot support, such as
 * MAPE with a value of 0, is text that explains why.
 *
 * @param seasonLength periods per season, or null to detect it from the history.
 * @throws InvalidInputError or InsufficientDataError as `fitNamedMethod` does.
 */
export function describeModel(
  method: NamedMethod,
  y: number[],
  seasonLength: number | null,
): DescriptionRow[] {
  const fit = fitNamedMethod(method, y, 1, seasonLength);
  const rows: DescriptionRow[] = [
    { label: "Method", value: method },
    { label: "Model", value: fit.model },
    { label: "Season length", value: seasonText(fit.seasonLength, fit.seasonUsed) },
    ...fit.parameters.map(([label, value]) => ({ label, value })),
  ];
  if (fit.aicc !== null && Number.isFinite(fit.aicc)) {
    rows.push({ label: fit.aiccLabel, value: fit.aicc });
  }
  rows.push({ label: "Observations", value: y.length });
  for (const metric of DESCRIBED_METRICS) {
    rows.push({ label: metric, value: inSampleAccuracy(y, fit.fitted, metric, fit.seasonLength) });
  }
  return rows;
}

/** In-sample accuracy of the one-step forecasts, or the reason it cannot be computed. */
function inSampleAccuracy(
  y: number[],
  fitted: number[],
  metric: AccuracyMetric,
  seasonLength: number,
): number | string {
  try {
    const value = computeAccuracy(y, fitted, metric, y, seasonLength);
    return Number.isFinite(value) ? value : "not a finite number";
  } catch (error) {
    if (isDomainError(error)) {
      return error.message;
    }
    throw error;
  }
}

/**
 * Returns the season length for a description: the number when the model uses it, and text
 * such as "1 (season of 12 not used)" when the model has no season although one was given or
 * detected, so the row does not suggest a seasonal model.
 */
function seasonText(seasonLength: number, seasonUsed: number): number | string {
  return seasonUsed === seasonLength
    ? seasonLength
    : `${seasonUsed} (season of ${seasonLength} not used)`;
}
