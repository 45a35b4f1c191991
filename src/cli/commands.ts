/** One handler per `spm` command. Each returns the process exit code. */
import * as path from "path";
import { countOf } from "../core/forecast/validation";
import {
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  EngineOptions,
  SpreadsheetEngine,
  isEngineError,
  loadCatalogFromSource,
} from "../headless/engine";
import { parseCsv } from "./csv";
import { UsageError } from "./errors";
import {
  readTextFile,
  readWorkbookFile,
  requireFile,
  requireDistinctOutput,
  requireOutputPath,
  writeTextFile,
} from "./files";
import {
  BatchForecaster,
  BatchSettings,
  csvChunks,
  forecastBatch,
  forecastInProcess,
} from "./forecastBatch";
import { forecastInWorkers, workerScript } from "./forecastWorkers";
import { formatJson, formatTable, formatValue } from "./format";
import { OutputStream } from "./progressBar";
import { recalculateWorkbook } from "./recalculate";
import { isInvalidRow, SeriesLayout, readSeriesTable } from "./seriesCsv";
import { readSheetContent } from "./workbookCells";

/** Options of `spm eval`. */
export interface EvalOptions {
  formula: string;
  dataFile?: string;
  json: boolean;
  engine: EngineOptions;
}

/** Options of `spm calc`. */
export interface CalcOptions {
  input: string;
  output: string;
  engine: EngineOptions;
}

/** Options of `spm forecast`. */
export interface ForecastOptions {
  input: string;
  /** Output CSV file, or stdout when omitted. */
  output?: string;
  layout: SeriesLayout;
  settings: BatchSettings;
  /** Worker threads to forecast in; 1 forecasts in the main thread. */
  jobs: number;
}

/**
 * Minimum number of valid series for which worker threads start. Starting them costs about
 * 0.1 s: 300 Theta forecasts took 0.57 s in one thread and 0.69 s with two, one measurement.
 */
export const MIN_SERIES_FOR_WORKERS = 100;

/** Exit code of `spm forecast` when some rows were skipped and the others were written. */
export const SKIPPED_ROWS_EXIT_CODE = 3;

/** Name of the sheet `spm eval` loads the data file into. */
const DATA_SHEET = "Sheet1";

/**
 * Evaluates a formula, over the data file's first sheet when one is given, and prints the result.
 * An error result goes to stderr as "#CODE message" with exit code 1.
 */
export async function evalCommand(options: EvalOptions): Promise<number> {
  const rows = options.dataFile === undefined ? [] : await readDataFile(options.dataFile);
  const catalog = await loadCatalogFromSource();
  const engine = SpreadsheetEngine.create(catalog, { [DATA_SHEET]: rows }, options.engine);
  const result = engine.evaluate(options.formula);

  if (isEngineError(result)) {
    process.stderr.write(`${result.error} ${result.message}`.trim() + "\n");
    return 1;
  }
  if (options.json) {
    process.stdout.write(formatJson(result) + "\n");
  } else if (Array.isArray(result)) {
    process.stdout.write(formatTable(result) + "\n");
  } else {
    process.stdout.write(formatValue(result) + "\n");
  }
  return 0;
}

/** Recalculates a workbook into a new file and lists the formulas it could not evaluate. */
export async function calcCommand(options: CalcOptions): Promise<number> {
  requireFile(options.input, "input file");
  requireOutputPath(options.output);
  requireDistinctOutput(options.input, options.output);
  const catalog = await loadCatalogFromSource();
  const report = await recalculateWorkbook(options.input, options.output, catalog, options.engine);

  for (const warning of report.warnings) {
    process.stderr.write(
      `Warning: ${warning.address} keeps its stored value because ${warning.reason}: ${warning.formula}\n`,
    );
  }
  process.stdout.write(
    `Recalculated ${report.formulas} formulas in ${report.sheets} sheets; wrote ${options.output}.\n`,
  );
  return 0;
}

/**
 * Forecasts each series row of a CSV file with one method and writes the forecasts as CSV.
 * Invalid rows and rows the method rejects are reported on stderr and skipped, and the exit code
 * is then SKIPPED_ROWS_EXIT_CODE. When every row is skipped, nothing is written and it is 1.
 */
export async function forecastCommand(
  options: ForecastOptions,
  streams: { stdout: OutputStream; stderr: OutputStream } = process,
): Promise<number> {
  requireFile(options.input, "input file");
  if (options.output !== undefined) {
    requireOutputPath(options.output);
    requireDistinctOutput(options.input, options.output);
  }
  const table = readSeriesTable(readTextFile(options.input, "input file"), options.layout);
  if (table.rows.length === 0) {
    throw new UsageError(`The input file has a header row but no series rows: ${options.input}.`);
  }

  const result = await forecastBatch(
    table,
    options.settings,
    streams.stderr,
    chooseForecaster(options.jobs, table.rows.filter((row) => !isInvalidRow(row)).length),
  );
  if (result.forecastCount === 0) {
    streams.stderr.write(
      `Skipped all ${table.rows.length} series, so nothing was written. ` +
        "Fix the rows or options named above and run the command again.\n",
    );
    return 1;
  }
  if (options.output === undefined) {
    for (const chunk of csvChunks(result.lines)) {
      streams.stdout.write(chunk);
    }
  } else {
    writeTextFile(options.output, csvChunks(result.lines));
  }

  if (result.skippedCount > 0) {
    streams.stderr.write(
      `Skipped ${result.skippedCount} of ${table.rows.length} series; ` +
        `wrote the forecasts of the other ${result.forecastCount}.\n`,
    );
    return SKIPPED_ROWS_EXIT_CODE;
  }
  if (options.output !== undefined) {
    streams.stdout.write(`Forecast ${result.forecastCount} series; wrote ${options.output}.\n`);
  }
  return 0;
}

/**
 * Returns the worker threads' forecaster when more than one job is requested, the batch is large
 * enough and the compiled worker exists. Otherwise returns the in-process forecaster.
 */
function chooseForecaster(jobs: number, seriesCount: number): BatchForecaster {
  const script = workerScript();
  if (jobs <= 1 || seriesCount < MIN_SERIES_FOR_WORKERS || script === undefined) {
    return forecastInProcess;
  }
  return (series, settings, onOutcome) =>
    forecastInWorkers(script, series, settings, jobs, onOutcome);
}

/** Reads a CSV or .xlsx data file into sheet rows. */
async function readDataFile(file: string): Promise<unknown[][]> {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".csv") {
    return requireSheetSize(parseCsv(readTextFile(file, "data file")), file);
  }
  if (extension === ".xlsx") {
    const first = (await readWorkbookFile(file, "data file")).worksheets[0];
    return first === undefined ? [] : readSheetContent(first).rows;
  }
  requireFile(file, "data file");
  throw new UsageError(`The data file must be a .csv or .xlsx file: ${file}.`);
}

/** Checks that CSV data fits on one Excel sheet, as it must to open in Excel. */
function requireSheetSize(rows: unknown[][], file: string): unknown[][] {
  const columns = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  if (rows.length > EXCEL_MAX_ROWS || columns > EXCEL_MAX_COLUMNS) {
    throw new UsageError(
      `The data file has ${countOf(rows.length, "row")} of up to ${countOf(columns, "column")}, ` +
        `more than an Excel sheet (${EXCEL_MAX_ROWS} rows of ${EXCEL_MAX_COLUMNS} columns): ` +
        `${file}. Split it into smaller files.`,
    );
  }
  return rows;
}
