/**
 * The workbook actions of the task pane: build a forecast sheet, a KPI dashboard or a review
 * report from the stored records. One implementation runs over the `SheetWriter` port, whose
 * adapters write to Excel (Office.js) or to the headless engine of the standalone host.
 */
import { AnyRecord, Channel, describeRecord, ForecastMethod, RECORD_LABELS } from "../../model";
import { SalesSystemStore } from "../store";
import { ActionResult, ProgressListener, writeBuiltSheet } from "./builtSheet";
import { WorkbookActionError } from "./errors";
import {
  checkForecastOptions,
  chooseHoldout,
  ForecastSheetOptions,
  forecastSheetContent,
  ForecastSubject,
} from "./forecastSheet";
import { ChannelActual, readChannelActuals } from "./channelActuals";
import { readHistory } from "./history";
import { kpiDashboardContent } from "./kpiDashboard";
import { reviewReportContent } from "./reviewReport";
import { SheetWriter } from "./sheetWriter";

/** Months in a year: the season length of monthly sales. */
const MONTHS_PER_YEAR = 12;

export type { ActionProgress, ActionResult, ProgressListener } from "./builtSheet";
export type { ChannelActual } from "./channelActuals";
export type { ForecastSheetOptions, ForecastSubject } from "./forecastSheet";

/** Sheets the task pane builds in the workbook. Each re-run updates its sheet in place. */
export interface WorkbookActions {
  /**
   * Builds or updates the forecast sheet of a channel or target group.
   *
   * @throws WorkbookActionError when the record, its history or an option is unusable.
   */
  buildForecastSheet(
    subject: ForecastSubject,
    options: ForecastSheetOptions,
    onProgress?: ProgressListener,
  ): Promise<ActionResult>;

  /** Builds or updates the KPI dashboard of the channels, targets and stimulation actions. */
  buildKpiDashboard(onProgress?: ProgressListener): Promise<ActionResult>;

  /**
   * Builds or updates the report of the review of `year`, with the score trend of all years.
   *
   * @throws WorkbookActionError when no review of that year exists.
   */
  buildReviewReport(year: number, onProgress?: ProgressListener): Promise<ActionResult>;

  /**
   * Reads each channel's actual sales of `year` from its monthly sales history in the
   * workbook, or the reason they cannot be read.
   */
  readChannelActuals(year: number): Promise<ChannelActual[]>;
}

/**
 * Returns the history source, forecast method and first month a channel stores. A target group
 * stores none of them.
 */
function channelDefaults(
  type: ForecastSubject["type"],
  record: AnyRecord,
): { historySource?: string; method?: ForecastMethod; firstMonth?: string } {
  if (type !== "channel") {
    return {};
  }
  const channel = record as Channel;
  return {
    historySource: channel.salesHistorySource,
    method: channel.forecastMethod,
    firstMonth: channel.salesHistoryStart === "" ? undefined : channel.salesHistoryStart,
  };
}

/**
 * Returns the season length of a sheet whose user left it blank: 12 for a channel whose history
 * is monthly (its first month is set) and covers two full years, as the seasonal methods need.
 * Otherwise the sheet detects it from the history with SPM.FORECAST.SEASONALITY, which can find
 * a shorter cycle, such as a quarter, that forecasts a year ahead less well.
 */
function defaultSeasonLength(monthly: boolean, historyLength: number): number | undefined {
  return monthly && historyLength >= 2 * MONTHS_PER_YEAR ? MONTHS_PER_YEAR : undefined;
}

/** Options of `SheetWorkbookActions`. */
export interface SheetWorkbookActionsOptions {
  /** Source of the build time written on each sheet; the system clock by default. */
  now?: () => Date;
}

/**
 * The workbook actions over a sheet writer. Runs are queued, so two clicks never interleave
 * their writes on one sheet.
 */
export class SheetWorkbookActions implements WorkbookActions {
  private readonly store: SalesSystemStore;
  private readonly writer: SheetWriter;
  private readonly now: () => Date;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    store: SalesSystemStore,
    writer: SheetWriter,
    options: SheetWorkbookActionsOptions = {},
  ) {
    this.store = store;
    this.writer = writer;
    this.now = options.now ?? (() => new Date());
  }

  buildForecastSheet(
    subject: ForecastSubject,
    options: ForecastSheetOptions,
    onProgress?: ProgressListener,
  ): Promise<ActionResult> {
    return this.enqueue(async () => {
      checkForecastOptions(options);
      const record = await this.store.get(subject.type, subject.id);
      if (record === undefined) {
        throw new WorkbookActionError(
          `The ${RECORD_LABELS[subject.type]} no longer exists; another user may have deleted ` +
            "it. Choose another one.",
        );
      }
      const defaults = channelDefaults(subject.type, record);
      const historySource = (options.historySource ?? defaults.historySource ?? "").trim();
      if (historySource === "") {
        throw new WorkbookActionError(
          `${describeRecord(subject.type, record)} has no sales history source; enter the ` +
            "range of its sales, such as Sales!B2:B49.",
        );
      }
      const method = options.method ?? defaults.method;
      if (method === undefined) {
        throw new WorkbookActionError("No forecast method is chosen; choose one and run again.");
      }

      const history = await readHistory(this.writer, historySource);
      // The channel's first month dates its own range only, not another range typed for this run.
      const firstMonth =
        historySource === defaults.historySource?.trim() ? defaults.firstMonth : undefined;
      const content = forecastSheetContent({
        subject,
        subjectLabel: describeRecord(subject.type, record),
        subjectName: (record as { name: string }).name,
        method,
        horizon: options.horizon,
        seasonLength:
          options.seasonLength ?? defaultSeasonLength(firstMonth !== undefined, history.length),
        holdout: chooseHoldout(history.length, options.horizon, options.holdout),
        historySource,
        history,
        firstMonth,
      });
      return writeBuiltSheet(this.writer, content, onProgress, this.now);
    });
  }

  buildKpiDashboard(onProgress?: ProgressListener): Promise<ActionResult> {
    return this.enqueue(async () => {
      const snapshot = await this.store.load();
      const content = kpiDashboardContent(snapshot, this.now());
      return writeBuiltSheet(this.writer, content, onProgress, this.now);
    });
  }

  buildReviewReport(year: number, onProgress?: ProgressListener): Promise<ActionResult> {
    return this.enqueue(async () => {
      const reviews = await this.store.list("review");
      const review = reviews.find((candidate) => candidate.year === year);
      if (review === undefined) {
        throw new WorkbookActionError(
          `No review of ${year} exists; start the ${year} review on the Reviews page first.`,
        );
      }
      const content = reviewReportContent(review, reviews);
      return writeBuiltSheet(this.writer, content, onProgress, this.now);
    });
  }

  readChannelActuals(year: number): Promise<ChannelActual[]> {
    return this.enqueue(async () => {
      const channels = await this.store.list("channel");
      return readChannelActuals(this.writer, channels, year);
    });
  }

  /** Runs `task` after every earlier run has settled, whether it succeeded or failed. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
