/**
 * The forecast sheet of a channel or target group. It shows the sales history, the forecast of
 * the chosen SPM.FORECAST method and a line chart. The same method also forecasts a holdout (the
 * last periods of the history, fitted on the periods before them), and accuracy metrics compare
 * that forecast with the held-out actuals.
 *
 * Layout (rows and columns as Excel shows them):
 *
 *   A5:B9    settings: method, horizon, season length, holdout periods, history source
 *   A11:D11  headers: Period (or Month), Actual, Holdout forecast, Forecast
 *   A12...   period numbers 1 to n + horizon, or months (YYYY-MM) when the first is known
 *   B12...   the n history values
 *   C...     the holdout forecast, spilled from the first holdout period
 *   D...     the forecast, spilled from period n + 1
 *   F11:G17  accuracy metrics on the holdout
 *   F19      the chart
 */
import { ForecastMethod, RecordType } from "../../model";
import { columnLetters, columnRange, rangeAddress } from "./a1";
import { BODY_FIRST_ROW, SheetContent } from "./builtSheet";
import { WorkbookActionError } from "./errors";
import { monthAfter } from "./months";
import { CellBlock, formula, SheetCell } from "./sheetWriter";

/** Largest horizon the SPM.FORECAST functions accept. */
export const MAX_HORIZON = 10_000;

/**
 * Share of the history held out to measure accuracy. "The size of the test set is typically
 * about 20% of the total sample" (Hyndman & Athanasopoulos, Forecasting: Principles and
 * Practice, 3rd ed., section 5.8); the holdout is also capped at the horizon.
 */
export const DEFAULT_HOLDOUT_SHARE = 0.2;

/** Minimum number of history values left to fit after the holdout: a straight line needs two. */
const MIN_TRAINING_VALUES = 2;

/** The SPM.FORECAST function of each method and whether it takes a season length. */
export const METHOD_FUNCTIONS: Record<ForecastMethod, { name: string; seasonal: boolean }> = {
  linear: { name: "SPM.FORECAST.LINEAR", seasonal: false },
  movingAverage: { name: "SPM.FORECAST.MOVINGAVG", seasonal: false },
  seasonalNaive: { name: "SPM.FORECAST.SEASONALNAIVE", seasonal: true },
  ses: { name: "SPM.FORECAST.SES", seasonal: false },
  holt: { name: "SPM.FORECAST.HOLT", seasonal: false },
  holtWinters: { name: "SPM.FORECAST.HOLTWINTERS", seasonal: true },
  croston: { name: "SPM.FORECAST.CROSTON", seasonal: false },
};

/** Accuracy metrics the sheet shows, as SPM.FORECAST.ACCURACY names them. */
export const SHEET_ACCURACY_METRICS = ["MAE", "RMSE", "MAPE", "WAPE", "MASE", "Bias"] as const;

/** Record types a forecast sheet can be built for. */
export type ForecastSubjectType = Extract<RecordType, "channel" | "targetGroup">;

/** The channel or target group a forecast sheet is built for. */
export interface ForecastSubject {
  type: ForecastSubjectType;
  id: string;
}

/** Choices of a forecast sheet. */
export interface ForecastSheetOptions {
  /** Forecast method; the channel's own method when omitted. */
  method?: ForecastMethod;
  /** Number of future periods to forecast, 1 to 10,000. */
  horizon: number;
  /**
   * Periods in one season for the seasonal methods. When omitted, the sheet detects it with
   * SPM.FORECAST.SEASONALITY over the history.
   */
  seasonLength?: number;
  /** Periods held out to measure accuracy; 20% of the history, at most the horizon, by default. */
  holdout?: number;
  /** Reference of the sales history; the channel's history source when omitted. */
  historySource?: string;
}

/** Everything the layout needs, checked. */
export interface ForecastLayoutInput {
  subject: ForecastSubject;
  /** The record as messages name it, e.g. `channel "Retail"`. */
  subjectLabel: string;
  /** The record's name alone, for the sheet name. */
  subjectName: string;
  method: ForecastMethod;
  horizon: number;
  seasonLength?: number;
  holdout: number;
  historySource: string;
  history: readonly number[];
  /** Month of the first history value (YYYY-MM); the periods are then labelled by month. */
  firstMonth?: string;
}

/** Rows and columns (counted from 0) of the forecast sheet's parts. */
export const FORECAST_LAYOUT = {
  settingsRow: BODY_FIRST_ROW,
  seasonLengthCell: { row: BODY_FIRST_ROW + 2, column: 1 },
  headerRow: 10,
  firstDataRow: 11,
  periodColumn: 0,
  actualColumn: 1,
  holdoutColumn: 2,
  forecastColumn: 3,
  accuracyColumn: 5,
  chartRow: 18,
} as const;

/** Throws unless `value` is a whole number from `min` to `max`. */
function checkWholeNumber(value: number, name: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new WorkbookActionError(
      `The ${name} is ${value} but must be a whole number from ${min} to ${max}.`,
    );
  }
}

/** Picks the holdout: the option when given, else 20% of the history capped at the horizon. */
export function chooseHoldout(historyLength: number, horizon: number, holdout?: number): number {
  const maximum = historyLength - MIN_TRAINING_VALUES;
  if (maximum < 1) {
    throw new WorkbookActionError(
      `The history has ${historyLength} values; a forecast sheet needs at least ` +
        `${MIN_TRAINING_VALUES + 1} to fit and to measure accuracy. Add sales periods.`,
    );
  }
  if (holdout !== undefined) {
    checkWholeNumber(holdout, "holdout", 1, maximum);
    return holdout;
  }
  const share = Math.floor(historyLength * DEFAULT_HOLDOUT_SHARE);
  return Math.max(1, Math.min(horizon, share, maximum));
}

/** Checks the horizon and season length a user chose. */
export function checkForecastOptions(options: ForecastSheetOptions): void {
  checkWholeNumber(options.horizon, "horizon", 1, MAX_HORIZON);
  if (options.seasonLength !== undefined) {
    checkWholeNumber(options.seasonLength, "season length", 1, MAX_HORIZON);
  }
}

/** Returns the season length argument: the chosen number, or the cell that detects it. */
function seasonArgument(input: ForecastLayoutInput): string {
  if (input.seasonLength !== undefined) {
    return String(input.seasonLength);
  }
  const { row, column } = FORECAST_LAYOUT.seasonLengthCell;
  return `$${columnLetters(column)}$${row + 1}`;
}

/** Builds the formula text of the method over `history` for `periods` periods. */
export function methodFormula(
  input: ForecastLayoutInput,
  historyAddress: string,
  periods: number,
): string {
  const method = METHOD_FUNCTIONS[input.method];
  const season = method.seasonal ? `, ${seasonArgument(input)}` : "";
  return `${method.name}(${historyAddress}, ${periods}${season})`;
}

/** Builds the settings rows: method, horizon, season length, holdout and history source. */
function settingsBlock(input: ForecastLayoutInput, historyAddress: string): CellBlock {
  const seasonCell: SheetCell =
    input.seasonLength !== undefined
      ? input.seasonLength
      : formula(`SPM.FORECAST.SEASONALITY(${historyAddress})`);
  return {
    row: FORECAST_LAYOUT.settingsRow,
    column: 0,
    cells: [
      ["Method", METHOD_FUNCTIONS[input.method].name],
      ["Horizon", input.horizon],
      ["Season length", METHOD_FUNCTIONS[input.method].seasonal ? seasonCell : "not used"],
      ["Holdout periods", input.holdout],
      ["History source", input.historySource],
    ],
  };
}

/** Builds the data table: periods, actuals, the holdout forecast and the forecast. */
function dataBlock(input: ForecastLayoutInput): CellBlock {
  const n = input.history.length;
  const first = FORECAST_LAYOUT.firstDataRow;
  const training = rangeAddress(
    columnRange(first, FORECAST_LAYOUT.actualColumn, n - input.holdout),
  );
  const full = rangeAddress(columnRange(first, FORECAST_LAYOUT.actualColumn, n));

  const periodHeader = input.firstMonth === undefined ? "Period" : "Month";
  const rows: SheetCell[][] = [[periodHeader, "Actual", "Holdout forecast", "Forecast"]];
  for (let period = 1; period <= n + input.horizon; period++) {
    const index = period - 1;
    const label = input.firstMonth === undefined ? period : monthAfter(input.firstMonth, index);
    const actual = index < n ? input.history[index] : null;
    const holdout =
      index === n - input.holdout ? formula(methodFormula(input, training, input.holdout)) : null;
    const forecast = index === n ? formula(methodFormula(input, full, input.horizon)) : null;
    rows.push([label, actual, holdout, forecast]);
  }
  return { row: FORECAST_LAYOUT.headerRow, column: 0, cells: rows };
}

/** Builds the accuracy metrics of the holdout forecast against the held-out actuals. */
function accuracyBlock(input: ForecastLayoutInput): CellBlock {
  const n = input.history.length;
  const first = FORECAST_LAYOUT.firstDataRow;
  const holdoutFirst = first + n - input.holdout;
  const actual = rangeAddress(
    columnRange(holdoutFirst, FORECAST_LAYOUT.actualColumn, input.holdout),
  );
  const forecast = rangeAddress(
    columnRange(holdoutFirst, FORECAST_LAYOUT.holdoutColumn, input.holdout),
  );
  const training = rangeAddress(
    columnRange(first, FORECAST_LAYOUT.actualColumn, n - input.holdout),
  );
  // MASE scales by the in-sample error of the seasonal naive forecast, so seasonal methods pass
  // their season length.
  const season = METHOD_FUNCTIONS[input.method].seasonal ? `, ${seasonArgument(input)}` : "";

  const rows: SheetCell[][] = [[`Accuracy on the last ${input.holdout} periods`, "Value"]];
  for (const metric of SHEET_ACCURACY_METRICS) {
    const extra = metric === "MASE" ? `, ${training}${season}` : "";
    rows.push([
      metric,
      formula(`SPM.FORECAST.ACCURACY(${actual}, ${forecast}, "${metric}"${extra})`),
    ]);
  }
  return { row: FORECAST_LAYOUT.headerRow, column: FORECAST_LAYOUT.accuracyColumn, cells: rows };
}

/** Lays out the forecast sheet of a checked input. */
export function forecastSheetContent(input: ForecastLayoutInput): SheetContent {
  const n = input.history.length;
  const historyAddress = rangeAddress(
    columnRange(FORECAST_LAYOUT.firstDataRow, FORECAST_LAYOUT.actualColumn, n),
  );
  const rowCount = n + input.horizon;
  return {
    preferredName: `Forecast ${input.subjectName}`,
    key: `forecast:${input.subject.type}:${input.subject.id}`,
    title: `Forecast of ${input.subjectLabel}`,
    blocks: [settingsBlock(input, historyAddress), dataBlock(input), accuracyBlock(input)],
    charts: [
      {
        name: "SPM forecast",
        title: `Sales of ${input.subjectLabel}: actual and forecast`,
        categories: columnRange(
          FORECAST_LAYOUT.firstDataRow,
          FORECAST_LAYOUT.periodColumn,
          rowCount,
        ),
        series: {
          row: FORECAST_LAYOUT.headerRow,
          column: FORECAST_LAYOUT.actualColumn,
          rowCount: rowCount + 1,
          columnCount: 3,
        },
        anchor: { row: FORECAST_LAYOUT.chartRow, column: FORECAST_LAYOUT.accuracyColumn },
      },
    ],
  };
}
