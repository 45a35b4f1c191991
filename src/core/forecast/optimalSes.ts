import { forecastSes } from "./ses";

/** Simple exponential smoothing fitted with an estimated initial level, ETS(A,N,N). */
export interface OptimalSesFit {
  /** Smoothing parameter of the level. */
  alpha: number;
  /** Level before the first observation, l0. */
  initialLevel: number;
  /** Level after the last observation, the point forecast of every future period. */
  level: number;
  /** One-step forecasts of each observation. */
  fitted: number[];
  /** Sum of squared one-step errors. */
  sse: number;
  /** Variance of the one-step errors, SSE / (n - p) with p the estimated parameters. */
  sigma2: number;
}

// Bounds of alpha in R's `forecast::ets` 8.20 ("usual" bounds): 1e-4 to 0.9999.
const ALPHA_LOWER = 1e-4;
const ALPHA_UPPER = 0.9999;

// Grid of alpha values that brackets the minimum before the golden-section search refines it.
const GRID_INTERVALS = 100;
// Golden-section steps: each keeps 0.618 of the bracket, so 60 steps shrink a grid cell of
// 0.01 to below 1e-14, past what the SSE can resolve.
const GOLDEN_STEPS = 60;
const GOLDEN_RATIO = (Math.sqrt(5) - 1) / 2;

// Start value of alpha in R's HoltWintersZZ 8.20 (lower + 0.2 (upper - lower) with bounds 0, 1).
const TWO_VALUE_ALPHA = 0.2;

/**
 * R's `ets` 8.20 fits a history of at most this many values by `HoltWintersZZ` (initial level
 * y1, alpha by least squares) instead, because ETS(A,N,N) has 2 parameters and needs n > 2 + 4.
 */
const MAX_SHORT_HISTORY = 6;

/**
 * Fits simple exponential smoothing as R's `forecast::ses(y)` 8.20 does by default
 * (`ets(y, "ANN", opt.crit = "mse")`): alpha in [0.0001, 0.9999] and the initial level l0
 * minimise the sum of squared one-step errors, and σ² = SSE / (n - 2).
 *
 * For a given alpha the one-step errors are linear in l0, e_t = a_t - (1 - α)^(t-1) l0, where
 * a_t are the errors from l0 = 0, so the best l0 has a closed form and only alpha is searched.
 * R searches both with Nelder-Mead and may stop slightly short of this minimum.
 *
 * A history of at most 6 values is fitted as R does then: l0 = y1, alpha in [0, 1] by least
 * squares, and σ² = SSE / n. The caller has checked that `y` is not empty.
 */
export function fitOptimalSes(y: readonly number[]): OptimalSesFit {
  if (y.length <= MAX_SHORT_HISTORY) {
    return fitShortHistory(y);
  }

  const alpha = minimizeOverAlpha((a) => profile(y, a).sse);
  const { initialLevel, sse } = profile(y, alpha);
  const fitted = new Array<number>(y.length);
  let level = initialLevel;
  for (let t = 0; t < y.length; t++) {
    fitted[t] = level;
    level += alpha * (y[t] - level);
  }
  return { alpha, initialLevel, level, fitted, sse, sigma2: sse / (y.length - 2) };
}

function fitShortHistory(y: readonly number[]): OptimalSesFit {
  // With two values the SSE, (y2 - y1)², does not depend on alpha, and R keeps its start value.
  const fit = forecastSes([...y], 1, y.length === 2 ? TWO_VALUE_ALPHA : null);
  return {
    alpha: fit.parameters.alpha,
    initialLevel: y[0],
    level: fit.level,
    fitted: fit.fitted,
    sse: fit.sse,
    sigma2: fit.sse / y.length,
  };
}

/** Best initial level for `alpha` and the SSE it gives, by least squares on l0. */
function profile(y: readonly number[], alpha: number): { initialLevel: number; sse: number } {
  // Run from l0 = 0; c_t = (1 - α)^(t-1) is the effect of l0 on the forecast of y_t.
  let level = 0;
  let decay = 1;
  let aa = 0;
  let ac = 0;
  let cc = 0;
  for (let t = 0; t < y.length; t++) {
    const error = y[t] - level;
    aa += error * error;
    ac += error * decay;
    cc += decay * decay;
    level += alpha * error;
    decay *= 1 - alpha;
  }
  const initialLevel = ac / cc;
  return { initialLevel, sse: Math.max(aa - ac * initialLevel, 0) };
}

/** Minimises `sse` over alpha in the bounds: a grid, then golden-section search. */
function minimizeOverAlpha(sse: (alpha: number) => number): number {
  const step = (ALPHA_UPPER - ALPHA_LOWER) / GRID_INTERVALS;
  let bestAlpha = ALPHA_LOWER;
  let bestValue = Infinity;
  for (let k = 0; k <= GRID_INTERVALS; k++) {
    const alpha = ALPHA_LOWER + k * step;
    const value = sse(alpha);
    if (value < bestValue) {
      bestValue = value;
      bestAlpha = alpha;
    }
  }

  let low = Math.max(ALPHA_LOWER, bestAlpha - step);
  let high = Math.min(ALPHA_UPPER, bestAlpha + step);
  let left = high - GOLDEN_RATIO * (high - low);
  let right = low + GOLDEN_RATIO * (high - low);
  let leftValue = sse(left);
  let rightValue = sse(right);
  for (let i = 0; i < GOLDEN_STEPS; i++) {
    if (leftValue <= rightValue) {
      high = right;
      right = left;
      rightValue = leftValue;
      left = high - GOLDEN_RATIO * (high - low);
      leftValue = sse(left);
    } else {
      low = left;
      left = right;
      leftValue = rightValue;
      right = low + GOLDEN_RATIO * (high - low);
      rightValue = sse(right);
    }
  }

  const refined = (low + high) / 2;
  return sse(refined) <= bestValue ? refined : bestAlpha;
}
