import type { SeasonKind } from "./exponentialSmoothing";

/** Smoothing weights of one pass; absent components have beta = 0, gamma = 0 and phi = 1. */
export interface SmoothingWeights {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/**
 * States of the recursion: level l, trend b and the seasonal indices of one season as a ring,
 * where `seasonal[t % m]` is the index that applies at time t (0-based).
 */
export interface SmoothingStates {
  level: number;
  trend: number;
  seasonal: Float64Array;
}

/**
 * Computes the starting states the way R's `forecast` package does with `initial = "simple"`.
 *
 * Without a season: l0 = y1 and b0 = y2 - y1. With a season of length m: l0 is the mean of the
 * first season, b0 = (mean of season 2 - mean of season 1) / m, and the seasonal indices are the
 * first season's deviations from (additive) or ratios to (multiplicative) l0. b0 is 0 without a
 * trend. The caller has checked the length (2 values, or 2m with a season).
 */
export function simpleInitialStates(
  y: readonly number[],
  hasTrend: boolean,
  season: SeasonKind,
  seasonLength: number,
): SmoothingStates {
  if (season === "none") {
    const trend = hasTrend ? y[1] - y[0] : 0;
    return { level: y[0], trend, seasonal: new Float64Array(1) };
  }

  const m = seasonLength;
  const level = meanOf(y, 0, m);
  const trend = hasTrend ? (meanOf(y, m, 2 * m) - level) / m : 0;
  const seasonal = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    seasonal[j] = season === "additive" ? y[j] - level : y[j] / level;
  }
  return { level, trend, seasonal };
}

/**
 * Runs the Holt-Winters recursion over every observation and returns the sum of squared
 * one-step errors. `states` starts as the initial states and ends as the final ones, so pass a
 * copy to keep the start. `fitted`, when given, receives the one-step forecasts.
 *
 * With base = l[t-1] + φ b[t-1], the error-correction form of R's `forecast` (HoltWintersZZ) is
 *   ŷ[t] = base + s[t-m]   (additive)      or   base · s[t-m]   (multiplicative)
 *   l[t] = α (y[t] - s[t-m]) + (1 - α) base   or   α y[t] / s[t-m] + (1 - α) base
 *   b[t] = β (l[t] - l[t-1]) + (1 - β) φ b[t-1]
 *   s[t] = γ (y[t] - base) + (1 - γ) s[t-m]    or   γ y[t] / base + (1 - γ) s[t-m]
 * A series without season runs the additive form with m = 1, s = 0 and γ = 0.
 * The loop allocates nothing, because the optimiser calls it hundreds of times per fit.
 */
export function runSmoothing(
  y: readonly number[],
  multiplicative: boolean,
  weights: SmoothingWeights,
  states: SmoothingStates,
  fitted: Float64Array | null,
): number {
  return multiplicative
    ? runMultiplicative(y, weights, states, fitted)
    : runAdditive(y, weights, states, fitted);
}

function runAdditive(
  y: readonly number[],
  weights: SmoothingWeights,
  states: SmoothingStates,
  fitted: Float64Array | null,
): number {
  const { alpha, beta, gamma, phi } = weights;
  const seasonal = states.seasonal;
  const m = seasonal.length;
  let level = states.level;
  let trend = states.trend;
  let sse = 0;

  for (let t = 0, j = 0; t < y.length; t++) {
    const index = seasonal[j];
    const dampedTrend = phi * trend;
    const base = level + dampedTrend;
    const forecast = base + index;
    const error = y[t] - forecast;
    sse += error * error;
    if (fitted !== null) {
      fitted[t] = forecast;
    }

    const newLevel = alpha * (y[t] - index) + (1 - alpha) * base;
    trend = beta * (newLevel - level) + (1 - beta) * dampedTrend;
    seasonal[j] = gamma * (y[t] - base) + (1 - gamma) * index;
    level = newLevel;

    j = j + 1 === m ? 0 : j + 1;
  }

  states.level = level;
  states.trend = trend;
  return sse;
}

function runMultiplicative(
  y: readonly number[],
  weights: SmoothingWeights,
  states: SmoothingStates,
  fitted: Float64Array | null,
): number {
  const { alpha, beta, gamma, phi } = weights;
  const seasonal = states.seasonal;
  const m = seasonal.length;
  let level = states.level;
  let trend = states.trend;
  let sse = 0;

  for (let t = 0, j = 0; t < y.length; t++) {
    const index = seasonal[j];
    const dampedTrend = phi * trend;
    const base = level + dampedTrend;
    const forecast = base * index;
    const error = y[t] - forecast;
    sse += error * error;
    if (fitted !== null) {
      fitted[t] = forecast;
    }

    const newLevel = (alpha * y[t]) / index + (1 - alpha) * base;
    trend = beta * (newLevel - level) + (1 - beta) * dampedTrend;
    seasonal[j] = (gamma * y[t]) / base + (1 - gamma) * index;
    level = newLevel;

    j = j + 1 === m ? 0 : j + 1;
  }

  states.level = level;
  states.trend = trend;
  return sse;
}

/**
 * Forecasts `horizon` periods after `observations` values from the final states:
 * ŷ[n+h] = (l + (φ + φ² + … + φ^h) b) combined with the seasonal index of period n + h.
 */
export function forecastFromStates(
  states: SmoothingStates,
  multiplicative: boolean,
  phi: number,
  observations: number,
  horizon: number,
): number[] {
  const m = states.seasonal.length;
  const forecast = new Array<number>(horizon);
  let phiSum = 0;
  let phiPower = 1;
  for (let h = 1; h <= horizon; h++) {
    phiPower *= phi;
    phiSum += phiPower;
    const base = states.level + phiSum * states.trend;
    const index = states.seasonal[(observations + h - 1) % m];
    forecast[h - 1] = multiplicative ? base * index : base + index;
  }
  return forecast;
}

/** Copies states so a run can start again from the same point. */
export function copyStates(states: SmoothingStates): SmoothingStates {
  return { level: states.level, trend: states.trend, seasonal: states.seasonal.slice() };
}

function meanOf(y: readonly number[], start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) {
    sum += y[i];
  }
  return sum / (end - start);
}
