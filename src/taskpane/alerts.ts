/**
 * Alerts of the Overview page: what in the sales system needs attention today. Computed from a
 * snapshot of the records and today's date, so the rules are tested without a browser.
 */
import { OPEN_ACTION_STATUSES, SalesSystemSnapshot } from "../model";

/** Page an alert sends the user to. */
export type AlertPage = "targetGroups" | "channels" | "people" | "reviews";

/** One alert: a sentence saying what needs attention, and where to fix it. */
export interface PaneAlert {
  /** Stable key of the alert, e.g. `channel-no-forecast:<id>`. */
  key: string;
  intent: "warning" | "info";
  message: string;
  page: AlertPage;
}

/** The sales system is reviewed once a year; a longer gap is flagged. */
export const REVIEW_INTERVAL_MONTHS = 12;

/** Days from Monday to Sunday of an ISO 8601 week. */
const DAYS_PER_WEEK = 7;

/** Stimulation action statuses of an action not yet finished. */
const UNFINISHED_ACTION_STATUSES = ["planned", "running"];

/** Formats a date as YYYY-MM-DD in UTC, the format the records store. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Returns the Sunday ending the ISO week (Monday to Sunday) of `today`, as YYYY-MM-DD. */
export function endOfWeek(today: Date): string {
  // getUTCDay counts Sunday as 0, so Monday is 1 and Sunday is 7 in ISO numbering.
  const weekday = today.getUTCDay() === 0 ? DAYS_PER_WEEK : today.getUTCDay();
  const sunday = new Date(today.getTime());
  sunday.setUTCDate(today.getUTCDate() + (DAYS_PER_WEEK - weekday));
  return isoDay(sunday);
}

/** Counts the whole calendar months from `from` to `to` (YYYY-MM-DD), 0 when `to` is earlier. */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth, fromDay] = from.split("-").map(Number);
  const [toYear, toMonth, toDay] = to.split("-").map(Number);
  const months = (toYear - fromYear) * 12 + (toMonth - fromMonth) - (toDay < fromDay ? 1 : 0);
  return Math.max(0, months);
}

/** Writes "1 stimulation action" or "3 stimulation actions". */
function countOf(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** Flags a missing annual review, or none for more than a year. */
function reviewAlerts(snapshot: SalesSystemSnapshot, today: string): PaneAlert[] {
  const finals = snapshot.review.filter((review) => review.status === "final");
  if (finals.length === 0) {
    const draft = snapshot.review.length > 0;
    return [
      {
        key: "review-none",
        intent: "warning",
        message: draft
          ? "No annual review is final yet; complete the draft and finalise it."
          : "No annual review has been held yet; start one on the Reviews page.",
        page: "reviews",
      },
    ];
  }

  // A review without a date counts from the end of its year.
  const lastDate = finals
    .map((review) => review.date ?? `${review.year}-12-31`)
    .reduce((latest, date) => (date > latest ? date : latest));
  const months = wholeMonthsBetween(lastDate, today);
  if (months < REVIEW_INTERVAL_MONTHS) {
    return [];
  }
  return [
    {
      key: "review-overdue",
      intent: "warning",
      message: `No annual review for ${months} months; start this year's review.`,
      page: "reviews",
    },
  ];
}

/** Flags stimulation actions ending this week or running past their end date. */
function stimulationAlerts(snapshot: SalesSystemSnapshot, today: string): PaneAlert[] {
  const sunday = endOfWeek(new Date(`${today}T00:00:00Z`));
  const unfinished = snapshot.stimulationAction.filter(
    (action) => UNFINISHED_ACTION_STATUSES.includes(action.status) && action.endDate !== undefined,
  );
  const endingThisWeek = unfinished.filter(
    (action) => (action.endDate as string) >= today && (action.endDate as string) <= sunday,
  );
  const pastEnd = unfinished.filter((action) => (action.endDate as string) < today);

  const alerts: PaneAlert[] = [];
  if (endingThisWeek.length > 0) {
    const actions = countOf(endingThisWeek.length, "stimulation action", "stimulation actions");
    const verb = endingThisWeek.length === 1 ? "ends" : "end";
    alerts.push({
      key: "stimulation-ending",
      intent: "info",
      message: `${actions} ${verb} this week; plan how to measure their uplift.`,
      page: "channels",
    });
  }
  if (pastEnd.length > 0) {
    const actions = countOf(pastEnd.length, "stimulation action", "stimulation actions");
    const verb = pastEnd.length === 1 ? "is" : "are";
    alerts.push({
      key: "stimulation-past-end",
      intent: "warning",
      message: `${actions} ${verb} past the end date but not done; update the status.`,
      page: "channels",
    });
  }
  return alerts;
}

/** Flags each channel that has no forecast method or no sales history source. */
function channelAlerts(snapshot: SalesSystemSnapshot): PaneAlert[] {
  return snapshot.channel
    .filter((channel) => channel.forecastMethod === undefined || channel.salesHistorySource === "")
    .map((channel) => ({
      key: `channel-no-forecast:${channel.id}`,
      intent: "warning" as const,
      message:
        channel.forecastMethod === undefined
          ? `Channel ${channel.name} has no forecast; choose a forecast method.`
          : `Channel ${channel.name} has no forecast; enter its sales history source.`,
      page: "channels" as const,
    }));
}

/** Flags adjustment actions of any review that are past their due date and still open. */
function adjustmentAlerts(snapshot: SalesSystemSnapshot, today: string): PaneAlert[] {
  const overdue = snapshot.review.flatMap((review) =>
    review.actions.filter(
      (action) =>
        OPEN_ACTION_STATUSES.includes(action.status) &&
        action.dueDate !== undefined &&
        action.dueDate < today,
    ),
  );
  if (overdue.length === 0) {
    return [];
  }
  const actions = countOf(overdue.length, "adjustment action", "adjustment actions");
  return [
    {
      key: "adjustment-overdue",
      intent: "warning",
      message: `${actions} from reviews ${overdue.length === 1 ? "is" : "are"} past due; follow up with the owners.`,
      page: "reviews",
    },
  ];
}

/** Computes every alert of `snapshot` on `today`, reviews first. */
export function computeAlerts(snapshot: SalesSystemSnapshot, today: Date): PaneAlert[] {
  const day = isoDay(today);
  return [
    ...reviewAlerts(snapshot, day),
    ...adjustmentAlerts(snapshot, day),
    ...stimulationAlerts(snapshot, day),
    ...channelAlerts(snapshot),
  ];
}
