import { fitLinear } from "./linear";
import { normalUpperQuantile } from "./normal";

/** Maximum season length tested: a year of daily data. */
export const MAX_DETECTED_SEASON = 366;

/**
 * Number of most recent values the detection reads. The autocorrelation costs n × 366
 * operations, about 2.5 s for a full Excel column; 10,000 values still hold 27 cycles of the
 * longest season tested, so the last 10,000 decide.
 */
export const MAX_SEASONALITY_SAMPLE = 10_000;

// Family-wise significance level of the autocorrelation (Bartlett) test across all lags tested.
const SIGNIFICANCE = 0.05;

// Family-wise significance level of the seasonal-means F tests across all lags tested. In 300
// simulated series of standard normal white noise per length (24 to 300 values), 2 to 7 %
// showed a season at 5 %, and at most 2 % at 1 %. A clean season passes at any level.
const SEASONAL_MEANS_SIGNIFICANCE = 0.01;

// A detrended series whose variance is below this fraction of the squared largest value is a
// straight line up to rounding (residuals of a fitted line through exact data are ~1e-15
// relative), so it has no season.
const FLAT_RESIDUAL_RATIO = 1e-20;

/** A series and the quantities its season tests read, computed once per call. */
interface SeasonEvidence {
  y: number[];
  /** y_t - y_{t-1}. */
  differences: Float64Array;
  /** Least-squares line through `y`, the model a seasonal-means test of `y` improves on. */
  lineFit: ModelFit;
  /** Mean of `differences`, the model a seasonal-means test of them improves on. */
  differencesMeanFit: ModelFit;
  /** r_0 … r_maxLag of the residuals of the least-squares line. */
  r: Float64Array;
  /** z_B / √n, with z_B the two-sided Bonferroni-corrected normal quantile. */
  bonferroniLimit: number;
  /** Normal equivalent of the F quantile that a seasonal-means test must exceed. */
  zSeasonalMeans: number;
}

/**
 * Detects the season length of `history`, as Excel's FORECAST.ETS.SEASONALITY does, and
 * returns 1 when the series has no season.
 *
 * Method: remove the least-squares line and compute the sample autocorrelation r_k of the
 * residuals for lags k = 1 … min(⌊n/2⌋, 366). A lag k ≥ 2 is a candidate when r_k is
 * positive and a local peak (above r_{k-1}, at least r_{k+1}). A candidate is a season when
 * it passes a test against white noise and a test against a random walk, in one of two ways:
 *
 * 1. Autocorrelation, for long histories: r_k is above z_B / √n, with z_B the normal quantile of a two-sided 5 %
 *    test Bonferroni-corrected over the lags, and above 1.96 · √((1 + 2 Σ_{j<k} r_j²) / n),
 *    Bartlett's standard error at lag k, which the slowly decaying autocorrelation of a
 *    random walk rarely beats. That limit also grows with the seasonal autocorrelations at
 *    earlier lags, so a clean monthly pattern needs about five years to pass. The residuals
 *    from a centred moving average over one season must also have seasonal means. A random
 *    walk plus noise (a local level) shows chance peaks at short lags that pass Bartlett's
 *    limit, but its residuals from a local mean have none.
 * 2. Seasonal means, for short histories: the series has seasonal means around a straight line, which white noise
 *    lacks, and its first differences have seasonal means, which a random walk lacks because
 *    its differences are white noise. A season survives differencing, because the change from
 *    one month to the next repeats every year. This way finds a clean pattern from two seasons
 *    on. The differences alone would not do: they shrink a smooth season of period k by
 *    2 sin(π/k) against the noise, which is why long noisy seasons take the first way.
 *
 * "Seasonal means" is an F test, one-sided at 1 % / (number of lags), of one mean per
 * position in the season (t mod k) against one overall mean or line. It reads every value of
 * the season at once: a clean pattern of two seasons fits its model exactly, while a single
 * r_12 of 24 values stays below its limit.
 *
 * Among the seasons found, the lag of the largest r_k wins. A season found at a divisor of
 * that lag is returned instead when the longer season's means fit no better (nested F test):
 * a season repeats at its multiples, and with noise r_24 of monthly data can beat r_12.
 *
 * @example detectSeasonLength(airPassengers) // 12
 */
export function detectSeasonLength(history: number[]): number {
  const y =
    history.length > MAX_SEASONALITY_SAMPLE ? history.slice(-MAX_SEASONALITY_SAMPLE) : history;
  const maxLag = Math.min(Math.floor(y.length / 2), MAX_DETECTED_SEASON);
  if (maxLag < 2) {
    return 1;
  }
  const residuals = detrend(y);
  if (isFlat(residuals, y)) {
    return 1;
  }

  const differences = firstDifferences(y);
  const evidence: SeasonEvidence = {
    y,
    differences,
    lineFit: seasonalMeansFit(y, 1, true),
    differencesMeanFit: seasonalMeansFit(differences, 1, false),
    r: autocorrelation(residuals, maxLag),
    bonferroniLimit: normalUpperQuantile(SIGNIFICANCE / (2 * maxLag)) / Math.sqrt(y.length),
    zSeasonalMeans: normalUpperQuantile(SEASONAL_MEANS_SIGNIFICANCE / maxLag),
  };
  const r = evidence.r;
  const zBartlett = normalUpperQuantile(SIGNIFICANCE / 2);

  const seasons: number[] = [];
  let sumOfSquares = r[1] * r[1];
  for (let k = 2; k <= maxLag; k++) {
    const bartlettLimit = zBartlett * Math.sqrt((1 + 2 * sumOfSquares) / y.length);
    sumOfSquares += r[k] * r[k];

    if (r[k] > 0 && isPeak(r, k) && isSeason(evidence, k, bartlettLimit)) {
      seasons.push(k);
    }
  }
  return chooseSeason(seasons, evidence);
}

/** True when candidate lag k passes the tests of either way described at detectSeasonLength. */
function isSeason(evidence: SeasonEvidence, k: number, bartlettLimit: number): boolean {
  const { y, differences, r, bonferroniLimit, zSeasonalMeans } = evidence;

  const passesBartlett = r[k] > bonferroniLimit && r[k] > bartlettLimit;
  if (passesBartlett) {
    const localResiduals = movingAverageResiduals(y, k);
    const meanFit = seasonalMeansFit(localResiduals, 1, false);
    if (hasSeasonalMeans(localResiduals, k, false, meanFit, zSeasonalMeans)) {
      return true;
    }
  }
  return (
    hasSeasonalMeans(y, k, true, evidence.lineFit, zSeasonalMeans) &&
    hasSeasonalMeans(differences, k, false, evidence.differencesMeanFit, zSeasonalMeans)
  );
}

/**
 * Returns the season among `seasons` (ascending lags) with the largest r_k, or its smallest
 * divisor in `seasons` when the longer season explains the series no better. Returns 1 when
 * `seasons` is empty.
 */
function chooseSeason(seasons: number[], evidence: SeasonEvidence): number {
  const { y, r, zSeasonalMeans } = evidence;
  let best = 1;
  for (const k of seasons) {
    if (best === 1 || r[k] > r[best]) {
      best = k;
    }
  }

  // Nested F test: the means of the longer season against those of its divisor.
  const bestFit = seasonalMeansFit(y, best, true);
  const divisor = seasons.find(
    (k) =>
      k < best &&
      best % k === 0 &&
      !isSignificantImprovement(seasonalMeansFit(y, k, true), bestFit, y.length, zSeasonalMeans),
  );
  return divisor ?? best;
}

/** True when r_k is above r_{k-1} and at least r_{k+1} (the last lag has no right side). */
function isPeak(r: Float64Array, k: number): boolean {
  const right = k + 1 < r.length ? r[k + 1] : -Infinity;
  return r[k] > r[k - 1] && r[k] >= right;
}

/** Residual sum of squares of a fitted model and its number of parameters. */
interface ModelFit {
  sse: number;
  parameters: number;
}

/**
 * Runs the analysis of variance of `z` grouped by position in the season (t mod `season`).
 * Returns true when the group means explain significantly more than `reduced`, which is the
 * fit of one overall mean, or of a straight line with `withTrend`.
 */
function hasSeasonalMeans(
  z: ArrayLike<number>,
  season: number,
  withTrend: boolean,
  reduced: ModelFit,
  zQuantile: number,
): boolean {
  // Every group needs a value, and the F test a residual degree of freedom.
  if (z.length <= season + 1) {
    return false;
  }
  const full = seasonalMeansFit(z, season, withTrend);
  return isSignificantImprovement(reduced, full, z.length, zQuantile);
}

/**
 * Fits one mean per position in the season (t mod `season`) to `z`. With `withTrend` it also
 * fits a common slope in t, estimated within the groups (analysis of covariance), so a season
 * does not bias the slope as it biases the least-squares line through two seasons. With
 * season 1 the model is the overall mean or the least-squares line.
 */
function seasonalMeansFit(z: ArrayLike<number>, season: number, withTrend: boolean): ModelFit {
  const n = z.length;

  // Sums of squares and cross-products of z and t about the means of each group
  // g, g + season, g + 2·season, …
  let zz = 0;
  let tt = 0;
  let tz = 0;
  for (let g = 0; g < season; g++) {
    const count = Math.ceil((n - g) / season);
    let zSum = 0;
    for (let t = g; t < n; t += season) {
      zSum += z[t];
    }
    const zMean = zSum / count;
    const tMean = g + (season * (count - 1)) / 2;
    for (let t = g; t < n; t += season) {
      zz += (z[t] - zMean) ** 2;
      tt += (t - tMean) ** 2;
      tz += (t - tMean) * (z[t] - zMean);
    }
  }

  return withTrend && tt > 0
    ? { sse: zz - (tz * tz) / tt, parameters: season + 1 }
    : { sse: zz, parameters: season };
}

/**
 * Returns true when the F test of the nested models finds that `full` fits n values
 * significantly better than `reduced`, i.e. when the normal equivalent of
 *   F = ((SSE_reduced - SSE_full) / (p_full - p_reduced)) / (SSE_full / (n - p_full))
 * is above `zQuantile`.
 */
function isSignificantImprovement(
  reduced: ModelFit,
  full: ModelFit,
  n: number,
  zQuantile: number,
): boolean {
  const extraDegrees = full.parameters - reduced.parameters;
  const residualDegrees = n - full.parameters;
  const improvement = reduced.sse - full.sse;
  if (extraDegrees < 1 || residualDegrees < 1 || !(improvement > 0)) {
    return false;
  }
  if (!(full.sse > 0)) {
    return true;
  }
  const f = improvement / extraDegrees / (full.sse / residualDegrees);
  return normalEquivalentOfF(f, extraDegrees, residualDegrees) > zQuantile;
}

/**
 * Converts an F statistic with (d₁, d₂) degrees of freedom into an approximately standard
 * normal deviate by the cube-root (Wilson-Hilferty) transformation, Paulson's approximation:
 * z = ((1 - 2/(9d₂)) f^⅓ - (1 - 2/(9d₁))) / √(2/(9d₂) f^⅔ + 2/(9d₁)). At the exact quantiles
 * of R 4.2.2's qf() for d₁ from 1 to 51, d₂ from 2 to 200 and levels from 0.01/366 to 0.01/4,
 * its tail probability is 1.0 to 2.5 times the exact one for d₂ ≥ 9 and up to 180 times for
 * d₂ = 2, never below it, so the test errs towards no season.
 */
function normalEquivalentOfF(f: number, d1: number, d2: number): number {
  const a = 2 / (9 * d1);
  const b = 2 / (9 * d2);
  const cubeRoot = Math.cbrt(f);
  return ((1 - b) * cubeRoot - (1 - a)) / Math.sqrt(b * cubeRoot * cubeRoot + a);
}

/** Residuals of the least-squares line on x = 1 … n. */
function detrend(y: number[]): Float64Array {
  const x = y.map((_, i) => i + 1);
  const { slope, intercept } = fitLinear(y, x);
  return Float64Array.from(y, (value, i) => value - (intercept + slope * (i + 1)));
}

/**
 * y_t minus the centred moving average of one season around t (the 2×k average when k is
 * even), for the t whose window fits in the series.
 */
function movingAverageResiduals(y: number[], season: number): Float64Array {
  const half = Math.floor(season / 2);
  const count = y.length - 2 * half;
  if (count <= 0) {
    return new Float64Array(0);
  }
  const residuals = new Float64Array(count);
  let windowSum = 0;
  for (let j = 0; j <= 2 * half; j++) {
    windowSum += y[j];
  }
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      windowSum += y[i + 2 * half] - y[i - 1];
    }
    const average =
      season % 2 === 1 ? windowSum / season : (windowSum - (y[i] + y[i + 2 * half]) / 2) / season;
    residuals[i] = y[i + half] - average;
  }
  return residuals;
}

/** y_t - y_{t-1} for t = 1 … n - 1. */
function firstDifferences(y: number[]): Float64Array {
  const differences = new Float64Array(Math.max(y.length - 1, 0));
  for (let t = 1; t < y.length; t++) {
    differences[t - 1] = y[t] - y[t - 1];
  }
  return differences;
}

function isFlat(residuals: Float64Array, y: number[]): boolean {
  let variance = 0;
  for (const value of residuals) {
    variance += value * value;
  }
  variance /= residuals.length;
  const scale = y.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  return variance <= FLAT_RESIDUAL_RATIO * scale * scale;
}

/** Σ z_t z_{t+k} over the pairs of the series. */
function lagProduct(z: Float64Array, k: number): number {
  let sum = 0;
  for (let t = 0; t + k < z.length; t++) {
    sum += z[t] * z[t + k];
  }
  return sum;
}

/** r_k = Σ z_t z_{t+k} / Σ z_t² for k = 0 … maxLag, of a series with mean 0. */
function autocorrelation(z: Float64Array, maxLag: number): Float64Array {
  const r = new Float64Array(maxLag + 1);
  const c0 = lagProduct(z, 0);
  for (let k = 0; k <= maxLag; k++) {
    r[k] = lagProduct(z, k) / c0;
  }
  return r;
}
