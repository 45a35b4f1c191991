import * as fs from "fs";
import * as path from "path";
import { EngineValue, isEngineError } from "../../src/headless/engine";
import { evaluate } from "../support/engine";

// SPM.FORECAST.AUTO, INTERVAL and DESCRIBE typed as a user would type them and evaluated by the
// headless engine, which passes ranges, blanks and omitted arguments as Excel does.

/** One method's results on a synthetic series, from `test/core/forecast/reference/intervals.R`. */
interface IntervalCase {
  id: string;
  input: number[];
  season_length: number;
  horizon: number;
  results: { method: string; mean: number[]; lower95: number[]; upper95: number[] }[];
}

const cases: IntervalCase[] = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, "..", "core", "forecast", "reference", "interval-cases.json"),
    "utf8",
  ),
).synthetic;

/** The 30-value rising series of the reference cases and R's results on it. */
const TREND_CASE = cases.find((c) => c.id === "trend-noise-n30") as IntervalCase;
const SHEET = { Sheet1: TREND_CASE.input.map((value) => [value]) };

// SES searches alpha with another optimiser than R's L-BFGS-B; the SSE agrees to 0.1 % and the
// forecasts and bounds of this case to below 2e-3 relative.
const SMOOTHING_TOLERANCE = 5e-3;

// The parts of AUTO are estimated by other optimisers than R's; their mean stays within 1 % of
// R's on this case.
const AUTO_TOLERANCE = 0.02;

function resultOf(method: string): { mean: number[]; lower95: number[]; upper95: number[] } {
  const result = TREND_CASE.results.find((r) => r.method === method);
  if (result === undefined) {
    throw new Error(`no R result for ${method}`);
  }
  return result;
}

function rowsOf(value: EngineValue): unknown[][] {
  if (!Array.isArray(value)) {
    throw new Error(`expected a spilled result, got ${JSON.stringify(value)}`);
  }
  return value;
}

function column(value: EngineValue, index: number): number[] {
  return rowsOf(value).map((row) => row[index] as number);
}

function expectRelativelyClose(actual: number[], expected: number[], tolerance: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => {
    expect(Math.abs(value - expected[i]) / Math.abs(expected[i])).toBeLessThan(tolerance);
  });
}

function expectError(value: EngineValue, code: string, message: RegExp): void {
  expect(isEngineError(value)).toBe(true);
  const error = value as { error: string; message: string };
  expect(error.error).toBe(code);
  expect(error.message).toMatch(message);
}

describe("FORECAST.AUTO formulas", () => {
  test("matches R mean of parts", async () => {
    const result = await evaluate("=SPM.FORECAST.AUTO(A1:A30, 8, 1)", SHEET);
    expectRelativelyClose(column(result, 0), resultOf("auto").mean, AUTO_TOLERANCE);
  });

  test("all zeros forecast zero", async () => {
    const sheet = { Sheet1: new Array(12).fill([0]) };
    const result = await evaluate("=SPM.FORECAST.AUTO(A1:A12, 3)", sheet);
    expect(column(result, 0)).toEqual([0, 0, 0]);
  });

  test("huge outlier stays finite", async () => {
    const sheet = { Sheet1: TREND_CASE.input.map((value, i) => [i === 14 ? 1e15 : value]) };
    const result = await evaluate("=SPM.FORECAST.AUTO(A1:A30, 4, 1)", sheet);
    for (const value of column(result, 0)) {
      expect(Number.isFinite(value)).toBe(true);
    }
  });

  test("one value names minimum", async () => {
    const result = await evaluate("=SPM.FORECAST.AUTO(A1:A1, 3)", { Sheet1: [[5]] });
    expectError(result, "#N/A", /history has 1 value .* at least 2/);
  });

  test("text cell is rejected", async () => {
    const sheet = { Sheet1: [[1], [2], ["x"], [4], [5]] };
    const result = await evaluate("=SPM.FORECAST.AUTO(A1:A5, 3)", sheet);
    expectError(result, "#VALUE!", /history/);
  });
});

describe("FORECAST.INTERVAL formulas", () => {
  test("ses matches R interval", async () => {
    const result = await evaluate('=SPM.FORECAST.INTERVAL(A1:A30, 8, 1, 95%, "ses")', SHEET);
    const expected = resultOf("ses");
    expectRelativelyClose(column(result, 0), expected.mean, SMOOTHING_TOLERANCE);
    expectRelativelyClose(column(result, 1), expected.lower95, SMOOTHING_TOLERANCE);
    expectRelativelyClose(column(result, 2), expected.upper95, SMOOTHING_TOLERANCE);
  });

  test("holt matches R interval", async () => {
    const result = await evaluate('=SPM.FORECAST.INTERVAL(A1:A30, 8, 1, 0.95, "Holt")', SHEET);
    const expected = resultOf("holt");
    expectRelativelyClose(column(result, 1), expected.lower95, SMOOTHING_TOLERANCE);
    expectRelativelyClose(column(result, 2), expected.upper95, SMOOTHING_TOLERANCE);
  });

  test("auto is the default", async () => {
    const result = await evaluate("=SPM.FORECAST.INTERVAL(A1:A30, 8, 1)", SHEET);
    const expected = resultOf("auto");
    expect(rowsOf(result)).toHaveLength(8);
    expectRelativelyClose(column(result, 0), expected.mean, AUTO_TOLERANCE);
    expectRelativelyClose(column(result, 1), expected.lower95, AUTO_TOLERANCE);
    expectRelativelyClose(column(result, 2), expected.upper95, AUTO_TOLERANCE);
  });

  test("headers add a heading row", async () => {
    const result = await evaluate(
      '=SPM.FORECAST.INTERVAL(A1:A30, 3, 1, 80%, "theta", TRUE)',
      SHEET,
    );
    const rows = rowsOf(result);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(["Forecast", "Lower 80%", "Upper 80%"]);
  });

  test("level as fraction or text", async () => {
    const fraction = await evaluate('=SPM.FORECAST.INTERVAL(A1:A30, 3, 1, 0.8, "theta")', SHEET);
    const text = await evaluate('=SPM.FORECAST.INTERVAL(A1:A30, 3, 1, "80%", "theta")', SHEET);
    expect(rowsOf(text)).toEqual(rowsOf(fraction));
  });

  test.each(["0", "1", "95", "100%", "-0.5"])("level %s rejected", async (level) => {
    const formula = `=SPM.FORECAST.INTERVAL(A1:A30, 3, 1, ${level}, "theta")`;
    expectError(await evaluate(formula, SHEET), "#VALUE!", /level/);
  });

  test("unknown method lists methods", async () => {
    const result = await evaluate('=SPM.FORECAST.INTERVAL(A1:A30, 3, 1, 0.9, "arima")', SHEET);
    expectError(result, "#VALUE!", /method is "arima"; use one of "auto", "ets", "theta"/);
  });

  test("holtwinters too short", async () => {
    const result = await evaluate('=SPM.FORECAST.INTERVAL(A1:A30, 3, 24, 0.9, "hw")', SHEET);
    expectError(result, "#N/A", /at least 48/);
  });
});

describe("FORECAST.DESCRIBE formulas", () => {
  test("theta label and value rows", async () => {
    const result = await evaluate('=SPM.FORECAST.DESCRIBE(A1:A30, 1, "theta")', SHEET);
    const rows = rowsOf(result);
    const labels = rows.map((row) => row[0]);
    expect(rows[0]).toEqual(["Method", "theta"]);
    expect(rows[1]).toEqual(["Model", "Theta"]);
    expect(labels).toEqual([
      "Method",
      "Model",
      "Season length",
      "alpha",
      "drift",
      "Observations",
      "MAE",
      "RMSE",
      "MAPE",
      "MASE",
    ]);
    for (const row of rows.slice(2)) {
      expect(typeof row[1]).toBe("number");
    }
  });

  test.each(["ets", "theta", "auto"])("%s reports unused season", async (method) => {
    // 30 values cannot support a season of 24, so every part fits a model without a season.
    const result = await evaluate(`=SPM.FORECAST.DESCRIBE(A1:A30, 24, "${method}")`, SHEET);
    const rows = rowsOf(result);
    expect(rows[2]).toEqual(["Season length", "1 (season of 24 not used)"]);
  });

  test("used season stays a number", async () => {
    const result = await evaluate('=SPM.FORECAST.DESCRIBE(A1:A30, 1, "ets")', SHEET);
    expect(rowsOf(result)[2]).toEqual(["Season length", 1]);
  });

  test("unknown method lists methods", async () => {
    const result = await evaluate('=SPM.FORECAST.DESCRIBE(A1:A30, 1, "prophet")', SHEET);
    expectError(result, "#VALUE!", /"holtwinters" \(or "hw"\)/);
  });
});

describe("bad input to the new functions", () => {
  /** Column A is the trend case; B has #N/A at row 5; C has a blank at row 5. */
  const rows = TREND_CASE.input.map((value, i) => [
    value,
    i === 4 ? "=NA()" : value,
    i === 4 ? null : value,
  ]);
  const sheets = { Sheet1: rows };

  // Expected results follow the error rule of the add-in: a user's mistake is #VALUE! with a
  // message naming the argument, and an Excel error given as a single value passes through.
  const cases: [string, string, RegExp][] = [
    ["=SPM.FORECAST.AUTO(B1:B30, 3)", "#VALUE!", /^history: cell 5 contains the error #N\/A/],
    ["=SPM.FORECAST.THETA(B1:B30, 3)", "#VALUE!", /^history: cell 5 contains the error #N\/A/],
    ["=SPM.FORECAST.AUTO(A1:B30, 3)", "#VALUE!", /^history is a range of 30 rows and 2 columns/],
    ['=SPM.FORECAST.AUTO(A1:A30, "12")', "#VALUE!", /^horizon is text "12"/],
    ["=SPM.FORECAST.AUTO(A1:A30, 3, 1.5)", "#VALUE!", /^season_length/],
    ['=SPM.FORECAST.INTERVAL(A1:A30, 3, 1, "abc")', "#VALUE!", /^level is text "abc"/],
    ["=SPM.FORECAST.INTERVAL(A1:A30, 3, 1, NA())", "#N/A", /.*/],
    [
      "=SPM.FORECAST.INTERVAL(A1:A30, 3, 1, 0.9, 5)",
      "#VALUE!",
      /^method is the value 5; give text/,
    ],
    ['=SPM.FORECAST.INTERVAL(A1:A30, 3, 1, 0.9, "ses", "maybe")', "#VALUE!", /^headers/],
    ["=SPM.FORECAST.DESCRIBE(A1:A30, 0)", "#VALUE!", /^season_length is 0/],
  ];

  test.each(cases)("%s", async (formula, code, message) => {
    expectError(await evaluate(formula, sheets), code, message);
  });

  test("web blank inside history", async () => {
    const result = await evaluate("=SPM.FORECAST.AUTO(C1:C30, 3)", sheets, { blanks: "null" });
    expectError(result, "#VALUE!", /^history: cell 5 is blank/);
  });
});
