import { EtsModel } from "./model";

/** Initial level, trend and seasonal indices, the states before the first observation. */
export interface InitialStates {
  level: number;
  /** 0 for a model without trend. */
  trend: number;
  /** Indices of periods 1 … m of the history, in time order; empty without a season. */
  seasonal: number[];
}

// Smallest initial multiplicative seasonal index, as R's forecast::initstate (8.20) clamps it:
// an index of 0 or below would make the one-step forecasts 0 or negative.
const MIN_SEASONAL_INDEX = 0.01;

// A level and trend whose sum is within this of 0 are nudged apart, as R's initstate does, so
// the first one-step forecast of a multiplicative-error model is not 0.
const MIN_FIRST_FORECAST = 1e-8;

/**
 * Computes starting values of the initial states by R's heuristic (forecast::initstate, 8.20):
 * seasonal indices from a classical decomposition of the history when it has three seasons or
 * more, otherwise from the deviations from a regression on a line and one Fourier pair; then
 * the level (and trend) from the mean (or least-squares line) of the first max(10, 2m)
 * seasonally adjusted values. The optimiser refines these values.
 */
export function heuristicInitialStates(
  y: readonly number[],
  model: EtsModel,
  m: number,
): InitialStates {
  const seasonalModel = model.season !== "N";
  const multiplicative = model.season === "M";
  let adjusted: number[] = [...y];
  let seasonal: number[] = [];

  if (seasonalModel) {
    const figure =
      y.length >= 3 * m
        ? decompositionSeasonal(y, m, multiplicative)
        : fourierSeasonal(y, m, multiplicative);
    seasonal = figure.slice(0, m);
    if (multiplicative) {
      seasonal = seasonal.map((index) => Math.max(index, MIN_SEASONAL_INDEX));
      adjusted = y.map((value, t) => value / Math.max(figure[t], MIN_SEASONAL_INDEX));
    } else {
      adjusted = y.map((value, t) => value - figure[t]);
    }
    // R keeps the indices of periods 2 … m and sets period 1 so they sum to m (or 0).
    const rest = seasonal.slice(1).reduce((sum, index) => sum + index, 0);
    seasonal[0] = (multiplicative ? m : 0) - rest;
    if (multiplicative && seasonal[0] < MIN_SEASONAL_INDEX) {
      // Period 1 came out at 0 or below, which no multiplicative index may be. R rescales
      // periods 2 … m instead; scaling all m indices to sum to m keeps their ratios.
      seasonal[0] = MIN_SEASONAL_INDEX;
      const total = rest + MIN_SEASONAL_INDEX;
      seasonal = seasonal.map((index) => (index * m) / total);
    }
  }

  const count = Math.min(Math.max(10, 2 * m), adjusted.length);
  const start = adjusted.slice(0, count);
  if (model.trend === "N") {
    return { level: mean(start), trend: 0, seasonal };
  }
  let { intercept, slope } = leastSquaresLine(start);
  if (Math.abs(intercept + slope) < MIN_FIRST_FORECAST) {
    intercept *= 1 + 1e-3;
    slope *= 1 - 1e-3;
  }
  return { level: intercept, trend: slope, seasonal };
}

/**
 * Seasonal component of R's decompose(): the series minus (or divided by) a centred moving
 * average of one season, averaged per position in the season and centred to sum to 0 (or
 * average 1). Returns the component for every time t = 0 … n - 1.
 */
function decompositionSeasonal(y: readonly number[], m: number, multiplicative: boolean): number[] {
  const n = y.length;
  const half = Math.floor(m / 2);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);

  for (let t = half; t < n - half; t++) {
    // Centred moving average: m values, or m + 1 with half weights at both ends when m is even.
    let total = 0;
    for (let j = -half; j <= half; j++) {
      const weight = m % 2 === 0 && Math.abs(j) === half ? 0.5 : 1;
      total += weight * y[t + j];
    }
    const trend = total / m;
    sums[t % m] += multiplicative ? y[t] / trend : y[t] - trend;
    counts[t % m] += 1;
  }

  const figure = sums.map((sum, k) => sum / counts[k]);
  const average = mean(figure);
  const centred = figure.map((value) => (multiplicative ? value / average : value - average));
  return y.map((_, t) => centred[t % m]);
}

/**
 * Deviations of y from (or ratios to) the line a + b·t of the regression of y on
 * 1, t, sin(2πt/m) and cos(2πt/m), t = 1 … n, as R's initstate computes them when the history
 * has fewer than three seasons. The sine is left out for m = 2, where it is 0 at every t.
 */
function fourierSeasonal(y: readonly number[], m: number, multiplicative: boolean): number[] {
  const rows = y.map((_, i) => {
    const t = i + 1;
    const angle = (2 * Math.PI * t) / m;
    return m === 2 ? [1, t, Math.cos(angle)] : [1, t, Math.sin(angle), Math.cos(angle)];
  });
  const coefficients = leastSquares(rows, y);
  return y.map((value, i) => {
    const line = coefficients[0] + coefficients[1] * (i + 1);
    return multiplicative ? value / line : value - line;
  });
}

/** Least-squares line through (1, z_1) … (k, z_k); the intercept is its value at t = 0. */
function leastSquaresLine(z: readonly number[]): { intercept: number; slope: number } {
  const k = z.length;
  const tMean = (k + 1) / 2;
  const zMean = mean(z);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < k; i++) {
    sxy += (i + 1 - tMean) * (z[i] - zMean);
    sxx += (i + 1 - tMean) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { intercept: zMean - slope * tMean, slope };
}

/** Solves min ‖X b - y‖² by the normal equations and Gaussian elimination with pivoting. */
function leastSquares(rows: readonly number[][], y: readonly number[]): number[] {
  const p = rows[0].length;
  const a = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  rows.forEach((row, t) => {
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        a[i][j] += row[i] * row[j];
      }
      a[i][p] += row[i] * y[t];
    }
  });

  for (let column = 0; column < p; column++) {
    let pivot = column;
    for (let r = column + 1; r < p; r++) {
      if (Math.abs(a[r][column]) > Math.abs(a[pivot][column])) {
        pivot = r;
      }
    }
    [a[column], a[pivot]] = [a[pivot], a[column]];
    for (let r = 0; r < p; r++) {
      if (r === column || a[column][column] === 0) {
        continue;
      }
      const factor = a[r][column] / a[column][column];
      for (let c = column; c <= p; c++) {
        a[r][c] -= factor * a[column][c];
      }
    }
  }
  return a.map((row, i) => (row[i] === 0 ? 0 : row[p] / row[i]));
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
