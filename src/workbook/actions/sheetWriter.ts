/**
 * The sheet-writing port of the workbook actions: the few operations they need to build a sheet,
 * implemented over Office.js for Excel and over the headless engine for the standalone host.
 */

/** A formula to enter, with its leading "=" (`=SPM.FORECAST.SES(B12:B71, 12)`). */
export interface FormulaCell {
  formula: string;
}

/**
 * A cell to write: a number, a boolean, text (always stored as text, even when it starts with
 * "=" or looks like a number), a formula, or null for a blank cell.
 */
export type SheetCell = number | boolean | string | null | FormulaCell;

/** A value read from a sheet: an error cell reads as its code, such as "#N/A". */
export type SheetValue = number | boolean | string | null;

/** A rectangle of cells, counted from 0 (row 0, column 0 is A1). */
export interface CellRange {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** Cells to write at a position of a sheet, counted from 0. */
export interface CellBlock {
  row: number;
  column: number;
  cells: SheetCell[][];
}

/**
 * A line chart: categories along the x axis and one line per column of `series`, whose first
 * row contains the line names. Both ranges are on the chart's own sheet.
 */
export interface LineChartSpec {
  /** Name that identifies the chart on its sheet; a chart of the same name is replaced. */
  name: string;
  title: string;
  categories: CellRange;
  series: CellRange;
  /** Top-left cell of the chart. */
  anchor: { row: number; column: number };
}

/** Writes values, formulas and charts into worksheets. */
export interface SheetWriter {
  /** Lists the worksheet names in tab order. */
  listSheets(): Promise<string[]>;

  /** Adds the worksheet when no sheet has that name. */
  ensureSheet(name: string): Promise<void>;

  /** Clears the values, formulas and formats of every row from `firstRow` down, and every chart. */
  clearFromRow(sheet: string, firstRow: number): Promise<void>;

  /** Writes a block of cells; large blocks are split to stay under the host's request limits. */
  writeBlock(sheet: string, block: CellBlock): Promise<void>;

  /** Adds a line chart, replacing a chart of the same name on that sheet. */
  setLineChart(sheet: string, chart: LineChartSpec): Promise<void>;

  /**
   * Reads the values of a reference as a user types it in a formula: `Sales!B2:B49`,
   * `'Sales by channel'!B2:B61`, or on Excel a table column such as `SPM_Sales[Revenue]`.
   *
   * @throws WorkbookActionError when the reference names no sheet, range or table here.
   */
  readValues(reference: string): Promise<SheetValue[][]>;
}

/** True when a cell is a formula to enter. */
export function isFormulaCell(cell: SheetCell): cell is FormulaCell {
  return typeof cell === "object" && cell !== null && typeof cell.formula === "string";
}

/** Builds a formula cell from formula text without its leading "=". */
export function formula(text: string): FormulaCell {
  return { formula: `=${text}` };
}
