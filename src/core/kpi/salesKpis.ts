/**
 * Sales KPIs from counts and amounts: quota attainment, win rate, average deal size, sales
 * velocity and pipeline coverage. Rates are fractions (0.25 is 25 %).
 */
import { InsufficientDataError, InvalidInputError } from "../errors";
import { divide, sum } from "../economics/division";

/** Outcome of an opportunity, as the win rate and the average deal size count it. */
export type DealOutcome = "won" | "lost" | "open";

/** Rejects a quota of 0 or less, which has no attainment to measure against. */
function checkQuota(quota: number): void {
  if (!(quota > 0)) {
    throw new InvalidInputError(`quota is ${quota}; give the quota for the period, above 0.`);
  }
}

/** Computes quota attainment: actual ÷ quota (1 is 100 % of quota). */
export function quotaAttainment(actual: number, quota: number): number {
  checkQuota(quota);
  return actual / quota;
}

/** Computes the win rate from counts: won ÷ (won + lost). */
export function winRate(won: number, lost: number): number {
  return divide(won, won + lost, "won + lost");
}

/** Computes the win rate of closed deals, ignoring open ones: won ÷ (won + lost). */
export function winRateOfOutcomes(outcomes: readonly DealOutcome[]): number {
  let won = 0;
  let lost = 0;
  for (const outcome of outcomes) {
    if (outcome === "won") {
      won++;
    } else if (outcome === "lost") {
      lost++;
    }
  }
  return divide(won, won + lost, "the number of won and lost deals");
}

/**
 * Computes the average deal size: the mean amount of the won deals when outcomes are given,
 * otherwise of all amounts.
 */
export function averageDealSize(
  amounts: readonly number[],
  outcomes: readonly DealOutcome[] | null,
): number {
  const counted = outcomes === null ? amounts : amounts.filter((_, i) => outcomes[i] === "won");
  return divide(sum(counted), counted.length, "the number of won deals");
}

/**
 * Computes sales velocity, revenue per day: opportunities × win rate × average deal size ÷
 * sales cycle length in days.
 */
export function salesVelocity(
  opportunities: number,
  rate: number,
  averageDeal: number,
  cycleDays: number,
): number {
  return divide(opportunities * rate * averageDeal, cycleDays, "cycle_days");
}

/**
 * Computes pipeline coverage: open pipeline ÷ remaining quota, where the remaining quota is quota
 * − closed to date. A coverage of 3 means three times the remaining quota is in the pipeline.
 */
export function pipelineCoverage(
  openPipeline: number,
  quota: number,
  closedToDate: number,
): number {
  checkQuota(quota);
  const remaining = quota - closedToDate;
  if (remaining <= 0) {
    throw new InsufficientDataError(
      `closed_to_date (${closedToDate}) already reaches quota (${quota}), so no quota remains ` +
        "to cover; coverage applies only while part of the quota is open.",
    );
  }
  return openPipeline / remaining;
}
