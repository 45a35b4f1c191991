import { EtsModel } from "./model";

/** Smoothing parameters in the state-space form; beta, gamma and phi are ignored when unused. */
export interface SmoothingParameters {
  alpha: number;
  beta: number;
  gamma: number;
  /** Damping parameter; 1 for an undamped trend. */
  phi: number;
}

/** Level, trend and seasonal indices of a model at one time. */
export interface StateVector {
  level: number;
  /** 0 for a model without trend. */
  trend: number;
  /**
   * Seasonal indices of the next m periods in time order, so `seasonal[k]` applies k + 1
   * periods ahead. A model without season has one unused index.
   */
  seasonal: Float64Array;
}

/** Sums over the one-step errors of a run, and where it left the seasonal indices. */
export interface RecursionResult {
  /** Σ e_t², with e_t = y_t - ŷ_t (additive error) or (y_t - ŷ_t) / ŷ_t (multiplicative). */
  sumSquaredErrors: number;
  /** Σ log |ŷ_t|, the Jacobian term of the multiplicative-error likelihood. */
  sumLogForecasts: number;
  /** False when a one-step forecast came within `MIN_FORECAST` of 0 or a value was not finite. */
  valid: boolean;
  /** Position in `seasonal` of the index of the period after the last observation. */
  position: number;
}

// Σ log|ŷ| is taken as the log of a running product, one Math.log call per block of values
// instead of one per value; the product is flushed before it can overflow or underflow.
const PRODUCT_LIMIT = 1e100;

// A one-step forecast closer to 0 than this makes the relative error of a multiplicative-error
// model undefined; R's forecast package (etscalc, version 8.20) stops the run at the same limit.
const MIN_FORECAST = 1e-10;

/**
 * Runs the ETS recursion of `model` over `y`, starting from `states` and updating them in place
 * to the states after the last observation. The seasonal indices are a ring: the first value
 * uses `seasonal[start]`, and `result.position` stores where the run left off. Writes the
 * one-step forecasts to `fitted` and the errors to `errors` when they are given. Allocates
 * nothing, so the optimiser can call it for every trial point.
 *
 * With `innovations`, the run simulates instead: it overwrites y_t with ŷ_t + ε_t (additive
 * error) or ŷ_t·(1 + ε_t) (multiplicative) before each update, ε_t being `innovations[t]`.
 *
 * The updates are the error-correction form that R's forecast (8.20, C function etscalc) runs,
 * the same for additive and multiplicative errors: with q = l + φb and s the index of the period,
 *   ŷ = q + s or q·s,  l' = q + α(y - s - q) or q + α(y/s - q),
 *   b' = φb + (β/α)(l' - l - φb),  s' = s + γ(y - q - s) or s + γ(y/q - s).
 */
export function runRecursion(
  model: EtsModel,
  y: Float64Array,
  parameters: SmoothingParameters,
  states: StateVector,
  result: RecursionResult,
  fitted: Float64Array | null,
  errors: Float64Array | null,
  start = 0,
  innovations: Float64Array | null = null,
): void {
  const hasTrend = model.trend !== "N";
  const additiveSeason = model.season === "A";
  const multiplicativeSeason = model.season === "M";
  const multiplicativeError = model.error === "M";
  const { alpha, gamma } = parameters;
  const phi = model.trend === "Ad" ? parameters.phi : 1;
  const trendGain = hasTrend ? parameters.beta / alpha : 0;
  const seasonal = states.seasonal;
  const m = seasonal.length;

  let level = states.level;
  let trend = hasTrend ? states.trend : 0;
  let sumSquares = 0;
  let sumLogs = 0;
  let product = 1;
  let valid = true;
  let position = start;

  for (let t = 0; t < y.length; t++) {
    const q = level + phi * trend;
    const s = seasonal[position];
    let forecast = q;
    if (additiveSeason) {
      forecast = q + s;
    } else if (multiplicativeSeason) {
      forecast = q * s;
    }
    // Plain comparisons instead of Math.abs and Number.isFinite: this loop runs for every
    // trial point, and a global lookup per value is slow in some hosts (Jest's sandbox).
    // x - x is 0 only for a finite x.
    if (!(forecast >= MIN_FORECAST || forecast <= -MIN_FORECAST) || forecast - forecast !== 0) {
      valid = false;
      break;
    }
    if (innovations !== null) {
      y[t] = multiplicativeError ? forecast * (1 + innovations[t]) : forecast + innovations[t];
    }
    let adjusted = y[t];
    if (additiveSeason) {
      adjusted = y[t] - s;
    } else if (multiplicativeSeason) {
      adjusted = y[t] / s;
    }

    const error = multiplicativeError ? (y[t] - forecast) / forecast : y[t] - forecast;
    sumSquares += error * error;
    product *= forecast;
    const magnitude = product < 0 ? -product : product;
    if (!(magnitude < PRODUCT_LIMIT && magnitude > 1 / PRODUCT_LIMIT)) {
      sumLogs += Math.log(magnitude);
      product = 1;
    }
    if (fitted !== null) {
      fitted[t] = forecast;
    }
    if (errors !== null) {
      errors[t] = error;
    }

    // Level, trend and seasonal index of period t, in that order, as the updates above read
    // the previous level and trend.
    const newLevel = q + alpha * (adjusted - q);
    trend = phi * trend + trendGain * (newLevel - level - phi * trend);
    if (additiveSeason) {
      seasonal[position] = s + gamma * (y[t] - q - s);
    } else if (multiplicativeSeason) {
      seasonal[position] = s + gamma * (y[t] / q - s);
    }
    level = newLevel;
    position = position + 1 === m ? 0 : position + 1;
  }

  states.level = level;
  states.trend = trend;
  result.sumSquaredErrors = sumSquares;
  result.sumLogForecasts = sumLogs + Math.log(product < 0 ? -product : product);
  result.valid = valid && sumSquares - sumSquares === 0 && level - level === 0;
  result.position = position;
}

/** Rotates `values` left by `shift` places in place, so `values[shift]` comes first. */
export function rotate(values: Float64Array, shift: number): void {
  if (shift === 0) {
    return;
  }
  const head = values.slice(0, shift);
  values.copyWithin(0, shift);
  values.set(head, values.length - shift);
}

/**
 * Computes the point forecasts ŷ_{n+h} for h = 1 … horizon from the states after the last
 * observation: (l + φ_h b) combined with the seasonal index of period n + h, where
 * φ_h = φ + φ² + … + φ^h (h without damping).
 */
export function pointForecasts(
  model: EtsModel,
  states: StateVector,
  phi: number,
  horizon: number,
): number[] {
  const damping = model.trend === "Ad" ? phi : 1;
  const trend = model.trend === "N" ? 0 : states.trend;
  const m = states.seasonal.length;
  const forecasts = new Array<number>(horizon);
  let dampingSum = 0;
  let power = 1;
  for (let h = 1; h <= horizon; h++) {
    power *= damping;
    dampingSum += power;
    const q = states.level + dampingSum * trend;
    const s = states.seasonal[(h - 1) % m];
    if (model.season === "A") {
      forecasts[h - 1] = q + s;
    } else if (model.season === "M") {
      forecasts[h - 1] = q * s;
    } else {
      forecasts[h - 1] = q;
    }
  }
  return forecasts;
}
