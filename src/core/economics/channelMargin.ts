/**
 * Contribution margin of sales channels: revenue − cost of goods − channel costs (discounts,
 * rebates, listing fees, logistics), one row per channel.
 */
import { sum } from "./division";

/** Contribution of one channel. */
export interface ChannelContribution {
  /** Sum of the channel's cost columns. */
  channelCosts: number;
  /** Revenue − cost of goods − channel costs. */
  contributionMargin: number;
  /** Contribution margin ÷ revenue as a fraction, or null when revenue is 0. */
  marginRatio: number | null;
}

/** Computes the contribution of each channel; `channelCosts[i]` are channel i's cost columns. */
export function channelContributions(
  revenue: readonly number[],
  costOfGoods: readonly number[],
  channelCosts: readonly (readonly number[])[],
): ChannelContribution[] {
  return revenue.map((channelRevenue, i) => {
    const costs = sum(channelCosts[i]);
    const contributionMargin = channelRevenue - costOfGoods[i] - costs;
    return {
      channelCosts: costs,
      contributionMargin,
      marginRatio: channelRevenue === 0 ? null : contributionMargin / channelRevenue,
    };
  });
}
