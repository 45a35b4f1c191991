import { InsufficientDataError, InvalidInputError } from "../../../src/core/errors";
import {
  forecastCroston,
  forecastHolt,
  forecastHoltWinters,
  forecastLinear,
  forecastMovingAverage,
  forecastSeasonalNaive,
  forecastSes,
} from "../../../src/core/forecast";
import {
  FORECAST_METHODS,
  forecastMethodNames,
  runForecastMethod,
} from "../../../src/core/forecast/methods";

/** Three seasons of 4 quarters, all positive, with a trend and a clear season. */
const QUARTERLY = [10, 14, 8, 12, 12, 16, 10, 14, 14, 18, 12, 16];

describe("forecast method registry", () => {
  test("registry lists existing methods", () => {
    const names = forecastMethodNames();
    for (const name of [
      "naive",
      "snaive",
      "ses",
      "holt",
      "damped",
      "holtwinters-additive",
      "holtwinters-multiplicative",
      "linear",
      "movingavg",
      "croston",
    ]) {
      expect(names).toContain(name);
    }
  });

  // Source of each expected value: the core function the entry delegates to, called directly.
  test.each([
    ["naive", () => forecastSeasonalNaive(QUARTERLY, 3, 1)],
    ["snaive", () => forecastSeasonalNaive(QUARTERLY, 3, 4)],
    ["ses", () => forecastSes(QUARTERLY, 3, null).forecast],
    ["holt", () => forecastHolt(QUARTERLY, 3, null, null, null).forecast],
    [
      "holtwinters-additive",
      () => forecastHoltWinters(QUARTERLY, 3, 4, "additive", null, null, null).forecast,
    ],
    [
      "holtwinters-multiplicative",
      () => forecastHoltWinters(QUARTERLY, 3, 4, "multiplicative", null, null, null).forecast,
    ],
    ["linear", () => forecastLinear(QUARTERLY, [...QUARTERLY.keys()], [12, 13, 14])],
    ["movingavg", () => forecastMovingAverage(QUARTERLY, 3, 3)],
    ["croston", () => forecastCroston(QUARTERLY, 3, 0.1)],
  ])("%s entry matches direct call", (name, direct) => {
    const result = runForecastMethod(name, QUARTERLY, 3, { seasonLength: 4 });
    const expected = direct();
    expect(result.mean).toHaveLength(3);
    result.mean.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 10));
  });

  test("naive repeats last value", () => {
    // Source: the naive method's definition, ŷ[n+h] = y[n].
    expect(runForecastMethod("naive", [3, 5, 7], 2).mean).toEqual([7, 7]);
  });

  test("damped trend stays finite", () => {
    const result = runForecastMethod("damped", QUARTERLY, 24);
    expect(result.mean).toHaveLength(24);
    expect(result.mean.every(Number.isFinite)).toBe(true);
  });

  test("season length detected when omitted", () => {
    // Six seasons of an exact period-4 pattern: the detected season length must be 4.
    const history = Array.from({ length: 24 }, (_, i) => [10, 14, 8, 12][i % 4] + i);
    const detected = runForecastMethod("snaive", history, 4).mean;
    expect(detected).toEqual(forecastSeasonalNaive(history, 4, 4));
  });

  test("every method forecasts horizon", () => {
    for (const name of forecastMethodNames()) {
      const result = runForecastMethod(name, QUARTERLY, 5, { seasonLength: 4, level: 95 });
      expect({ name, length: result.mean.length }).toEqual({ name, length: 5 });
    }
  });
});

describe("runForecastMethod argument checks", () => {
  test("unknown method lists names", () => {
    expect(() => runForecastMethod("arima", QUARTERLY, 3)).toThrow(InvalidInputError);
    expect(() => runForecastMethod("arima", QUARTERLY, 3)).toThrow(/unknown: arima.*naive/);
  });

  test("inherited property is not a method", () => {
    expect(() => runForecastMethod("toString", QUARTERLY, 3)).toThrow(/unknown: toString/);
  });

  test.each([0, -1, 2.5, Number.NaN])("horizon %p rejected", (horizon) => {
    expect(() => runForecastMethod("naive", QUARTERLY, horizon)).toThrow(/^horizon is/);
  });

  test.each([0, 100, -5, 120, Number.NaN])("level %p rejected", (level) => {
    expect(() => runForecastMethod("naive", QUARTERLY, 3, { level })).toThrow(/^level is/);
  });

  test("non-finite history value rejected", () => {
    expect(() => runForecastMethod("naive", [1, Number.NaN, 3], 2)).toThrow(
      /history value 2 is NaN/,
    );
  });

  test("short history raises insufficient data", () => {
    expect(() => runForecastMethod("snaive", [1, 2, 3], 2, { seasonLength: 12 })).toThrow(
      InsufficientDataError,
    );
  });
});

describe("runForecastMethod result checks", () => {
  const broken = "test-broken";

  afterEach(() => {
    delete FORECAST_METHODS[broken];
  });

  test("wrong result length raises", () => {
    FORECAST_METHODS[broken] = () => ({ mean: [1] });
    expect(() => runForecastMethod(broken, QUARTERLY, 3)).toThrow(/returned 1 mean values/);
  });

  test("single interval bound raises", () => {
    FORECAST_METHODS[broken] = (y, h) => ({ mean: Array(h).fill(1), lower: Array(h).fill(0) });
    expect(() => runForecastMethod(broken, QUARTERLY, 2)).toThrow(/one interval bound/);
  });

  test("non-finite bound raises", () => {
    FORECAST_METHODS[broken] = (y, h) => ({
      mean: Array(h).fill(1),
      lower: Array(h).fill(0),
      upper: Array(h).fill(Number.POSITIVE_INFINITY),
    });
    expect(() => runForecastMethod(broken, QUARTERLY, 2)).toThrow(InvalidInputError);
  });
});
