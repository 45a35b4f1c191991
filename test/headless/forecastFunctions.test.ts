/**
 * The real SPM.FORECAST.* adapters through the engine: each expected value is the adapter called
 * directly with the arguments Excel would pass, so the tests check the engine's marshalling,
 * spilling and nesting, not the forecasting methods.
 */
import { SpreadsheetEngine } from "../../src/headless/engine";
import { accuracy, holtWinters, ses } from "../../src/functions/forecast";
import { createTestEngine } from "../support/engine";

/** 36 months of a trending, seasonal series in column A; horizon 12 in D1. */
const history = Array.from(
  { length: 36 },
  (_, t) => 100 + t + 10 * Math.sin((2 * Math.PI * t) / 12),
);
const actual = history.slice(24).map((value) => value + 3);

function sheetRows(): unknown[][] {
  return history.map((value, t) => [
    value,
    t < 12 ? actual[t] : null,
    t === 0 ? "=SPM.FORECAST.SES(A1:A36, D1)" : null,
    t === 0 ? 12 : null,
    t === 0 ? '=SPM.FORECAST.ACCURACY(B1:B12, C1:C12, "MAE")' : null,
    t === 0 ? '=SPM.FORECAST.ACCURACY(B1:B12, SPM.FORECAST.SES(A1:A36, D1), "MAE")' : null,
  ]);
}

const column = (values: number[]): number[][] => values.map((value) => [value]);

let engine: SpreadsheetEngine;

beforeAll(async () => {
  engine = await createTestEngine({ Sheet1: sheetRows() });
});

describe("forecast functions in the engine", () => {
  test("SES spill sized by cell", () => {
    const expected = ses(column(history), 12, null as unknown as number);
    expect(engine.getFormulaResult("Sheet1", 0, 2)).toEqual(expected);
  });

  test("accuracy over spilled range", () => {
    const forecast = ses(column(history), 12, null as unknown as number);
    // A 1x1 result shows as a single value in its cell.
    const [[expected]] = accuracy(column(actual), forecast, "MAE") as unknown[][];
    expect(engine.getSheetValues("Sheet1")[0][4]).toBe(expected);
  });

  test("accuracy over nested spill", () => {
    const values = engine.getSheetValues("Sheet1")[0];
    expect(values[5]).toBe(values[4]);
  });

  test("Holt-Winters evaluated as formula", () => {
    const expected = holtWinters(column(history), 6, 12);
    expect(engine.evaluate("=SPM.FORECAST.HOLTWINTERS(A1:A36, 6, 12)")).toEqual(expected);
  });

  test("adapter error reaches cell", () => {
    const result = engine.evaluate("=SPM.FORECAST.HOLTWINTERS(A1:A18, 6, 12)");
    expect(result).toMatchObject({ error: "#N/A" });
    expect((result as { message: string }).message).toContain("season_length");
  });
});
