import { installCustomFunctionsRuntime } from "../../../src/headless/customFunctionsRuntime";
import * as forecast from "../../../src/functions/forecast";
import { ForecastMethod } from "../../../src/model";
import { BUILDING_STATUS, builtStatus } from "../../../src/workbook/actions/builtSheet";
import { WorkbookActionError } from "../../../src/workbook/actions/errors";
import {
  chooseHoldout,
  FORECAST_LAYOUT,
  SHEET_ACCURACY_METRICS,
} from "../../../src/workbook/actions/forecastSheet";
import {
  BUILD_TIME,
  columnValues,
  createActionFixture,
  failingWriter,
  HISTORY_MONTHS,
  monthlySales,
} from "./actionFixtures";

installCustomFunctionsRuntime();

const HORIZON = 12;
const SEASON_LENGTH = 12;
const HOLDOUT = chooseHoldout(HISTORY_MONTHS, HORIZON);

/** Converts a list into the column Excel passes for a range. */
function asRange(values: readonly number[]): number[][] {
  return values.map((value) => [value]);
}

/**
 * Calls the adapter of `method` directly, as Excel would with omitted optional arguments (null).
 * These calls are the expected values: the sheet's formulas must give the same numbers.
 */
function callMethod(method: ForecastMethod, history: number[], horizon: number): number[] {
  const range = asRange(history);
  const column = {
    linear: () => forecast.linear(range, horizon),
    movingAverage: () => forecast.movingAverage(range, horizon),
    seasonalNaive: () => forecast.seasonalNaive(range, horizon, SEASON_LENGTH),
    ses: () => forecast.ses(range, horizon),
    holt: () => forecast.holt(range, horizon),
    holtWinters: () => forecast.holtWinters(range, horizon, SEASON_LENGTH),
    croston: () => forecast.croston(range, horizon),
  }[method]();
  return column.map((row) => row[0]);
}

const METHODS: ForecastMethod[] = [
  "linear",
  "movingAverage",
  "seasonalNaive",
  "ses",
  "holt",
  "holtWinters",
  "croston",
];

describe("buildForecastSheet formulas", () => {
  test.each(METHODS)("%s forecast matches direct call", async (method) => {
    const { engine, actions, channelId } = await createActionFixture();
    const history = monthlySales();

    const { sheetName } = await actions.buildForecastSheet(
      { type: "channel", id: channelId },
      { method, horizon: HORIZON, seasonLength: SEASON_LENGTH },
    );

    const first = FORECAST_LAYOUT.firstDataRow;
    const forecastCells = columnValues(
      engine,
      sheetName,
      FORECAST_LAYOUT.forecastColumn,
      first + HISTORY_MONTHS,
      HORIZON,
    );
    expect(forecastCells).toEqual(callMethod(method, history, HORIZON));

    const holdoutCells = columnValues(
      engine,
      sheetName,
      FORECAST_LAYOUT.holdoutColumn,
      first + HISTORY_MONTHS - HOLDOUT,
      HOLDOUT,
    );
    const training = history.slice(0, HISTORY_MONTHS - HOLDOUT);
    expect(holdoutCells).toEqual(callMethod(method, training, HOLDOUT));
  });

  test("accuracy cells match direct calls", async () => {
    const { engine, actions, channelId } = await createActionFixture();
    const history = monthlySales();
    const { sheetName } = await actions.buildForecastSheet(
      { type: "channel", id: channelId },
      { horizon: HORIZON, seasonLength: SEASON_LENGTH },
    );

    const training = history.slice(0, HISTORY_MONTHS - HOLDOUT);
    const actual = asRange(history.slice(HISTORY_MONTHS - HOLDOUT));
    const holdoutForecast = asRange(callMethod("holtWinters", training, HOLDOUT));
    const values = engine.getSheetValues(sheetName);
    SHEET_ACCURACY_METRICS.forEach((metric, index) => {
      const row = values[FORECAST_LAYOUT.headerRow + 1 + index];
      const expected =
        metric === "MASE"
          ? forecast.accuracy(actual, holdoutForecast, metric, asRange(training), SEASON_LENGTH)
          : forecast.accuracy(actual, holdoutForecast, metric);
      expect(row[FORECAST_LAYOUT.accuracyColumn]).toBe(metric);
      expect(row[FORECAST_LAYOUT.accuracyColumn + 1]).toBe(expected[0][0]);
    });
  });

  test("omitted season length is detected", async () => {
    const { engine, actions, channelId } = await createActionFixture();
    const history = monthlySales();
    const { sheetName } = await actions.buildForecastSheet(
      { type: "channel", id: channelId },
      { horizon: HORIZON },
    );

    const detected = forecast.seasonality(asRange(history));
    const { row, column } = FORECAST_LAYOUT.seasonLengthCell;
    expect(engine.getSheetValues(sheetName)[row][column]).toBe(detected);
  });

  test("monthly channel defaults to twelve", async () => {
    const { engine, store, actions, channelId } = await createActionFixture();
    await store.update("channel", channelId, { salesHistoryStart: "2021-01" });
    const { sheetName } = await actions.buildForecastSheet(
      { type: "channel", id: channelId },
      { horizon: HORIZON },
    );

    const { row, column } = FORECAST_LAYOUT.seasonLengthCell;
    expect(engine.getSheetValues(sheetName)[row][column]).toBe(SEASON_LENGTH);
    // A constant, not the SEASONALITY formula the sheet writes when it detects the season.
    expect(engine.getFormulaResult(sheetName, row, column)).toBeUndefined();
    const forecastCells = columnValues(
      engine,
      sheetName,
      FORECAST_LAYOUT.forecastColumn,
      FORECAST_LAYOUT.firstDataRow + HISTORY_MONTHS,
      HORIZON,
    );
    // callMethod passes a season length of 12, the default of a monthly channel.
    expect(forecastCells).toEqual(callMethod("holtWinters", monthlySales(), HORIZON));
  });

  test("other range keeps period numbers", async () => {
    const { engine, store, actions, channelId } = await createActionFixture();
    await store.update("channel", channelId, { salesHistoryStart: "2021-01" });
    const { sheetName } = await actions.buildForecastSheet(
      { type: "channel", id: channelId },
      { horizon: HORIZON, historySource: `'Sales data'!B14:B${HISTORY_MONTHS + 1}` },
    );

    const labels = columnValues(
      engine,
      sheetName,
      FORECAST_LAYOUT.periodColumn,
      FORECAST_LAYOUT.headerRow,
      3,
    );
    expect(labels).toEqual(["Period", 1, 2]);
  });

  test("monthly channel labels months", async () => {
    const { engine, store, actions, channelId } = await createActionFixture();
    await store.update("channel", channelId, { salesHistoryStart: "2021-11" });
    const { sheetName } = await actions.buildForecastSheet(
      { type: "channel", id: channelId },
      { horizon: HORIZON },
    );

    const labels = columnValues(
      engine,
      sheetName,
      FORECAST_LAYOUT.periodColumn,
      FORECAST_LAYOUT.headerRow,
      4,
    );
    expect(labels).toEqual(["Month", "2021-11", "2021-12", "2022-01"]);
    const lastLabel = columnValues(
      engine,
      sheetName,
      FORECAST_LAYOUT.periodColumn,
      FORECAST_LAYOUT.firstDataRow + HISTORY_MONTHS + HORIZON - 1,
      1,
    );
    // The history and the forecast cover HISTORY_MONTHS + HORIZON months from 2021-11.
    const lastOffset = HISTORY_MONTHS + HORIZON - 1;
    const lastMonth = new Date(Date.UTC(2021, 10 + lastOffset, 1)).toISOString().slice(0, 7);
    expect(lastLabel).toEqual([lastMonth]);
  });
});

describe("buildForecastSheet re-runs", () => {
  test("second run updates one sheet", async () => {
    const { engine, actions, channelId } = await createActionFixture();
    const subject = { type: "channel", id: channelId } as const;
    const first = await actions.buildForecastSheet(subject, { horizon: HORIZON });
    const sheetCount = engine.getSheetNames().length;

    const second = await actions.buildForecastSheet(subject, { horizon: 6 });

    expect(second.sheetName).toBe(first.sheetName);
    expect(engine.getSheetNames()).toHaveLength(sheetCount);
    const rows = engine.getSheetValues(first.sheetName);
    const lastPeriodRow = FORECAST_LAYOUT.firstDataRow + HISTORY_MONTHS + 6 - 1;
    expect(rows[lastPeriodRow][FORECAST_LAYOUT.periodColumn]).toBe(HISTORY_MONTHS + 6);
    expect(rows[lastPeriodRow + 1]?.[FORECAST_LAYOUT.periodColumn] ?? null).toBeNull();
  });

  test("renamed channel keeps its sheet", async () => {
    const { engine, store, actions, channelId } = await createActionFixture();
    const subject = { type: "channel", id: channelId } as const;
    const first = await actions.buildForecastSheet(subject, { horizon: HORIZON });

    await store.update("channel", channelId, { name: "Retail stores" });
    const second = await actions.buildForecastSheet(subject, { horizon: HORIZON });

    expect(second.sheetName).toBe(first.sheetName);
    expect(engine.getSheetValues(first.sheetName)[0][0]).toBe(
      'Forecast of channel "Retail stores"',
    );
  });

  test("other channel gets own sheet", async () => {
    const { engine, store, actions, channelId } = await createActionFixture();
    const other = await store.create("channel", {
      name: "Retail",
      type: "wholesale",
      salesHistorySource: `'Sales data'!B2:B${HISTORY_MONTHS + 1}`,
    });

    const first = await actions.buildForecastSheet(
      { type: "channel", id: channelId },
      { horizon: HORIZON },
    );
    const second = await actions.buildForecastSheet(
      { type: "channel", id: other.id },
      { method: "ses", horizon: HORIZON },
    );

    expect(first.sheetName).toBe("Forecast Retail");
    expect(second.sheetName).toBe("Forecast Retail (2)");
    expect(engine.getSheetNames()).toHaveLength(3);
  });

  test("halfway failure is repaired", async () => {
    const reference = await createActionFixture();
    const subject = { type: "channel", id: reference.channelId } as const;
    const clean = await reference.actions.buildForecastSheet(subject, { horizon: HORIZON });

    // The third block write is the data table, after the header and the settings.
    const broken = await createActionFixture("Retail", (writer) => failingWriter(writer, 3));
    const brokenSubject = { type: "channel", id: broken.channelId } as const;
    await expect(
      broken.actions.buildForecastSheet(brokenSubject, { horizon: HORIZON }),
    ).rejects.toThrow("connection");
    const stopped = broken.engine.getSheetValues(clean.sheetName);
    expect(stopped[1][0]).toBe(BUILDING_STATUS);

    const repaired = await broken.actions.buildForecastSheet(brokenSubject, { horizon: HORIZON });

    expect(repaired.sheetName).toBe(clean.sheetName);
    expect(broken.engine.getSheetNames()).toEqual(reference.engine.getSheetNames());
    const repairedValues = broken.engine.getSheetValues(clean.sheetName);
    const cleanValues = reference.engine.getSheetValues(clean.sheetName);
    expect(repairedValues[1][0]).toBe(builtStatus(BUILD_TIME));
    // Row 3 contains the record id, which differs between the two stores.
    expect(repairedValues.slice(3)).toEqual(cleanValues.slice(3));
  });

  test("chart covers actuals and forecasts", async () => {
    const { writer, actions, channelId } = await createActionFixture();
    const { sheetName } = await actions.buildForecastSheet(
      { type: "channel", id: channelId },
      { horizon: HORIZON },
    );
    await actions.buildForecastSheet({ type: "channel", id: channelId }, { horizon: HORIZON });

    const charts = writer.getCharts(sheetName);
    expect(charts).toHaveLength(1);
    expect(charts[0].categories.rowCount).toBe(HISTORY_MONTHS + HORIZON);
    expect(charts[0].series.columnCount).toBe(3);
  });
});

describe("buildForecastSheet input errors", () => {
  test("missing history source rejected", async () => {
    const { store, actions } = await createActionFixture();
    const group = await store.create("targetGroup", { name: "Clinics", kind: "segment" });

    const run = actions.buildForecastSheet(
      { type: "targetGroup", id: group.id },
      { method: "ses", horizon: HORIZON },
    );

    await expect(run).rejects.toBeInstanceOf(WorkbookActionError);
    await expect(run).rejects.toThrow("has no sales history source");
  });

  test("text in history names value", async () => {
    const { engine, actions, channelId } = await createActionFixture();
    engine.setSheetContent("Bad", [[1], [2], ["n/a"], [4]]);

    const run = actions.buildForecastSheet(
      { type: "channel", id: channelId },
      { method: "ses", horizon: 3, historySource: "Bad!A1:A4" },
    );

    await expect(run).rejects.toThrow('Value 3 of the history source Bad!A1:A4 is "n/a"');
  });

  test.each([
    [{ horizon: 0 }, "horizon is 0"],
    [{ horizon: 2.5 }, "horizon is 2.5"],
    [{ horizon: 12, holdout: 47 }, "holdout is 47"],
    [{ horizon: 12, historySource: "Nowhere!A1:A5" }, "No sheet is named Nowhere"],
    [{ horizon: 12, historySource: "B2:B9" }, "is not a range reference"],
  ])("option %o rejected", async (options, message) => {
    const { engine, actions, channelId } = await createActionFixture();
    const sheetsBefore = engine.getSheetNames();

    const run = actions.buildForecastSheet({ type: "channel", id: channelId }, options);

    await expect(run).rejects.toThrow(message);
    expect(engine.getSheetNames()).toEqual(sheetsBefore);
  });

  test("formula-like name stays text", async () => {
    const { engine, actions, channelId } = await createActionFixture("=1+1");
    const { sheetName } = await actions.buildForecastSheet(
      { type: "channel", id: channelId },
      { horizon: HORIZON },
    );

    expect(engine.getSheetValues(sheetName)[0][0]).toBe('Forecast of channel "=1+1"');
  });
});
