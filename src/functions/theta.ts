/**
 * The SPM.FORECAST.THETA custom function: a thin adapter that reads Excel's arguments, calls the
 * Theta method in `core/forecast/theta` and spills the forecasts down one column.
 *
 * The JSDoc of each exported function is the function's metadata for Excel
 * (custom-functions-metadata). `@example` and `@errors` are read only by the function reference
 * in the README.
 */
import { detectSeasonLength } from "../core/forecast";
import { fitTheta } from "../core/forecast/theta";
import { readHorizon, readOptionalPositiveInteger, readSeries } from "./arguments";
import { runCustomFunction } from "./errors";
import { toColumn } from "./results";

/**
 * Forecasts by the Theta method (SES with drift, seasonally adjusted), as R forecast's thetaf.
 * @customfunction FORECAST.THETA
 * @param history Past values in time order, one row or one column, at least 2. Select only filled cells: desktop Excel passes a blank cell as 0, which counts as a real 0 (Excel on the web passes it as empty, and empty cells at the end are ignored).
 * @param horizon Number of future periods to forecast, a whole number from 1 to 10000.
 * @param [season_length] Optional. Number of periods in one season, such as 12 for monthly data with a yearly pattern; 1 for no season. Omit it to detect the season length from history, as SPM.FORECAST.SEASONALITY does.
 * @returns A column of horizon forecasts. A season must pass the autocorrelation test at lag season_length, which needs more than two seasons of values above 0. The history is then divided by its seasonal indices, forecast by simple exponential smoothing plus a drift of half the slope of its least-squares line, and multiplied back.
 * @example =SPM.FORECAST.THETA(B2:B49, 12, 12)
 * @errors #VALUE! when a cell is not a number or season_length is not a whole number of 1 or more; #N/A when history has fewer than 2 values.
 */
export function theta(history: any[][], horizon: number, season_length?: number): number[][] {
  return runCustomFunction("FORECAST.THETA", () => {
    const y = readSeries(history, "history");
    const h = readHorizon(horizon);
    const m = readOptionalPositiveInteger(season_length, "season_length", null);
    const fit = fitTheta(y, h, m ?? detectSeasonLength(y));
    return toColumn(fit.forecast, "the forecast");
  });
}
