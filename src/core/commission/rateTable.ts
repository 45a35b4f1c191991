/**
 * The rate table of a commission plan: tiers of quota attainment, each with a commission rate and
 * an optional fixed bonus.
 */
import { InvalidInputError } from "../errors";

/** One tier of a rate table. Attainment and rate are fractions (1 is 100 % of quota). */
export interface RateTier {
  /** Quota attainment at which the tier starts, 0 or more. */
  threshold: number;
  /** Commission rate on sales in the tier, from 0 to 1. */
  rate: number;
  /** Fixed bonus paid once the tier is reached, 0 when the plan has none. */
  bonus: number;
}

/** Checks one tier's values, naming its row in the rate table. */
function checkTier(tier: RateTier, row: number): void {
  const where = `rate_table: row ${row}`;
  if (tier.threshold < 0) {
    throw new InvalidInputError(
      `${where} starts at attainment ${tier.threshold}; thresholds are 0 or more, such as 0, 50% and 100%.`,
    );
  }
  if (tier.rate < 0 || tier.rate > 1) {
    throw new InvalidInputError(
      `${where} has the rate ${tier.rate}; rates are fractions from 0 to 1, such as 5% or 0.05.`,
    );
  }
  if (tier.bonus < 0) {
    throw new InvalidInputError(`${where} has the bonus ${tier.bonus}; bonuses are 0 or more.`);
  }
}

/**
 * Checks a rate table: at least one tier, thresholds strictly ascending, rates from 0 to 1 and
 * bonuses of 0 or more. Every error names the row and the fix.
 */
export function checkRateTable(tiers: readonly RateTier[]): void {
  if (tiers.length === 0) {
    throw new InvalidInputError(
      "rate_table has no tiers; give at least one row of threshold and rate.",
    );
  }
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i];
    checkTier(tier, i + 1);
    if (i > 0 && tier.threshold <= tiers[i - 1].threshold) {
      throw new InvalidInputError(
        `rate_table: row ${i + 1} starts at attainment ${tier.threshold}, which is not above ` +
          `row ${i}'s ${tiers[i - 1].threshold}; sort the tiers by threshold, lowest first, ` +
          "each threshold once.",
      );
    }
  }
}
