/**
 * The automatic forecast and the functions that report on any forecast method:
 * SPM.FORECAST.AUTO, SPM.FORECAST.INTERVAL and SPM.FORECAST.DESCRIBE. Thin adapters that read
 * Excel's arguments, call `core/forecast` and spill a column or a table.
 *
 * The JSDoc of each exported function is the function's metadata for Excel
 * (custom-functions-metadata). `@example` and `@errors` are read only by the function reference
 * in the README.
 */
import { InvalidInputError } from "../core/errors";
import { fitAuto } from "../core/forecast/auto";
import { describeModel } from "../core/forecast/modelDescription";
import { fitNamedMethod, NAMED_METHODS, NamedMethod } from "../core/forecast/fittedMethods";
import {
  TextChoice,
  isBlank,
  readFlags,
  readHorizon,
  readOptionalChoice,
  readOptionalPercent,
  readOptionalPositiveInteger,
  readSeries,
} from "./arguments";
import { runCustomFunction } from "./errors";
import { ResultCell, toColumn, toTable } from "./results";

/** Coverage of the prediction interval when level is omitted. */
const DEFAULT_LEVEL = 0.95;

/** Spellings of the method argument: each method's name, and "hw" for Holt-Winters. */
const METHOD_CHOICES: readonly TextChoice<NamedMethod>[] = NAMED_METHODS.map((method) => ({
  value: method,
  aliases: method === "holtwinters" ? ["hw"] : [],
}));

/**
 * Forecasts automatically: the mean of the Theta method and a damped-trend ETS model. Use it when unsure which method fits.
 * @customfunction FORECAST.AUTO
 * @param history Past values in time order, one row or one column, at least 2. Select only filled cells: desktop Excel passes a blank cell as 0, which counts as a real 0 (Excel on the web passes it as empty, and empty cells at the end are ignored).
 * @param horizon Number of future periods to forecast, a whole number from 1 to 10000.
 * @param [season_length] Optional. Number of periods in one season, such as 12 for monthly data with a yearly pattern; 1 for no season. Omit it to detect the season length from history, as SPM.FORECAST.SEASONALITY does.
 * @returns A column of horizon forecasts: the mean of the Theta forecast (as SPM.FORECAST.THETA) and the forecast of the ETS model with a damped trend whose error and season types have the smallest AICc. On the odd-numbered half of the M3 competition's monthly series this mean is more accurate than either method alone. With fewer than 7 values it is the Theta forecast alone.
 * @example =SPM.FORECAST.AUTO(B2:B49, 12)
 * @errors #VALUE! when a cell is not a number or season_length is not a whole number of 1 or more; #N/A when history has fewer than 2 values.
 */
export function auto(history: any[][], horizon: number, season_length?: number): number[][] {
  return runCustomFunction("FORECAST.AUTO", () => {
    const y = readSeries(history, "history");
    const h = readHorizon(horizon);
    const m = readOptionalPositiveInteger(season_length, "season_length", null);
    return toColumn(fitAuto(y, h, m).forecast, "the forecast");
  });
}

/**
 * Forecasts with a prediction interval: point forecast, lower bound and upper bound for each period.
 * @customfunction FORECAST.INTERVAL
 * @param history Past values in time order, one row or one column. Select only filled cells: desktop Excel passes a blank cell as 0, which counts as a real 0 (Excel on the web passes it as empty, and empty cells at the end are ignored).
 * @param horizon Number of future periods to forecast, a whole number from 1 to 10000.
 * @param [season_length] Optional. Number of periods in one season, such as 12 for monthly data; 1 for no season. Omit it to detect the season length from history.
 * @param [level] Optional. Probability that the interval covers the actual value, strictly between 0 and 1, such as 95% or 0.95. Omit it for 95%.
 * @param [method] Optional. One of "auto", "ets", "theta", "ses", "holt", "damped", "holtwinters" (or "hw"). Omit it for "auto".
 * @param [headers] Optional. TRUE to add a heading row (Forecast, Lower 95%, Upper 95%). Omit it for no heading row.
 * @returns A table of three columns, one row per period: the point forecast, the lower bound and the upper bound. The intervals are analytic: the normal ETS variance for ses, holt, damped and holtwinters (with R forecast's simple initial states, as SPM.FORECAST.SES, HOLT and HOLTWINTERS) and for ETS models with additive errors, R thetaf's interval for theta. ETS models with a multiplicative part simulate 5,000 paths. For auto the interval is the union of the Theta and damped ETS intervals, because each of them alone covers the actual value less often than its level states.
 * @example =SPM.FORECAST.INTERVAL(B2:B49, 12, 12, 95%, "auto", TRUE)
 * @errors #VALUE! when a cell is not a number, level is not strictly between 0 and 1 (0% and 100%), method is unknown, or holtwinters has no season; #N/A when history is too short for the method.
 */
export function interval(
  history: any[][],
  horizon: number,
  season_length?: number,
  level?: number,
  method?: string,
  headers?: boolean,
): any[][] {
  return runCustomFunction("FORECAST.INTERVAL", () => {
    const y = readSeries(history, "history");
    const h = readHorizon(horizon);
    const m = readOptionalPositiveInteger(season_length, "season_length", null);
    const coverage = readLevel(level);
    const chosen = readOptionalChoice(method, "method", METHOD_CHOICES, "auto");
    const withHeaders = readOptionalFlag(headers, "headers");

    const fit = fitNamedMethod(chosen, y, h, m);
    const bounds = fit.interval(coverage);
    const rows: ResultCell[][] = fit.forecast.map((value, i) => [
      value,
      bounds.lower[i],
      bounds.upper[i],
    ]);
    if (withHeaders) {
      const percent = `${Number((coverage * 100).toPrecision(12))}%`;
      rows.unshift(["Forecast", `Lower ${percent}`, `Upper ${percent}`]);
    }
    return toTable(rows, "the forecast interval");
  });
}

/**
 * Describes the model a forecast method fits: model, parameters, AICc and in-sample accuracy.
 * @customfunction FORECAST.DESCRIBE
 * @param history Past values in time order, one row or one column. Select only filled cells: desktop Excel passes a blank cell as 0, which counts as a real 0 (Excel on the web passes it as empty, and empty cells at the end are ignored).
 * @param [season_length] Optional. Number of periods in one season, such as 12 for monthly data; 1 for no season. Omit it to detect the season length from history.
 * @param [method] Optional. One of "auto", "ets", "theta", "ses", "holt", "damped", "holtwinters" (or "hw"). Omit it for "auto".
 * @returns A table of two columns (label, value). The rows are Method, Model (such as ETS(M,Ad,M)), Season length, one row per estimated parameter (alpha, beta, gamma, phi, or the Theta drift), AICc for ETS models (ETS AICc for auto, the AICc of its ETS part), and Observations. When the model has no season although one was given or detected, Season length is text such as "1 (season of 12 not used)". Then come the in-sample MAE, RMSE, MAPE (in percent) and MASE of the one-step forecasts, with MASE scaled by the seasonal naive forecast. A measure that cannot be computed, such as MAPE with a value of 0, shows text saying why.
 * @example =SPM.FORECAST.DESCRIBE(B2:B49, 12, "ets")
 * @errors #VALUE! when a cell is not a number, method is unknown, or holtwinters has no season; #N/A when history is too short for the method.
 */
export function describe(history: any[][], season_length?: number, method?: string): any[][] {
  return runCustomFunction("FORECAST.DESCRIBE", () => {
    const y = readSeries(history, "history");
    const m = readOptionalPositiveInteger(season_length, "season_length", null);
    const chosen = readOptionalChoice(method, "method", METHOD_CHOICES, "auto");
    const rows = describeModel(chosen, y, m).map((row): ResultCell[] => [row.label, row.value]);
    return toTable(rows, "the model description");
  });
}

/**
 * Reads the coverage level as a fraction strictly between 0 and 1: 95%, 0.95 or the text
 * "95%". 0 and 100 % are rejected because their intervals are a point or unbounded.
 */
function readLevel(value: unknown): number {
  const coverage = readOptionalPercent(value, "level", DEFAULT_LEVEL);
  if (!(coverage > 0 && coverage < 1)) {
    throw new InvalidInputError(
      `level is ${coverage} but must be strictly between 0 and 1 (0% and 100%), such as 95% ` +
        "or 0.95.",
    );
  }
  return coverage;
}

/** Reads an optional TRUE/FALSE argument, false when omitted. */
function readOptionalFlag(value: unknown, name: string): boolean {
  if (isBlank(value)) {
    return false;
  }
  const flags = readFlags(Array.isArray(value) ? value : [[value]], name);
  if (flags.length !== 1) {
    throw new InvalidInputError(`${name} is a range of ${flags.length} cells; give TRUE or FALSE.`);
  }
  return flags[0];
}
