import { EtsModel, evaluateEts, fitEts, forecastEts } from "../../../../src/core/forecast/ets";
import { describeWithData } from "../../../support/referenceData";
import { readRForecastCases } from "../referenceCases";
import { maxRelativeError, readCaseSeries, readEtsCases } from "./etsCases";

// With R's parameters and initial states the recursion is deterministic, so the likelihood and
// the point forecasts must agree with R's forecast 8.20 to rounding: 1e-6 relative.
const SAME_PARAMETERS_TOLERANCE = 1e-6;

// Analytic intervals use the product's normal quantile, whose z differs from R's qnorm by at
// most 1.2e-6 at the 80 % and 95 % levels, so the half-widths agree to about 6e-7.
const ANALYTIC_INTERVAL_TOLERANCE = 1e-5;

// R's forecast.ets (8.20) accumulates a damped trend in its simulated forecasts as
// φ + φ + φ² + … + φ^(h-1) instead of φ + φ² + … + φ^h. That moves AirPassengers'
// ETS(M,Ad,M) forecasts by up to 0.13 % over 24 months, and 0.5 % covers it.
const DAMPED_SIMULATION_MEAN_TOLERANCE = 0.005;

// With a multiplicative season the product simulates 5,000 paths, and R's reference is its own
// simulation of 100,000. The standard error of a 2.5 % or 10 % quantile of 5,000 normal draws is
// about 1.9 % of the interval's half-width, so 6 % is three standard errors.
const SIMULATED_INTERVAL_TOLERANCE = 0.06;

// An AICc that R's optimiser reaches must be reached too, up to this margin. Where both
// implementations find the same optimum, their AICc values agree to well within it.
const AICC_MARGIN = 0.5;

// Where both fits reach the same AICc within the margin, their forecasts differ by at most 1 %.
const SAME_OPTIMUM_FORECAST_TOLERANCE = 0.01;

describeWithData("ETS with R's parameters", () => {
  // Source: reference/ets-cases.json, R 4.2.2 forecast 8.20 ets() on AirPassengers, the
  // Superstore segments and six M3 monthly series, re-run with its own estimates.
  const cases = readEtsCases();

  test.each(cases.map((c) => [c.id, c] as const))("%s likelihood matches R", (_id, testCase) => {
    const y = readCaseSeries(testCase);
    const { expected } = testCase;
    const fit = evaluateEts(y, {
      model: expected.model,
      seasonLength: testCase.season_length,
      parameters: expected.parameters,
      initialStates: expected.initial,
    });

    expect(Math.abs(fit.aicc / expected.aicc - 1)).toBeLessThan(SAME_PARAMETERS_TOLERANCE);
    expect(Math.abs(fit.logLik / expected.loglik - 1)).toBeLessThan(SAME_PARAMETERS_TOLERANCE);
    expect(Math.abs(fit.sigma2 / expected.sigma2 - 1)).toBeLessThan(SAME_PARAMETERS_TOLERANCE);
  });

  test.each(cases.map((c) => [c.id, c] as const))("%s forecasts match R", (_id, testCase) => {
    const y = readCaseSeries(testCase);
    const { expected } = testCase;
    const fit = evaluateEts(y, {
      model: expected.model,
      seasonLength: testCase.season_length,
      parameters: expected.parameters,
      initialStates: expected.initial,
    });
    // R's default mean and intervals for a multiplicative season are approximations, so the
    // reference there is R's simulation.
    const reference = testCase.simulated ?? expected;
    const tolerance =
      testCase.simulated === undefined ? ANALYTIC_INTERVAL_TOLERANCE : SIMULATED_INTERVAL_TOLERANCE;
    const meanTolerance =
      testCase.simulated !== undefined && fit.components.trend === "Ad"
        ? DAMPED_SIMULATION_MEAN_TOLERANCE
        : SAME_PARAMETERS_TOLERANCE;
    const h = testCase.horizon;
    const compared = comparedHorizons(fit.components, fit.seasonLength, h);

    expect(maxRelativeError(forecastEts(fit, h).mean, reference.mean)).toBeLessThan(meanTolerance);
    for (const [level, lower, upper] of [
      [80, reference.lower80, reference.upper80],
      [95, reference.lower95, reference.upper95],
    ] as const) {
      const interval = forecastEts(fit, h, level);
      const pick = (values: readonly number[]): number[] => compared.map((k) => values[k]);
      const mean = pick(reference.mean);
      expect(maxHalfWidthError(pick(interval.lower ?? []), pick(lower), mean)).toBeLessThan(
        tolerance,
      );
      expect(maxHalfWidthError(pick(interval.upper ?? []), pick(upper), mean)).toBeLessThan(
        tolerance,
      );
    }
  });
});

describeWithData("ETS estimation vs R", () => {
  const cases = readEtsCases();

  // Source: the same file, AICc of R's fit of the model it chose.
  test.each(cases.map((c) => [c.id, c] as const))("%s fits R's model", (_id, testCase) => {
    const y = readCaseSeries(testCase);
    const { expected } = testCase;
    const fit = fitEts(y, { seasonLength: testCase.season_length, model: expected.model });

    expect(fit.model).toBe(expected.model);
    expect(fit.aicc).toBeLessThanOrEqual(expected.aicc + AICC_MARGIN);
    if (Math.abs(fit.aicc - expected.aicc) <= AICC_MARGIN) {
      expect(maxRelativeError(forecastEts(fit, testCase.horizon).mean, expected.mean)).toBeLessThan(
        SAME_OPTIMUM_FORECAST_TOLERANCE,
      );
    }
  });

  // Source: the same file; R chooses the model with the smallest AICc among those it fits.
  // Where the two choices differ at the same AICc, the fits are a near tie: R's model must
  // then fit within the margin of the chosen one.
  test.each(cases.map((c) => [c.id, c] as const))("%s automatic choice", (_id, testCase) => {
    const y = readCaseSeries(testCase);
    const { expected } = testCase;
    const fit = fitEts(y, { seasonLength: testCase.season_length });

    expect(fit.aicc).toBeLessThanOrEqual(expected.aicc + AICC_MARGIN);
    if (Math.abs(fit.aicc - expected.aicc) <= AICC_MARGIN && fit.model !== expected.model) {
      const rModel = fitEts(y, { seasonLength: testCase.season_length, model: expected.model });
      expect(rModel.aicc - fit.aicc).toBeLessThanOrEqual(AICC_MARGIN);
    }
  });

  // Source: the same file, AICc of each of the 15 default models on two series.
  const perModel = cases.filter((c) => c.id === "airpassengers" || c.id === "m3-N2662");
  const modelCases = perModel.flatMap((c) =>
    Object.entries(c.model_aicc).map(
      ([model, aicc]) => [`${c.id} ${model}`, c, model, aicc] as const,
    ),
  );
  test.each(modelCases)("%s AICc within R's", (_name, testCase, model, aicc) => {
    const fit = fitEts(readCaseSeries(testCase), { seasonLength: testCase.season_length, model });

    expect(fit.aicc).toBeLessThanOrEqual(aicc + AICC_MARGIN);
  });
});

describeWithData("ETS vs shared R cases", () => {
  // Source: reference/r-forecast-cases.json, automatic ets() of R 4.2.2 forecast 8.20 on
  // AirPassengers and BJsales, with its model, AICc, forecasts and 80/95 % intervals.
  const cases = readRForecastCases().filter((c) => c.method === "ets");

  test.each(cases.map((c) => [c.id, c] as const))("%s matches R", (_id, testCase) => {
    const expected = testCase.expected as {
      model: string;
      aicc: number;
      lower80: number[];
      upper80: number[];
      lower95: number[];
      upper95: number[];
    };
    const fit = fitEts(testCase.input, { seasonLength: testCase.season_length });

    expect(fit.aicc).toBeLessThanOrEqual(expected.aicc + AICC_MARGIN);
    if (Math.abs(fit.aicc - expected.aicc) > AICC_MARGIN) {
      return;
    }
    expect(fit.method).toBe(expected.model);
    const h = testCase.horizon;
    const mean = testCase.expected_forecast;
    expect(maxRelativeError(forecastEts(fit, h).mean, mean)).toBeLessThan(
      SAME_OPTIMUM_FORECAST_TOLERANCE,
    );
    for (const [level, lower, upper] of [
      [80, expected.lower80, expected.upper80],
      [95, expected.lower95, expected.upper95],
    ] as const) {
      const interval = forecastEts(fit, h, level);
      expect(maxRelativeError(interval.lower ?? [], lower)).toBeLessThan(
        SAME_OPTIMUM_FORECAST_TOLERANCE,
      );
      expect(maxRelativeError(interval.upper ?? [], upper)).toBeLessThan(
        SAME_OPTIMUM_FORECAST_TOLERANCE,
      );
    }
  });

  test("ets cases present", () => {
    expect(cases.map((c) => c.id)).toEqual(["AirPassengers-ets-auto", "BJsales-ets-auto"]);
  });
});

/**
 * Lists the horizons (0-based) whose analytic intervals R computes as the product does. For a
 * seasonal model without trend, R's forecast 8.20 (function class1) adds γ to the second
 * seasonal index instead of the first, so its forecast variance at h = m contains γ², which by the
 * model belongs only from h = m + 1 on; that horizon is left out.
 */
function comparedHorizons(model: EtsModel, m: number, horizon: number): number[] {
  const skipped = model.trend === "N" && model.season !== "N" ? m - 1 : -1;
  return Array.from({ length: horizon }, (_, k) => k).filter((k) => k !== skipped);
}

/** Largest |a - e| relative to the half-width |e - mean| of R's interval. */
function maxHalfWidthError(
  actual: readonly number[],
  expected: readonly number[],
  mean: readonly number[],
): number {
  let worst = 0;
  expected.forEach((value, i) => {
    worst = Math.max(worst, Math.abs(actual[i] - value) / Math.abs(value - mean[i]));
  });
  return worst;
}
