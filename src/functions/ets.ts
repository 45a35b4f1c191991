/**
 * The SPM.FORECAST.ETS custom function: a thin adapter that reads Excel's arguments, fits the
 * ETS state-space models of `core/forecast/ets` and spills the point forecasts as a column.
 *
 * The JSDoc of the exported function is its metadata for Excel (custom-functions-metadata);
 * `@example` and `@errors` are read only by the function reference in the README.
 */
import { AUTOMATIC_MODEL_CODE, fitEts, forecastEts } from "../core/forecast/ets";
import {
  readHorizon,
  readOptionalPositiveInteger,
  readOptionalText,
  readSeries,
} from "./arguments";
import { runCustomFunction } from "./errors";
import { toColumn } from "./results";

/**
 * Forecasts with the ETS state-space model (error, trend, season) that fits best by AICc, as R's forecast::ets.
 * @customfunction FORECAST.ETS
 * @param history Past values in time order, one row or one column, at least 4. Select only filled cells: desktop Excel passes a blank cell as 0, which counts as a real 0 (Excel on the web passes it as empty, and empty cells at the end are ignored).
 * @param horizon Number of future periods to forecast, a whole number from 1 to 10000.
 * @param [season_length] Optional. Number of periods in one season, such as 12 for monthly data with a yearly pattern, or 1 for no season. Omit it to detect the season from the history. Seasonal models need two full seasons and a season length of at most 24.
 * @param [model] Optional. Model code as R's forecast package spells it: error A or M, trend N, A or Ad (damped), season N, A or M, such as "ANN", "AAdN" or "MAM" (any case). Z in a position chooses that part. Omit it for "ZZZ", which chooses the whole model.
 * @returns A column of horizon point forecasts of the chosen model.
 * @example =SPM.FORECAST.ETS(B2:B49, 12, 12)
 * @errors #VALUE! when a cell is not a number, model is not a valid code, a seasonal model has season_length 1 or above 24, or a multiplicative model meets a value of 0 or less; #N/A when history is too short for the model (the message gives the minimum).
 */
export function ets(
  history: any[][],
  horizon: number,
  season_length?: number,
  model?: string,
): number[][] {
  return runCustomFunction("FORECAST.ETS", () => {
    const y = readSeries(history, "history");
    const h = readHorizon(horizon);
    const seasonLength = readOptionalPositiveInteger(season_length, "season_length", null);
    const code = readOptionalText(model, "model", AUTOMATIC_MODEL_CODE);

    const fit = fitEts(y, { seasonLength: seasonLength ?? undefined, model: code });
    return toColumn(forecastEts(fit, h).mean, "the forecast");
  });
}
