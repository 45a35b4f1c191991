import * as fs from "fs";
import * as path from "path";
import { InsufficientDataError, InvalidInputError } from "../../../src/core/errors";
import { autoPredictionInterval, fitAuto } from "../../../src/core/forecast/auto";
import { fitEts, forecastEts } from "../../../src/core/forecast/ets";
import { fitNamedMethod, NAMED_METHODS } from "../../../src/core/forecast/fittedMethods";
import { describeModel } from "../../../src/core/forecast/modelDescription";
import { fitTheta } from "../../../src/core/forecast/theta";
import { describeWithData } from "../../support/referenceData";
import { maxRelativeError, readSeries } from "./referenceCases";

/** One method's forecasts and 95 % interval from `reference/intervals.R`. */
interface IntervalResult {
  method: "ses" | "holt" | "holtwinters" | "auto";
  ets_model?: string;
  mean: number[];
  lower95: number[];
  upper95: number[];
}

/** Contents of `reference/interval-cases.json` (R 4.2.2, forecast 8.20). */
interface IntervalCases {
  synthetic: {
    id: string;
    input: number[];
    season_length: number;
    horizon: number;
    results: IntervalResult[];
  }[];
  air_passengers: {
    file: string;
    season_length: number;
    horizon: number;
    results: IntervalResult[];
  };
}

const cases: IntervalCases = JSON.parse(
  fs.readFileSync(path.join(__dirname, "reference", "interval-cases.json"), "utf8"),
);

/** Every synthetic case and method as a row of a test table. */
const syntheticRows = cases.synthetic.flatMap((c) =>
  c.results.map((result) => [`${c.id} ${result.method}`, c, result] as const),
);

// SES, Holt and Holt-Winters search their smoothing parameters with a different optimiser than
// R's L-BFGS-B, and their SSE agrees with R's to 0.1 % (the tolerance of the existing smoothing
// tests). Measured differences of these forecasts and bounds stay below 2e-3 relative.
const SMOOTHING_TOLERANCE = 5e-3;

// The automatic forecast's parts are estimated by other optimisers than R's Nelder-Mead, which
// stops early on flat likelihoods. Measured differences from R stay below 1 % on these cases.
const AUTO_TOLERANCE = 0.02;

describe("fitNamedMethod intervals against R", () => {
  test.each(syntheticRows)("%s", (_, c, expected) => {
    const fit = fitNamedMethod(expected.method, c.input, c.horizon, c.season_length);
    const bounds = fit.interval(0.95);
    const tolerance = expected.method === "auto" ? AUTO_TOLERANCE : SMOOTHING_TOLERANCE;
    expect(maxRelativeError(fit.forecast, expected.mean)).toBeLessThan(tolerance);
    expect(maxRelativeError(bounds.lower, expected.lower95)).toBeLessThan(tolerance);
    expect(maxRelativeError(bounds.upper, expected.upper95)).toBeLessThan(tolerance);
  });
});

describeWithData("fitNamedMethod on AirPassengers", () => {
  const c = cases.air_passengers;
  test.each(c.results.map((result) => [result.method, result] as const))("%s", (_, expected) => {
    const y = readSeries(c.file, null, null, "passengers");
    const fit = fitNamedMethod(expected.method, y, c.horizon, c.season_length);
    const tolerance = expected.method === "auto" ? AUTO_TOLERANCE : SMOOTHING_TOLERANCE;
    expect(maxRelativeError(fit.forecast, expected.mean)).toBeLessThan(tolerance);
    if (expected.method !== "auto") {
      // R's intervals of ETS(M,Ad,M) are analytic approximations, ours simulated: not compared.
      const bounds = fit.interval(0.95);
      expect(maxRelativeError(bounds.lower, expected.lower95)).toBeLessThan(tolerance);
      expect(maxRelativeError(bounds.upper, expected.upper95)).toBeLessThan(tolerance);
    }
  });
});

/** A rising line with a deterministic wiggle, 30 values: 50 + 2t + 3 sin(t). */
const TREND = Array.from({ length: 30 }, (_, t) => 50 + 2 * t + 3 * Math.sin(t));

describe("fitAuto", () => {
  test("mean of Theta and damped ETS", () => {
    const fit = fitAuto(TREND, 6, 1);
    const theta = fitTheta(TREND, 6, 1).forecast;
    const ets = forecastEts(fitEts(TREND, { seasonLength: 1, model: "ZAdZ" }), 6).mean;
    fit.forecast.forEach((value, i) => {
      expect(value).toBeCloseTo((theta[i] + ets[i]) / 2, 10);
    });
    expect(fit.ets?.components.trend).toBe("Ad");
  });

  test("six values use Theta alone", () => {
    const y = [10, 12, 11, 14, 13, 15];
    const fit = fitAuto(y, 3, 1);
    expect(fit.ets).toBeNull();
    expect(fit.forecast).toEqual(fitTheta(y, 3, 1).forecast);
  });

  test("all zeros forecast zero", () => {
    const fit = fitAuto(new Array(24).fill(0), 4, 12);
    const bounds = autoPredictionInterval(fit, 0.95);
    expect(fit.forecast).toEqual([0, 0, 0, 0]);
    expect(bounds.lower).toEqual([0, 0, 0, 0]);
    expect(bounds.upper).toEqual([0, 0, 0, 0]);
  });

  test("huge outlier stays finite", () => {
    const y = [...TREND];
    y[12] = 1e12;
    const fit = fitAuto(y, 6, 1);
    const bounds = autoPredictionInterval(fit, 0.95);
    for (const value of [...fit.forecast, ...bounds.lower, ...bounds.upper]) {
      expect(Number.isFinite(value)).toBe(true);
    }
  });

  test("one value is too short", () => {
    expect(() => fitAuto([5], 3, null)).toThrow(InsufficientDataError);
    expect(() => fitAuto([5], 3, null)).toThrow(/at least 2/);
  });

  test("interval contains the forecast", () => {
    const fit = fitAuto(TREND, 6, 1);
    const bounds = autoPredictionInterval(fit, 0.8);
    fit.forecast.forEach((value, i) => {
      expect(bounds.lower[i]).toBeLessThanOrEqual(value);
      expect(bounds.upper[i]).toBeGreaterThanOrEqual(value);
    });
  });

  test("level outside unit interval", () => {
    const fit = fitAuto(TREND, 3, 1);
    for (const level of [0, 1, 95, -0.1]) {
      expect(() => autoPredictionInterval(fit, level)).toThrow(InvalidInputError);
    }
  });
});

describe("fitNamedMethod every method", () => {
  // A seasonal series, so holtwinters has a season: 100 + t + 10 sin(2πt/4), four per season.
  const seasonal = Array.from({ length: 24 }, (_, t) => 100 + t + 10 * Math.sin((Math.PI * t) / 2));

  test.each(NAMED_METHODS.map((method) => [method]))("%s interval widens", (method) => {
    const fit = fitNamedMethod(method, seasonal, 8, 4);
    const bounds = fit.interval(0.95);
    expect(fit.forecast).toHaveLength(8);
    fit.forecast.forEach((value, i) => {
      expect(bounds.lower[i]).toBeLessThanOrEqual(value);
      expect(bounds.upper[i]).toBeGreaterThanOrEqual(value);
    });
    const firstWidth = bounds.upper[0] - bounds.lower[0];
    const lastWidth = bounds.upper[7] - bounds.lower[7];
    expect(lastWidth).toBeGreaterThanOrEqual(firstWidth);
  });

  test("holtwinters without a season", () => {
    expect(() => fitNamedMethod("holtwinters", TREND, 3, 1)).toThrow(InvalidInputError);
    expect(() => fitNamedMethod("holtwinters", TREND, 3, 1)).toThrow(/season_length is 1/);
  });
});

describe("describeModel", () => {
  /** Returns the value of the row labelled `label`. */
  function valueOf(rows: { label: string; value: number | string }[], label: string): unknown {
    return rows.find((row) => row.label === label)?.value;
  }

  test("theta rows", () => {
    const rows = describeModel("theta", TREND, 1);
    const fit = fitTheta(TREND, 1, 1);
    expect(valueOf(rows, "Method")).toBe("theta");
    expect(valueOf(rows, "Model")).toBe("Theta");
    expect(valueOf(rows, "alpha")).toBe(fit.alpha);
    expect(valueOf(rows, "drift")).toBe(fit.drift);
    expect(valueOf(rows, "AICc")).toBeUndefined();
    expect(valueOf(rows, "Observations")).toBe(30);
  });

  test("ets rows with AICc", () => {
    const rows = describeModel("ets", TREND, 1);
    const fit = fitEts(TREND, { seasonLength: 1 });
    expect(valueOf(rows, "Model")).toBe(fit.method);
    expect(valueOf(rows, "AICc")).toBe(fit.aicc);
  });

  test("accuracy of one-step forecasts", () => {
    // MAE is the mean absolute one-step error of the fitted values of SPM.FORECAST.SES.
    const rows = describeModel("ses", TREND, 1);
    const fit = fitNamedMethod("ses", TREND, 1, 1);
    const mae = TREND.reduce((sum, value, t) => sum + Math.abs(value - fit.fitted[t]), 0) / 30;
    expect(valueOf(rows, "MAE")).toBeCloseTo(mae, 10);
  });

  test("MAPE with a zero", () => {
    const rows = describeModel("ses", [0, ...TREND], 1);
    expect(valueOf(rows, "MAPE")).toMatch(/is 0/);
    expect(typeof valueOf(rows, "MAE")).toBe("number");
  });
});

describe("describeModel of auto", () => {
  test("ETS part AICc", () => {
    const rows = describeModel("auto", TREND, 1);
    const ets = fitEts(TREND, { seasonLength: 1, model: "ZAdZ" });
    const labels = rows.map((row) => row.label);
    expect(rows.find((row) => row.label === "ETS AICc")?.value).toBe(ets.aicc);
    expect(labels).not.toContain("AICc");
    expect(rows.find((row) => row.label === "Model")?.value).toBe(
      `Mean of Theta and ${ets.method}`,
    );
  });
});
