import { InvalidInputError } from "../../errors";
import { normalUpperQuantile } from "../normal";
import { EtsFit, EtsStates } from "./report";
import { EtsModel } from "./model";
import { NormalGenerator } from "./random";
import { pointForecasts, RecursionResult, runRecursion, StateVector } from "./recursion";

/** Point forecasts and, when a level is given, the prediction interval at that level. */
export interface EtsForecast {
  mean: number[];
  lower?: number[];
  upper?: number[];
}

/** Number of sample paths of a simulated prediction interval, as R's forecast.ets uses. */
export const SIMULATION_PATHS = 5000;

// Seed of the simulated paths, fixed so a workbook shows the same interval on every recalculation.
const SIMULATION_SEED = 20080601;

/**
 * Forecasts `horizon` periods from a fitted ETS model. The mean is the point forecast of the
 * model's recursion without errors. With `level` (in percent, such as 95; a fraction such as
 * 0.95 counts as 95 %), it adds a prediction interval, computed as R's forecast.ets (8.20)
 * does (its functions class1 and class2) for all but a multiplicative season:
 * - additive error (class 1): mean ± z·√v_h with v_h = σ²·(1 + c_1² + … + c_{h-1}²), where
 *   c_j = α + β·(φ + … + φ^j) + γ·[j is a multiple of m];
 * - multiplicative error, no multiplicative season (class 2): the same with
 *   v_h = (1 + σ²)·θ_h - ŷ_h², θ_1 = ŷ_1², θ_h = ŷ_h² + σ²·Σ_{j<h} c_j²·θ_{h-j};
 * - multiplicative season (class 3): quantiles of 5,000 sample paths drawn with a fixed seed,
 *   where R uses an approximate normal formula that can give a lower limit below 0. The paths
 *   take 5,000 recursion steps per period of the horizon.
 *
 * @throws InvalidInputError when horizon is not a whole number of 1 or more or level is not
 *   between 0 and 100.
 */
export function forecastEts(fit: EtsFit, horizon: number, level?: number): EtsForecast {
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new InvalidInputError(`horizon is ${horizon} but must be a whole number of 1 or more.`);
  }
  const model = fit.components;
  const phi = fit.parameters.phi ?? 1;
  const mean = pointForecasts(model, toStateVector(fit.finalStates, model), phi, horizon);
  if (level === undefined) {
    return { mean };
  }

  const coverage = level > 0 && level < 1 ? level : level / 100;
  if (!(coverage > 0 && coverage < 1)) {
    throw new InvalidInputError(
      `level is ${level} but must be a percentage between 0 and 100, such as 80 or 95.`,
    );
  }
  if (model.season === "M" && model.error === "M" && fit.sigma2 > 0) {
    return { mean, ...simulatedInterval(fit, horizon, coverage) };
  }
  const variances =
    model.error === "A" ? additiveErrorVariances(fit, mean) : relativeErrorVariances(fit, mean);
  const z = normalUpperQuantile((1 - coverage) / 2);
  const margins = variances.map((variance) => z * Math.sqrt(variance));
  return {
    mean,
    lower: mean.map((value, h) => value - margins[h]),
    upper: mean.map((value, h) => value + margins[h]),
  };
}

/** Computes c_1 … c_{horizon-1}: c_j = α + β·(φ + … + φ^j) + γ·[j is a multiple of m]. */
function errorWeights(fit: EtsFit, horizon: number): number[] {
  const { alpha, beta, gamma, phi } = fit.parameters;
  const m = fit.seasonLength;
  const weights: number[] = [];
  let dampingSum = 0;
  let power = 1;
  for (let j = 1; j < horizon; j++) {
    power *= phi ?? 1;
    dampingSum += power;
    weights.push(alpha + (beta ?? 0) * dampingSum + (gamma !== null && j % m === 0 ? gamma : 0));
  }
  return weights;
}

/** Class 1 forecast variances σ²·(1 + c_1² + … + c_{h-1}²). */
function additiveErrorVariances(fit: EtsFit, mean: readonly number[]): number[] {
  const weights = errorWeights(fit, mean.length);
  const variances: number[] = [];
  let sumSquares = 0;
  for (let h = 0; h < mean.length; h++) {
    variances.push(fit.sigma2 * (1 + sumSquares));
    if (h < weights.length) {
      sumSquares += weights[h] * weights[h];
    }
  }
  return variances;
}

/** Class 2 forecast variances (1 + σ²)·θ_h - ŷ_h², with θ_h as at `forecastEts`. */
function relativeErrorVariances(fit: EtsFit, mean: readonly number[]): number[] {
  const weights = errorWeights(fit, mean.length);
  const sigma2 = fit.sigma2;
  const theta: number[] = [];
  for (let h = 0; h < mean.length; h++) {
    let sum = 0;
    for (let j = 1; j <= h; j++) {
      sum += weights[j - 1] * weights[j - 1] * theta[h - j];
    }
    theta.push(mean[h] * mean[h] + sigma2 * sum);
  }
  return theta.map((value, h) => (1 + sigma2) * value - mean[h] * mean[h]);
}

/**
 * Computes quantiles of simulated future values: each path draws relative errors
 * ε ~ N(0, σ²), sets y = ŷ·max(0, 1 + ε) and updates the states as the fit did. Quantiles are
 * R's type 8, as R's forecast.ets computes them for simulated intervals.
 */
function simulatedInterval(
  fit: EtsFit,
  horizon: number,
  coverage: number,
): { lower: number[]; upper: number[] } {
  const model = fit.components;
  const sigma = Math.sqrt(fit.sigma2);
  const generator = new NormalGenerator(SIMULATION_SEED);
  const parameters = {
    alpha: fit.parameters.alpha,
    beta: fit.parameters.beta ?? 0,
    gamma: fit.parameters.gamma ?? 0,
    phi: fit.parameters.phi ?? 1,
  };
  const start = toStateVector(fit.finalStates, model);
  const states = toStateVector(fit.finalStates, model);
  const result: RecursionResult = {
    sumSquaredErrors: 0,
    sumLogForecasts: 0,
    valid: true,
    position: 0,
  };
  const innovations = new Float64Array(horizon);
  const path = new Float64Array(horizon);
  // Values by horizon, so the sample of each horizon is contiguous for sorting.
  const samples = new Float64Array(SIMULATION_PATHS * horizon);

  for (let p = 0; p < SIMULATION_PATHS; p++) {
    for (let h = 0; h < horizon; h++) {
      // R truncates the relative error at -1 (simulate.ets, 8.20), so no value is negative.
      const error = sigma * generator.normal();
      innovations[h] = error < -1 ? -1 : error;
    }
    states.level = start.level;
    states.trend = start.trend;
    states.seasonal.set(start.seasonal);
    path.fill(0);
    runRecursion(model, path, parameters, states, result, null, null, 0, innovations);
    // NOTE: a path whose forecast reaches 0 stops there and keeps 0 for its later values.
    for (let h = 0; h < horizon; h++) {
      samples[h * SIMULATION_PATHS + p] = path[h];
    }
  }

  const lower: number[] = [];
  const upper: number[] = [];
  for (let h = 0; h < horizon; h++) {
    const sample = samples.subarray(h * SIMULATION_PATHS, (h + 1) * SIMULATION_PATHS).sort();
    lower.push(quantileType8(sample, (1 - coverage) / 2));
    upper.push(quantileType8(sample, (1 + coverage) / 2));
  }
  return { lower, upper };
}

/**
 * Computes the sample quantile of R's quantile(type = 8): with h = (n + 1/3)·p + 1/3, the value
 * at 1-based position h by linear interpolation, clamped to the smallest and largest value.
 */
function quantileType8(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const position = (n + 1 / 3) * p + 1 / 3;
  if (position <= 1) {
    return sorted[0];
  }
  if (position >= n) {
    return sorted[n - 1];
  }
  const below = Math.floor(position);
  const fraction = position - below;
  return sorted[below - 1] + fraction * (sorted[below] - sorted[below - 1]);
}

function toStateVector(states: EtsStates, model: EtsModel): StateVector {
  return {
    level: states.level,
    trend: states.trend ?? 0,
    seasonal: model.season === "N" ? new Float64Array(1) : Float64Array.from(states.seasonal),
  };
}
