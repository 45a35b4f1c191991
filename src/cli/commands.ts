/** One handler per `spm` command. Each returns the process exit code. */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  EngineOptions,
  SpreadsheetEngine,
  isEngineError,
  loadCatalogFromSource,
} from "../headless/engine";
import { parseCsv } from "./csv";
import { UsageError } from "./errors";
import { formatJson, formatTable, formatValue } from "./format";
import { recalculateWorkbook } from "./recalculate";
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
  if (path.resolve(options.input) === path.resolve(options.output)) {
    throw new UsageError(
      "The output file must differ from the input file, which is kept unchanged.",
    );
  }
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

/** Reads a CSV or .xlsx data file into sheet rows. */
async function readDataFile(file: string): Promise<unknown[][]> {
  requireFile(file, "data file");
  const extension = path.extname(file).toLowerCase();
  if (extension === ".csv") {
    return parseCsv(fs.readFileSync(file, "utf8"));
  }
  if (extension === ".xlsx") {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const first = workbook.worksheets[0];
    return first === undefined ? [] : readSheetContent(first).rows;
  }
  throw new UsageError(`The data file must be a .csv or .xlsx file: ${file}.`);
}

function requireFile(file: string, description: string): void {
  if (!fs.existsSync(file)) {
    throw new UsageError(`The ${description} does not exist: ${file}.`);
  }
}
