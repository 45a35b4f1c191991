/**
 * Sales cycle length: days from the created date to the close date of each closed deal, dates as
 * Excel serial numbers. Open deals (no close date) are left out.
 */
import { InvalidInputError } from "../errors";
import { DivisionByZeroError } from "../economics/division";

/**
 * The median of no values (#NUM! in the cell, as Excel's MEDIAN gives when it finds no
 * numbers).
 */
export class EmptyMedianError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmptyMedianError";
  }
}

/** Statistic of the cycle lengths. */
export type CycleStatistic = "mean" | "median";

/** Returns the cycle length in days of each closed deal, checking the dates of every deal. */
export function cycleLengths(
  created: readonly (number | null)[],
  closed: readonly (number | null)[],
): number[] {
  const days: number[] = [];
  closed.forEach((closeDate, i) => {
    if (closeDate === null) {
      return;
    }
    const createdDate = created[i];
    if (createdDate === null) {
      throw new InvalidInputError(
        `created: cell ${i + 1} is blank but the deal has a close date; enter the date the ` +
          "deal was created.",
      );
    }
    if (closeDate < createdDate) {
      throw new InvalidInputError(
        `closed: cell ${i + 1} (serial ${closeDate}) is before created (serial ` +
          `${createdDate}); a deal closes on or after the day it is created, so check both dates.`,
      );
    }
    days.push(closeDate - createdDate);
  });
  return days;
}

/** Returns the median of `values`, the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Computes the mean or median sales cycle length in days over the closed deals. With no closed
 * deal the mean raises `DivisionByZeroError`, as Excel's AVERAGE shows #DIV/0!, and the median
 * raises `EmptyMedianError`, as Excel's MEDIAN shows #NUM!.
 */
export function salesCycleLength(
  created: readonly (number | null)[],
  closed: readonly (number | null)[],
  statistic: CycleStatistic,
): number {
  const days = cycleLengths(created, closed);
  if (days.length === 0) {
    const message = "closed has no close dates, so there is no closed deal.";
    throw statistic === "median" ? new EmptyMedianError(message) : new DivisionByZeroError(message);
  }
  if (statistic === "median") {
    return median(days);
  }
  return days.reduce((total, value) => total + value, 0) / days.length;
}
