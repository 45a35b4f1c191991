import { forecastMultiplicativeMean, relativeErrorVariance } from "./multiplicativeForecast";
import { FreeWeight, optimizeWeights, PHI_LOWER, PHI_UPPER } from "./smoothingOptimizer";
import {
  copyStates,
  forecastFromStates,
  runSmoothing,
  simpleInitialStates,
  SmoothingStates,
  SmoothingWeights,
} from "./smoothingRecursion";
import { MAX_SMOOTHING_HISTORY, validateSmoothingModel } from "./smoothingValidation";
import { requireFiniteResult } from "./validation";

export { MAX_SMOOTHING_HISTORY };

/** Trend component: none, additive (Holt) or additive damped by phi. */
export type TrendKind = "none" | "additive" | "damped";

/** Seasonal component of a Holt-Winters model. */
export type SeasonKind = "none" | "additive" | "multiplicative";

/** Smoothing parameters of a fit; null for a component the model does not have. */
export interface SmoothingParameters {
  alpha: number;
  beta: number | null;
  gamma: number | null;
  phi: number | null;
}

/** Point forecasts, in-sample fit and final states of an exponential smoothing model. */
export interface SmoothingFit {
  /**
   * Forecasts for periods n+1 … n+horizon: point forecasts, except with multiplicative
   * seasonality and no damping, where they are R's forecast means.
   */
  forecast: number[];
  /** One-step-ahead forecasts of each observation, the same length as the history. */
  fitted: number[];
  /** Sum of squared one-step errors over every observation. */
  sse: number;
  /** Parameters used, given or optimised. */
  parameters: SmoothingParameters;
  /** Final level. */
  level: number;
  /** Final trend, 0 without a trend. */
  trend: number;
  /** Seasonal indices of the next season, starting with period n+1; empty without a season. */
  seasonal: number[];
}

/** Model and parameters of a fit; a parameter that is null or omitted is optimised. */
export interface SmoothingOptions {
  trend: TrendKind;
  season: SeasonKind;
  /** Number of periods in a season (12 for monthly data); required with a season. */
  seasonLength?: number;
  alpha?: number | null;
  beta?: number | null;
  gamma?: number | null;
  /** Damping parameter, used only with a damped trend, optimised in [0.8, 0.98] when omitted. */
  phi?: number | null;
}

/**
 * Fits an exponential smoothing model (SES, Holt, damped Holt or Holt-Winters) and forecasts
 * `horizon` periods, matching R's `forecast` 8.20 `ses`, `holt` and `hw` with
 * `initial = "simple"` when the parameters are given.
 *
 * The recursion starts from R's simple initial states and runs over every observation (see
 * `runSmoothing`). Omitted parameters minimise the sum of squared one-step errors, alpha,
 * beta and gamma within [0, 1] (beta ≤ alpha is not required) and phi within [0.8, 0.98].
 *
 * @throws InvalidInputError for a parameter out of range, an invalid season length,
 *   non-positive values with multiplicative seasonality, or a fit that diverges.
 * @throws InsufficientDataError when the history is too short for the model.
 */
export function fitExponentialSmoothing(
  y: number[],
  horizon: number,
  options: SmoothingOptions,
): SmoothingFit {
  const seasonLength = validateSmoothingModel(y, options);
  const hasTrend = options.trend !== "none";
  const multiplicative = options.season === "multiplicative";
  const initial = simpleInitialStates(y, hasTrend, options.season, seasonLength);

  const { fixed, free } = splitParameters(options);
  const weights = optimizeWeights(y, multiplicative, fixed, free, initial);

  const states = copyStates(initial);
  const fitted = new Float64Array(y.length);
  const sse = runSmoothing(y, multiplicative, weights, states, fitted);
  const forecast = forecastFrom(y, fitted, states, weights, options, horizon);

  const fit: SmoothingFit = {
    forecast,
    fitted: Array.from(fitted),
    sse,
    parameters: reportedParameters(options, weights),
    level: states.level,
    trend: states.trend,
    seasonal: options.season === "none" ? [] : nextSeason(states, y.length),
  };
  requireFiniteFit(fit);
  return fit;
}

/**
 * Forecasts from the final states. With multiplicative seasonality the forecasts are the means
 * R reports, which differ from the point forecasts beyond one season.
 */
function forecastFrom(
  y: number[],
  fitted: Float64Array,
  states: SmoothingStates,
  weights: SmoothingWeights,
  options: SmoothingOptions,
  horizon: number,
): number[] {
  const multiplicative = options.season === "multiplicative";
  // NOTE: a damped trend with multiplicative seasonality returns point forecasts. R's mean
  // recursion for that model (class3 in forecast 8.20) forecasts l + b one step ahead, ignoring
  // phi, so it is not followed.
  if (!multiplicative || options.trend === "damped") {
    return forecastFromStates(states, multiplicative, weights.phi, y.length, horizon);
  }
  const relativeVariance = relativeErrorVariance(y, fitted);
  const hasTrend = options.trend !== "none";
  return forecastMultiplicativeMean(states, weights, hasTrend, relativeVariance, y.length, horizon);
}

/** Splits the model's parameters into given (fixed) ones and ones to optimise. */
function splitParameters(options: SmoothingOptions): {
  fixed: SmoothingWeights;
  free: FreeWeight[];
} {
  const fixed: SmoothingWeights = { alpha: 0, beta: 0, gamma: 0, phi: 1 };
  const free: FreeWeight[] = [];
  const take = (name: "alpha" | "beta" | "gamma" | "phi", lower: number, upper: number) => {
    const value = options[name];
    if (value === null || value === undefined) {
      free.push({ name, lower, upper });
    } else {
      fixed[name] = value;
    }
  };

  take("alpha", 0, 1);
  if (options.trend !== "none") {
    take("beta", 0, 1);
  }
  if (options.season !== "none") {
    take("gamma", 0, 1);
  }
  if (options.trend === "damped") {
    take("phi", PHI_LOWER, PHI_UPPER);
  }
  return { fixed, free };
}

function reportedParameters(
  options: SmoothingOptions,
  weights: SmoothingWeights,
): SmoothingParameters {
  return {
    alpha: weights.alpha,
    beta: options.trend === "none" ? null : weights.beta,
    gamma: options.season === "none" ? null : weights.gamma,
    phi: options.trend === "damped" ? weights.phi : null,
  };
}

/** Seasonal indices for periods n+1 … n+m, unrolled from the ring. */
function nextSeason(states: SmoothingStates, observations: number): number[] {
  const m = states.seasonal.length;
  const season = new Array<number>(m);
  for (let k = 0; k < m; k++) {
    season[k] = states.seasonal[(observations + k) % m];
  }
  return season;
}

function requireFiniteFit(fit: SmoothingFit): void {
  const advice =
    "check the history for extreme values or give smaller smoothing parameters" +
    (fit.seasonal.length > 0 ? ', or use seasonality "additive".' : ".");
  requireFiniteResult(fit.forecast, advice);
  requireFiniteResult(fit.fitted, advice);
  requireFiniteResult([fit.sse, fit.level, fit.trend], advice);
  requireFiniteResult(fit.seasonal, advice);
}
