import type { SmoothingStates, SmoothingWeights } from "./smoothingRecursion";

/**
 * Computes the forecast means of a Holt-Winters model with multiplicative seasonality and an
 * undamped or absent trend, as R's `forecast` 8.20 reports them for ETS(M,A,M) and ETS(M,N,M)
 * models (the internal function `class3`, which `forecast.ets` calls).
 *
 * E[y[n+h]] equals the point forecast (l + h b) s for h ≤ m. Beyond one season it gains a term
 * in σ² = mean(((y - ŷ) / ŷ)²), because the level and the seasonal index share errors. The
 * recursion tracks M[k] = E[(l, b) · s_k] for each seasonal index k:
 *   μ_h = (1, 1) · M[next],   M[k] ← F M[k] for every k,   M[next] += σ² γ (α, β)ᵀ (1, 1) · M[next]
 * with F = [[1, 1], [0, 1]]. The used index then becomes the newest.
 *
 * @param relativeVariance σ², the mean squared relative one-step error of the fit.
 */
export function forecastMultiplicativeMean(
  states: SmoothingStates,
  weights: SmoothingWeights,
  hasTrend: boolean,
  relativeVariance: number,
  observations: number,
  horizon: number,
): number[] {
  const m = states.seasonal.length;

  // Expected products of level and trend with each seasonal index, in order of use.
  const levelTimesSeason = new Float64Array(m);
  const trendTimesSeason = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const index = states.seasonal[(observations + k) % m];
    levelTimesSeason[k] = states.level * index;
    trendTimesSeason[k] = hasTrend ? states.trend * index : 0;
  }

  const forecast = new Array<number>(horizon);
  for (let h = 0; h < horizon; h++) {
    const next = h % m;
    const used = levelTimesSeason[next] + trendTimesSeason[next];
    forecast[h] = used;

    // Advance every column by one period: l ← l + b.
    for (let k = 0; k < m; k++) {
      levelTimesSeason[k] += trendTimesSeason[k];
    }

    // The used index is updated with the shared error, so its product gains a variance term.
    const correction = relativeVariance * weights.gamma * used;
    levelTimesSeason[next] += weights.alpha * correction;
    trendTimesSeason[next] += hasTrend ? weights.beta * correction : 0;
  }
  return forecast;
}

/** Mean squared relative one-step error, mean(((y - ŷ) / ŷ)²), R's σ² of a multiplicative fit. */
export function relativeErrorVariance(y: readonly number[], fitted: Float64Array): number {
  let sum = 0;
  for (let t = 0; t < y.length; t++) {
    const relativeError = (y[t] - fitted[t]) / fitted[t];
    sum += relativeError * relativeError;
  }
  return sum / y.length;
}
