import { InsufficientDataError, InvalidInputError } from "../../../src/core/errors";
import { DEFAULT_CROSTON_ALPHA, forecastCroston } from "../../../src/core/forecast/croston";
import { maxRelativeError, readComputedCases } from "./referenceCases";

// R prints the forecasts with 15 significant digits, so 1e-12 relative covers the rounding.
const CROSTON_RELATIVE_TOLERANCE = 1e-12;

describe("forecastCroston vs R", () => {
  const cases = readComputedCases().croston;

  // Source: reference/r-cases.json, forecast::croston(y, h, alpha) in R 4.2.2 with forecast
  // 8.20, written by reference/make-cases.R.
  test.each(cases.map((c) => [c.id, c] as const))("%s matches R", (_id, c) => {
    const forecast = forecastCroston(c.input, c.horizon, c.alpha);

    expect(forecast).toHaveLength(c.expected_forecast.length);
    expect(maxRelativeError(forecast, c.expected_forecast)).toBeLessThan(
      CROSTON_RELATIVE_TOLERANCE,
    );
  });
});

describe("forecastCroston", () => {
  test("default alpha is R's 0.1", () => {
    expect(DEFAULT_CROSTON_ALPHA).toBe(0.1);
  });

  test("no demand forecasts zero", () => {
    // R's croston returns 0 for a series without demand.
    expect(forecastCroston([0, 0, 0], 2, 0.1)).toEqual([0, 0]);
  });

  test("rejects negative demand", () => {
    expect(() => forecastCroston([0, 3, -1], 2, 0.1)).toThrow(InvalidInputError);
    expect(() => forecastCroston([0, 3, -1], 2, 0.1)).toThrow(/history value 3 is -1/);
  });

  test.each([-0.1, 1.5, NaN])("rejects alpha %p", (alpha) => {
    expect(() => forecastCroston([0, 3, 1], 2, alpha)).toThrow(InvalidInputError);
    expect(() => forecastCroston([0, 3, 1], 2, alpha)).toThrow(/alpha/);
  });

  test("rejects empty history", () => {
    expect(() => forecastCroston([], 2, 0.1)).toThrow(InsufficientDataError);
  });
});
