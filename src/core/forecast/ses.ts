import { fitExponentialSmoothing, SmoothingFit } from "./exponentialSmoothing";

/**
 * Forecasts with simple exponential smoothing (level only), as R's
 * `forecast::ses(y, h, alpha, initial = "simple")`: l0 = y1, ŷ[t] = l[t-1].
 *
 * @param alpha smoothing parameter in [0, 1], or null to minimise the SSE.
 * @throws InvalidInputError when alpha is outside [0, 1].
 * @throws InsufficientDataError when the history is empty.
 */
export function forecastSes(y: number[], horizon: number, alpha: number | null): SmoothingFit {
  return fitExponentialSmoothing(y, horizon, { trend: "none", season: "none", alpha });
}
