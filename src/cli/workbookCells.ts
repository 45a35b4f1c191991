/**
 * Conversion between ExcelJS worksheets and the engine's sheet content: values, formulas, dates
 * as serial numbers, and the cells an array formula covers.
 */
import type { Cell, CellValue, Worksheet } from "exceljs";
import type { LiteralText } from "../headless/engine";

/** A formula cell of a worksheet, with its place and what the file stores for it. */
export interface FormulaCell {
  sheet: string;
  /** 0-based row and column. */
  row: number;
  col: number;
  /** The formula as the file stores it, without the leading "=". */
  formula: string;
  /** The value the file stores as the formula's last result. */
  storedResult: unknown;
  /** True for an array formula (`t="array"`), whose result fills `arrayRange`. */
  isArray: boolean;
  /** The range an array formula covers in the file, such as "C2:C13". */
  arrayRange?: string;
}

/** A worksheet as engine content plus its formula cells. */
export interface SheetContent {
  rows: unknown[][];
  formulas: FormulaCell[];
}

/** ExcelJS value of a formula cell, of any of its three forms. */
interface FormulaCellValue {
  formula?: string;
  sharedFormula?: string;
  result?: unknown;
  shareType?: string;
  ref?: string;
}

/** Reads a worksheet into engine content: formulas as "=..." strings, dates as `Date`s. */
export function readSheetContent(worksheet: Worksheet): SheetContent {
  const rows: unknown[][] = [];
  const formulas: FormulaCell[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const target = (rows[rowNumber - 1] ??= []);
      const formula = readFormulaCell(worksheet.name, cell, rowNumber - 1, colNumber - 1);
      if (formula !== undefined) {
        formulas.push(formula);
        target[colNumber - 1] = `=${formula.formula}`;
      } else {
        target[colNumber - 1] = plainCellValue(cell.value);
      }
    });
  });
  clearArrayFollowerCells(rows, formulas);
  return { rows: fillRows(rows), formulas };
}

function readFormulaCell(
  sheet: string,
  cell: Cell,
  row: number,
  col: number,
): FormulaCell | undefined {
  const value = cell.value as FormulaCellValue | null;
  if (
    value === null ||
    typeof value !== "object" ||
    !("formula" in value || "sharedFormula" in value)
  ) {
    return undefined;
  }
  // For a shared formula, ExcelJS's `formula` getter returns the master's formula moved to
  // this cell, as Excel reads it.
  const formula = cell.formula ?? value.formula;
  if (!formula) {
    return undefined;
  }
  const isArray = value.shareType === "array";
  return {
    sheet,
    row,
    col,
    formula,
    storedResult: value.result,
    isArray,
    arrayRange: isArray ? value.ref : undefined,
  };
}

/** Text of a cell as engine content: text such as "=1+1" in a text cell stays text, as in Excel. */
function textContent(text: string): string | LiteralText {
  return text.startsWith("=") ? { text } : text;
}

/** Converts a non-formula ExcelJS value into engine content. */
export function plainCellValue(value: CellValue): unknown {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === "string") {
    return textContent(value);
  }
  if (value instanceof Date || typeof value !== "object") {
    return value;
  }
  if ("richText" in value) {
    return textContent(value.richText.map((part) => part.text).join(""));
  }
  if ("hyperlink" in value) {
    return textContent(value.text);
  }
  if ("error" in value) {
    // An error constant typed into a cell; the engine reads it back as that error.
    return `=${value.error}`;
  }
  return null;
}

/**
 * Blanks the cells an array formula covers besides its anchor. The file stores the last results
 * there as plain values, and the engine would see them as blocking the spill.
 */
function clearArrayFollowerCells(rows: unknown[][], formulas: FormulaCell[]): void {
  for (const formula of formulas) {
    if (formula.arrayRange === undefined) {
      continue;
    }
    const range = parseRange(formula.arrayRange);
    for (let row = range.top; row <= range.bottom; row++) {
      for (let col = range.left; col <= range.right; col++) {
        const isAnchor = row === formula.row && col === formula.col;
        if (!isAnchor && rows[row] !== undefined) {
          rows[row][col] = null;
        }
      }
    }
  }
}

/** Replaces the holes of sparse rows with null, so every row is a dense array. */
function fillRows(rows: unknown[][]): unknown[][] {
  return Array.from(rows, (row) => Array.from(row ?? [], (cell) => cell ?? null));
}

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Parses "B2" or "B2:D9" (with optional "$") into a 0-based range. */
export function parseRange(reference: string): CellRange {
  const [start, end = start] = reference.replace(/\$/g, "").split(":");
  const first = parseAddress(start);
  const last = parseAddress(end);
  return { top: first.row, left: first.col, bottom: last.row, right: last.col };
}

function parseAddress(address: string): { row: number; col: number } {
  const match = /^([A-Za-z]+)(\d+)$/.exec(address);
  if (!match) {
    throw new Error(`The cell address is invalid: ${address}.`);
  }
  let col = 0;
  for (const letter of match[1].toUpperCase()) {
    col = col * 26 + (letter.charCodeAt(0) - 64);
  }
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** Formats a 0-based row and column as an A1 address. */
export function formatAddress(row: number, col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${row + 1}`;
}
