import { InsufficientDataError, InvalidInputError } from "../../../src/core/errors";
import {
  DEFAULT_MOVING_AVERAGE_WINDOW,
  forecastMovingAverage,
} from "../../../src/core/forecast/movingAverage";
import { forecastSeasonalNaive } from "../../../src/core/forecast/seasonalNaive";
import { describeWithData } from "../../support/referenceData";
import { readRForecastCases } from "./referenceCases";

describeWithData("forecastSeasonalNaive vs R", () => {
  const cases = readRForecastCases().filter((c) => c.method === "seasonalnaive");

  // Source: reference/r-forecast-cases.json, R 4.2.2 forecast::snaive. The values are copies
  // of observations, so they must be equal.
  test.each(cases.map((c) => [c.id, c] as const))("%s matches R", (_id, c) => {
    expect(forecastSeasonalNaive(c.input, c.horizon, c.season_length)).toEqual(c.expected_forecast);
  });
});

describe("forecastSeasonalNaive", () => {
  test("repeats the last season", () => {
    // Definition: ŷ[n+h] = y[n+h-m] for h ≤ m, repeated every m periods.
    expect(forecastSeasonalNaive([1, 2, 3, 4, 5], 5, 2)).toEqual([4, 5, 4, 5, 4]);
  });

  test("rejects history shorter than season", () => {
    expect(() => forecastSeasonalNaive([1, 2, 3], 2, 4)).toThrow(InsufficientDataError);
    expect(() => forecastSeasonalNaive([1, 2, 3], 2, 4)).toThrow(
      /history has 3 values .* at least 4/,
    );
  });

  test.each([0, -2, 2.5, NaN])("rejects season_length %p", (seasonLength) => {
    expect(() => forecastSeasonalNaive([1, 2, 3], 2, seasonLength)).toThrow(InvalidInputError);
    expect(() => forecastSeasonalNaive([1, 2, 3], 2, seasonLength)).toThrow(/season_length/);
  });
});

describe("forecastMovingAverage", () => {
  test("averages the last window", () => {
    // Definition: the mean of the last 3 values, (30 + 40 + 50) / 3 = 40, for every period.
    expect(forecastMovingAverage([10, 20, 30, 40, 50], 4, 3)).toEqual([40, 40, 40, 40]);
  });

  test("default window is 3", () => {
    expect(DEFAULT_MOVING_AVERAGE_WINDOW).toBe(3);
  });

  test("rejects history shorter than window", () => {
    expect(() => forecastMovingAverage([1, 2], 1, 3)).toThrow(InsufficientDataError);
    expect(() => forecastMovingAverage([1, 2], 1, 3)).toThrow(/history has 2 values .* at least 3/);
  });

  test.each([0, -1, 1.5, Infinity])("rejects window %p", (window) => {
    expect(() => forecastMovingAverage([1, 2, 3], 1, window)).toThrow(InvalidInputError);
    expect(() => forecastMovingAverage([1, 2, 3], 1, window)).toThrow(/window/);
  });
});
