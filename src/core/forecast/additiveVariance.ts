/** Smoothing parameters of an additive-error state-space model, in the error-correction form. */
export interface StateSpaceWeights {
  alpha: number;
  /** Trend smoothing in the state-space form (β* = α β of Holt's form), 0 without a trend. */
  beta: number;
  /** Seasonal smoothing, 0 without a season. */
  gamma: number;
  /** Damping, 1 for an undamped trend. */
  phi: number;
  /** Season length, 1 without a season. */
  seasonLength: number;
}

/**
 * Computes the forecast variance of an additive-error exponential smoothing model h = 1 …
 * horizon periods ahead, the analytic result for the linear models (class 1 of Hyndman, Koehler,
 * Ord and Snyder, "Forecasting with Exponential Smoothing", 2008, table 6.1) that R's
 * `forecast.ets` 8.20 uses:
 *   v_h = σ² (1 + Σ_{j=1}^{h-1} c_j²),   c_j = α + β* (φ + … + φ^j) + γ [j mod m = 0].
 *
 * @param sigma2 variance of the one-step errors.
 */
export function additiveForecastVariance(
  weights: StateSpaceWeights,
  sigma2: number,
  horizon: number,
): number[] {
  const { alpha, beta, gamma, phi, seasonLength } = weights;
  const variance = new Array<number>(horizon);
  let sumOfSquares = 0;
  let phiSum = 0;
  let phiPower = 1;
  for (let h = 1; h <= horizon; h++) {
    variance[h - 1] = sigma2 * (1 + sumOfSquares);

    // Add c_h, the weight of the error h periods back, for the next horizon.
    phiPower *= phi;
    phiSum += phiPower;
    const seasonal = seasonLength > 1 && h % seasonLength === 0 ? gamma : 0;
    const weight = alpha + beta * phiSum + seasonal;
    sumOfSquares += weight * weight;
  }
  return variance;
}
