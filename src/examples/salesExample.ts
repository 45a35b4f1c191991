/**
 * The example workbook: five years of monthly sales by channel and by customer segment, made by
 * a seeded generator (trend, seasonality and noise), and a Forecasts sheet with SPM.FORECAST.*
 * formulas over it. The same seed always gives the same workbook.
 */
import ExcelJS from "exceljs";
import { ACCURACY_METRICS } from "../core/forecast";

/** Seed of the generator; changing it changes every number of the example. */
export const EXAMPLE_SEED = 20250101;

/** First month of the history (January 2021) and number of months (2021-01 to 2025-12). */
const FIRST_YEAR = 2021;
const MONTH_COUNT = 60;

/** Months held out to measure forecast accuracy: the last year of the history. */
const HOLDOUT_MONTHS = 12;

/** Forecast horizon and season length used by the Forecasts sheet, in months. */
const HORIZON = 12;
const SEASON_LENGTH = 12;

/** Sheet names, referenced by the formulas. */
export const CHANNEL_SHEET = "Sales by channel";
export const SEGMENT_SHEET = "Sales by segment";
export const FORECAST_SHEET = "Forecasts";

/**
 * Seasonal profiles: relative deviation from the trend for January to December. Business
 * customers buy at quarter ends; consumers buy before the holidays.
 */
const QUARTER_END_PROFILE = [
  -0.08, -0.02, 0.12, -0.07, -0.01, 0.1, -0.1, -0.04, 0.11, -0.06, 0.0, 0.15,
];
const HOLIDAY_PROFILE = [
  -0.18, -0.14, -0.04, -0.02, 0.0, -0.03, -0.06, -0.02, 0.02, 0.06, 0.14, 0.27,
];

/** Parameters of one generated series of monthly sales, in EUR thousands. */
interface SeriesModel {
  name: string;
  /** Level in January 2021. */
  level: number;
  /** Growth of the level per month: added (linear) or as a rate (compound). */
  growth: { kind: "linear"; perMonth: number } | { kind: "compound"; ratePerMonth: number };
  profile: readonly number[];
  /** Scale of the seasonal profile (1 applies it as given). */
  seasonalStrength: number;
  /** Standard deviation of the noise, as a fraction of the month's expected value. */
  noise: number;
}

const CHANNELS: readonly SeriesModel[] = [
  {
    name: "Direct",
    level: 420,
    growth: { kind: "linear", perMonth: 2.5 },
    profile: QUARTER_END_PROFILE,
    seasonalStrength: 1,
    noise: 0.04,
  },
  {
    name: "Distributor",
    level: 310,
    growth: { kind: "linear", perMonth: 1.2 },
    profile: QUARTER_END_PROFILE,
    seasonalStrength: 0.6,
    noise: 0.05,
  },
  {
    name: "Retail",
    level: 260,
    growth: { kind: "linear", perMonth: 0.8 },
    profile: HOLIDAY_PROFILE,
    seasonalStrength: 1,
    noise: 0.05,
  },
  {
    name: "E-commerce",
    level: 90,
    growth: { kind: "compound", ratePerMonth: 0.025 },
    profile: HOLIDAY_PROFILE,
    seasonalStrength: 1.2,
    noise: 0.06,
  },
];

const SEGMENTS: readonly SeriesModel[] = [
  {
    name: "Consumer",
    level: 380,
    growth: { kind: "linear", perMonth: 1.5 },
    profile: HOLIDAY_PROFILE,
    seasonalStrength: 0.8,
    noise: 0.05,
  },
  {
    name: "Corporate",
    level: 450,
    growth: { kind: "linear", perMonth: 3 },
    profile: QUARTER_END_PROFILE,
    seasonalStrength: 1,
    noise: 0.04,
  },
  {
    name: "Small business",
    level: 210,
    growth: { kind: "linear", perMonth: 1 },
    profile: QUARTER_END_PROFILE,
    seasonalStrength: 0.4,
    noise: 0.06,
  },
];

/**
 * Returns a deterministic generator of numbers in [0, 1): a 32-bit xorshift (George Marsaglia's
 * family) with left, right and left shifts of 13, 17 and 5 bits. It is meant for example noise.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

/** Draws a standard normal number with the Box-Muller transform. */
function standardNormal(random: () => number): number {
  const u1 = 1 - random();
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Generates a series: y_t = trend_t * (1 + s * profile[month]) * (1 + noise * z_t), rounded. */
function generateSeries(model: SeriesModel, random: () => number): number[] {
  return Array.from({ length: MONTH_COUNT }, (_, t) => {
    const trend =
      model.growth.kind === "linear"
        ? model.level + model.growth.perMonth * t
        : model.level * (1 + model.growth.ratePerMonth) ** t;
    const seasonal = 1 + model.seasonalStrength * model.profile[t % 12];
    const noisy = trend * seasonal * (1 + model.noise * standardNormal(random));
    return Math.max(0, Math.round(noisy));
  });
}

/** First day of the month `offset` months after January 2021, as ExcelJS writes dates (UTC). */
function monthDate(offset: number): Date {
  return new Date(Date.UTC(FIRST_YEAR, offset, 1));
}

/** Builds the example workbook with the given seed. */
export function buildSalesExample(seed: number = EXAMPLE_SEED): ExcelJS.Workbook {
  const random = createRandom(seed);
  const workbook = new ExcelJS.Workbook();
  // Fixed document dates keep regenerated files identical.
  workbook.creator = "SPM example generator";
  workbook.created = monthDate(MONTH_COUNT);
  workbook.modified = monthDate(MONTH_COUNT);
  // The SPM formulas have no stored results, so Excel calculates everything when it opens the file.
  workbook.calcProperties.fullCalcOnLoad = true;

  addSalesSheet(workbook, CHANNEL_SHEET, CHANNELS, random);
  addSalesSheet(workbook, SEGMENT_SHEET, SEGMENTS, random);
  addForecastSheet(workbook);
  return workbook;
}

/** Adds a sheet with a Month column, one column per series and a Total column of SUM formulas. */
function addSalesSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  models: readonly SeriesModel[],
  random: () => number,
): void {
  const sheet = workbook.addWorksheet(name);
  const series = models.map((model) => generateSeries(model, random));
  const lastColumn = columnLetter(models.length + 1);

  sheet.addRow(["Month", ...models.map((model) => model.name), "Total"]);
  for (let t = 0; t < MONTH_COUNT; t++) {
    const values = series.map((values) => values[t]);
    const row = t + 2;
    const total = values.reduce((sum, value) => sum + value, 0);
    sheet.addRow([
      monthDate(t),
      ...values,
      { formula: `SUM(B${row}:${lastColumn}${row})`, result: total },
    ]);
  }

  sheet.getColumn(1).numFmt = "yyyy-mm";
  sheet.getColumn(1).width = 10;
  for (let col = 2; col <= models.length + 2; col++) {
    sheet.getColumn(col).numFmt = "#,##0";
    sheet.getColumn(col).width = 14;
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

/** Spreadsheet column letter of a 1-based column number below 27. */
function columnLetter(column: number): string {
  return String.fromCharCode(64 + column);
}

/** Returns a history range of a sales sheet: all months, or the first `months` before the holdout. */
function historyRange(sheet: string, column: string, months: number = MONTH_COUNT): string {
  return `'${sheet}'!$${column}$2:$${column}$${months + 1}`;
}

/** Returns the holdout range of a sales sheet: its last 12 months. */
function holdoutRange(sheet: string, column: string): string {
  const first = MONTH_COUNT - HOLDOUT_MONTHS + 2;
  return `'${sheet}'!$${column}$${first}:$${column}$${MONTH_COUNT + 1}`;
}

/** Row of the Forecasts sheet's header above the monthly forecasts. */
export const FORECAST_HEADER_ROW = 6;

/** Row of the accuracy block's header. */
export const ACCURACY_HEADER_ROW = FORECAST_HEADER_ROW + HORIZON + 3;

/** A forecast column: its header and the formula that spills its 12 months. */
interface ForecastColumn {
  header: string;
  formula: string;
}

/** Lists the forecast columns: Holt-Winters per channel, other methods per segment and total. */
function forecastColumns(): ForecastColumn[] {
  const horizon = "$B$2";
  const season = "$B$3";
  const channelColumns = CHANNELS.map((model, i) => {
    const seasonality = model.profile === HOLIDAY_PROFILE ? `, "multiplicative"` : "";
    return {
      header: `${model.name} (Holt-Winters)`,
      formula: `SPM.FORECAST.HOLTWINTERS(${historyRange(CHANNEL_SHEET, columnLetter(i + 2))}, ${horizon}, ${season}${seasonality})`,
    };
  });
  const total = historyRange(CHANNEL_SHEET, columnLetter(CHANNELS.length + 2));
  return [
    ...channelColumns,
    {
      header: "Consumer (SES)",
      formula: `SPM.FORECAST.SES(${historyRange(SEGMENT_SHEET, "B")}, ${horizon})`,
    },
    {
      header: "Corporate (Holt)",
      formula: `SPM.FORECAST.HOLT(${historyRange(SEGMENT_SHEET, "C")}, ${horizon})`,
    },
    {
      header: "Small business (linear)",
      formula: `SPM.FORECAST.LINEAR(${historyRange(SEGMENT_SHEET, "D")}, ${horizon})`,
    },
    {
      header: "Total (moving average)",
      formula: `SPM.FORECAST.MOVINGAVG(${total}, ${horizon}, 3)`,
    },
    {
      header: "Total (seasonal naive)",
      formula: `SPM.FORECAST.SEASONALNAIVE(${total}, ${horizon}, ${season})`,
    },
  ];
}

/**
 * Adds the Forecasts sheet: the parameters, the next 12 months per series, and the accuracy of
 * Holt-Winters and of the seasonal naive method on the 2025 holdout.
 */
function addForecastSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(FORECAST_SHEET);
  const totalColumn = columnLetter(CHANNELS.length + 2);

  sheet.getCell("A1").value = "Sales forecasts (EUR thousands)";
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value = "Horizon (months)";
  sheet.getCell("B2").value = HORIZON;
  sheet.getCell("A3").value = "Season length (months)";
  sheet.getCell("B3").value = SEASON_LENGTH;
  sheet.getCell("A4").value = "Detected season length of the total";
  sheet.getCell("B4").value = {
    formula: `SPM.FORECAST.SEASONALITY(${historyRange(CHANNEL_SHEET, totalColumn)})`,
  } as ExcelJS.CellValue;

  addForecastBlock(sheet);
  addAccuracyBlock(sheet);
  addAccuracyTable(sheet, totalColumn);

  sheet.getColumn(1).width = 36;
  for (let col = 2; col <= 11; col++) {
    sheet.getColumn(col).width = 18;
  }
}

/** Adds the month column and one spilled forecast column per series. */
function addForecastBlock(sheet: ExcelJS.Worksheet): void {
  const columns = forecastColumns();
  const header = sheet.getRow(FORECAST_HEADER_ROW);
  header.values = ["Month", ...columns.map((column) => column.header)];
  header.font = { bold: true };

  for (let h = 0; h < HORIZON; h++) {
    const cell = sheet.getCell(FORECAST_HEADER_ROW + 1 + h, 1);
    cell.value = monthDate(MONTH_COUNT + h);
    cell.numFmt = "yyyy-mm";
  }
  columns.forEach((column, i) => {
    const letter = columnLetter(i + 2);
    const first = FORECAST_HEADER_ROW + 1;
    setArrayFormula(sheet, `${letter}${first}`, `${letter}${first + HORIZON - 1}`, column.formula);
    for (let h = 0; h < HORIZON; h++) {
      sheet.getCell(first + h, i + 2).numFmt = "#,##0.0";
    }
  });
}

/**
 * Writes a spilling formula as an array formula over its result range. ExcelJS cannot write Excel
 * 365's dynamic-array metadata, and a plain formula would open as "=@SPM..." with one value.
 * NOTE: formulas use the names users type, but Excel stores add-in functions in files with a
 * "_xldudf_" prefix. Whether Excel links the plain names to the add-in on opening is untested.
 */
function setArrayFormula(
  sheet: ExcelJS.Worksheet,
  first: string,
  last: string,
  formula: string,
): void {
  sheet.getCell(first).value = {
    formula,
    shareType: "array",
    ref: `${first}:${last}`,
  } as ExcelJS.CellValue;
}

/** Adds per channel the MAPE, RMSE and MASE of Holt-Winters and the MAPE of the seasonal naive method. */
function addAccuracyBlock(sheet: ExcelJS.Worksheet): void {
  const fitMonths = MONTH_COUNT - HOLDOUT_MONTHS;
  sheet.getCell(ACCURACY_HEADER_ROW - 1, 1).value =
    `Accuracy on a ${HOLDOUT_MONTHS}-month holdout: fitted on 2021-2024, compared with 2025`;
  sheet.getCell(ACCURACY_HEADER_ROW - 1, 1).font = { bold: true };
  const header = sheet.getRow(ACCURACY_HEADER_ROW);
  header.values = [
    "Channel",
    "Holt-Winters MAPE",
    "Holt-Winters RMSE",
    "Holt-Winters MASE",
    "Seasonal naive MAPE",
  ];
  header.font = { bold: true };

  CHANNELS.forEach((model, i) => {
    const column = columnLetter(i + 2);
    const actual = holdoutRange(CHANNEL_SHEET, column);
    const fit = historyRange(CHANNEL_SHEET, column, fitMonths);
    const seasonality = model.profile === HOLIDAY_PROFILE ? `, "multiplicative"` : "";
    // The forecast argument is itself a spilled result, passed without a helper range.
    const holtWinters = `SPM.FORECAST.HOLTWINTERS(${fit}, ${HOLDOUT_MONTHS}, ${SEASON_LENGTH}${seasonality})`;
    const naive = `SPM.FORECAST.SEASONALNAIVE(${fit}, ${HOLDOUT_MONTHS}, ${SEASON_LENGTH})`;
    const row = sheet.getRow(ACCURACY_HEADER_ROW + 1 + i);
    row.values = [
      model.name,
      { formula: `SPM.FORECAST.ACCURACY(${actual}, ${holtWinters}, "MAPE")` },
      { formula: `SPM.FORECAST.ACCURACY(${actual}, ${holtWinters}, "RMSE")` },
      {
        formula: `SPM.FORECAST.ACCURACY(${actual}, ${holtWinters}, "MASE", ${fit}, ${SEASON_LENGTH})`,
      },
      { formula: `SPM.FORECAST.ACCURACY(${actual}, ${naive}, "MAPE")` },
    ] as ExcelJS.CellValue[];
    for (let col = 2; col <= 5; col++) {
      row.getCell(col).numFmt = "0.000";
    }
  });
}

/** Adds the table of every accuracy metric for the total, which spills one row per metric. */
function addAccuracyTable(sheet: ExcelJS.Worksheet, totalColumn: string): void {
  const titleRow = ACCURACY_HEADER_ROW + CHANNELS.length + 2;
  const fitMonths = MONTH_COUNT - HOLDOUT_MONTHS;
  const fit = historyRange(CHANNEL_SHEET, totalColumn, fitMonths);
  const actual = holdoutRange(CHANNEL_SHEET, totalColumn);
  sheet.getCell(titleRow, 1).value = "All accuracy metrics of Holt-Winters for the total";
  sheet.getCell(titleRow, 1).font = { bold: true };

  const first = `A${titleRow + 1}`;
  const last = `B${titleRow + ACCURACY_METRICS.length}`;
  const forecast = `SPM.FORECAST.HOLTWINTERS(${fit}, ${HOLDOUT_MONTHS}, ${SEASON_LENGTH})`;
  setArrayFormula(
    sheet,
    first,
    last,
    `SPM.FORECAST.ACCURACY(${actual}, ${forecast}, , ${fit}, ${SEASON_LENGTH})`,
  );
}

/**
 * Writes the monthly sales of the example workbook as the series table `spm forecast` reads: a
 * header of "series" and the months (YYYY-MM), then one row per channel and segment.
 */
export function salesHistoryCsv(workbook: ExcelJS.Workbook): string {
  const lines = [["series", ...Array.from({ length: MONTH_COUNT }, (_, t) => monthLabel(t))]];
  const tables = [
    { name: CHANNEL_SHEET, models: CHANNELS, prefix: "channel" },
    { name: SEGMENT_SHEET, models: SEGMENTS, prefix: "segment" },
  ];
  for (const { name, models, prefix } of tables) {
    const sheet = workbook.getWorksheet(name);
    if (sheet === undefined) {
      throw new Error(`The example workbook has no sheet named ${name}.`);
    }
    // Column 1 contains the months, then one column per series, in the order of the models.
    models.forEach((model, i) => {
      const values = Array.from({ length: MONTH_COUNT }, (_, t) =>
        String(sheet.getCell(t + 2, i + 2).value),
      );
      lines.push([`${prefix}: ${model.name}`, ...values]);
    });
  }
  return lines.map((fields) => fields.join(",")).join("\n") + "\n";
}

/** Labels the month `offset` months after January 2021 as YYYY-MM. */
function monthLabel(offset: number): string {
  return monthDate(offset).toISOString().slice(0, 7);
}
