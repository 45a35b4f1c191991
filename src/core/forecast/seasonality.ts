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

// Family-wise significance level of the autocorrelation test across all lags tested.
const SIGNIFICANCE = 0.05;

// A detrended series whose variance is below this fraction of the squared largest value is a
// straight line up to rounding (residuals of a fitted line through exact data are ~1e-15
// relative), so it has no season.
const FLAT_RESIDUAL_RATIO = 1e-20;

/**
 * Detects the season length of `y`, as Excel's FORECAST.ETS.SEASONALITY does, and returns 1
 * when the series has no season.
 *
 * Method: remove the least-squares line, compute the sample autocorrelation r_k of the
 * residuals for lags k = 1 … min(⌊n/2⌋, 366), and keep the lags k ≥ 2 where r_k is a local
 * peak (above r_{k-1}, at least r_{k+1}) and significant, i.e. above both
 *   z_B / √n, with z_B the normal quantile of a two-sided 5 % test Bonferroni-corrected over
 *     the number of lags, which keeps white noise from producing a chance peak, and
 *   1.96 · √((1 + 2 Σ_{j<k} r_j²) / n), Bartlett's standard error at lag k, which keeps the
 *     slowly decaying autocorrelation of a random walk from passing as a season.
 * The function returns the lag of the largest such peak. A multiple of the season (24 for monthly
 * data) has a smaller autocorrelation than the season itself, so the season wins.
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

  const r = autocorrelation(residuals, maxLag);
  const n = y.length;
  const bonferroniLimit = normalUpperQuantile(SIGNIFICANCE / (2 * maxLag)) / Math.sqrt(n);
  const zBartlett = normalUpperQuantile(SIGNIFICANCE / 2);

  let best = 1;
  let bestCorrelation = -Infinity;
  let sumOfSquares = r[1] * r[1];
  for (let k = 2; k <= maxLag; k++) {
    const bartlettLimit = zBartlett * Math.sqrt((1 + 2 * sumOfSquares) / n);
    sumOfSquares += r[k] * r[k];

    const right = k < maxLag ? r[k + 1] : -Infinity;
    const isPeak = r[k] > r[k - 1] && r[k] >= right;
    const isSignificant = r[k] > bonferroniLimit && r[k] > bartlettLimit;
    if (isPeak && isSignificant && r[k] > bestCorrelation) {
      best = k;
      bestCorrelation = r[k];
    }
  }
  return best;
}

/** Residuals of the least-squares line on x = 1 … n. */
function detrend(y: number[]): Float64Array {
  const x = y.map((_, i) => i + 1);
  const { slope, intercept } = fitLinear(y, x);
  return Float64Array.from(y, (value, i) => value - (intercept + slope * (i + 1)));
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

/** r_k = Σ z_t z_{t+k} / Σ z_t² for k = 0 … maxLag, of a series with mean 0. */
function autocorrelation(z: Float64Array, maxLag: number): Float64Array {
  const r = new Float64Array(maxLag + 1);
  let c0 = 0;
  for (const value of z) {
    c0 += value * value;
  }
  for (let k = 0; k <= maxLag; k++) {
    let ck = 0;
    for (let t = 0; t + k < z.length; t++) {
      ck += z[t] * z[t + k];
    }
    r[k] = ck / c0;
  }
  return r;
}
