/**
 * Actual sales of a year from a channel's monthly sales history: the values of the months of
 * that year, counted from the month of the history's first value.
 */
import { Channel } from "../../model";
import { WorkbookActionError } from "./errors";
import { readHistory } from "./history";
import { monthAfter } from "./months";
import { SheetWriter } from "./sheetWriter";

/** Actual sales of one channel in one year, or why they cannot be shown. */
export type ChannelActual =
  | { channelId: string; status: "found"; total: number; months: number; lastMonth: string }
  | { channelId: string; status: "none"; reason: string };

/**
 * Sums and counts the values of `year`'s months in a monthly history whose first value is of
 * month `start` (YYYY-MM). Returns undefined when no value falls in that year.
 */
export function yearTotal(
  history: readonly number[],
  start: string,
  year: number,
): { total: number; months: number; lastMonth: string } | undefined {
  let total = 0;
  let months = 0;
  let lastMonth = "";
  history.forEach((value, index) => {
    const month = monthAfter(start, index);
    if (month.startsWith(`${year}-`)) {
      total += value;
      months += 1;
      lastMonth = month;
    }
  });
  return months === 0 ? undefined : { total, months, lastMonth };
}

/**
 * Reads the actual sales of `year` of each channel from its sales history source. A channel
 * without a source or a first month, or whose source cannot be read, gets the reason instead.
 */
export async function readChannelActuals(
  writer: SheetWriter,
  channels: readonly Channel[],
  year: number,
): Promise<ChannelActual[]> {
  const actuals: ChannelActual[] = [];
  for (const channel of channels) {
    actuals.push(await readChannelActual(writer, channel, year));
  }
  return actuals;
}

async function readChannelActual(
  writer: SheetWriter,
  channel: Channel,
  year: number,
): Promise<ChannelActual> {
  const source = channel.salesHistorySource.trim();
  const none = (reason: string): ChannelActual => ({
    channelId: channel.id,
    status: "none",
    reason,
  });
  if (source === "") {
    return none("No sales history source; enter its range on the Channels page.");
  }
  if (channel.salesHistoryStart === "") {
    return none("No first month of the sales history; enter it on the Channels page.");
  }
  let history: number[];
  try {
    history = await readHistory(writer, source);
  } catch (error) {
    if (error instanceof WorkbookActionError) {
      return none(error.message);
    }
    return none(`The history source ${source} could not be read: ${String(error)}`);
  }
  const found = yearTotal(history, channel.salesHistoryStart, year);
  if (found === undefined) {
    return none(`The sales history has no month of ${year}.`);
  }
  return { channelId: channel.id, status: "found", ...found };
}
