/**
 * Commission of a salesperson from credited sales, quota and a tiered rate table.
 *
 * Marginal plans pay each tier's rate on the sales inside its band, [threshold × quota, next
 * threshold × quota), and every tier reached adds its bonus. Retroactive plans pay the rate of
 * the highest tier reached on all sales, with that tier's bonus only. Then, in this order: below
 * the minimum attainment nothing is earned, the cap limits the earnings, and the draw already
 * paid is subtracted, which can leave a negative payout (a balance owed back).
 */
import { InvalidInputError } from "../errors";
import { RateTier, checkRateTable } from "./rateTable";

/** How the rate table applies to sales. */
export type CommissionMethod = "marginal" | "retroactive";

/** A commission plan and the sales it is applied to. */
export interface CommissionInput {
  sales: number;
  quota: number;
  tiers: readonly RateTier[];
  method: CommissionMethod;
  /** Attainment below which nothing is earned, as a fraction; null for none. */
  minimumAttainment: number | null;
  /** Largest earnings before the draw, in currency; null for no cap. */
  cap: number | null;
  /** Amount already paid as a draw, subtracted from the earnings. */
  draw: number;
}

/** One line of the payout: a tier's band and what it pays. */
export interface TierLine {
  /** Sales amount where the band starts: threshold × quota. */
  from: number;
  /** Sales amount where the band ends, or null for the top tier. */
  to: number | null;
  /** Sales credited to the band. */
  salesInBand: number;
  rate: number;
  /** Sales in band × rate. */
  commission: number;
  /** Fixed bonus paid for reaching the tier, 0 when not paid. */
  bonus: number;
}

/** The payout, line by line. */
export interface CommissionResult {
  /** Sales ÷ quota. */
  attainment: number;
  lines: TierLine[];
  /** Commission and bonuses of all lines. */
  earned: number;
  /** −earned when attainment is below the minimum, otherwise 0. */
  minimumAttainmentAdjustment: number;
  /** Reduction by the cap, 0 or less. */
  capAdjustment: number;
  /** −draw. */
  drawAdjustment: number;
  /** Earned after the minimum attainment, cap and draw. */
  payout: number;
}

/** Checks the scalar inputs of a plan. */
function checkPlan(input: CommissionInput): void {
  if (!(input.quota > 0)) {
    throw new InvalidInputError(
      `quota is ${input.quota}; give the salesperson's quota for the period, above 0.`,
    );
  }
  if (input.sales < 0) {
    throw new InvalidInputError(`sales is ${input.sales}; give the credited sales, 0 or more.`);
  }
  if (input.cap !== null && input.cap < 0) {
    throw new InvalidInputError(`cap is ${input.cap}; give the largest payout, 0 or more.`);
  }
  if (input.draw < 0) {
    throw new InvalidInputError(`draw is ${input.draw}; give the draw already paid, 0 or more.`);
  }
  checkRateTable(input.tiers);
}

/** Returns the sales amount where the band of tier `i` ends, or null for the top tier. */
function bandEnd(tiers: readonly RateTier[], i: number, quota: number): number | null {
  return i + 1 < tiers.length ? tiers[i + 1].threshold * quota : null;
}

/** Index of the highest tier whose threshold the attainment reaches, or -1 for none. */
function highestTierReached(tiers: readonly RateTier[], attainment: number): number {
  let reached = -1;
  for (let i = 0; i < tiers.length; i++) {
    if (attainment >= tiers[i].threshold) {
      reached = i;
    }
  }
  return reached;
}

/** Lines of a marginal plan: each tier's rate on the sales inside its band. */
function marginalLines(input: CommissionInput, reached: number): TierLine[] {
  const { tiers, quota, sales } = input;
  const lines = new Array<TierLine>(tiers.length);
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i];
    const from = tier.threshold * quota;
    const to = bandEnd(tiers, i, quota);
    const upper = to === null ? sales : Math.min(sales, to);
    const salesInBand = Math.max(0, upper - from);
    const bonus = i <= reached ? tier.bonus : 0;
    lines[i] = {
      from,
      to,
      salesInBand,
      rate: tier.rate,
      commission: salesInBand * tier.rate,
      bonus,
    };
  }
  return lines;
}

/** Lines of a retroactive plan: the highest tier reached pays its rate on all sales. */
function retroactiveLines(input: CommissionInput, reached: number): TierLine[] {
  const { tiers, quota, sales } = input;
  const lines = new Array<TierLine>(tiers.length);
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i];
    const salesInBand = i === reached ? sales : 0;
    lines[i] = {
      from: tier.threshold * quota,
      to: bandEnd(tiers, i, quota),
      salesInBand,
      rate: tier.rate,
      commission: salesInBand * tier.rate,
      bonus: i === reached ? tier.bonus : 0,
    };
  }
  return lines;
}

/** Returns the commission and bonuses of all lines, added in tier order. */
function totalEarned(lines: readonly TierLine[]): number {
  let total = 0;
  for (const line of lines) {
    total = total + line.commission + line.bonus;
  }
  return total;
}

/** Returns −x, with 0 for 0 rather than −0, which a test or a comparison would tell apart. */
function negate(x: number): number {
  return x === 0 ? 0 : -x;
}

/** Computes the commission payout of `input`, line by line. */
export function computeCommission(input: CommissionInput): CommissionResult {
  checkPlan(input);
  const attainment = input.sales / input.quota;
  const reached = highestTierReached(input.tiers, attainment);

  // Earnings per tier, by the plan's method.
  const lines =
    input.method === "marginal" ? marginalLines(input, reached) : retroactiveLines(input, reached);
  const earned = totalEarned(lines);

  // Minimum attainment, then the cap, then the draw.
  const belowMinimum = input.minimumAttainment !== null && attainment < input.minimumAttainment;
  const minimumAttainmentAdjustment = belowMinimum ? negate(earned) : 0;
  const afterMinimum = earned + minimumAttainmentAdjustment;
  const capAdjustment =
    input.cap !== null && afterMinimum > input.cap ? input.cap - afterMinimum : 0;
  const drawAdjustment = negate(input.draw);
  const payout = afterMinimum + capAdjustment + drawAdjustment;

  return {
    attainment,
    lines,
    earned,
    minimumAttainmentAdjustment,
    capAdjustment,
    drawAdjustment,
    payout,
  };
}
