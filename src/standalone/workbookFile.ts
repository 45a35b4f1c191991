/**
 * Reading and writing .xlsx files in the browser with ExcelJS: a file becomes sheets of grid
 * content, and the grid's content and results become a file again.
 */
import ExcelJS from "exceljs";
import type { CellValue, Worksheet } from "exceljs";
import { EngineValue, isEngineError, isLiteralText } from "../headless/engine";
import { formatAddress, readSheetContent } from "../cli/workbookCells";
import type { CellContent } from "./cellInput";
import { GridWorkbook, SheetData, cellKey } from "./gridWorkbook";

/** MIME type of .xlsx files, for the download. */
export const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Reads the sheets of an .xlsx file.
 * @throws {Error} when the data is not a readable .xlsx workbook
 */
export async function readWorkbookFile(data: ArrayBuffer, fileName: string): Promise<SheetData[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`${fileName} is not a readable .xlsx workbook (${detail}).`);
  }
  return workbook.worksheets.map(readSheet);
}

function readSheet(worksheet: Worksheet): SheetData {
  const { rows } = readSheetContent(worksheet);
  const numberFormats = new Map<string, string>();
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.numFmt) {
        numberFormats.set(cellKey(rowNumber - 1, colNumber - 1), cell.numFmt);
      }
    });
  });
  return { name: worksheet.name, rows: rows as CellContent[][], numberFormats };
}

/** Writes the grid's sheets, with each formula's current result, into a new .xlsx file. */
export async function writeWorkbookFile(grid: GridWorkbook): Promise<Blob> {
  const workbook = new ExcelJS.Workbook();
  for (const name of grid.sheetNames()) {
    writeSheet(workbook.addWorksheet(name), grid, name);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: XLSX_MIME_TYPE });
}

function writeSheet(worksheet: Worksheet, grid: GridWorkbook, name: string): void {
  const sheet = grid.sheet(name);
  sheet.rows.forEach((row, rowIndex) =>
    row.forEach((content, colIndex) => {
      if (content === null) {
        return;
      }
      const cell = worksheet.getCell(rowIndex + 1, colIndex + 1);
      const numberFormat = sheet.numberFormats.get(cellKey(rowIndex, colIndex));
      if (numberFormat !== undefined) {
        cell.numFmt = numberFormat;
      }
      if (typeof content === "string" && content.startsWith("=")) {
        writeFormula(worksheet, rowIndex, colIndex, content.slice(1), grid, name);
      } else {
        cell.value = (isLiteralText(content) ? content.text : content) as CellValue;
      }
    }),
  );
}

/**
 * Writes a formula with its result. A spilled result becomes an array formula over the spill
 * range with the values in its other cells, because ExcelJS cannot write Excel 365's
 * dynamic-array metadata. `spm calc` writes spills the same way.
 */
function writeFormula(
  worksheet: Worksheet,
  row: number,
  col: number,
  formula: string,
  grid: GridWorkbook,
  sheet: string,
): void {
  const result = grid.formulaResult({ sheet, row, col });
  const anchor = worksheet.getCell(row + 1, col + 1);
  if (!Array.isArray(result)) {
    anchor.value = { formula, result: toFileResult(result ?? null) } as CellValue;
    return;
  }
  const bottom = row + result.length - 1;
  const right = col + (result[0]?.length ?? 1) - 1;
  anchor.value = {
    formula,
    result: toFileResult(result[0]?.[0] ?? null),
    shareType: "array",
    ref: `${formatAddress(row, col)}:${formatAddress(bottom, right)}`,
  } as CellValue;
  result.forEach((values, i) =>
    values.forEach((value, j) => {
      if (i > 0 || j > 0) {
        const result = toFileResult(value);
        worksheet.getCell(row + i + 1, col + j + 1).value = (result ?? null) as CellValue;
      }
    }),
  );
}

/**
 * Error codes a cell of an .xlsx file can store. The engine's own codes (#CYCLE!, #ERROR!,
 * #SPILL! from HyperFormula) have no stored form, so such a formula is written without a result
 * and Excel computes it on opening.
 */
const FILE_ERROR_CODES = new Set([
  "#N/A",
  "#REF!",
  "#DIV/0!",
  "#NULL!",
  "#VALUE!",
  "#NUM!",
  "#NAME?",
]);

/** Converts an engine value into what ExcelJS stores: a value, an error object or undefined. */
function toFileResult(value: EngineValue): unknown {
  if (value === null) {
    return undefined;
  }
  if (isEngineError(value)) {
    return FILE_ERROR_CODES.has(value.error) ? { error: value.error } : undefined;
  }
  if (Array.isArray(value)) {
    return toFileResult(value[0]?.[0] ?? null);
  }
  return value;
}
