/**
 * Computes the seasonal indices of a classical multiplicative decomposition, as R's
 * `stats::decompose(x, "multiplicative")` (R 4.2.2). The trend is the centred moving average of
 * one season (the 2×m average when m is even), and each value is divided by its trend. The
 * seasonal index of position j is the mean of those ratios at positions j, j + m, j + 2m, …,
 * normalised so the m indices average 1.
 *
 * Positions count from the first value of `y`, as R counts from the start of the series, so
 * index 0 belongs to the first value. The caller has checked that `y` contains at least 2m values
 * and that m ≥ 2.
 *
 * @returns the m seasonal indices, or null when a position has no finite ratio (a trend of 0).
 */
export function multiplicativeSeasonalIndices(y: readonly number[], m: number): number[] | null {
  const trend = centredMovingAverage(y, m);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = 0; t < y.length; t++) {
    const ratio = y[t] / trend[t];
    if (Number.isFinite(ratio)) {
      sums[t % m] += ratio;
      counts[t % m] += 1;
    }
  }
  if (counts.some((count) => count === 0)) {
    return null;
  }

  const figure = sums.map((sum, j) => sum / counts[j]);
  const mean = figure.reduce((total, value) => total + value, 0) / m;
  return figure.map((value) => value / mean);
}

/**
 * Centred moving average of one season around each t, NaN where the window does not fit. For
 * even m the window spans m + 1 values with half weight at both ends, as R's decompose filter
 * c(0.5, 1, …, 1, 0.5) / m.
 */
function centredMovingAverage(y: readonly number[], m: number): number[] {
  const half = Math.floor(m / 2);
  const trend = new Array<number>(y.length).fill(NaN);
  for (let t = half; t + half < y.length; t++) {
    let sum = 0;
    for (let k = t - half; k <= t + half; k++) {
      sum += y[k];
    }
    if (m % 2 === 0) {
      sum -= (y[t - half] + y[t + half]) / 2;
    }
    trend[t] = sum / m;
  }
  return trend;
}
