import { requireMinLength, requirePositiveInteger } from "./validation";

/**
 * Forecasts each future period with the value observed one season earlier, as R's
 * `forecast::snaive`: ŷ[n+h] = y[n + h - m·(⌊(h-1)/m⌋ + 1)].
 *
 * @example forecastSeasonalNaive([1, 2, 3, 4], 3, 2) // [3, 4, 3]
 * @throws InvalidInputError when `seasonLength` is not a whole number of 1 or more.
 * @throws InsufficientDataError when `y` has fewer than one full season.
 */
export function forecastSeasonalNaive(
  y: number[],
  horizon: number,
  seasonLength: number,
): number[] {
  requirePositiveInteger("season_length", seasonLength);
  requireMinLength(
    "history",
    y,
    seasonLength,
    `a seasonal naive forecast with season_length ${seasonLength}`,
  );

  const lastSeasonStart = y.length - seasonLength;
  const forecast = new Array<number>(horizon);
  for (let h = 0; h < horizon; h++) {
    forecast[h] = y[lastSeasonStart + (h % seasonLength)];
  }
  return forecast;
}
