import { InsufficientDataError, InvalidInputError } from "../../../src/core/errors";
import {
  fitExponentialSmoothing,
  MAX_SMOOTHING_HISTORY,
  SmoothingFit,
} from "../../../src/core/forecast/exponentialSmoothing";
import { forecastHolt } from "../../../src/core/forecast/holt";
import { forecastHoltWinters } from "../../../src/core/forecast/holtWinters";
import { forecastSes } from "../../../src/core/forecast/ses";

function expectAllFinite(fit: SmoothingFit): void {
  const values = [...fit.forecast, ...fit.fitted, ...fit.seasonal, fit.sse, fit.level, fit.trend];

  expect(values.filter((value) => !Number.isFinite(value))).toEqual([]);
}

const constant = new Array<number>(36).fill(250);

describe("smoothing on constant history", () => {
  const fits: [string, () => SmoothingFit][] = [
    ["SES optimised", () => forecastSes(constant, 6, null)],
    ["Holt optimised", () => forecastHolt(constant, 6, null, null, null)],
    ["damped Holt optimised", () => forecastHolt(constant, 6, null, null, 0.9)],
    ["HW additive", () => forecastHoltWinters(constant, 6, 12, "additive", null, null, null)],
    [
      "HW multiplicative",
      () => forecastHoltWinters(constant, 6, 12, "multiplicative", 0.3, 0.1, 0.2),
    ],
    [
      "HW multiplicative optimised",
      () => forecastHoltWinters(constant, 6, 12, "multiplicative", null, null, null),
    ],
  ];

  // A constant series has level 250, trend 0 and neutral seasonal indices, whatever the
  // parameters, so every forecast is 250 and every error 0.
  test.each(fits)("%s forecasts flat", (_name, fit) => {
    const result = fit();

    expectAllFinite(result);
    expect(result.forecast).toEqual(new Array(6).fill(250));
    expect(result.sse).toBe(0);
  });
});

describe("smoothing minimum history", () => {
  test("SES accepts one value", () => {
    expect(forecastSes([7], 2, null).forecast).toEqual([7, 7]);
  });

  test("SES rejects empty history", () => {
    expect(() => forecastSes([], 2, 0.5)).toThrow(InsufficientDataError);
    expect(() => forecastSes([], 2, 0.5)).toThrow(/history has 0 values .* at least 1/);
  });

  test("Holt needs two values", () => {
    expect(() => forecastHolt([7], 2, 0.5, 0.1, null)).toThrow(InsufficientDataError);
    expect(() => forecastHolt([7], 2, 0.5, 0.1, null)).toThrow(/at least 2/);
  });

  test("HW needs two seasons", () => {
    const y = Array.from({ length: 18 }, (_, t) => 100 + t);
    const call = () => forecastHoltWinters(y, 2, 12, "additive", null, null, null);

    expect(call).toThrow(InsufficientDataError);
    expect(call).toThrow("season_length is 12 but the history has 18 values; at least 24");
  });

  test("HW accepts exactly two seasons", () => {
    const y = Array.from({ length: 8 }, (_, t) => 10 + (t % 4));

    expectAllFinite(forecastHoltWinters(y, 4, 4, "additive", null, null, null));
  });
});

describe("smoothing parameter validation", () => {
  const y = [3, 5, 4, 6, 5, 7, 6, 8, 7, 9];

  test.each([
    ["alpha", () => forecastSes(y, 1, 1.2)],
    ["alpha", () => forecastSes(y, 1, -0.1)],
    ["beta", () => forecastHolt(y, 1, 0.5, 2, null)],
    ["gamma", () => forecastHoltWinters(y, 1, 2, "additive", 0.5, 0.1, -1)],
    ["phi", () => forecastHolt(y, 1, 0.5, 0.1, 0)],
    ["phi", () => forecastHolt(y, 1, 0.5, 0.1, 1.5)],
    ["alpha", () => forecastSes(y, 1, NaN)],
  ])("rejects out-of-range %s", (name, call) => {
    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(new RegExp(`^${name} is `));
  });

  test("phi of 1 is undamped Holt", () => {
    const damped = forecastHolt(y, 3, 0.5, 0.1, 1);
    const undamped = forecastHolt(y, 3, 0.5, 0.1, null);

    expect(damped.forecast).toEqual(undamped.forecast);
  });

  test.each([0, -3, 2.5])("rejects season_length %p", (m) => {
    const call = () => forecastHoltWinters(y, 1, m, "additive", null, null, null);

    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(/season_length/);
  });

  test("season_length 1 points to Holt", () => {
    const call = () => forecastHoltWinters(y, 1, 1, "additive", null, null, null);

    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(/SPM.FORECAST.HOLT/);
  });

  test("missing season_length is rejected", () => {
    const call = () => fitExponentialSmoothing(y, 1, { trend: "additive", season: "additive" });

    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(/season_length is missing/);
  });

  test.each([
    ["zero", 0],
    ["negative", -4],
  ])("multiplicative rejects %s values", (_name, bad) => {
    const withBad = [...y];
    withBad[3] = bad;
    const call = () => forecastHoltWinters(withBad, 1, 2, "multiplicative", null, null, null);

    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(/history value 4 .* use seasonality "additive"/);
  });
});

describe("smoothing divergence and size", () => {
  test("overflowing fit is rejected", () => {
    // Squared errors of ±1e300 overflow to Infinity, which must not reach a cell.
    const y = Array.from({ length: 10 }, (_, t) => (t % 2 === 0 ? 1e300 : -1e300));

    expect(() => forecastSes(y, 2, 0.5)).toThrow(InvalidInputError);
    expect(() => forecastSes(y, 2, 0.5)).toThrow(/fit diverged/);
  });

  test("rejects a million values", () => {
    const y = new Array<number>(1_000_000).fill(1);
    const call = () => forecastSes(y, 2, null);

    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(
      "history has 1000000 values but exponential smoothing accepts at most " +
        `${MAX_SMOOTHING_HISTORY}`,
    );
  });

  // Largest accepted history with all parameters optimised. The bound is generous because the
  // test machine is unknown; a 2-core AMD EPYC VM with Node 20 takes 0.5 to 1 s.
  test("optimises the longest history quickly", () => {
    const y = Array.from({ length: MAX_SMOOTHING_HISTORY }, (_, t) => {
      return 1000 + 0.01 * t + 100 * Math.sin((2 * Math.PI * t) / 12) + 20 * Math.cos(t * t);
    });
    const start = performance.now();
    const fit = forecastHoltWinters(y, 12, 12, "additive", null, null, null);
    const seconds = (performance.now() - start) / 1000;

    expectAllFinite(fit);
    expect(seconds).toBeLessThan(5);
  });

  test("fitted matches history length", () => {
    const y = [3, 5, 4, 6, 5, 7, 6, 8];

    expect(forecastHoltWinters(y, 3, 2, "additive", null, null, null).fitted).toHaveLength(8);
    expect(forecastHoltWinters(y, 3, 2, "additive", null, null, null).seasonal).toHaveLength(2);
    expect(forecastSes(y, 3, null).seasonal).toEqual([]);
  });
});
