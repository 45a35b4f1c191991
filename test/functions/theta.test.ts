import * as fs from "fs";
import * as path from "path";
import { EngineValue, isEngineError } from "../../src/headless/engine";
import { evaluate } from "../support/engine";

// SPM.FORECAST.THETA typed as a user would type it and evaluated by the headless engine, which
// passes ranges, blanks and omitted arguments to the function as Excel does.

/** A synthetic case of `test/core/forecast/reference/theta-cases.json` (R 4.2.2, forecast 8.20). */
interface ThetaCase {
  id: string;
  input: number[];
  season_length: number;
  horizon: number;
  mean: number[];
}

const cases: ThetaCase[] = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, "..", "core", "forecast", "reference", "theta-cases.json"),
    "utf8",
  ),
).synthetic;

// R's Nelder-Mead search for alpha stops up to 3e-4 relative from the exact minimum in the
// forecasts of these cases (see the core tests); 1e-3 leaves room.
const FORECAST_TOLERANCE = 1e-3;

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

function caseById(id: string): ThetaCase {
  const found = cases.find((c) => c.id === id);
  if (found === undefined) {
    throw new Error(`theta case ${id} not found`);
  }
  return found;
}

describe("FORECAST.THETA formulas", () => {
  const formulaCases = ["trend-noise-n40", "seasonal-monthly-n60", "seasonal-quarterly-n16"];

  test.each(formulaCases)("matches R thetaf %s", async (id) => {
    const c = caseById(id);
    const n = c.input.length;
    const formula = `=SPM.FORECAST.THETA(A1:A${n}, ${c.horizon}, ${c.season_length})`;
    const result = spilledNumbers(await evaluate(formula, { Sheet1: column(c.input) }));
    expect(result).toHaveLength(c.horizon);
    result.forEach((value, i) => {
      expect(Math.abs(value - c.mean[i]) / Math.abs(c.mean[i])).toBeLessThan(FORECAST_TOLERANCE);
    });
  });

  test("detects omitted season length", async () => {
    // The monthly case has a clear yearly season, so the detected length is 12 as given to R.
    const c = caseById("seasonal-monthly-n60");
    const formula = `=SPM.FORECAST.THETA(A1:A60, 18)`;
    const result = spilledNumbers(await evaluate(formula, { Sheet1: column(c.input) }));
    result.forEach((value, i) => {
      expect(Math.abs(value - c.mean[i]) / Math.abs(c.mean[i])).toBeLessThan(FORECAST_TOLERANCE);
    });
  });

  test("all zeros forecast zero", async () => {
    const sheet = { Sheet1: column(new Array(24).fill(0)) };
    const result = await evaluate("=SPM.FORECAST.THETA(A1:A24, 3, 12)", sheet);
    expect(spilledNumbers(result)).toEqual([0, 0, 0]);
  });

  test("huge outlier stays finite", async () => {
    const values = Array.from({ length: 36 }, (_, t) => 100 + (t % 12));
    values[17] = 1e15;
    const result = await evaluate("=SPM.FORECAST.THETA(A1:A36, 6, 12)", {
      Sheet1: column(values),
    });
    for (const value of spilledNumbers(result)) {
      expect(Number.isFinite(value)).toBe(true);
    }
  });

  test("one value names minimum", async () => {
    const result = await evaluate("=SPM.FORECAST.THETA(A1:A1, 3)", { Sheet1: [[5]] });
    expectError(result, "#N/A", /history has 1 value .* at least 2/);
  });

  test("text cell is rejected", async () => {
    const sheet = { Sheet1: column([1, 2, "x", 4, 5]) };
    const result = await evaluate("=SPM.FORECAST.THETA(A1:A5, 3)", sheet);
    expectError(result, "#VALUE!", /history/);
  });

  test("bad season length rejected", async () => {
    const sheet = { Sheet1: column([1, 2, 3, 4, 5]) };
    const result = await evaluate("=SPM.FORECAST.THETA(A1:A5, 3, 0)", sheet);
    expectError(result, "#VALUE!", /season_length/);
  });

  test("bad horizon rejected", async () => {
    const sheet = { Sheet1: column([1, 2, 3, 4, 5]) };
    const result = await evaluate("=SPM.FORECAST.THETA(A1:A5, 0)", sheet);
    expectError(result, "#VALUE!", /horizon/);
  });
});
