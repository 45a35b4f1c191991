/**
 * Unit economics of customers: acquisition cost (CAC), CAC payback, lifetime value (LTV) and
 * LTV:CAC. Rates and margins are fractions; revenue per account and churn must use the same
 * period (monthly revenue with monthly churn).
 */
import { InvalidInputError } from "../errors";
import { divide, sum } from "./division";

/** Computes customer acquisition cost: sales and marketing spend ÷ new customers. */
export function customerAcquisitionCost(spend: readonly number[], newCustomers: number): number {
  return divide(sum(spend), newCustomers, "new_customers");
}

/**
 * Computes CAC payback in months: CAC ÷ (monthly revenue per account × gross margin), the months
 * of gross profit from one account that repay the cost of winning it.
 */
export function cacPaybackMonths(
  cac: number,
  monthlyRevenuePerAccount: number,
  grossMargin: number,
): number {
  if (monthlyRevenuePerAccount < 0) {
    throw new InvalidInputError(
      `monthly_revenue is ${monthlyRevenuePerAccount}; give the revenue per account and month, 0 or more.`,
    );
  }
  return divide(cac, monthlyRevenuePerAccount * grossMargin, "monthly_revenue × gross_margin");
}

/**
 * Computes customer lifetime value: revenue per account × gross margin ÷ churn rate, where 1 ÷
 * churn rate is the expected lifetime in periods (no discounting).
 */
export function customerLifetimeValue(
  revenuePerAccount: number,
  grossMargin: number,
  churnRate: number,
): number {
  return divide(revenuePerAccount * grossMargin, churnRate, "churn_rate");
}
