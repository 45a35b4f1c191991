import { InsufficientDataError, InvalidInputError } from "../../../src/core/errors";
import {
  ACCURACY_METRICS,
  AccuracyMetric,
  computeAccuracy,
} from "../../../src/core/forecast/accuracy";
import { readComputedCases } from "./referenceCases";

// R prints the measures with 15 significant digits, so 1e-12 relative covers the rounding.
const ACCURACY_RELATIVE_TOLERANCE = 1e-12;

describe("computeAccuracy vs R", () => {
  // Source: reference/r-cases.json. MAE, RMSE, MAPE, MASE and BIAS (= -ME) come from
  // forecast::accuracy in R 4.2.2 with forecast 8.20 for a naive and a seasonal naive forecast;
  // SMAPE and WAPE are computed in R from their definitions (make-cases.R).
  const rows = readComputedCases().accuracy.flatMap((c) =>
    ACCURACY_METRICS.map((metric) => [c.id, metric, c] as const),
  );

  test.each(rows)("%s %s matches R", (_id, metric, c) => {
    const value = computeAccuracy(c.actual, c.forecast, metric, c.history, c.season_length);
    const expected = c.expected[metric];

    expect(Math.abs(value - expected)).toBeLessThanOrEqual(
      ACCURACY_RELATIVE_TOLERANCE * Math.abs(expected),
    );
  });
});

describe("computeAccuracy", () => {
  test("lists seven metrics", () => {
    const expected: AccuracyMetric[] = ["MAE", "RMSE", "MAPE", "SMAPE", "WAPE", "MASE", "BIAS"];

    expect([...ACCURACY_METRICS]).toEqual(expected);
  });

  test("BIAS positive when over-forecasting", () => {
    // mean(F - A) = mean(2, 4) = 3.
    expect(computeAccuracy([10, 20], [12, 24], "BIAS")).toBe(3);
  });

  test("SMAPE counts zero pairs as zero", () => {
    // Terms: 0 for (0, 0) and 200 · 10 / 30 for (10, 20); mean (0 + 66.67) / 2.
    expect(computeAccuracy([0, 10], [0, 20], "SMAPE")).toBeCloseTo(100 / 3, 12);
  });

  test("rejects different lengths", () => {
    const call = () => computeAccuracy(new Array(12).fill(1), new Array(10).fill(1), "MAE");

    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(/actual has 12 values but forecast has 10/);
  });

  test("rejects empty actual", () => {
    expect(() => computeAccuracy([], [], "RMSE")).toThrow(InsufficientDataError);
  });

  test("MAPE rejects zero actual", () => {
    const call = () => computeAccuracy([5, 0, 3], [4, 1, 3], "MAPE");

    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(/actual value 2 is 0.*WAPE.*SMAPE/);
  });

  test("WAPE rejects all-zero actual", () => {
    expect(() => computeAccuracy([0, 0], [1, 2], "WAPE")).toThrow(InvalidInputError);
  });

  test("MASE needs history", () => {
    expect(() => computeAccuracy([1, 2], [1, 3], "MASE")).toThrow(InsufficientDataError);
    expect(() => computeAccuracy([1, 2], [1, 3], "MASE")).toThrow(/history/);
    expect(() => computeAccuracy([1, 2], [1, 3], "MASE", [1, 2, 3], 4)).toThrow(
      InsufficientDataError,
    );
  });

  test("MASE rejects constant history", () => {
    expect(() => computeAccuracy([1, 2], [1, 3], "MASE", [5, 5, 5, 5])).toThrow(InvalidInputError);
  });

  test.each([0, 1.5, -4])("MASE rejects season_length %p", (m) => {
    expect(() => computeAccuracy([1, 2], [1, 3], "MASE", [1, 2, 3, 4], m)).toThrow(/season_length/);
  });
});
