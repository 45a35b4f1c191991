import * as forecast from "../../src/functions/forecast";
import { installCustomFunctionsRuntime } from "../../src/headless/customFunctionsRuntime";
import { EngineValue, SpreadsheetEngine, isEngineError } from "../../src/headless/engine";
import { createTestEngine, evaluate } from "../support/engine";
import { describeWithData, readReferenceCsv, readReferenceJson } from "../support/referenceData";

// Formula tests: each formula is typed as a user would type it and evaluated by the headless
// engine, which passes ranges, blanks and omitted arguments to the functions as Excel does.

/** Tolerance for results computed by R or Excel and given to at least six decimals. */
const REFERENCE_TOLERANCE = 1e-6;

/** Builds a sheet column with `values` from row 1 down. */
function column(values: readonly unknown[]): unknown[][] {
  return values.map((value) => [value]);
}

/** Flattens a one-column result into its numbers; a one-row result arrives as a single value. */
function spilledNumbers(value: EngineValue): number[] {
  if (typeof value === "number") {
    return [value];
  }
  if (!Array.isArray(value)) {
    throw new Error(`expected a spilled result, got ${JSON.stringify(value)}`);
  }
  return value.map((row) => row[0] as number);
}

/** Checks each number of `actual` against `expected` within `tolerance`. */
function expectClose(actual: number[], expected: number[], tolerance: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => {
    expect(Math.abs(value - expected[i])).toBeLessThanOrEqual(tolerance);
  });
}

/** Checks that a formula result is the error `code` with a message matching `message`. */
function expectError(value: EngineValue, code: string, message: RegExp): void {
  expect(isEngineError(value)).toBe(true);
  const error = value as { error: string; message: string };
  expect(error.error).toBe(code);
  expect(error.message).toMatch(message);
}

const RISING = column([10, 20, 30, 40, 50, 60]);

describe("FORECAST.MOVINGAVG formulas", () => {
  // Expected values are the arithmetic mean of the last window values.
  const cases: [string, number[]][] = [
    ["=SPM.FORECAST.MOVINGAVG(A1:A6, 2)", [50, 50]],
    ["=SPM.FORECAST.MOVINGAVG(A1:A6, 3, 2)", [55, 55, 55]],
    ["=SPM.FORECAST.MOVINGAVG(A1:A6, 1, 6)", [35]],
  ];

  test.each(cases)("%s", async (formula, expected) => {
    expect(spilledNumbers(await evaluate(formula, { Sheet1: RISING }))).toEqual(expected);
  });

  test("window longer than history", async () => {
    const result = await evaluate("=SPM.FORECAST.MOVINGAVG(A1:A6, 2, 7)", { Sheet1: RISING });
    expectError(result, "#N/A", /history has 6 values .* needs at least 7/);
  });
});

describe("FORECAST.SEASONALNAIVE formulas", () => {
  test("repeats the last season", async () => {
    // The last season of 1..8 with season_length 4 is 5, 6, 7, 8, repeated.
    const sheet = { Sheet1: column([1, 2, 3, 4, 5, 6, 7, 8]) };
    const result = await evaluate("=SPM.FORECAST.SEASONALNAIVE(A1:A8, 6, 4)", sheet);
    expect(spilledNumbers(result)).toEqual([5, 6, 7, 8, 5, 6]);
  });

  test("history shorter than season", async () => {
    const result = await evaluate("=SPM.FORECAST.SEASONALNAIVE(A1:A6, 2, 12)", { Sheet1: RISING });
    expectError(result, "#N/A", /needs at least 12/);
  });
});

describe("FORECAST.LINEAR formulas", () => {
  test("continues period numbers", async () => {
    // The points (1, 10) ... (6, 60) lie on y = 10x, so periods 7 and 8 give 70 and 80.
    const result = await evaluate("=SPM.FORECAST.LINEAR(A1:A6, 2)", { Sheet1: RISING });
    expectClose(spilledNumbers(result), [70, 80], REFERENCE_TOLERANCE);
  });

  test("continues evenly spaced known_x", async () => {
    // y = 5x on x = 2, 4, ..., 12 continues at x = 14 and 16.
    const sheet = { Sheet1: RISING.map((row, i) => [row[0], 2 * (i + 1)]) };
    const result = await evaluate("=SPM.FORECAST.LINEAR(A1:A6, 2, B1:B6)", sheet);
    expectClose(spilledNumbers(result), [70, 80], REFERENCE_TOLERANCE);
  });

  test("uneven known_x needs new_x", async () => {
    const sheet = { Sheet1: column([1, 2, 4]).map((row, i) => [[5, 6, 8][i], row[0]]) };
    const result = await evaluate("=SPM.FORECAST.LINEAR(A1:A3, 1, B1:B3)", sheet);
    expectError(
      result,
      "#VALUE!",
      /known_x is not evenly spaced.*give the x values to forecast in new_x/,
    );
  });

  test("new_x count differs from horizon", async () => {
    const sheet = { Sheet1: RISING.map((row, i) => [row[0], i + 1, i + 7]) };
    const result = await evaluate("=SPM.FORECAST.LINEAR(A1:A6, 3, B1:B6, C1:C2)", sheet);
    expectError(result, "#VALUE!", /^new_x has 2 values but horizon is 3/);
  });

  test("known_x count differs from history", async () => {
    const sheet = { Sheet1: RISING.map((row, i) => [row[0], i + 1]) };
    const result = await evaluate("=SPM.FORECAST.LINEAR(A1:A6, 1, B1:B5)", sheet);
    expectError(result, "#VALUE!", /known_x has 5 values but history has 6/);
  });
});

describeWithData("FORECAST.LINEAR Excel examples", () => {
  interface ExcelCase {
    id: string;
    source: string;
    params: { x?: number; new_x?: number[] };
    input: { series: number[] | null };
    input_xy?: { known_y: number[]; known_x: number[] };
    expected: { forecasts: number[] };
    tolerance: { abs: number };
  }
  const cases = readReferenceJson<{ cases: ExcelCase[] }>("reference/forecast-cases.json").cases;

  test("FORECAST.LINEAR documented example", async () => {
    // Microsoft's FORECAST and FORECAST.LINEAR help: known_y 6, 7, 9, 15, 21 on known_x 20, 28,
    // 31, 38, 40 forecast at x = 30.
    const example = cases.find((c) => c.id === "excel_forecast_linear_doc")!;
    const { known_y, known_x } = example.input_xy!;
    const sheet = {
      Sheet1: known_y.map((y, i) => [y, known_x[i], i === 0 ? example.params.x : null]),
    };
    const result = await evaluate("=SPM.FORECAST.LINEAR(A1:A5, 1, B1:B5, C1)", sheet);
    expectClose([result as number], example.expected.forecasts, REFERENCE_TOLERANCE);
  });

  test("TREND documented example", async () => {
    // Microsoft's TREND help: monthly cost of months 1-12 forecast for months 13-17, printed
    // to four decimals, hence the case's own tolerance.
    const example = cases.find((c) => c.id === "excel_trend_doc_cost")!;
    const sheet = { Sheet1: column(example.input.series!) };
    const result = await evaluate("=SPM.FORECAST.LINEAR(A1:A12, 5)", sheet);
    expectClose(spilledNumbers(result), example.expected.forecasts, example.tolerance.abs);
  });
});

describe("FORECAST.CROSTON formulas", () => {
  test("matches R croston", async () => {
    // R 4.2.2, forecast 8.20: croston(c(0,0,5,0,0,3,0,4,0,0,0,6), h = 3, alpha = 0.1)$mean.
    const sheet = { Sheet1: column([0, 0, 5, 0, 0, 3, 0, 4, 0, 0, 0, 6]) };
    const result = await evaluate("=SPM.FORECAST.CROSTON(A1:A12, 3)", sheet);
    expectClose(spilledNumbers(result), Array(3).fill(1.61063122923588), REFERENCE_TOLERANCE);
  });

  test("negative demand rejected", async () => {
    const sheet = { Sheet1: column([0, 3, -1, 2]) };
    const result = await evaluate("=SPM.FORECAST.CROSTON(A1:A4, 2)", sheet);
    expectError(result, "#VALUE!", /history value 3 is -1/);
  });
});

describe("smoothing functions omitted arguments", () => {
  const history = column([12, 15, 14, 18, 17, 21, 20, 24, 23, 27]);

  test("empty middle arguments", async () => {
    const engine = await createTestEngine({ Sheet1: history });
    const omitted = engine.evaluate("=SPM.FORECAST.HOLT(A1:A10, 3, , , 0.9)");
    const explicit = engine.evaluate("=SPM.FORECAST.HOLT(A1:A10, 3)");
    expect(spilledNumbers(omitted)).toHaveLength(3);
    expect(spilledNumbers(explicit)).toHaveLength(3);
  });

  test("fixed alpha changes forecast", async () => {
    const engine = await createTestEngine({ Sheet1: history });
    const fixed = spilledNumbers(engine.evaluate("=SPM.FORECAST.SES(A1:A10, 2, 0.5)"));
    const optimised = spilledNumbers(engine.evaluate("=SPM.FORECAST.SES(A1:A10, 2)"));
    expect(fixed).toHaveLength(2);
    expect(optimised).toHaveLength(2);
    expect(fixed[0]).not.toBeCloseTo(optimised[0], 6);
  });
});

describe("constant history flat forecast", () => {
  // A constant history has level c, trend 0 and seasonal indices 0 (or 1), so every method
  // forecasts c, whatever the smoothing parameters.
  const constant = { Sheet1: column(Array(36).fill(50)) };
  const formulas = [
    "=SPM.FORECAST.SES(A1:A36, 4)",
    "=SPM.FORECAST.HOLT(A1:A36, 4)",
    "=SPM.FORECAST.HOLT(A1:A36, 4, 0.5, 0.5, 0.9)",
    "=SPM.FORECAST.HOLTWINTERS(A1:A36, 4, 12)",
    '=SPM.FORECAST.HOLTWINTERS(A1:A36, 4, 12, "multiplicative")',
    "=SPM.FORECAST.MOVINGAVG(A1:A36, 4)",
    "=SPM.FORECAST.SEASONALNAIVE(A1:A36, 4, 12)",
    "=SPM.FORECAST.LINEAR(A1:A36, 4)",
    "=SPM.FORECAST.CROSTON(A1:A36, 4)",
  ];

  test.each(formulas)("%s", async (formula) => {
    expectClose(spilledNumbers(await evaluate(formula, constant)), [50, 50, 50, 50], 1e-9);
  });
});

describe("history argument rules", () => {
  const withText = { Sheet1: column([1, 2, 3, 4, "n/a", 6]) };

  test("text cell named", async () => {
    const result = await evaluate("=SPM.FORECAST.SES(A1:A6, 2)", withText);
    expectError(result, "#VALUE!", /^history: cell 5 contains text "n\/a"/);
  });

  test("numeric text cell named", async () => {
    const sheet = { Sheet1: column([1, 2, '="12"', 4]) };
    const result = await evaluate("=SPM.FORECAST.SES(A1:A4, 2)", sheet);
    expectError(result, "#VALUE!", /^history: cell 3 contains the text "12", not a number/);
  });

  test("logical value named", async () => {
    const sheet = { Sheet1: column([1, true, 3]) };
    const result = await evaluate("=SPM.FORECAST.MOVINGAVG(A1:A3, 2)", sheet);
    expectError(result, "#VALUE!", /^history: cell 2 contains the logical value TRUE/);
  });

  test("error cell named", async () => {
    const sheet = { Sheet1: column([1, "=1/0", 3]) };
    const result = await evaluate("=SPM.FORECAST.MOVINGAVG(A1:A3, 2)", sheet);
    expectError(result, "#VALUE!", /^history: cell 2 contains the error #DIV\/0!/);
  });

  test("two-dimensional range rejected", async () => {
    const sheet = {
      Sheet1: [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
    };
    const result = await evaluate("=SPM.FORECAST.SES(A1:B3, 2)", sheet);
    expectError(result, "#VALUE!", /^history is a range of 3 rows and 2 columns/);
  });

  test("row range accepted", async () => {
    const sheet = { Sheet1: [[10, 20, 30, 40]] };
    const result = await evaluate("=SPM.FORECAST.MOVINGAVG(A1:D1, 1, 2)", sheet);
    expect(result).toBe(35);
  });
});

describe("blank cells both ways", () => {
  // Cells A1:A4 hold data and A5:A8 are blank, as when a user selects a larger range.
  const sheet = { Sheet1: column([10, 20, 30, 40]) };

  test("web blanks at end ignored", async () => {
    const result = await evaluate("=SPM.FORECAST.MOVINGAVG(A1:A8, 1, 2)", sheet, {
      blanks: "null",
    });
    expect(result).toBe(35);
  });

  test("desktop blanks count as zeros", async () => {
    // Desktop Excel passes the blanks as 0, so the last two values are 0 and the mean is 0.
    const result = await evaluate("=SPM.FORECAST.MOVINGAVG(A1:A8, 1, 2)", sheet, {
      blanks: "zero",
    });
    expect(result).toBe(0);
  });

  test("web blank inside rejected", async () => {
    const gap = { Sheet1: column([10, null, 30, 40]) };
    const result = await evaluate("=SPM.FORECAST.MOVINGAVG(A1:A4, 1)", gap, { blanks: "null" });
    expectError(
      result,
      "#VALUE!",
      /^history: cell 2 is blank; blank cells are allowed only at the end/,
    );
  });

  test("web blank at start rejected", async () => {
    const gap = { Sheet1: column([null, 20, 30, 40]) };
    const result = await evaluate("=SPM.FORECAST.MOVINGAVG(A1:A4, 1)", gap, { blanks: "null" });
    expectError(result, "#VALUE!", /^history: cell 1 is blank/);
  });

  test("desktop blank inside is zero", async () => {
    const gap = { Sheet1: column([10, null, 30, 40]) };
    const result = await evaluate("=SPM.FORECAST.MOVINGAVG(A1:A4, 1, 3)", gap, { blanks: "zero" });
    expect(result).toBeCloseTo(70 / 3, 12);
  });
});

describe("horizon argument rules", () => {
  const cases: [string, string][] = [
    ["=SPM.FORECAST.SES(A1:A6, )", "horizon is missing"],
    ["=SPM.FORECAST.SES(A1:A6, 0)", "horizon is 0 but must be a whole number from 1 to 10000."],
    ["=SPM.FORECAST.SES(A1:A6, -2)", "horizon is -2 but must be a whole number from 1 to 10000."],
    ["=SPM.FORECAST.SES(A1:A6, 2.5)", "horizon is 2.5 but must be a whole number from 1 to 10000."],
    [
      "=SPM.FORECAST.SES(A1:A6, 10001)",
      "horizon is 10001 but must be a whole number from 1 to 10000.",
    ],
  ];

  test.each(cases)("%s", async (formula, message) => {
    const result = await evaluate(formula, { Sheet1: RISING });
    expectError(result, "#VALUE!", new RegExp(`^${message.replace(/[.]/g, "\\.")}`));
  });

  test("maximum horizon spills", async () => {
    const result = await evaluate("=SPM.FORECAST.MOVINGAVG(A1:A6, 10000)", { Sheet1: RISING });
    expect(spilledNumbers(result)).toHaveLength(10_000);
  });
});

describe("smoothing parameter rules", () => {
  const history = { Sheet1: column(Array.from({ length: 24 }, (_, i) => 100 + (i % 12) * 3 + i)) };
  const cases: [string, string, RegExp][] = [
    [
      "=SPM.FORECAST.SES(A1:A24, 2, 1.5)",
      "#VALUE!",
      /^alpha is 1.5 but must be a number between 0 and 1/,
    ],
    ["=SPM.FORECAST.SES(A1:A24, 2, -0.1)", "#VALUE!", /^alpha is -0.1 but/],
    ["=SPM.FORECAST.HOLT(A1:A24, 2, 0.5, 2)", "#VALUE!", /^beta is 2 but/],
    [
      "=SPM.FORECAST.HOLT(A1:A24, 2, 0.5, 0.1, 0)",
      "#VALUE!",
      /^phi is 0 but must be a number greater than 0 and at most 1/,
    ],
    ["=SPM.FORECAST.HOLT(A1:A24, 2, 0.5, 0.1, 1.2)", "#VALUE!", /^phi is 1.2 but/],
    ["=SPM.FORECAST.HOLTWINTERS(A1:A24, 2, 12, , , , 3)", "#VALUE!", /^gamma is 3 but/],
    ["=SPM.FORECAST.CROSTON(A1:A24, 2, 1.1)", "#VALUE!", /^alpha is 1.1 but/],
    [
      '=SPM.FORECAST.HOLTWINTERS(A1:A24, 2, 12, "cube")',
      "#VALUE!",
      /^seasonality is "cube"; use one of "additive" \(or "add"\), "multiplicative" \(or "mult"\)/,
    ],
    [
      "=SPM.FORECAST.HOLTWINTERS(A1:A18, 2, 12)",
      "#N/A",
      /at least 24 \(two full seasons\) are needed/,
    ],
    ["=SPM.FORECAST.HOLTWINTERS(A1:A24, 2, 0)", "#VALUE!", /^season_length is 0 but/],
  ];

  test.each(cases)("%s", async (formula, code, message) => {
    expectError(await evaluate(formula, history), code, message);
  });

  test.each(["add", "ADDITIVE", "mult", "Multiplicative"])(
    "seasonality spelling %s",
    async (spelling) => {
      const result = await evaluate(
        `=SPM.FORECAST.HOLTWINTERS(A1:A24, 3, 12, "${spelling}", 0.3, 0.1, 0.2)`,
        history,
      );
      expect(spilledNumbers(result)).toHaveLength(3);
    },
  );

  test("multiplicative rejects zero", async () => {
    const withZero = {
      Sheet1: column(Array.from({ length: 24 }, (_, i) => (i === 5 ? 0 : 10 + i))),
    };
    const result = await evaluate('=SPM.FORECAST.HOLTWINTERS(A1:A24, 2, 12, "mult")', withZero);
    expectError(result, "#VALUE!", /history value 6 is 0.*use seasonality "additive"/);
  });
});

describeWithData("smoothing functions match R", () => {
  // R 4.2.2 with forecast 8.20, initial = "simple" and fixed parameters, on AirPassengers.
  interface RCase {
    id: string;
    method: string;
    horizon: number;
    season_length: number;
    params: Record<string, number | string | boolean>;
    input: number[];
    expected_forecast: number[];
  }
  const cases = readReferenceJson<RCase[]>("reference/r-forecast-cases.json");
  const formulas: [string, (c: RCase) => string][] = [
    [
      "AirPassengers-ses-fixed",
      (c) => `=SPM.FORECAST.SES(A1:A144, ${c.horizon}, ${c.params.alpha})`,
    ],
    [
      "AirPassengers-holt-fixed",
      (c) => `=SPM.FORECAST.HOLT(A1:A144, ${c.horizon}, ${c.params.alpha}, ${c.params.beta})`,
    ],
    [
      "AirPassengers-holt-damped-fixed",
      (c) =>
        `=SPM.FORECAST.HOLT(A1:A144, ${c.horizon}, ${c.params.alpha}, ${c.params.beta}, ${c.params.phi})`,
    ],
    [
      "AirPassengers-hw-add-fixed",
      (c) =>
        `=SPM.FORECAST.HOLTWINTERS(A1:A144, ${c.horizon}, 12, "additive", ${c.params.alpha}, ${c.params.beta}, ${c.params.gamma})`,
    ],
    [
      "AirPassengers-hw-mult-fixed",
      (c) =>
        `=SPM.FORECAST.HOLTWINTERS(A1:A144, ${c.horizon}, 12, "multiplicative", ${c.params.alpha}, ${c.params.beta}, ${c.params.gamma})`,
    ],
    ["AirPassengers-snaive", (c) => `=SPM.FORECAST.SEASONALNAIVE(A1:A144, ${c.horizon}, 12)`],
    ["AirPassengers-linear", (c) => `=SPM.FORECAST.LINEAR(A1:A144, ${c.horizon})`],
  ];

  test.each(formulas)("%s", async (id, formula) => {
    const reference = cases.find((c) => c.id === id)!;
    const result = await evaluate(formula(reference), { Sheet1: column(reference.input) });
    expectClose(spilledNumbers(result), reference.expected_forecast, REFERENCE_TOLERANCE);
  });

  test("SEASONALITY finds twelve months", async () => {
    // R 4.2.2, forecast 8.20: findfrequency(AirPassengers) is 12.
    const passengers = readReferenceCsv("airpassengers.csv").map((row) => Number(row.passengers));
    const result = await evaluate("=SPM.FORECAST.SEASONALITY(A1:A144)", {
      Sheet1: column(passengers),
    });
    expect(result).toBe(12);
  });
});

describe("FORECAST.ACCURACY formulas", () => {
  // Actual 10, 20, 30, 40 against forecast 12, 18, 33, 40: errors A - F are -2, 2, -3, 0, so
  // MAE = 7/4, RMSE = sqrt(17/4), Bias (mean F - A) = 3/4, WAPE = 100 * 7/100.
  const sheet = {
    Sheet1: [
      [10, 12, 1],
      [20, 18, 4],
      [30, 33, 9],
      [40, 40, 16],
    ],
  };
  const cases: [string, number][] = [
    ['=SPM.FORECAST.ACCURACY(A1:A4, B1:B4, "MAE")', 7 / 4],
    ['=SPM.FORECAST.ACCURACY(A1:A4, B1:B4, "rmse")', Math.sqrt(17 / 4)],
    ['=SPM.FORECAST.ACCURACY(A1:A4, B1:B4, "Bias")', 3 / 4],
    ['=SPM.FORECAST.ACCURACY(A1:A4, B1:B4, "wape")', 7],
    ['=SPM.FORECAST.ACCURACY(A1:A4, B1:B4, "MAPE")', (100 * (2 / 10 + 2 / 20 + 3 / 30)) / 4],
    // MASE scale: mean |C[t] - C[t-1]| over the history 1, 4, 9, 16 is (3 + 5 + 7) / 3 = 5.
    ['=SPM.FORECAST.ACCURACY(A1:A4, B1:B4, "MASE", C1:C4)', 7 / 4 / 5],
  ];

  test.each(cases)("%s", async (formula, expected) => {
    expect(await evaluate(formula, sheet)).toBeCloseTo(expected, 12);
  });

  test("table of all metrics", async () => {
    const table = (await evaluate(
      "=SPM.FORECAST.ACCURACY(A1:A4, B1:B4)",
      sheet,
    )) as EngineValue[][];
    expect(table.map((row) => row[0])).toEqual([
      "MAE",
      "RMSE",
      "MAPE",
      "sMAPE",
      "WAPE",
      "MASE",
      "Bias",
    ]);
    expect(table[0][1]).toBeCloseTo(7 / 4, 12);
    expect(table[5][1]).toBe("needs history");
  });

  test("table with history has MASE", async () => {
    const table = (await evaluate(
      "=SPM.FORECAST.ACCURACY(A1:A4, B1:B4, , C1:C4)",
      sheet,
    )) as EngineValue[][];
    expect(table[5][1]).toBeCloseTo(7 / 4 / 5, 12);
  });

  test("table keeps other metrics", async () => {
    // An actual of 0 makes MAPE undefined; its cell explains why and the rest stay numbers.
    const withZero = {
      Sheet1: [
        [0, 1],
        [20, 18],
      ],
    };
    const table = (await evaluate(
      "=SPM.FORECAST.ACCURACY(A1:A2, B1:B2)",
      withZero,
    )) as EngineValue[][];
    expect(table[2][1]).toMatch(/MAPE divides by 0/);
    expect(table[0][1]).toBeCloseTo(3 / 2, 12);
  });

  test("single metric MAPE with zero", async () => {
    const withZero = {
      Sheet1: [
        [0, 1],
        [20, 18],
      ],
    };
    const result = await evaluate('=SPM.FORECAST.ACCURACY(A1:A2, B1:B2, "MAPE")', withZero);
    expectError(result, "#VALUE!", /MAPE divides by 0/);
  });

  test("MASE without history", async () => {
    const result = await evaluate('=SPM.FORECAST.ACCURACY(A1:A4, B1:B4, "MASE")', sheet);
    expectError(result, "#N/A", /MASE needs history to scale the errors, but history is missing/);
  });

  test("lengths differ", async () => {
    const result = await evaluate('=SPM.FORECAST.ACCURACY(A1:A4, B1:B3, "MAE")', sheet);
    expectError(result, "#VALUE!", /^actual has 4 values but forecast has 3/);
  });

  test("unknown metric lists choices", async () => {
    const result = await evaluate('=SPM.FORECAST.ACCURACY(A1:A4, B1:B4, "R2")', sheet);
    expectError(
      result,
      "#VALUE!",
      /^metric is "R2"; use one of "MAE", "RMSE", "MAPE", "SMAPE" \(or "sMAPE"\)/,
    );
  });

  test("spilled forecast as argument", async () => {
    // The nested formula and the same forecast spilled into column C must agree.
    const history = Array.from({ length: 36 }, (_, i) => 100 + 10 * Math.sin(i / 2) + i);
    const actual = Array.from({ length: 12 }, (_, i) => 140 + i);
    const rows: unknown[][] = history.map((value, i) => [value, actual[i] ?? null, null]);
    rows[0][2] = "=SPM.FORECAST.SES(A1:A36, 12)";
    const engine: SpreadsheetEngine = await createTestEngine({ Sheet1: rows });
    const nested = engine.evaluate(
      '=SPM.FORECAST.ACCURACY(B1:B12, SPM.FORECAST.SES(A1:A36, 12), "RMSE")',
    );
    const spilled = engine.evaluate('=SPM.FORECAST.ACCURACY(B1:B12, C1:C12, "RMSE")');
    expect(typeof nested).toBe("number");
    expect(nested).toBeCloseTo(spilled as number, 12);
  });
});

describe("whole-column history", () => {
  // Excel passes a full column as 1,048,576 one-cell rows. The functions are called directly,
  // as Excel calls them, because building a sheet that large would time the engine instead.
  // Each call must return a result or a clear error within a few seconds, not hang.
  const EXCEL_ROWS = 1_048_576;
  const TIME_LIMIT_MS = 5000;
  const wholeColumn = Array.from({ length: EXCEL_ROWS }, (_, i) => [100 + (i % 12) + i / 1000]);

  /** Runs `call`, returning its result or the error it throws, and checks the time limit. */
  function timed(call: () => unknown): unknown {
    const start = Date.now();
    let outcome: unknown;
    try {
      outcome = call();
    } catch (error) {
      outcome = error;
    }
    expect(Date.now() - start).toBeLessThan(TIME_LIMIT_MS);
    return outcome;
  }

  beforeAll(() => installCustomFunctionsRuntime());

  test.each([
    ["LINEAR", () => forecast.linear(wholeColumn, 3)],
    ["MOVINGAVG", () => forecast.movingAverage(wholeColumn, 3)],
    ["SEASONALNAIVE", () => forecast.seasonalNaive(wholeColumn, 3, 12)],
    ["CROSTON", () => forecast.croston(wholeColumn, 3)],
  ])("%s returns a forecast", (_name, call) => {
    const outcome = timed(call) as number[][];
    expect(outcome).toHaveLength(3);
    expect(Number.isFinite(outcome[0][0])).toBe(true);
  });

  test.each([
    ["SES", () => forecast.ses(wholeColumn, 3)],
    ["HOLT", () => forecast.holt(wholeColumn, 3, 0.3, 0.1)],
    ["HOLTWINTERS", () => forecast.holtWinters(wholeColumn, 3, 12)],
  ])("%s rejects with message", (_name, call) => {
    const outcome = timed(call) as CustomFunctions.Error;
    expect(outcome).toBeInstanceOf(CustomFunctions.Error);
    expect(outcome.code).toBe("#VALUE!");
    expect(outcome.message).toMatch(/^history has 1048576 values but .* at most \d+/);
  });

  test("SEASONALITY returns a season", () => {
    expect(timed(() => forecast.seasonality(wholeColumn))).toBe(12);
  });

  test("ACCURACY returns a metric", () => {
    expect(timed(() => forecast.accuracy(wholeColumn, wholeColumn, "MAE"))).toEqual([[0]]);
  });
});
