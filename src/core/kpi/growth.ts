/** Growth rates: period over period, year over year and compound annual growth (CAGR). */
import { InvalidInputError } from "../errors";

/**
 * Computes the growth of each value over the value `lag` periods earlier: (current − earlier) ÷
 * |earlier|, which equals current ÷ earlier − 1 for an earlier value above 0 and keeps the sign
 * of the change when the earlier value is negative, such as a loss. The first `lag` periods and
 * periods whose earlier value is 0 have no growth (null).
 */
export function periodGrowth(values: readonly number[], lag: number): (number | null)[] {
  const rates = new Array<number | null>(values.length);
  for (let t = 0; t < values.length; t++) {
    rates[t] = growthAt(values, t, lag);
  }
  return rates;
}

/**
 * Computes the growth of period `t` over the value `lag` periods earlier, as `periodGrowth` does
 * for every period, without building the array of all rates.
 */
export function growthAt(values: readonly number[], t: number, lag: number): number | null {
  const earlier = t < lag ? 0 : values[t - lag];
  return earlier === 0 ? null : (values[t] - earlier) / Math.abs(earlier);
}

/**
 * Computes the compound annual growth rate: (end ÷ begin)^(1 ÷ years) − 1, as Excel's RRI(years,
 * begin, end).
 */
export function compoundAnnualGrowth(begin: number, end: number, years: number): number {
  if (!(begin > 0)) {
    throw new InvalidInputError(`begin_value is ${begin}; CAGR needs a starting value above 0.`);
  }
  if (end < 0) {
    throw new InvalidInputError(`end_value is ${end}; CAGR needs an ending value of 0 or more.`);
  }
  return Math.pow(end / begin, 1 / years) - 1;
}
