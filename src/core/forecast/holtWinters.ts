import { fitExponentialSmoothing, SmoothingFit } from "./exponentialSmoothing";

/**
 * Forecasts with the Holt-Winters seasonal method, as R's
 * `forecast::hw(y, h, seasonal, initial = "simple")` with additive trend.
 *
 * @param seasonLength periods per season, 2 or more (12 for monthly data).
 * @param seasonality "additive" for a season of constant amplitude, "multiplicative" for one
 *   that grows with the level (needs values above 0).
 * @param alpha level, beta trend and gamma seasonal smoothing parameters in [0, 1], each null to
 *   minimise the SSE.
 * @throws InvalidInputError for a parameter out of range, a season_length below 2, or values of
 *   0 or less with multiplicative seasonality.
 * @throws InsufficientDataError when the history has fewer than two full seasons.
 */
export function forecastHoltWinters(
  y: number[],
  horizon: number,
  seasonLength: number,
  seasonality: "additive" | "multiplicative",
  alpha: number | null,
  beta: number | null,
  gamma: number | null,
): SmoothingFit {
  return fitExponentialSmoothing(y, horizon, {
    trend: "additive",
    season: seasonality,
    seasonLength,
    alpha,
    beta,
    gamma,
  });
}
