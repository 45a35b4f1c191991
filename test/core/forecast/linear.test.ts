import { InsufficientDataError, InvalidInputError } from "../../../src/core/errors";
import { fitLinear, forecastLinear } from "../../../src/core/forecast/linear";
import { describeWithData } from "../../support/referenceData";
import {
  maxRelativeError,
  readComputedCases,
  readPublishedCases,
  readRForecastCases,
} from "./referenceCases";

// R's lm() and our centred sums agree to rounding; 1e-9 relative allows for the different
// order of summation.
const LINEAR_RELATIVE_TOLERANCE = 1e-9;

// The cases' exact values are rounded to 10 decimals.
const EXACT_VALUE_TOLERANCE = 1e-9;

describeWithData("forecastLinear vs published cases", () => {
  const cases = readPublishedCases();
  const byId = (id: string) => {
    const found = cases.find((c) => c.id === id);
    if (found === undefined) {
      throw new Error(`reference case ${id} not found`);
    }
    return found;
  };

  // Source: Microsoft's FORECAST.LINEAR help example, tolerance as stated in the case.
  test("FORECAST.LINEAR help example", () => {
    const c = byId("excel_forecast_linear_doc");
    const xy = c.input_xy!;
    const forecast = forecastLinear(xy.known_y, xy.known_x, [
      (c.params as Record<string, number>).x,
    ]);

    expect(Math.abs(forecast[0] - c.expected.forecasts[0])).toBeLessThanOrEqual(c.tolerance.abs!);
  });

  // Source: Microsoft's SLOPE help example.
  test("SLOPE help example", () => {
    const c = byId("excel_slope_doc");
    const xy = c.input_xy!;
    const fit = fitLinear(xy.known_y, xy.known_x);

    expect(Math.abs(fit.slope - c.expected_scalar!.slope_exact)).toBeLessThanOrEqual(
      EXACT_VALUE_TOLERANCE,
    );
    expect(Math.abs(fit.slope - c.expected_scalar!.slope)).toBeLessThanOrEqual(c.tolerance.abs!);
    expect(
      Math.abs(fit.intercept - c.expected_scalar!.intercept_exact_same_data),
    ).toBeLessThanOrEqual(EXACT_VALUE_TOLERANCE);
  });

  // Source: Microsoft's INTERCEPT help example.
  test("INTERCEPT help example", () => {
    const c = byId("excel_intercept_doc");
    const xy = c.input_xy!;
    const fit = fitLinear(xy.known_y, xy.known_x);

    expect(Math.abs(fit.intercept - c.expected_scalar!.intercept)).toBeLessThanOrEqual(
      c.tolerance.abs!,
    );
    expect(Math.abs(fit.intercept - c.expected_scalar!.intercept_exact)).toBeLessThanOrEqual(
      EXACT_VALUE_TOLERANCE,
    );
    expect(Math.abs(fit.slope - c.expected_scalar!.slope_exact)).toBeLessThanOrEqual(
      EXACT_VALUE_TOLERANCE,
    );
  });

  // Source: Microsoft's TREND help example (x = 1 … 12), recomputed with R's lm().
  test("TREND help example", () => {
    const c = byId("excel_trend_doc_cost");
    const y = c.input.series!;
    const x = y.map((_, i) => i + 1);
    const forecast = forecastLinear(y, x, (c.params as Record<string, number[]>).new_x);
    const fitted = forecastLinear(y, x, x);

    c.expected.forecasts.forEach((value, i) => {
      expect(Math.abs(forecast[i] - value)).toBeLessThanOrEqual(c.tolerance.abs!);
    });
    c.expected.fitted!.forEach((value, i) => {
      expect(Math.abs(fitted[i] - value)).toBeLessThanOrEqual(c.tolerance.abs!);
    });
  });
});

describeWithData("forecastLinear vs R linear trend", () => {
  const cases = readRForecastCases().filter((c) => c.method === "linear");

  // Source: reference/r-forecast-cases.json, R 4.2.2 least-squares trend on t = 1 … n.
  test.each(cases.map((c) => [c.id, c] as const))("%s matches R", (_id, c) => {
    const n = c.input.length;
    const x = c.input.map((_, i) => i + 1);
    const newX = Array.from({ length: c.horizon }, (_, i) => n + i + 1);
    const forecast = forecastLinear(c.input, x, newX);

    expect(maxRelativeError(forecast, c.expected_forecast)).toBeLessThan(LINEAR_RELATIVE_TOLERANCE);
  });
});

describe("fitLinear", () => {
  // Source: reference/r-cases.json, R's lm(y ~ x) (make-cases.R).
  test("matches R lm", () => {
    const example = readComputedCases().linear_example;
    const fit = fitLinear(example.y, example.x);

    expect(maxRelativeError([fit.slope], [example.slope])).toBeLessThan(LINEAR_RELATIVE_TOLERANCE);
    expect(maxRelativeError([fit.intercept], [example.intercept])).toBeLessThan(
      LINEAR_RELATIVE_TOLERANCE,
    );
  });

  test("rejects different lengths", () => {
    expect(() => fitLinear([1, 2, 3], [1, 2])).toThrow(InvalidInputError);
    expect(() => fitLinear([1, 2, 3], [1, 2])).toThrow(/known_x has 2 values but history has 3/);
  });

  test("rejects all-equal x", () => {
    expect(() => forecastLinear([1, 2, 3], [5, 5, 5], [6])).toThrow(InvalidInputError);
    expect(() => forecastLinear([1, 2, 3], [5, 5, 5], [6])).toThrow(/known_x .* all equal/);
  });

  test("rejects one point", () => {
    expect(() => fitLinear([1], [1])).toThrow(InsufficientDataError);
    expect(() => fitLinear([1], [1])).toThrow(/at least 2/);
  });

  test("keeps precision for serial dates", () => {
    // Dates as Excel serial numbers near 45,000: an exact line y = 3x - 100 must come back.
    const x = [45000, 45001, 45002, 45003];
    const y = x.map((value) => 3 * value - 100);
    const fit = fitLinear(y, x);

    expect(fit.slope).toBeCloseTo(3, 9);
    expect(fit.intercept).toBeCloseTo(-100, 5);
  });
});
