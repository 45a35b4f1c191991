import { EngineOptions, EngineValue, isEngineError } from "../../../src/headless/engine";
import { createTestEngine, evaluate } from "../../support/engine";

// Bad input a real user gives the SPM.FORECAST functions, typed as formulas and evaluated by the
// headless engine. Each result must be the Excel error the function reference documents, with a
// message naming the argument and the fix, or a number: never a crash, NaN, Infinity or a blank.
// Unless a case names another source, its expected answer follows from the function reference
// (README and each function's JSDoc) and from the error rule of the add-in: a user's mistake is
// #VALUE!, missing or too little data is #N/A, and an Excel error given as a single value passes
// through unchanged, as it does for Excel's own functions.
//
// Cases under test.failing are defects the product still has: each fails while the defect is
// there, so test.failing passes, and it starts failing once the defect is fixed.

/** Number of periods in the monthly test series: three full years. */
const MONTHS = 36;

/** Row of the position where the bad cells sit, in the middle of the series. */
const BAD_ROW = 11;

/**
 * Returns a clean monthly pattern on a rising trend: 100 + 20 sin(2πt/12) + t for t = 0, 1, ...,
 * rounded to cents. R: round(100 + 20 * sin(2 * pi * (0:(n - 1)) / 12) + (0:(n - 1)), 2).
 */
function seasonalSeries(length: number): number[] {
  return Array.from({ length }, (_, t) => {
    const value = 100 + 20 * Math.sin((2 * Math.PI * t) / 12) + t;
    return Math.round(value * 100) / 100;
  });
}

/** Returns the seasonal series with one cell replaced, as when a user pastes or types a bad value. */
function withCell(position: number, value: unknown): unknown[] {
  const cells: unknown[] = seasonalSeries(MONTHS);
  cells[position - 1] = value;
  return cells;
}

/**
 * Columns of Sheet1, one bad input per column, from row 1 down to row 36 (48 for J).
 * A is the seasonal series and B to D have one text or error cell at row 11. E is the series
 * minus 130 (values from -30 up), F a constant 50 and G a single value 42 with blanks below.
 * H has a blank first cell, I a blank cell at row 11, and J is four years of the series.
 */
const COLUMNS: unknown[][] = [
  seasonalSeries(MONTHS),
  withCell(BAD_ROW, "1,5"),
  withCell(BAD_ROW, "12%"),
  withCell(BAD_ROW, "=NA()"),
  seasonalSeries(MONTHS).map((value) => Math.round((value - 130) * 100) / 100),
  Array<number>(MONTHS).fill(50),
  [42, ...Array<null>(MONTHS - 1).fill(null)],
  withCell(1, null),
  withCell(BAD_ROW, null),
  seasonalSeries(48),
];

/** Builds the rows of Sheet1 from `COLUMNS`, with null where a column is shorter. */
function sheetRows(): unknown[][] {
  const height = Math.max(...COLUMNS.map((column) => column.length));
  return Array.from({ length: height }, (_, row) => COLUMNS.map((column) => column[row] ?? null));
}

const SHEETS = { Sheet1: sheetRows() };

/** Blank cells as Excel desktop passes them (0) and as Excel on the web passes them (null). */
const DESKTOP: EngineOptions = { blanks: "zero" };
const WEB: EngineOptions = { blanks: "null" };

/** Evaluates `formula` over the test sheet, passing blank cells as `options` sets. */
function evaluateOnSheet(formula: string, options: EngineOptions = DESKTOP): Promise<EngineValue> {
  return evaluate(formula, SHEETS, options);
}

/** Checks that a formula result is the error `code` with a message matching `message`. */
function expectError(value: EngineValue, code: string, message: RegExp): void {
  expect(isEngineError(value)).toBe(true);
  const error = value as { error: string; message: string };
  expect(error.error).toBe(code);
  expect(error.message).toMatch(message);
}

/** Flattens a one-column result into its numbers. A one-row result arrives as a single value. */
function spilledNumbers(value: EngineValue): number[] {
  if (typeof value === "number") {
    return [value];
  }
  if (!Array.isArray(value)) {
    throw new Error(`expected a spilled result, got ${JSON.stringify(value)}`);
  }
  return value.map((row) => row[0] as number);
}

/** A formula, how blank cells are passed, the expected error code and its message. */
type ErrorCase = [formula: string, options: EngineOptions, code: string, message: RegExp];

describe("history cells users type", () => {
  const cases: ErrorCase[] = [
    // A decimal comma typed on an English-locale sheet stays text.
    [
      "=SPM.FORECAST.SES(B1:B36, 3)",
      DESKTOP,
      "#VALUE!",
      /^history: cell 11 contains text "1,5"; only numbers are allowed/,
    ],
    ["=SPM.FORECAST.HOLT(B1:B36, 3)", DESKTOP, "#VALUE!", /^history: cell 11 contains text "1,5"/],
    [
      "=SPM.FORECAST.HOLTWINTERS(C1:C36, 3, 12)",
      DESKTOP,
      "#VALUE!",
      /^history: cell 11 contains text "12%"/,
    ],
    ["=SPM.FORECAST.MOVINGAVG(C1:C36, 3)", DESKTOP, "#VALUE!", /^history: cell 11 .* "12%"/],
    [
      "=SPM.FORECAST.CROSTON(D1:D36, 3)",
      DESKTOP,
      "#VALUE!",
      /^history: cell 11 contains the error #N\/A; correct that cell/,
    ],
    [
      "=SPM.FORECAST.SEASONALNAIVE(D1:D36, 3, 12)",
      DESKTOP,
      "#VALUE!",
      /^history: cell 11 contains the error #N\/A/,
    ],
    ["=SPM.FORECAST.SEASONALITY(D1:D36)", DESKTOP, "#VALUE!", /^history: cell 11 .* #N\/A/],
    ["=SPM.FORECAST.LINEAR(A1:A36, 3, D1:D36)", DESKTOP, "#VALUE!", /^known_x: cell 11 .* #N\/A/],
    [
      "=SPM.FORECAST.ACCURACY(A1:A36, B1:B36)",
      DESKTOP,
      "#VALUE!",
      /^forecast: cell 11 contains text "1,5"/,
    ],
    ["=SPM.FORECAST.HOLTWINTERS(H1:H36, 3, 12)", WEB, "#VALUE!", /^history: cell 1 is blank/],
    ["=SPM.FORECAST.CROSTON(I1:I36, 3)", WEB, "#VALUE!", /^history: cell 11 is blank/],
    ["=SPM.FORECAST.ACCURACY(I1:I36, A1:A36)", WEB, "#VALUE!", /^actual: cell 11 is blank/],
    [
      "=SPM.FORECAST.HOLTWINTERS(A1:B36, 3, 12)",
      DESKTOP,
      "#VALUE!",
      /^history is a range of 36 rows and 2 columns; select a single row or a single column/,
    ],
    ["=SPM.FORECAST.SEASONALITY(A1:B36)", DESKTOP, "#VALUE!", /^history is a range of 36 rows/],
    [
      '=SPM.FORECAST.ACCURACY(A1:B36, A1:B36, "MAE")',
      DESKTOP,
      "#VALUE!",
      /^actual is a range of 36 rows and 2 columns/,
    ],
  ];

  test.each(cases)("%s", async (formula, options, code, message) => {
    expectError(await evaluateOnSheet(formula, options), code, message);
  });
});

describe("horizon values users type", () => {
  const cases: ErrorCase[] = [
    [
      '=SPM.FORECAST.SES(A1:A36, "12")',
      DESKTOP,
      "#VALUE!",
      /^horizon is text "12", not a number; give a whole number from 1 to 10000/,
    ],
    [
      "=SPM.FORECAST.HOLT(A1:A36, TRUE())",
      DESKTOP,
      "#VALUE!",
      /^horizon is the logical value TRUE, not a number/,
    ],
    ["=SPM.FORECAST.HOLTWINTERS(A1:A36, -1, 12)", DESKTOP, "#VALUE!", /^horizon is -1 but must/],
    ["=SPM.FORECAST.CROSTON(A1:A36, 1.5)", DESKTOP, "#VALUE!", /^horizon is 1\.5 but must/],
    ["=SPM.FORECAST.LINEAR(A1:A36, 0)", DESKTOP, "#VALUE!", /^horizon is 0 but must/],
    ["=SPM.FORECAST.SEASONALNAIVE(A1:A36, 10001, 12)", DESKTOP, "#VALUE!", /^horizon is 10001/],
    ["=SPM.FORECAST.SES(A1:A36, A1:A2)", DESKTOP, "#VALUE!", /^horizon .*single value/],
    // An error given as the horizon itself passes through, as in =ROUND(1/0, 0).
    ["=SPM.FORECAST.SES(A1:A36, 1/0)", DESKTOP, "#DIV/0!", /.*/],
    ["=SPM.FORECAST.MOVINGAVG(A1:A36, NA())", DESKTOP, "#N/A", /.*/],
  ];

  test.each(cases)("%s", async (formula, options, code, message) => {
    expectError(await evaluateOnSheet(formula, options), code, message);
  });
});

describe("method parameters users type", () => {
  const cases: ErrorCase[] = [
    [
      "=SPM.FORECAST.HOLTWINTERS(A1:A36, 3, 40)",
      DESKTOP,
      "#N/A",
      /^season_length is 40 but the history has 36 values; at least 80 \(two full seasons\)/,
    ],
    [
      "=SPM.FORECAST.SEASONALNAIVE(A1:A36, 3, 40)",
      DESKTOP,
      "#N/A",
      /^history has 36 values but a seasonal naive forecast with season_length 40 needs at least 40/,
    ],
    [
      "=SPM.FORECAST.HOLTWINTERS(A1:A36, 3, 1)",
      DESKTOP,
      "#VALUE!",
      /^season_length is 1, which means no seasonality; use SPM\.FORECAST\.HOLT/,
    ],
    [
      '=SPM.FORECAST.HOLTWINTERS(A1:A36, 3, "12")',
      DESKTOP,
      "#VALUE!",
      /^season_length is text "12", not a number/,
    ],
    ["=SPM.FORECAST.HOLTWINTERS(A1:A36, 3, 12.5)", DESKTOP, "#VALUE!", /^season_length is 12\.5/],
    [
      '=SPM.FORECAST.HOLTWINTERS(E1:E36, 3, 12, "multiplicative")',
      DESKTOP,
      "#VALUE!",
      /^history value 1 is -30, but multiplicative seasonality needs values above 0; use seasonality "additive"/,
    ],
    [
      '=SPM.FORECAST.HOLTWINTERS(A1:A36, 3, 12, "m")',
      DESKTOP,
      "#VALUE!",
      /^seasonality is "m"; use one of "additive"/,
    ],
    [
      "=SPM.FORECAST.HOLTWINTERS(A1:A36, 3, 12, 1)",
      DESKTOP,
      "#VALUE!",
      /^seasonality is the value 1; give text/,
    ],
    [
      '=SPM.FORECAST.HOLTWINTERS(A1:A36, 3, 12, "additive", 1.5)',
      DESKTOP,
      "#VALUE!",
      /^alpha is 1\.5 but must be a number between 0 and 1/,
    ],
    [
      '=SPM.FORECAST.HOLT(A1:A36, 3, , , "0.9")',
      DESKTOP,
      "#VALUE!",
      /^phi is text "0\.9", not a number; give a number greater than 0 and at most 1/,
    ],
    ["=SPM.FORECAST.SES(A1:A36, 3, TRUE())", DESKTOP, "#VALUE!", /^alpha is the logical value/],
    ["=SPM.FORECAST.MOVINGAVG(A1:A36, 3, 0)", DESKTOP, "#VALUE!", /^window is 0 but must/],
    ["=SPM.FORECAST.MOVINGAVG(A1:A36, 3, 1.5)", DESKTOP, "#VALUE!", /^window is 1\.5 but must/],
    [
      "=SPM.FORECAST.MOVINGAVG(A1:A36, 3, 100)",
      DESKTOP,
      "#N/A",
      /^history has 36 values but a moving average with window 100 needs at least 100/,
    ],
    [
      "=SPM.FORECAST.CROSTON(E1:E36, 3)",
      DESKTOP,
      "#VALUE!",
      /^history value 1 is -30, but Croston's method needs demand of 0 or more/,
    ],
    [
      "=SPM.FORECAST.LINEAR(A1:A36, 3, F1:F36)",
      DESKTOP,
      "#VALUE!",
      /^known_x values are all equal, so no line can be fitted/,
    ],
  ];

  test.each(cases)("%s", async (formula, options, code, message) => {
    expectError(await evaluateOnSheet(formula, options), code, message);
  });
});

describe("one value of history", () => {
  // Column G contains 42 in row 1 and blanks below, which Excel on the web passes as null.
  const tooShort: ErrorCase[] = [
    ["=SPM.FORECAST.HOLT(G1:G36, 3)", WEB, "#N/A", /^history has 1 .* needs at least 2/],
    ["=SPM.FORECAST.LINEAR(G1:G36, 3)", WEB, "#N/A", /^history has 1 value but .* at least 2/],
    ["=SPM.FORECAST.MOVINGAVG(G1:G36, 3)", WEB, "#N/A", /^history has 1 .* needs at least 3/],
    ["=SPM.FORECAST.HOLTWINTERS(G1:G36, 3, 12)", WEB, "#N/A", /at least 24 \(two full seasons\)/],
    ['=SPM.FORECAST.ACCURACY(G1:G36, G1:G36, "MASE", G1:G36)', WEB, "#N/A", /MASE needs/],
  ];

  test.each(tooShort)("%s", async (formula, options, code, message) => {
    expectError(await evaluateOnSheet(formula, options), code, message);
  });

  // SES starts its level at the first value, the seasonal naive forecast with season_length 1
  // repeats the last value, and Croston's method with one demand forecasts that demand over an
  // interval of 1, so each forecasts 42.
  test.each([
    "=SPM.FORECAST.SES(G1:G36, 3)",
    "=SPM.FORECAST.SEASONALNAIVE(G1:G36, 3, 1)",
    "=SPM.FORECAST.CROSTON(G1:G36, 3)",
  ])("%s", async (formula) => {
    expect(spilledNumbers(await evaluateOnSheet(formula, WEB))).toEqual([42, 42, 42]);
  });

  // The function reference states that a history of fewer than 4 values gives 1 (no season), as R
  // 4.2.2 with forecast 8.20 does: findfrequency(c(100, 111, 119.32)) is 1.
  test("SEASONALITY one value", async () => {
    expect(await evaluateOnSheet("=SPM.FORECAST.SEASONALITY(G1:G36)", WEB)).toBe(1);
  });

  test("SEASONALITY three values", async () => {
    expect(await evaluateOnSheet("=SPM.FORECAST.SEASONALITY(A1:A3)")).toBe(1);
  });

  // A message counts values with the plural "values" only for a count other than 1.
  test.each([
    "=SPM.FORECAST.HOLT(G1:G36, 3)",
    "=SPM.FORECAST.MOVINGAVG(G1:G36, 3)",
    "=SPM.FORECAST.HOLTWINTERS(G1:G36, 3, 12)",
    '=SPM.FORECAST.ACCURACY(A1:A12, A1:A12, "MASE")',
  ])("message grammar %s", async (formula) => {
    const result = await evaluateOnSheet(formula, WEB);
    expect(isEngineError(result)).toBe(true);
    expect((result as { message: string }).message).not.toMatch(/\b1 values\b/);
  });
});

describe("constant history", () => {
  test("SEASONALITY finds no season", async () => {
    // A constant has no pattern to repeat. R 4.2.2, forecast 8.20: findfrequency(rep(50, 36))
    // is 1.
    expect(await evaluateOnSheet("=SPM.FORECAST.SEASONALITY(F1:F36)")).toBe(1);
  });

  test("ACCURACY MASE scale zero", async () => {
    const result = await evaluateOnSheet('=SPM.FORECAST.ACCURACY(A1:A12, A1:A12, "MASE", F1:F36)');
    expectError(result, "#VALUE!", /^history does not change .* the MASE scale is 0; use "MAE"/);
  });
});

describe("ACCURACY with nested forecasts", () => {
  const cases: ErrorCase[] = [
    [
      "=SPM.FORECAST.ACCURACY(A25:A36, SPM.FORECAST.SES(A1:A24, 6))",
      DESKTOP,
      "#VALUE!",
      /^actual has 12 values but forecast has 6; give one forecast for each actual value/,
    ],
    [
      '=SPM.FORECAST.ACCURACY(A25:A36, SPM.FORECAST.HOLTWINTERS(A1:A24, 13, 12), "MAE")',
      DESKTOP,
      "#VALUE!",
      /^actual has 12 values but forecast has 13/,
    ],
    [
      '=SPM.FORECAST.ACCURACY(A25:A36, SPM.FORECAST.SES(A1:A24, 12), "mad")',
      DESKTOP,
      "#VALUE!",
      /^metric is "mad"; use one of "MAE", "RMSE", "MAPE", "SMAPE" \(or "sMAPE"\)/,
    ],
    [
      "=SPM.FORECAST.ACCURACY(A25:A36, SPM.FORECAST.SES(A1:A24, 12), 1)",
      DESKTOP,
      "#VALUE!",
      /^metric is the value 1; give text/,
    ],
    [
      '=SPM.FORECAST.ACCURACY(A25:A36, SPM.FORECAST.SES(A1:A24, 12), "MASE", A1:A24, 24)',
      DESKTOP,
      "#N/A",
      /^MASE needs a history of more than 24 values .* but history has 24/,
    ],
    [
      '=SPM.FORECAST.ACCURACY(A25:A36, SPM.FORECAST.SES(A1:A24, 12), "MASE", A1:A24, 0)',
      DESKTOP,
      "#VALUE!",
      /^season_length is 0 but must be a whole number of 1 or more/,
    ],
  ];

  test.each(cases)("%s", async (formula, options, code, message) => {
    expectError(await evaluateOnSheet(formula, options), code, message);
  });

  // The metric name matches in any case: each spelling must give the same number as the
  // spelling the function reference lists, in the same engine.
  test.each([
    ["mape", "MAPE"],
    ["Smape", "sMAPE"],
    ["rMsE", "RMSE"],
    ["bias", "Bias"],
    ["wApE", "WAPE"],
  ])("metric spelling %s", async (spelling, listed) => {
    const engine = await createTestEngine(SHEETS);
    const nested = "SPM.FORECAST.SES(A1:A24, 12)";
    const spelled = engine.evaluate(`=SPM.FORECAST.ACCURACY(A25:A36, ${nested}, "${spelling}")`);
    const reference = engine.evaluate(`=SPM.FORECAST.ACCURACY(A25:A36, ${nested}, "${listed}")`);
    expect(typeof reference).toBe("number");
    expect(spelled).toBe(reference);
  });

  test("metric spelling Mase", async () => {
    const engine = await createTestEngine(SHEETS);
    const tail = "SPM.FORECAST.SES(A1:A24, 12), {metric}, A1:A24, 12)";
    const spelled = engine.evaluate(
      `=SPM.FORECAST.ACCURACY(A25:A36, ${tail.replace("{metric}", '"Mase"')}`,
    );
    const reference = engine.evaluate(
      `=SPM.FORECAST.ACCURACY(A25:A36, ${tail.replace("{metric}", '"MASE"')}`,
    );
    expect(typeof reference).toBe("number");
    expect(spelled).toBe(reference);
  });
});

describe("logical constants in formulas", () => {
  // Excel reads TRUE and FALSE typed in a formula as logical values, so the function receives
  // them and rejects them as it rejects TRUE().
  const cases: ErrorCase[] = [
    ["=SPM.FORECAST.SES(A1:A36, TRUE)", DESKTOP, "#VALUE!", /^horizon is the logical value TRUE/],
    ["=SPM.FORECAST.SES(A1:A36, 3, TRUE)", DESKTOP, "#VALUE!", /^alpha is the logical value/],
    [
      "=SPM.FORECAST.HOLTWINTERS(A1:A36, 3, TRUE)",
      DESKTOP,
      "#VALUE!",
      /^season_length is the logical value TRUE/,
    ],
    ["=SPM.FORECAST.MOVINGAVG(A1:A36, 3, FALSE)", DESKTOP, "#VALUE!", /^window is the logical/],
    [
      "=SPM.FORECAST.ACCURACY(A1:A12, A1:A12, FALSE)",
      DESKTOP,
      "#VALUE!",
      /^metric is the logical value FALSE; give text/,
    ],
  ];

  test.each(cases)("%s", async (formula, options, code, message) => {
    expectError(await evaluateOnSheet(formula, options), code, message);
  });
});

describe("SEASONALITY of short seasonal series", () => {
  // R 4.2.2, forecast 8.20: findfrequency() of the clean monthly pattern in column A (36
  // values) and column J (48 values) is 12 in both cases.
  test.each([
    ["=SPM.FORECAST.SEASONALITY(A1:A36)", 12],
    ["=SPM.FORECAST.SEASONALITY(J1:J48)", 12],
  ])("%s", async (formula, expected) => {
    expect(await evaluateOnSheet(formula)).toBe(expected);
  });
});

describe("sheets beyond 40,000 rows", () => {
  // An Excel sheet has 1,048,576 rows, so a CSV export with one row per order opens there,
  // and the headless engine must take more than HyperFormula's default of 40,000 rows.
  const ROWS = 40_001;

  test("MOVINGAVG over 40,001 rows", async () => {
    // The mean of the last 3 values (the default window) of a constant 50 column is 50.
    const rows = Array.from({ length: ROWS }, () => [50]);
    const result = await evaluate(`=SPM.FORECAST.MOVINGAVG(A1:A${ROWS}, 2)`, { Sheet1: rows });
    expect(spilledNumbers(result)).toEqual([50, 50]);
  });
});
