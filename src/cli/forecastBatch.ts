/** Batch forecasting for `spm forecast`: one forecast per series row, written as CSV. */
import { isDomainError } from "../core/errors";
import { MethodForecast, runForecastMethod } from "../core/forecast/methods";
import { formatCsvField, neutraliseFormula } from "../workbook/csv";
import { OutputStream, ProgressBar } from "./progressBar";
import { InvalidSeriesRow, isInvalidRow, SeriesRow, SeriesTable } from "./seriesCsv";

/** Method and settings applied to every series of a batch. */
export interface BatchSettings {
  method: string;
  horizon: number;
  seasonLength?: number;
  /** Prediction interval coverage in percent. Lower and upper columns are written when set. */
  level?: number;
}

/** Output of a batch: the CSV lines and how many series were forecast or skipped. */
export interface BatchResult {
  /** Header and data lines, without line breaks. `csvChunks` joins them for writing. */
  lines: string[];
  forecastCount: number;
  skippedCount: number;
}

/** Forecast of one series, or why the method could not forecast it. */
export type RowOutcome = MethodForecast | { problem: string };

/** Series a worker thread forecasts: those from position `start` of the batch's valid series. */
export interface ChunkRequest {
  start: number;
  series: number[][];
  settings: BatchSettings;
}

/** Outcomes of a chunk, in the order of its series. */
export interface ChunkResult {
  start: number;
  outcomes: RowOutcome[];
}

/**
 * Forecasts all valid series of a batch and calls `onOutcome` with each one's position among
 * them and its outcome. The in-process forecaster goes in order, the worker threads in chunks.
 */
export type BatchForecaster = (
  series: readonly number[][],
  settings: BatchSettings,
  onOutcome: (index: number, outcome: RowOutcome) => void,
) => Promise<void>;

/** Forecasts the series one after the other in this thread. */
export const forecastInProcess: BatchForecaster = async (series, settings, onOutcome) => {
  series.forEach((values, index) => onOutcome(index, forecastRow(values, settings)));
};

/**
 * Forecasts every series of the table with the same method. A row that is invalid or that the
 * method rejects is reported on `messages` with its id and line and left out of the CSV. The
 * reports and the CSV rows follow the order of the input, whatever order `forecaster` works in.
 */
export async function forecastBatch(
  table: SeriesTable,
  settings: BatchSettings,
  messages: OutputStream,
  forecaster: BatchForecaster = forecastInProcess,
): Promise<BatchResult> {
  const progress = new ProgressBar(messages, table.rows.length, `Forecasting (${settings.method})`);
  const validRows = table.rows.filter((row) => !isInvalidRow(row)) as SeriesRow[];
  const outcomes = new Map<SeriesRow | InvalidSeriesRow, RowOutcome>();
  for (const row of table.rows) {
    if (isInvalidRow(row)) {
      outcomes.set(row, { problem: row.problem });
      progress.advance();
    }
  }
  await forecaster(
    validRows.map((row) => row.values),
    settings,
    (index, outcome) => {
      outcomes.set(validRows[index], outcome);
      progress.advance();
    },
  );

  const lines = [headerLine(table.idHeader, settings)];
  let skippedCount = 0;
  let missingIntervals = false;
  // Lines of the rows written so far, by id, to warn when an id is written twice.
  const writtenLines = new Map<string, number>();
  for (const row of table.rows) {
    const outcome = outcomes.get(row) as RowOutcome;
    if ("problem" in outcome) {
      skippedCount += 1;
      progress.writeLine(
        printable(
          `Skipped series ${row.id || "(blank id)"} on line ${row.line}: ${outcome.problem}`,
        ),
      );
      continue;
    }
    const firstLine = writtenLines.get(row.id);
    if (firstLine === undefined) {
      writtenLines.set(row.id, row.line);
    } else {
      progress.writeLine(
        printable(
          `Warning: series ${row.id} on line ${row.line} has the id of line ${firstLine}, so ` +
            "the output has two rows with that id. Give each series its own id.",
        ),
      );
    }
    missingIntervals ||= settings.level !== undefined && outcome.lower === undefined;
    lines.push(dataLine(row.id, settings, outcome));
  }
  progress.finish();

  if (missingIntervals) {
    messages.write(
      `Warning: the ${settings.method} method gives no prediction intervals, so the lower and ` +
        "upper columns of its rows are blank.\n",
    );
  }
  return {
    lines,
    forecastCount: table.rows.length - skippedCount,
    skippedCount,
  };
}

/**
 * Replaces control characters with \u escapes, so an id or a cell from the file cannot move the
 * cursor, clear the screen or retitle the terminal when a message shows it.
 */
function printable(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point.
    /[\u0000-\u001f\u007f-\u009f]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Lines joined into one chunk: enough to keep writes few, far below the largest string. */
const LINES_PER_CHUNK = 1_000;

/**
 * Yields the CSV text of `lines` in chunks of whole lines, each line ended by "\n". A batch of
 * long horizons can exceed the longest string JavaScript allows, so the lines are never joined
 * into one.
 */
export function* csvChunks(lines: readonly string[]): IterableIterator<string> {
  for (let start = 0; start < lines.length; start += LINES_PER_CHUNK) {
    yield lines.slice(start, start + LINES_PER_CHUNK).join("\n") + "\n";
  }
}

/** Forecasts one series, or returns why the method could not. */
export function forecastRow(values: number[], settings: BatchSettings): RowOutcome {
  try {
    return runForecastMethod(settings.method, values, settings.horizon, {
      seasonLength: settings.seasonLength,
      level: settings.level,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      problem: isDomainError(error) ? message : `the method failed unexpectedly: ${message}`,
    };
  }
}

/** Formats the header: id column, method, h1 … hH, then lowerL_h1 … upperL_hH with level L. */
function headerLine(idHeader: string, settings: BatchSettings): string {
  const steps = Array.from({ length: settings.horizon }, (_, i) => `h${i + 1}`);
  const columns = [idHeader, "method", ...steps];
  if (settings.level !== undefined) {
    columns.push(...steps.map((step) => `lower${settings.level}_${step}`));
    columns.push(...steps.map((step) => `upper${settings.level}_${step}`));
  }
  return columns.map((column) => formatCsvField(neutraliseFormula(column))).join(",");
}

/**
 * Formats one output row, numbers in the shortest text that reads back to the same value. An id
 * that Excel would run as a formula when it opens the file, such as "=HYPERLINK(...)", gets an
 * apostrophe in front, so Excel shows it as text.
 */
function dataLine(id: string, settings: BatchSettings, forecast: MethodForecast): string {
  const cells = [
    formatCsvField(neutraliseFormula(id)),
    formatCsvField(settings.method),
    ...forecast.mean.map(String),
  ];
  if (settings.level !== undefined) {
    const blanks = new Array<string>(settings.horizon).fill("");
    cells.push(...(forecast.lower?.map(String) ?? blanks));
    cells.push(...(forecast.upper?.map(String) ?? blanks));
  }
  return cells.join(",");
}
