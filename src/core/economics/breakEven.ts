/**
 * Break-even analysis: the volume and the revenue at which the contribution margin covers the
 * fixed costs.
 */
import { InvalidInputError } from "../errors";
import { divide } from "./division";

/**
 * Computes break-even volume: fixed costs ÷ (price − variable cost per unit), in units. A price
 * equal to the variable cost divides by 0; a price below it never breaks even.
 */
export function breakEvenUnits(fixedCosts: number, price: number, variableCost: number): number {
  const unitContribution = price - variableCost;
  if (unitContribution < 0) {
    throw new InvalidInputError(
      `price (${price}) is below variable_cost (${variableCost}), so each unit sold adds to ` +
        "the loss and there is no break-even volume; check both values.",
    );
  }
  return divide(fixedCosts, unitContribution, "price − variable_cost");
}

/**
 * Computes break-even revenue: fixed costs ÷ contribution-margin ratio, where the ratio is
 * (price − variable cost) ÷ price as a fraction.
 */
export function breakEvenRevenue(fixedCosts: number, marginRatio: number): number {
  return divide(fixedCosts, marginRatio, "margin_ratio");
}
