/** Revenue targets summed per year and per quarter, for the KPI dashboard. */
import { Target, TargetSubjectType } from "../../model";

/** Period granularities from coarsest to finest that a yearly total can be summed from. */
const YEAR_PARTS: readonly RegExp[] = [
  /^(\d{4})$/,
  /^(\d{4})-H[12]$/,
  /^(\d{4})-Q[1-4]$/,
  /^(\d{4})-(0[1-9]|1[0-2])$/,
];

/**
 * Sums the revenue target of one subject for `year` from the coarsest granularity it has, so a
 * year target and its quarter targets are not counted twice. Returns undefined without any.
 * NOTE: week targets (2025-W09) are not summed, since weeks do not divide a year evenly.
 */
export function annualRevenueTarget(
  targets: readonly Target[],
  subjectId: string,
  year: number,
): number | undefined {
  const own = targets.filter(
    (target) => target.subjectId === subjectId && target.metric === "revenue",
  );
  for (const pattern of YEAR_PARTS) {
    const matching = own.filter((target) => {
      const match = pattern.exec(target.period);
      return match !== null && Number(match[1]) === year;
    });
    if (matching.length > 0) {
      return matching.reduce((total, target) => total + target.value, 0);
    }
  }
  return undefined;
}

/** Quarter (1 to 4) of a quarter or month period of `year`, or undefined for other periods. */
function quarterOf(period: string, year: number): number | undefined {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter !== null) {
    return Number(quarter[1]) === year ? Number(quarter[2]) : undefined;
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month !== null && Number(month[1]) === year) {
    return Math.floor((Number(month[2]) - 1) / 3) + 1;
  }
  return undefined;
}

/**
 * Sums the revenue targets of one subject type per quarter of `year`, from quarter targets and
 * month targets. Year and half-year targets are not split into quarters.
 */
export function quarterlyRevenueTargets(
  targets: readonly Target[],
  subjectType: TargetSubjectType,
  year: number,
): number[] {
  const totals = [0, 0, 0, 0];
  for (const target of targets) {
    if (target.subjectType !== subjectType || target.metric !== "revenue") {
      continue;
    }
    const quarter = quarterOf(target.period, year);
    if (quarter !== undefined) {
      totals[quarter - 1] += target.value;
    }
  }
  return totals;
}
