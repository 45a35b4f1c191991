/**
 * The SPM.COMMISSION custom functions: incentive pay from credited sales, quota and a tiered
 * rate table, as one payout (SPM.COMMISSION) or line by line (SPM.COMMISSION.DETAIL).
 *
 * Attainment thresholds, rates and the minimum attainment are fractions, as Excel stores
 * percentages: 50% or 0.5; text such as "50%" is read too.
 */
import {
  CommissionInput,
  CommissionMethod,
  CommissionResult,
  computeCommission,
} from "../core/commission/commission";
import { RateTier } from "../core/commission/rateTable";
import {
  PercentRange,
  TextChoice,
  readNumber,
  readNumberTable,
  readOptionalChoice,
  readOptionalNumber,
  readOptionalPercent,
} from "./arguments";
import { toExcelError } from "./errors";
import { ResultCell, toNumber, toTable } from "./results";

/** Spellings of the method argument. */
const METHOD_CHOICES: readonly TextChoice<CommissionMethod>[] = [
  { value: "marginal", aliases: ["tiered", "step"] },
  { value: "retroactive", aliases: ["retro", "flat"] },
];

/** Columns of the rate table: threshold and rate, then an optional bonus. */
const RATE_TABLE_COLUMNS = Object.freeze({ min: 2, max: 3 });

/** Largest minimum attainment accepted, 1000 %, far above any real plan's gate. */
const MAX_MINIMUM_ATTAINMENT = 10;

const MINIMUM_ATTAINMENT_RANGE: Readonly<PercentRange> = Object.freeze({
  max: MAX_MINIMUM_ATTAINMENT,
});

/** Reads the arguments shared by SPM.COMMISSION and SPM.COMMISSION.DETAIL. */
function readCommissionInput(
  sales: unknown,
  quota: unknown,
  rateTable: unknown,
  method: unknown,
  minimumAttainment: unknown,
  cap: unknown,
  draw: unknown,
): CommissionInput {
  const rows = readNumberTable(rateTable, "rate_table", RATE_TABLE_COLUMNS);
  const tiers = new Array<RateTier>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    tiers[i] = { threshold: row[0] as number, rate: row[1] as number, bonus: row[2] ?? 0 };
  }
  return {
    sales: readNumber(sales, "sales"),
    quota: readNumber(quota, "quota"),
    tiers,
    method: readOptionalChoice(method, "method", METHOD_CHOICES, "marginal"),
    minimumAttainment: readOptionalPercent(
      minimumAttainment,
      "minimum_attainment",
      null,
      MINIMUM_ATTAINMENT_RANGE,
    ),
    cap: readOptionalNumber(cap, "cap", null),
    draw: readOptionalNumber(draw, "draw", 0),
  };
}

/**
 * Computes the commission payout from credited sales, quota and a tiered rate table.
 * @customfunction COMMISSION
 * @param sales Credited sales of the period in currency, 0 or more.
 * @param quota Quota of the period in currency, above 0.
 * @param rate_table Tiers, one row each, lowest first: attainment where the tier starts (0%, 50%, 100%, ...), commission rate (5% or 0.05), and optionally a fixed bonus in currency paid once the tier is reached. Sales below the first threshold earn nothing.
 * @param [method] Optional. "marginal": each tier's rate applies to the sales inside its band, and every tier reached pays its bonus. "retroactive": the rate of the highest tier reached applies to all sales, with that tier's bonus only. Omit it for marginal.
 * @param [minimum_attainment] Optional. Attainment below which nothing is paid, such as 50%. Omit it for none.
 * @param [cap] Optional. Largest amount earned before the draw, in currency. Omit it for no cap.
 * @param [draw] Optional. Amount already paid as a draw, subtracted from the payout. Omit it for 0.
 * @returns The payout in currency: commission and bonuses, set to 0 below minimum_attainment, limited to cap, minus draw. It is negative when the draw exceeds the amount earned.
 * @example =SPM.COMMISSION(140000, 100000, E2:F4, "marginal")
 * @errors #VALUE! when a value is not a number, quota is 0 or less, sales, cap or draw is negative, the rate table is not ascending, a rate is outside 0% to 100%, or method is unknown.
 */
export function commission(
  sales: number,
  quota: number,
  rate_table: any[][],
  method?: string,
  minimum_attainment?: any,
  cap?: number,
  draw?: number,
): number {
  try {
    const input = readCommissionInput(
      sales,
      quota,
      rate_table,
      method,
      minimum_attainment,
      cap,
      draw,
    );
    return toNumber(computeCommission(input).payout, "the commission");
  } catch (error) {
    throw toExcelError("COMMISSION", error);
  }
}

/** Column headings of SPM.COMMISSION.DETAIL. */
const DETAIL_HEADINGS = ["Band", "From", "To", "Sales in band", "Rate", "Amount", "Bonus"];

/** Builds a summary row of the detail table: a label and an amount. */
function summaryRow(label: string, amount: number): ResultCell[] {
  return [label, "", "", "", "", amount, ""];
}

/** Lays out a commission result as the rows of SPM.COMMISSION.DETAIL. */
function detailRows(result: CommissionResult): ResultCell[][] {
  const tierRows = result.lines.map((line, i): ResultCell[] => [
    `Tier ${i + 1}`,
    line.from,
    line.to ?? "",
    line.salesInBand,
    line.rate,
    line.commission,
    line.bonus,
  ]);
  return [
    DETAIL_HEADINGS,
    ...tierRows,
    summaryRow("Below minimum attainment", result.minimumAttainmentAdjustment),
    summaryRow("Cap", result.capAdjustment),
    summaryRow("Draw", result.drawAdjustment),
    summaryRow("Payout", result.payout),
  ];
}

/**
 * Shows the commission payout line by line: each tier's band, the sales in it, its rate and amount, then the adjustments.
 * @customfunction COMMISSION.DETAIL
 * @param sales Credited sales of the period in currency, 0 or more.
 * @param quota Quota of the period in currency, above 0.
 * @param rate_table Tiers, one row each, lowest first: attainment where the tier starts (0%, 50%, 100%, ...), commission rate (5% or 0.05), and optionally a fixed bonus in currency paid once the tier is reached. Sales below the first threshold earn nothing.
 * @param [method] Optional. "marginal": each tier's rate applies to the sales inside its band, and every tier reached pays its bonus. "retroactive": the rate of the highest tier reached applies to all sales, with that tier's bonus only. Omit it for marginal.
 * @param [minimum_attainment] Optional. Attainment below which nothing is paid, such as 50%. Omit it for none.
 * @param [cap] Optional. Largest amount earned before the draw, in currency. Omit it for no cap.
 * @param [draw] Optional. Amount already paid as a draw, subtracted from the payout. Omit it for 0.
 * @returns A table of seven columns with a heading row: Band, From and To (the band in sales, To "" for the top tier), Sales in band, Rate, Amount (sales in band × rate) and Bonus, one row per tier. Then come the rows "Below minimum attainment", "Cap" and "Draw" with their adjustment (0 or less) in the Amount column. The last row, "Payout", is the sum of all amounts and bonuses above it.
 * @example =SPM.COMMISSION.DETAIL(140000, 100000, E2:F4)
 * @errors #VALUE! when a value is not a number, quota is 0 or less, sales, cap or draw is negative, the rate table is not ascending, a rate is outside 0% to 100%, or method is unknown.
 */
export function commissionDetail(
  sales: number,
  quota: number,
  rate_table: any[][],
  method?: string,
  minimum_attainment?: any,
  cap?: number,
  draw?: number,
): any[][] {
  try {
    const input = readCommissionInput(
      sales,
      quota,
      rate_table,
      method,
      minimum_attainment,
      cap,
      draw,
    );
    return toTable(detailRows(computeCommission(input)), "the commission detail");
  } catch (error) {
    throw toExcelError("COMMISSION.DETAIL", error);
  }
}
