/** Scores of the M3 benchmark on small examples whose results are worked out by hand below. */
const scoring = require("../../bench/m3Scoring") as {
  smape(actual: number[], forecast: number[]): number;
  mase(
    actual: number[],
    forecast: number[],
    history: number[],
    seasonLength: number,
  ): number | null;
  seasonalNaiveScale(history: number[], seasonLength: number): number;
  coverage(actual: number[], lower: number[], upper: number[]): number;
  countCovered(
    actual: number[],
    lower: number[],
    upper: number[],
  ): { inside: number; total: number };
};

/** Decimal places compared: the hand results are exact fractions, so only rounding differs. */
const DIGITS = 12;

describe("smape", () => {
  // Each expected value is 200 · |A − F| / (|A| + |F|) per step, averaged, worked out by hand.
  const cases: [string, number[], number[], number][] = [
    ["exact forecast", [100, 50], [100, 50], 0],
    // 200 · 10 / 210
    ["one step over", [100], [110], 2000 / 210],
    // (0 + 200 · 50 / 150) / 2
    ["mean over steps", [100, 50], [100, 100], 100 / 3],
    // 200 · 10 / 10: a forecast of 0 for a non-zero actual gives the maximum, 200
    ["zero forecast", [10], [0], 200],
    // |A| and |F| in the denominator: 200 · 20 / (10 + 10)
    ["negative actual", [-10], [10], 200],
    // A = F = 0 counts as 0, not 0 / 0
    ["zero actual and forecast", [0, 4], [0, 2], (0 + 400 / 6) / 2],
  ];

  test.each(cases)("smape %s", (_, actual, forecast, expected) => {
    expect(scoring.smape(actual, forecast)).toBeCloseTo(expected, DIGITS);
  });

  test("smape length mismatch throws", () => {
    expect(() => scoring.smape([1, 2], [1])).toThrow(/same length/);
  });

  test("smape empty input throws", () => {
    expect(() => scoring.smape([], [])).toThrow(/at least 1/);
  });
});

describe("mase", () => {
  test("seasonal scale of steady trend", () => {
    // |y[t] − y[t−2]| = 2 for each t of 1 … 6.
    expect(scoring.seasonalNaiveScale([1, 2, 3, 4, 5, 6], 2)).toBe(2);
  });

  test("naive scale with m of 1", () => {
    // |2 − 1|, |4 − 2|, |1 − 4| = 1, 2, 3, mean 2.
    expect(scoring.seasonalNaiveScale([1, 2, 4, 1], 1)).toBe(2);
  });

  test("mase divides by scale", () => {
    // Errors |7 − 6| = 1 and |8 − 10| = 2, mean 1.5, scale 2 (above): 0.75.
    expect(scoring.mase([7, 8], [6, 10], [1, 2, 3, 4, 5, 6], 2)).toBeCloseTo(0.75, DIGITS);
  });

  test("mase of zero scale is null", () => {
    // The history repeats every 2 periods exactly, so every seasonal difference is 0.
    expect(scoring.mase([5], [4], [1, 3, 1, 3], 2)).toBeNull();
  });

  test("mase short history throws", () => {
    expect(() => scoring.mase([1], [1], [1, 2], 2)).toThrow(/needs at least 3/);
  });
});

describe("coverage", () => {
  test("coverage counts bounds inside", () => {
    // 1 is in [0, 2], 5 is below [6, 7], and 10 is on both bounds of [10, 10]: 2 of 3.
    const actual = [1, 5, 10];
    const lower = [0, 6, 10];
    const upper = [2, 7, 10];
    expect(scoring.countCovered(actual, lower, upper)).toEqual({ inside: 2, total: 3 });
    expect(scoring.coverage(actual, lower, upper)).toBeCloseTo(2 / 3, DIGITS);
  });

  test("coverage above upper bound", () => {
    expect(scoring.coverage([3], [1], [2])).toBe(0);
  });

  test("coverage bound length mismatch", () => {
    expect(() => scoring.coverage([1, 2], [0, 0], [3])).toThrow(/upper values \(1\)/);
  });
});
