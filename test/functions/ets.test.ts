import { fitEts, forecastEts } from "../../src/core/forecast/ets";
import { EngineValue, isEngineError } from "../../src/headless/engine";
import { readRForecastCases } from "../core/forecast/referenceCases";
import { evaluate } from "../support/engine";
import { describeWithData } from "../support/referenceData";

// SPM.FORECAST.ETS typed as a user would type it and evaluated by the headless engine, which
// passes ranges, blanks and omitted arguments to the function as Excel does.

// Where the fit reaches R's AICc, its forecasts are within 1 % of R's (see the core tests).
const SAME_OPTIMUM_FORECAST_TOLERANCE = 0.01;

function column(values: readonly unknown[]): unknown[][] {
  return values.map((value) => [value]);
}

function spilledNumbers(value: EngineValue): number[] {
  if (typeof value === "number") {
    return [value];
  }
  if (!Array.isArray(value)) {
    throw new Error(`expected a spilled result, got ${JSON.stringify(value)}`);
  }
  return value.map((row) => row[0] as number);
}

function expectError(value: EngineValue, code: string, message: RegExp): void {
  expect(isEngineError(value)).toBe(true);
  const error = value as { error: string; message: string };
  expect(error.error).toBe(code);
  expect(error.message).toMatch(message);
}

/** Builds a monthly series with a trend, a yearly season and a fixed irregular wobble. */
function seasonalSeries(n: number): number[] {
  return Array.from(
    { length: n },
    (_, t) => 100 + 0.5 * t + 15 * Math.sin((2 * Math.PI * t) / 12) + 3 * Math.sin(7.3 * t),
  );
}

describeWithData("FORECAST.ETS vs R", () => {
  // Source: reference/r-forecast-cases.json, ets() of R 4.2.2 forecast 8.20 on BJsales, which
  // chooses ETS(A,Ad,N) with season length 1.
  test("BJsales matches R", async () => {
    const testCase = readRForecastCases().find((c) => c.id === "BJsales-ets-auto");
    if (testCase === undefined) {
      throw new Error("BJsales-ets-auto case not found");
    }
    const n = testCase.input.length;
    const sheet = { Sheet1: column(testCase.input) };
    const result = await evaluate(`=SPM.FORECAST.ETS(A1:A${n}, ${testCase.horizon}, 1)`, sheet);

    const forecast = spilledNumbers(result);
    expect(forecast).toHaveLength(testCase.horizon);
    forecast.forEach((value, h) => {
      const expected = testCase.expected_forecast[h];
      expect(Math.abs(value / expected - 1)).toBeLessThan(SAME_OPTIMUM_FORECAST_TOLERANCE);
    });
  });
});

describe("FORECAST.ETS formulas", () => {
  const y = seasonalSeries(48);
  const sheet = { Sheet1: column(y) };

  // The adapter must return the core's forecasts unchanged.
  test("spills core forecasts", async () => {
    const result = await evaluate('=SPM.FORECAST.ETS(A1:A48, 6, 12, "aadA")', sheet);
    const expected = forecastEts(fitEts(y, { seasonLength: 12, model: "AAdA" }), 6).mean;

    expect(spilledNumbers(result)).toEqual(expected);
  });

  test("season detected when omitted", async () => {
    const result = await evaluate("=SPM.FORECAST.ETS(A1:A48, 3)", sheet);
    const expected = forecastEts(fitEts(y, { seasonLength: 12 }), 3).mean;

    expect(spilledNumbers(result)).toEqual(expected);
  });

  test("omitted model is automatic", async () => {
    const automatic = await evaluate('=SPM.FORECAST.ETS(A1:A48, 3, 12, "ZZZ")', sheet);
    const omitted = await evaluate("=SPM.FORECAST.ETS(A1:A48, 3, 12)", sheet);

    expect(spilledNumbers(omitted)).toEqual(spilledNumbers(automatic));
  });

  test("all zeros forecast zero", async () => {
    const zeros = { Sheet1: column(new Array<number>(24).fill(0)) };
    const result = await evaluate("=SPM.FORECAST.ETS(A1:A24, 4, 12)", zeros);

    expect(spilledNumbers(result)).toEqual([0, 0, 0, 0]);
  });

  test("one huge outlier stays finite", async () => {
    const spiky = [...y];
    spiky[20] = 1e12;
    const result = await evaluate("=SPM.FORECAST.ETS(A1:A48, 12, 12)", {
      Sheet1: column(spiky),
    });

    const forecast = spilledNumbers(result);
    expect(forecast).toHaveLength(12);
    for (const value of forecast) {
      expect(Number.isFinite(value)).toBe(true);
    }
  });
});

describe("FORECAST.ETS bad input", () => {
  const sheet = { Sheet1: column(seasonalSeries(48)) };

  test("unknown model lists codes", async () => {
    const result = await evaluate('=SPM.FORECAST.ETS(A1:A48, 3, 12, "AMM")', sheet);
    expectError(
      result,
      "#VALUE!",
      /^model is "AMM", which is not a valid ETS model code; use one of ANN, AAN, AAdN, ANA, AAA, AAdA, MNN/,
    );
  });

  test("too short names minimum", async () => {
    const result = await evaluate('=SPM.FORECAST.ETS(A1:A20, 3, 12, "MAM")', sheet);
    expectError(
      result,
      "#N/A",
      /^history has 20 values but ETS\(M,A,M\) with season_length 12 needs at least 24\.$/,
    );
  });

  test("three values too few", async () => {
    const result = await evaluate("=SPM.FORECAST.ETS(A1:A3, 3)", sheet);
    expectError(result, "#N/A", /^history has 3 values but ETS needs at least 4\.$/);
  });

  test("seasonal model without season", async () => {
    const result = await evaluate('=SPM.FORECAST.ETS(A1:A48, 3, 1, "ANA")', sheet);
    expectError(
      result,
      "#VALUE!",
      /^season_length is 1, but ETS\(A,N,A\) needs a season length from 2 to 24/,
    );
  });

  test("multiplicative model with zero", async () => {
    const withZero = { Sheet1: column([5, 3, 0, 4, 6, 5, 7, 6]) };
    const result = await evaluate('=SPM.FORECAST.ETS(A1:A8, 2, 1, "MNN")', withZero);
    expectError(
      result,
      "#VALUE!",
      /^history: cell 3 is 0, but ETS\(M,N,N\) has a multiplicative error or season, which needs values above 0; use A in those places, such as "ANN"\.$/,
    );
  });

  test("text cell named", async () => {
    const withText = { Sheet1: column([1, 2, "n/a", 4, 5, 6]) };
    const result = await evaluate("=SPM.FORECAST.ETS(A1:A6, 2, 1)", withText);
    expectError(result, "#VALUE!", /^history: cell 3 contains text "n\/a"; only numbers/);
  });

  test("error cell named", async () => {
    const withError = { Sheet1: column([1, 2, "=1/0", 4, 5, 6]) };
    const result = await evaluate("=SPM.FORECAST.ETS(A1:A6, 2, 1)", withError);
    expectError(result, "#VALUE!", /^history: cell 3 contains the error #DIV\/0!/);
  });

  test("web blank inside rejected", async () => {
    const gap = { Sheet1: column([10, 12, null, 11, 13, 12]) };
    const result = await evaluate("=SPM.FORECAST.ETS(A1:A6, 2, 1)", gap, { blanks: "null" });
    expectError(result, "#VALUE!", /^history: cell 3 is blank/);
  });

  test("web blanks at end ignored", async () => {
    const values = [10, 12, 11, 13, 12, 14];
    const padded = { Sheet1: column([...values, null, null]) };
    const result = await evaluate("=SPM.FORECAST.ETS(A1:A8, 2, 1)", padded, { blanks: "null" });
    const expected = forecastEts(fitEts(values, { seasonLength: 1 }), 2).mean;

    expect(spilledNumbers(result)).toEqual(expected);
  });

  test("season length must be whole", async () => {
    const result = await evaluate("=SPM.FORECAST.ETS(A1:A48, 3, 2.5)", sheet);
    expectError(result, "#VALUE!", /^season_length is 2.5 but must be a whole number of 1 or more/);
  });

  test("model must be text", async () => {
    const result = await evaluate("=SPM.FORECAST.ETS(A1:A48, 3, 12, 5)", sheet);
    expectError(result, "#VALUE!", /^model is the value 5; give text/);
  });
});
