/**
 * Trade-marketing indices. Numeric and weighted distribution are index points from 0 to 100, as
 * retail panels (NielsenIQ, Circana) publish them; the other ratios are fractions.
 */
import { InvalidInputError } from "../errors";
import { divide, sum } from "../economics/division";

/** Points of a distribution index for a share of 1 (100 %). */
const INDEX_POINTS = 100;

/** Rejects a part larger than its whole, such as more stocking outlets than outlets. */
function checkPart(part: number, partName: string, whole: number, wholeName: string): void {
  if (part > whole) {
    throw new InvalidInputError(
      `${partName} (${part}) is more than ${wholeName} (${whole}); ${partName} is part of ` +
        `${wholeName}, so check both values.`,
    );
  }
}

/** Computes numeric distribution: outlets stocking ÷ all outlets × 100. */
export function numericDistribution(stocking: number, outlets: number): number {
  checkPart(stocking, "stocking", outlets, "outlets");
  return divide(stocking, outlets, "outlets") * INDEX_POINTS;
}

/** Computes numeric distribution from one stocking flag per outlet. */
export function numericDistributionOfFlags(stocking: readonly boolean[]): number {
  const count = stocking.filter(Boolean).length;
  return divide(count, stocking.length, "the number of outlets") * INDEX_POINTS;
}

/**
 * Computes weighted distribution: turnover of the stocking outlets ÷ turnover of all outlets ×
 * 100. With each outlet's total turnover this is the ACV (all commodity volume) distribution.
 * With its turnover in the product category it is the PCV (product category volume)
 * distribution.
 */
export function weightedDistribution(
  stocking: readonly boolean[],
  turnover: readonly number[],
): number {
  let stockingTurnover = 0;
  for (let i = 0; i < turnover.length; i++) {
    const value = turnover[i];
    if (value < 0) {
      throw new InvalidInputError(`turnover: cell ${i + 1} is ${value}; turnover is 0 or more.`);
    }
    if (stocking[i]) {
      stockingTurnover += value;
    }
  }
  return divide(stockingTurnover, sum(turnover), "the total turnover") * INDEX_POINTS;
}

/** Computes share of shelf: the brand's facings (or shelf length) ÷ the category's. */
export function shareOfShelf(brand: number, total: number): number {
  checkPart(brand, "brand_facings", total, "total_facings");
  return divide(brand, total, "total_facings");
}

/** Computes the out-of-stock rate: checks that found the product missing ÷ all checks. */
export function outOfStockRate(outOfStock: number, checks: number): number {
  checkPart(outOfStock, "out_of_stock", checks, "checks");
  return divide(outOfStock, checks, "checks");
}

/** Computes the out-of-stock rate from one flag per check (TRUE: out of stock). */
export function outOfStockRateOfFlags(outOfStock: readonly boolean[]): number {
  return divide(outOfStock.filter(Boolean).length, outOfStock.length, "the number of checks");
}

/**
 * Computes promotion uplift against a baseline forecast: Σ actual ÷ Σ baseline − 1, so 0.25 is
 * 25 % more than the baseline.
 */
export function promotionUplift(actual: readonly number[], baseline: readonly number[]): number {
  return divide(sum(actual), sum(baseline), "baseline") - 1;
}
