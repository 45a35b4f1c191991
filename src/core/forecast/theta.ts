import { InvalidInputError } from "../errors";
import { multiplicativeSeasonalIndices } from "./decomposition";
import { fitLinear } from "./linear";
import { normalUpperQuantile } from "./normal";
import { fitOptimalSes } from "./optimalSes";
import { requireFiniteResult, requireMinLength, requirePositiveInteger } from "./validation";

/** Minimum history of the Theta method: two values fit the drift line, as in R's thetaf. */
export const THETA_MIN_HISTORY = 2;

/** Fitted Theta model and its forecasts. */
export interface ThetaFit {
  /** Point forecasts for periods n+1 … n+horizon. */
  forecast: number[];
  /** In-sample one-step forecasts of SES, reseasonalised, as R's thetaf reports them. */
  fitted: number[];
  /** Smoothing parameter of the SES on the seasonally adjusted data (at least 1e-10). */
  alpha: number;
  /** Drift per period: half the slope of the least-squares line of the adjusted data. */
  drift: number;
  /** Variance of the SES one-step errors on the seasonally adjusted data. */
  sigma2: number;
  /** Season length used for the decomposition, 1 when the series is treated as non-seasonal. */
  seasonLength: number;
  /** Seasonal indices of periods n+1 … n+m, empty when non-seasonal. */
  seasonalIndices: number[];
}

/** Lower and upper bounds of a prediction interval, one per forecast period. */
export interface PredictionInterval {
  lower: number[];
  upper: number[];
}

// Normal quantile of the two-sided 90 % seasonality test in R's thetaf, qnorm(0.95) = 1.645.
const SEASONALITY_QUANTILE = normalUpperQuantile(0.05);

// R's thetaf 8.20 falls back to the non-seasonal method when a seasonal index is this close to 0.
const MIN_SEASONAL_INDEX = 1e-4;

// Smallest alpha in the drift term, as R's thetaf uses pmax(1e-10, alpha) to avoid dividing by 0.
const MIN_ALPHA = 1e-10;

/**
 * Forecasts with the Theta method of Assimakopoulos and Nikolopoulos (2000) as R's
 * `forecast::thetaf` 8.20 computes it: as simple exponential smoothing with drift, which its
 * documentation cites Hyndman and Billah (2003) for showing equivalent.
 *
 * 1. Seasonality test: with m > 1, a non-constant series of more than 2m values and the sample
 *    autocorrelations r_k of the series, the series is seasonal when
 *    |r_m| / √((1 + 2 Σ_{k<m} r_k²) / n) > 1.645 (two-sided 90 % test at lag m).
 * 2. A seasonal series is divided by the seasonal indices of a classical multiplicative
 *    decomposition.
 * 3. SES with an estimated initial level (ETS(A,N,N)) is fitted to the adjusted data, and the
 *    forecast is ŷ[n+h] = l_n + b (h - 1 + (1 - (1 - α)^n) / α), with b half the slope of the
 *    least-squares line through the adjusted data.
 * 4. A seasonal forecast is multiplied back by the index of its position in the season.
 *
 * NOTE: a series with a value of 0 or less is treated as non-seasonal, because a multiplicative
 * decomposition has no meaning for it. R applies the decomposition anyway.
 *
 * @param seasonLength periods per season, 1 for a non-seasonal series.
 * @throws InvalidInputError when season_length is not a whole number of 1 or more.
 * @throws InsufficientDataError when the history has fewer than 2 values.
 */
export function fitTheta(y: readonly number[], horizon: number, seasonLength: number): ThetaFit {
  requirePositiveInteger("season_length", seasonLength);
  requireMinLength("history", y, THETA_MIN_HISTORY, "the Theta method");

  const indices = thetaSeasonalIndices(y, seasonLength);
  const m = indices === null ? 1 : seasonLength;
  const adjusted = indices === null ? [...y] : y.map((value, t) => value / indices[t % m]);

  const ses = fitOptimalSes(adjusted);
  const alpha = Math.max(ses.alpha, MIN_ALPHA);
  const drift = fitLinear(adjusted, periodIndices(adjusted.length)).slope / 2;
  const n = y.length;
  const start = (1 - (1 - alpha) ** n) / alpha;

  const nextIndices = indices === null ? [] : nextSeason(indices, n);
  const forecast = new Array<number>(horizon);
  for (let h = 1; h <= horizon; h++) {
    const mean = ses.level + drift * (h - 1 + start);
    forecast[h - 1] = indices === null ? mean : mean * nextIndices[(h - 1) % m];
  }
  const fitted =
    indices === null ? ses.fitted : ses.fitted.map((value, t) => value * indices[t % m]);

  const fit: ThetaFit = {
    forecast,
    fitted,
    alpha,
    drift,
    sigma2: ses.sigma2,
    seasonLength: m,
    seasonalIndices: nextIndices,
  };
  requireFiniteTheta(fit);
  return fit;
}

/**
 * Computes the prediction interval of a Theta forecast as R's thetaf 8.20 does:
 * ŷ ± z · σ √((h - 1) α² + 1). Here σ² is the one-step error variance of the SES on the adjusted
 * data, and z is the normal quantile of the two-sided `level`.
 *
 * NOTE: like R, the width ignores the seasonal indices and the uncertainty of the drift, so a
 * seasonal series gets the width of its adjusted data.
 *
 * @param level coverage probability, strictly between 0 and 1 (0.95 for 95 %).
 * @throws InvalidInputError when level is outside (0, 1).
 */
export function thetaPredictionInterval(fit: ThetaFit, level: number): PredictionInterval {
  const z = twoSidedQuantile(level);
  const sigma = Math.sqrt(fit.sigma2);
  const width = fit.forecast.map((_, i) => z * sigma * Math.sqrt(i * fit.alpha ** 2 + 1));
  return {
    lower: fit.forecast.map((value, i) => value - width[i]),
    upper: fit.forecast.map((value, i) => value + width[i]),
  };
}

/**
 * Returns the normal quantile z with P(|Z| ≤ z) = level.
 *
 * @throws InvalidInputError when level is outside (0, 1).
 */
export function twoSidedQuantile(level: number): number {
  requireCoverageLevel(level);
  return normalUpperQuantile((1 - level) / 2);
}

/**
 * Checks that `level`, the coverage of a prediction interval, lies strictly between 0 and 1.
 *
 * @throws InvalidInputError naming level when it does not.
 */
export function requireCoverageLevel(level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new InvalidInputError(
      `level is ${level} but must be between 0 and 1 (0 % and 100 %), such as 0.95 or 95%.`,
    );
  }
}

/**
 * True when thetaf's autocorrelation test finds a season of length m: the sample
 * autocorrelation at lag m exceeds the two-sided 90 % limit of Bartlett's standard error.
 * Needs m > 1, more than 2m values and a series that is not constant.
 */
export function hasThetaSeason(y: readonly number[], m: number): boolean {
  if (m <= 1 || y.length <= 2 * m || isConstant(y)) {
    return false;
  }
  const r = autocorrelations(y, m);
  let sumOfSquares = 0;
  for (let k = 1; k < m; k++) {
    sumOfSquares += r[k] * r[k];
  }
  const standardError = Math.sqrt((1 + 2 * sumOfSquares) / y.length);
  return Math.abs(r[m]) / standardError > SEASONALITY_QUANTILE;
}

/**
 * Seasonal indices (one per position in the season) that the Theta method divides by, or null
 * when the series is non-seasonal, has a value of 0 or less, or has an index near 0.
 */
export function thetaSeasonalIndices(y: readonly number[], m: number): number[] | null {
  if (!hasThetaSeason(y, m) || y.some((value) => value <= 0)) {
    return null;
  }
  const indices = multiplicativeSeasonalIndices(y, m);
  if (indices === null || indices.some((index) => Math.abs(index) < MIN_SEASONAL_INDEX)) {
    return null;
  }
  return indices;
}

/** Sample autocorrelations r_0 … r_maxLag about the mean, as R's acf(). */
function autocorrelations(y: readonly number[], maxLag: number): number[] {
  const n = y.length;
  const mean = y.reduce((sum, value) => sum + value, 0) / n;
  const centred = y.map((value) => value - mean);
  const r: number[] = [];
  let c0 = 0;
  for (let k = 0; k <= maxLag; k++) {
    let sum = 0;
    for (let t = 0; t + k < n; t++) {
      sum += centred[t] * centred[t + k];
    }
    if (k === 0) {
      c0 = sum;
    }
    r.push(sum / c0);
  }
  return r;
}

function isConstant(y: readonly number[]): boolean {
  return y.every((value) => value === y[0]);
}

/** 0, 1, …, count - 1, the x of R's lsfit(0:(n - 1), x). */
function periodIndices(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

/** Indices of periods n+1 … n+m, where `indices[j]` belongs to positions j, j + m, … */
function nextSeason(indices: readonly number[], n: number): number[] {
  const m = indices.length;
  return indices.map((_, k) => indices[(n + k) % m]);
}

function requireFiniteTheta(fit: ThetaFit): void {
  const advice = "check the history for extreme values.";
  requireFiniteResult(fit.forecast, advice);
  requireFiniteResult(fit.fitted, advice);
  requireFiniteResult([fit.alpha, fit.drift, fit.sigma2], advice);
}
