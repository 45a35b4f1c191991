/**
 * Pipeline forecasts: weighted pipeline, forecast-category roll-up and run rate. Probabilities
 * and shares are fractions.
 */
import { InvalidInputError } from "../errors";
import { divide } from "../economics/division";

/** A period of close dates, first and last day included, as Excel serial numbers. */
export interface ClosePeriod {
  start: number;
  end: number;
}

/**
 * Computes the weighted pipeline: Σ amount × probability, over the deals whose close date falls
 * in `period` (first and last day included) when a period is given. A deal without a close date
 * is then left out.
 */
export function weightedPipeline(
  amounts: readonly number[],
  probabilities: readonly number[],
  closeDates: readonly (number | null)[] | null,
  period: ClosePeriod | null,
): number {
  if (period !== null && period.end < period.start) {
    throw new InvalidInputError(
      `period_end (serial ${period.end}) is before period_start (serial ${period.start}); ` +
        "give the first day of the period, then the last.",
    );
  }

  let total = 0;
  for (let i = 0; i < amounts.length; i++) {
    const date = closeDates === null ? null : closeDates[i];
    const inPeriod =
      period === null || (date !== null && date >= period.start && date <= period.end);
    if (inPeriod) {
      total += amounts[i] * probabilities[i];
    }
  }
  return total;
}

/** Forecast categories, from most to least certain; omitted deals are left out. */
export const FORECAST_CATEGORIES = ["closed", "commit", "best case", "pipeline"] as const;

/** A forecast category of a deal, or "omitted" for deals outside the forecast. */
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number] | "omitted";

/** Amounts of one forecast category. */
export interface CategoryTotal {
  category: (typeof FORECAST_CATEGORIES)[number];
  /** Number of deals in the category. */
  deals: number;
  /** Sum of the amounts in the category. */
  amount: number;
  /** Sum of this and every more certain category: closed, closed + commit, and so on. */
  cumulative: number;
}

/**
 * Rolls deals up by forecast category. The cumulative column is the usual forecast: commit
 * includes closed, best case includes commit, pipeline includes best case.
 */
export function forecastCategoryRollup(
  amounts: readonly number[],
  categories: readonly ForecastCategory[],
): CategoryTotal[] {
  let cumulative = 0;
  return FORECAST_CATEGORIES.map((category) => {
    let deals = 0;
    let amount = 0;
    categories.forEach((dealCategory, i) => {
      if (dealCategory === category) {
        deals++;
        amount += amounts[i];
      }
    });
    cumulative += amount;
    return { category, deals, amount, cumulative };
  });
}

/**
 * Computes the run-rate forecast for the period: amount to date ÷ elapsed share of the period,
 * assuming the rest of the period sells at the same pace.
 */
export function runRateForecast(amountToDate: number, elapsedShare: number): number {
  return divide(amountToDate, elapsedShare, "elapsed_share");
}
