import { fitExponentialSmoothing, SmoothingFit } from "./exponentialSmoothing";

/**
 * Forecasts with Holt's linear trend method, as R's `forecast::holt(initial = "simple")`:
 * l0 = y1, b0 = y2 - y1. A given phi damps the trend, ŷ[n+h] = l + (φ + … + φ^h) b.
 *
 * With a damped trend, R's `holt(damped = TRUE)` warns and ignores `initial = "simple"`. The
 * damped results therefore match R's underlying recursion, `HoltWintersZZ` with the same phi.
 *
 * @param alpha level smoothing parameter in [0, 1], or null to minimise the SSE.
 * @param beta trend smoothing parameter in [0, 1], or null to minimise the SSE.
 * @param phi damping parameter in (0, 1], or null for an undamped trend (φ = 1).
 * @throws InvalidInputError when a parameter is out of range.
 * @throws InsufficientDataError when the history has fewer than 2 values.
 */
export function forecastHolt(
  y: number[],
  horizon: number,
  alpha: number | null,
  beta: number | null,
  phi: number | null,
): SmoothingFit {
  const trend = phi === null ? "additive" : "damped";
  return fitExponentialSmoothing(y, horizon, { trend, season: "none", alpha, beta, phi });
}
