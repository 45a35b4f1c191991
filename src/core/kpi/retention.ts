/**
 * Customer churn and revenue retention over one period. Results are fractions: a net revenue
 * retention of 1.05 is 105 %.
 */
import { InvalidInputError } from "../errors";
import { divide } from "../economics/division";

/** Computes the customer churn rate: customers lost in the period ÷ customers at its start. */
export function customerChurnRate(customersAtStart: number, customersLost: number): number {
  if (customersLost > customersAtStart) {
    throw new InvalidInputError(
      `customers_lost (${customersLost}) is more than customers_start (${customersAtStart}); ` +
        "count only the customers of the start who left during the period.",
    );
  }
  return divide(customersLost, customersAtStart, "customers_start");
}

/** Checks that the losses do not exceed the revenue at the start of the period. */
function checkLosses(startRevenue: number, contraction: number, churned: number): void {
  if (contraction + churned > startRevenue) {
    throw new InvalidInputError(
      `contraction + churned (${contraction + churned}) is more than start_revenue ` +
        `(${startRevenue}); count only losses from the revenue of the start of the period.`,
    );
  }
}

/**
 * Computes net revenue retention: (start + expansion − contraction − churned) ÷ start, from the
 * recurring revenue of the customers present at the start of the period. New customers are not
 * part of it. The amounts are positional because a sheet may call this for every row.
 */
export function netRevenueRetention(
  startRevenue: number,
  expansion: number,
  contraction: number,
  churned: number,
): number {
  checkLosses(startRevenue, contraction, churned);
  return divide(startRevenue + expansion - contraction - churned, startRevenue, "start_revenue");
}

/** Computes gross revenue retention: (start − contraction − churned) ÷ start, at most 100 %. */
export function grossRevenueRetention(
  startRevenue: number,
  contraction: number,
  churned: number,
): number {
  checkLosses(startRevenue, contraction, churned);
  return divide(startRevenue - contraction - churned, startRevenue, "start_revenue");
}
