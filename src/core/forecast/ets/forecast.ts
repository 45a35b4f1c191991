import { InvalidInputError } from "../../errors";
import { normalUpperQuantile } from "../normal";
import { EtsFit, EtsStates } from "./fit";
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
 * model's recursion without errors, as in R's forecast.ets (8.20). With `level` (in percent,
 * such as 95; a fraction such as 0.95 counts as 95 %), it adds a prediction interval:
 * analytic for additive-error models, whose forecast variance is
 * σ²·(1 + Σ_{j<h} c_j²) with c_j = w'F^(j-1)g (Hyndman et al. 2008, class 1 of chapter 6), and
 * simulated otherwise, from the quantiles of 5,000 sample paths drawn with a fixed seed.
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
  if (model.error === "A" || fit.sigma2 === 0) {
    return { mean, ...analyticInterval(fit, mean, coverage) };
  }
  return { mean, ...simulatedInterval(fit, horizon, coverage) };
}

/** Mean ± z·√v_h with v_h = σ²·(1 + c_1² + … + c_{h-1}²), Hyndman et al. (2008), table 6.1. */
function analyticInterval(
  fit: EtsFit,
  mean: readonly number[],
  coverage: number,
): { lower: number[]; upper: number[] } {
  const z = normalUpperQuantile((1 - coverage) / 2);
  const { alpha, beta, gamma, phi } = fit.parameters;
  const m = fit.seasonLength;
  const lower: number[] = [];
  const upper: number[] = [];
  let sumSquares = 0;
  let dampingSum = 0;
  let power = 1;
  for (let h = 1; h <= mean.length; h++) {
    const margin = z * Math.sqrt(fit.sigma2 * (1 + sumSquares));
    lower.push(mean[h - 1] - margin);
    upper.push(mean[h - 1] + margin);

    // c_h = α + β·(φ + … + φ^h) + γ·[h is a multiple of m].
    power *= phi ?? 1;
    dampingSum += power;
    const c = alpha + (beta ?? 0) * dampingSum + (gamma !== null && h % m === 0 ? gamma : 0);
    sumSquares += c * c;
  }
  return { lower, upper };
}

/**
 * Quantiles of simulated future values: each path draws relative errors ε ~ N(0, σ²), sets
 * y = ŷ·(1 + ε) and updates the states as the fit did. Quantiles are R's type 8, as R's
 * forecast.ets computes them for simulated intervals.
 */
function simulatedInterval(
  fit: EtsFit,
  horizon: number,
  coverage: number,
): { lower: number[]; upper: number[] } {
  const model = fit.components;
  const sigma = Math.sqrt(fit.sigma2);
  const generator = new NormalGenerator(SIMULATION_SEED);
  const paths = new Float64Array(SIMULATION_PATHS * horizon);
  const parameters = {
    alpha: fit.parameters.alpha,
    beta: fit.parameters.beta ?? 0,
    gamma: fit.parameters.gamma ?? 0,
    phi: fit.parameters.phi ?? 1,
  };
  const states = toStateVector(fit.finalStates, model);
  const start = toStateVector(fit.finalStates, model);
  const result: RecursionResult = {
    sumSquaredErrors: 0,
    sumLogForecasts: 0,
    valid: true,
    position: 0,
  };
  const value = new Float64Array(1);

  for (let path = 0; path < SIMULATION_PATHS; path++) {
    states.level = start.level;
    states.trend = start.trend;
    states.seasonal.set(start.seasonal);
    let position = 0;
    for (let h = 0; h < horizon; h++) {
      const forecast = oneStepForecast(model, states, position, parameters.phi);
      value[0] = forecast * (1 + sigma * generator.normal());
      paths[h * SIMULATION_PATHS + path] = value[0];
      runRecursion(model, value, parameters, states, result, null, null, position);
      position = result.position;
    }
  }

  const lower: number[] = [];
  const upper: number[] = [];
  for (let h = 0; h < horizon; h++) {
    const sample = paths.subarray(h * SIMULATION_PATHS, (h + 1) * SIMULATION_PATHS).sort();
    lower.push(quantileType8(sample, (1 - coverage) / 2));
    upper.push(quantileType8(sample, (1 + coverage) / 2));
  }
  return { lower, upper };
}

/** ŷ of the next period from the current states, whose seasonal index is at `position`. */
function oneStepForecast(
  model: EtsModel,
  states: StateVector,
  position: number,
  phi: number,
): number {
  const damping = model.trend === "Ad" ? phi : 1;
  const q = states.level + (model.trend === "N" ? 0 : damping * states.trend);
  const s = states.seasonal[position];
  if (model.season === "A") {
    return q + s;
  }
  return model.season === "M" ? q * s : q;
}

/**
 * Sample quantile of type 8 of Hyndman and Fan (1996), median-unbiased, R's quantile(type = 8):
 * with h = (n + 1/3)·p + 1/3, the value at 1-based position h by linear interpolation,
 * clamped to the smallest and largest value.
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
