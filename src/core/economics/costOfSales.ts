/**
 * Cost of the selling function: cost-of-sales ratio, cost per order, customer or unit, and the
 * variance of sales costs against budget.
 */
import { InvalidInputError } from "../errors";
import { divide, sum } from "./division";

/**
 * Computes the cost-of-sales ratio: total cost of the selling function (salaries, variable pay,
 * travel, tools, overhead) divided by revenue, as a fraction (0.12 is 12 % of revenue).
 */
export function costOfSalesRatio(costs: readonly number[], revenue: number): number {
  if (revenue < 0) {
    throw new InvalidInputError(
      `revenue is ${revenue}; give the revenue of the period, 0 or more.`,
    );
  }
  return divide(sum(costs), revenue, "revenue");
}

/** Computes a cost per order, customer or unit: total cost ÷ count. */
export function costPerItem(costs: readonly number[], count: number, countName: string): number {
  return divide(sum(costs), count, countName);
}

/** Variance of one cost line against its budget. */
export interface BudgetVariance {
  /** Actual − budget, in the currency of the inputs; above 0 is an overspend. */
  variance: number;
  /** (Actual − budget) ÷ budget as a fraction, or null when the budget is 0. */
  variancePercent: number | null;
}

/** Computes actual − budget and (actual − budget) ÷ budget for one line. */
function lineVariance(actual: number, budget: number): BudgetVariance {
  const variance = actual - budget;
  return { variance, variancePercent: budget === 0 ? null : variance / Math.abs(budget) };
}

/**
 * Computes the budget variance of each cost line, then of the total when there is more than one
 * line. The percent variance divides by the absolute budget so a negative budget line (a
 * credit) keeps the sign convention: above 0 always means more cost than planned.
 */
export function budgetVariances(
  actual: readonly number[],
  budget: readonly number[],
): BudgetVariance[] {
  const lines = actual.map((value, i) => lineVariance(value, budget[i]));
  if (actual.length > 1) {
    lines.push(lineVariance(sum(actual), sum(budget)));
  }
  return lines;
}
