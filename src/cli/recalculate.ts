/**
 * Recalculation of an .xlsx workbook: every formula, SPM functions included, evaluated by the
 * headless engine, with formulas and their new results written to a new file.
 */
import type { Cell, CellValue, Worksheet } from "exceljs";
import {
  EngineOptions,
  EngineValue,
  FunctionCatalog,
  SpreadsheetEngine,
  isEngineError,
} from "../headless/engine";
import { readWorkbookFile, writeWorkbookFile } from "./files";
import {
  FormulaCell,
  SheetContent,
  formatAddress,
  parseRange,
  plainCellValue,
  readSheetContent,
} from "./workbookCells";

/** A formula the engine could not evaluate, which keeps the value stored in the file. */
export interface CalcWarning {
  /** "Sheet!A1" */
  address: string;
  formula: string;
  reason: string;
}

/** Outcome of a recalculation. */
export interface CalcReport {
  sheets: number;
  formulas: number;
  warnings: CalcWarning[];
}

/**
 * Error codes an .xlsx file can store as a cell value (ExcelJS writes these, and Excel 365 adds
 * #SPILL! and #CALC!). A result with another code (#CYCLE!, #ERROR!, #LIC! from HyperFormula)
 * keeps the stored value instead, as does #NAME? (a name the engine lacks) and #SPILL!.
 */
const WRITABLE_ERROR_CODES = new Set(["#N/A", "#REF!", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!"]);

/** Rounds of setting aside formulas whose results turn out unusable; each round is one rebuild. */
const MAX_FALLBACK_ROUNDS = 3;

/** Reads `input`, recalculates every formula and writes the workbook to `output`. */
export async function recalculateWorkbook(
  input: string,
  output: string,
  catalog: FunctionCatalog,
  options: EngineOptions = {},
): Promise<CalcReport> {
  const workbook = await readWorkbookFile(input, "input file");
  const contents = new Map(
    workbook.worksheets.map((sheet) => [sheet.name, readSheetContent(sheet)]),
  );

  const { engine, unsupported } = evaluateWithFallback(catalog, contents, options);
  let formulas = 0;
  for (const worksheet of workbook.worksheets) {
    for (const cell of contents.get(worksheet.name)?.formulas ?? []) {
      if (!unsupported.has(cellKey(cell))) {
        writeFormulaResult(
          worksheet,
          cell,
          engine.getFormulaResult(cell.sheet, cell.row, cell.col),
        );
        formulas += 1;
      }
    }
  }

  await writeWorkbookFile(output, workbook);
  return { sheets: workbook.worksheets.length, formulas, warnings: [...unsupported.values()] };
}

function cellKey(cell: FormulaCell): string {
  return `${cell.sheet}!${formatAddress(cell.row, cell.col)}`;
}

/**
 * Loads the sheets into an engine. Formulas the engine cannot parse, or that call a function it
 * lacks, are replaced by their stored values before evaluation, so the cells that depend on them
 * use those values. A formula whose result cannot be stored in a file is set aside the same way
 * and the sheets are evaluated again.
 */
function evaluateWithFallback(
  catalog: FunctionCatalog,
  contents: Map<string, SheetContent>,
  options: EngineOptions,
): { engine: SpreadsheetEngine; unsupported: Map<string, CalcWarning> } {
  const engine = SpreadsheetEngine.create(catalog, emptySheets(contents), options);
  const unsupported = new Map<string, CalcWarning>();
  for (const cell of allFormulas(contents)) {
    const reason = engine.explainUnsupportedFormula(cell.formula);
    if (reason !== undefined) {
      unsupported.set(cellKey(cell), warning(cell, reason));
    }
  }

  for (let round = 0; round < MAX_FALLBACK_ROUNDS; round++) {
    for (const [name, content] of contents) {
      engine.setSheetContent(name, withStoredValues(content, unsupported));
    }
    const unusable = findUnusableResults(engine, contents, unsupported);
    if (unusable.length === 0) {
      break;
    }
    for (const item of unusable) {
      unsupported.set(item.address, item);
    }
  }
  return { engine, unsupported };
}

function emptySheets(contents: Map<string, SheetContent>): Record<string, unknown[][]> {
  return Object.fromEntries([...contents.keys()].map((name) => [name, []]));
}

function allFormulas(contents: Map<string, SheetContent>): FormulaCell[] {
  return [...contents.values()].flatMap((content) => content.formulas);
}

function warning(cell: FormulaCell, reason: string): CalcWarning {
  return { address: cellKey(cell), formula: `=${cell.formula}`, reason };
}

/** Returns the sheet rows with each set-aside formula replaced by its stored value. */
function withStoredValues(
  content: SheetContent,
  unsupported: Map<string, CalcWarning>,
): unknown[][] {
  const rows = content.rows.map((row) => row.slice());
  for (const cell of content.formulas) {
    if (unsupported.has(cellKey(cell))) {
      rows[cell.row][cell.col] = plainCellValue(cell.storedResult as CellValue);
    }
  }
  return rows;
}

/** Lists the formulas whose result has an error code a file cannot store, or #NAME?, #SPILL!. */
function findUnusableResults(
  engine: SpreadsheetEngine,
  contents: Map<string, SheetContent>,
  unsupported: Map<string, CalcWarning>,
): CalcWarning[] {
  const unusable: CalcWarning[] = [];
  for (const cell of allFormulas(contents)) {
    if (unsupported.has(cellKey(cell))) {
      continue;
    }
    const result = engine.getFormulaResult(cell.sheet, cell.row, cell.col);
    if (isEngineError(result) && !WRITABLE_ERROR_CODES.has(result.error)) {
      unusable.push(warning(cell, `the engine returns ${result.error} ${result.message}`.trim()));
    }
  }
  return unusable;
}

/**
 * Writes a formula's new result. A spilled result is written as an array formula over the spill
 * range (the formula in the anchor with its first value, the other values in the range's cells),
 * since ExcelJS cannot write the dynamic-array metadata of Excel 365. An array formula
 * (`t="array"` with its range) is part of the file format every Excel version reads, and shows
 * the whole result. A plain formula would open in Excel 365 with an implicit intersection
 * ("=@SPM...") and show only its first value. The cost is a fixed range: a longer horizon
 * entered later in Excel does not grow it.
 */
function writeFormulaResult(
  worksheet: Worksheet,
  cell: FormulaCell,
  result: EngineValue | undefined,
): void {
  const target = worksheet.getCell(cell.row + 1, cell.col + 1);
  const spilled = Array.isArray(result) ? result : undefined;
  const first = spilled ? spilled[0][0] : result;
  if (!spilled && !cell.isArray) {
    // Keep shared-formula links (`sharedFormula`, `shareType`, `ref`) and change only the result.
    target.value = { ...(target.value as object), result: toCellResult(first) } as CellValue;
    return;
  }
  const rows = spilled ?? [[first ?? null]];
  const range = `${formatAddress(cell.row, cell.col)}:${formatAddress(cell.row + rows.length - 1, cell.col + rows[0].length - 1)}`;
  clearOldArrayRange(worksheet, cell, rows);
  target.value = {
    formula: cell.formula,
    result: toCellResult(first),
    shareType: "array",
    ref: range,
  } as CellValue;
  rows.forEach((values, i) =>
    values.forEach((value, j) => {
      if (i > 0 || j > 0) {
        setPlainResult(worksheet.getCell(cell.row + i + 1, cell.col + j + 1), value);
      }
    }),
  );
}

/** Blanks the cells of the array range stored in the file that the new result no longer covers. */
function clearOldArrayRange(worksheet: Worksheet, cell: FormulaCell, rows: EngineValue[][]): void {
  if (cell.arrayRange === undefined) {
    return;
  }
  const old = parseRange(cell.arrayRange);
  for (let row = old.top; row <= old.bottom; row++) {
    for (let col = old.left; col <= old.right; col++) {
      const inside = row - cell.row < rows.length && col - cell.col < rows[0].length;
      if (!inside) {
        worksheet.getCell(row + 1, col + 1).value = null;
      }
    }
  }
}

function setPlainResult(target: Cell, value: EngineValue): void {
  const result = toCellResult(value);
  target.value = (result === undefined ? null : result) as CellValue;
}

/** Converts an engine value into an ExcelJS formula result or cell value. */
function toCellResult(value: EngineValue | undefined): unknown {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (isEngineError(value)) {
    return { error: value.error };
  }
  if (Array.isArray(value)) {
    return toCellResult(value[0]?.[0]);
  }
  return value;
}
