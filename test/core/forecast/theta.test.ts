import * as fs from "fs";
import * as path from "path";
import { InsufficientDataError, InvalidInputError } from "../../../src/core/errors";
import {
  fitTheta,
  thetaPredictionInterval,
  ThetaFit,
  twoSidedQuantile,
} from "../../../src/core/forecast/theta";
import { describeWithData, readReferenceCsv } from "../../support/referenceData";
import { maxRelativeError, readSeries } from "./referenceCases";

/** R's thetaf results for one series, as `reference/theta.R` writes them. */
interface ThetaResult {
  season_length: number;
  horizon: number;
  mean: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
  alpha: number;
  drift: number;
  sigma2: number;
  fitted: number[];
}

/** Contents of `reference/theta-cases.json` (R 4.2.2, forecast 8.20). */
interface ThetaCases {
  versions: { r: string; forecast: string };
  synthetic: (ThetaResult & { id: string; input: number[] })[];
  air_passengers: ThetaResult & { file: string };
  m3_file: string;
  m3_monthly: (ThetaResult & { series: string; n: number })[];
}

const cases: ThetaCases = JSON.parse(
  fs.readFileSync(path.join(__dirname, "reference", "theta-cases.json"), "utf8"),
);

// R's ets() finds alpha and the initial level with Nelder-Mead, which stops when the MSE
// changes by less than √ε relative, so its alpha can sit slightly off the exact minimum that
// fitTheta finds. Measured on these cases, forecasts differ by up to 3e-4 relative; the bound
// leaves room for a different platform.
const FORECAST_TOLERANCE = 1e-3;

// Interval bounds recomputed from R's own alpha and σ² differ from R's only by the quantile,
// whose normal tail approximation has an absolute error below 1.5e-7 (about 3e-6 in z).
const INTERVAL_TOLERANCE = 1e-5;

// fitTheta finds the exact least-squares alpha and initial level, so its σ² is at most R's,
// up to rounding of the sums.
const SIGMA2_ROUNDING = 1e-9;

// qnorm(0.975) and qnorm(0.9) of R 4.2.2, to 7 decimals; the quantile rests on an
// approximation of the normal tail with absolute error below 1.5e-7.
const QUANTILE_TOLERANCE = 1e-5;

/**
 * Checks the forecasts and σ² of `fit` against R's. The interval formula is checked with R's
 * alpha and σ², because R's optimiser may stop at an alpha that differs in the second decimal
 * where the SSE is flat (M3 series N1542: 0.217 against the exact 0.230).
 */
function expectLikeR(fit: ThetaFit, expected: ThetaResult): void {
  expect(maxRelativeError(fit.forecast, expected.mean)).toBeLessThan(FORECAST_TOLERANCE);
  expect(fit.sigma2).toBeLessThanOrEqual(expected.sigma2 * (1 + SIGMA2_ROUNDING));

  // Half-widths rather than bounds, because a bound near 0 has no useful relative error.
  const withR = { ...fit, forecast: expected.mean, alpha: expected.alpha, sigma2: expected.sigma2 };
  const halfWidth = (bounds: number[]): number[] => bounds.map((b, i) => b - expected.mean[i]);
  const interval80 = thetaPredictionInterval(withR, 0.8);
  const interval95 = thetaPredictionInterval(withR, 0.95);
  const pairs: [number[], number[]][] = [
    [interval80.lower, expected.lower80],
    [interval80.upper, expected.upper80],
    [interval95.lower, expected.lower95],
    [interval95.upper, expected.upper95],
  ];
  for (const [actual, reference] of pairs) {
    expect(maxRelativeError(halfWidth(actual), halfWidth(reference))).toBeLessThan(
      INTERVAL_TOLERANCE,
    );
  }
}

describe("fitTheta against R thetaf", () => {
  test.each(cases.synthetic.map((c) => [c.id, c] as const))("%s", (_, c) => {
    const fit = fitTheta(c.input, c.horizon, c.season_length);
    expectLikeR(fit, c);
    expect(maxRelativeError([fit.drift], [c.drift])).toBeLessThan(FORECAST_TOLERANCE);
  });
});

describeWithData("fitTheta on real series", () => {
  test("AirPassengers monthly", () => {
    const c = cases.air_passengers;
    const y = readSeries(c.file, null, null, "passengers");
    expectLikeR(fitTheta(y, c.horizon, c.season_length), c);
  });

  const m3Rows = (): Record<string, string>[] => readReferenceCsv(cases.m3_file);
  test.each(cases.m3_monthly.map((c) => [c.series, c] as const))("M3 series %s", (_, c) => {
    const row = m3Rows().find((record) => record.series === c.series);
    expect(row).toBeDefined();
    const y = Array.from({ length: c.n }, (_, i) => Number(row?.[`v${i + 1}`]));
    expectLikeR(fitTheta(y, c.horizon, c.season_length), c);
  });
});

describe("fitTheta edge cases", () => {
  test("all zeros forecast zero", () => {
    const fit = fitTheta(new Array(24).fill(0), 6, 12);
    expect(fit.forecast).toEqual(new Array(6).fill(0));
  });

  test("huge outlier stays finite", () => {
    const y = Array.from({ length: 36 }, (_, t) => 100 + 10 * Math.sin((2 * Math.PI * t) / 12));
    y[20] = 1e12;
    const fit = fitTheta(y, 12, 12);
    const interval = thetaPredictionInterval(fit, 0.95);
    for (const value of [...fit.forecast, ...interval.lower, ...interval.upper]) {
      expect(Number.isFinite(value)).toBe(true);
    }
  });

  test("negative values skip season", () => {
    // A multiplicative decomposition has no meaning with values of 0 or less.
    const y = Array.from({ length: 48 }, (_, t) => 10 * Math.sin((2 * Math.PI * t) / 12));
    expect(fitTheta(y, 12, 12).seasonLength).toBe(1);
  });

  test("one value is too short", () => {
    expect(() => fitTheta([5], 3, 1)).toThrow(InsufficientDataError);
    expect(() => fitTheta([5], 3, 1)).toThrow(/at least 2/);
  });

  test("fractional season length rejected", () => {
    expect(() => fitTheta([1, 2, 3, 4], 3, 1.5)).toThrow(InvalidInputError);
  });
});

describe("twoSidedQuantile", () => {
  // qnorm(0.975) = 1.959964 and qnorm(0.9) = 1.281552 in R 4.2.2.
  const quantiles: [number, number][] = [
    [0.95, 1.959964],
    [0.8, 1.281552],
  ];
  test.each(quantiles)("level %d", (level, expected) => {
    expect(Math.abs(twoSidedQuantile(level) - expected)).toBeLessThan(QUANTILE_TOLERANCE);
  });

  test.each([0, 1, -0.5, 95, NaN])("rejects level %d", (level) => {
    expect(() => twoSidedQuantile(level)).toThrow(InvalidInputError);
  });
});
