/**
 * The workbook behind the standalone grid: the content of each sheet as typed (values and
 * formulas), number formats from the file, and the headless engine that evaluates it with the
 * SPM functions. Listeners hear about every change, so the grid and the task pane redraw.
 */
import type { FunctionCatalog } from "../headless/catalog";
import { EngineValue, SpreadsheetEngine } from "../headless/engine";
import { CellContent, parseCellInput } from "./cellInput";

/** One sheet: its name, its content row by row and the number formats of its cells. */
export interface SheetData {
  name: string;
  rows: CellContent[][];
  /** Excel number formats keyed by "row,col" (0-based); cells without one are absent. */
  numberFormats: Map<string, string>;
}

/** A 0-based cell position on a sheet. */
export interface CellPosition {
  sheet: string;
  row: number;
  col: number;
}

/** Key of a cell in {@link SheetData.numberFormats}. */
export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

/** Sheets with their content, evaluated by one engine. */
export class GridWorkbook {
  private readonly engine: SpreadsheetEngine;
  private readonly sheets = new Map<string, SheetData>();
  private readonly listeners = new Set<() => void>();
  private revision = 0;

  constructor(catalog: FunctionCatalog, sheets: SheetData[]) {
    this.engine = SpreadsheetEngine.create(catalog);
    for (const sheet of sheets) {
      this.sheets.set(sheet.name, sheet);
    }
    // Every sheet exists before any is filled, so references across sheets resolve.
    for (const sheet of sheets) {
      this.engine.setSheetContent(sheet.name, []);
    }
    for (const sheet of sheets) {
      this.engine.setSheetContent(sheet.name, sheet.rows);
    }
  }

  /** Number of changes so far; it grows with each change, for React's external store hook. */
  getRevision(): number {
    return this.revision;
  }

  /** Calls `listener` after each change; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Returns the sheet names in order. */
  sheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  /** Returns a sheet's data; throws when the sheet does not exist. */
  sheet(name: string): SheetData {
    const sheet = this.sheets.get(name);
    if (sheet === undefined) {
      throw new Error(`The sheet does not exist: ${name}.`);
    }
    return sheet;
  }

  /** Returns the evaluated values of a sheet, spilled results in their cells. */
  values(sheet: string): EngineValue[][] {
    return this.engine.getSheetValues(sheet);
  }

  /** Returns the result of the formula at a cell (a 2-D array when it spills), or undefined. */
  formulaResult(cell: CellPosition): EngineValue | undefined {
    return this.engine.getFormulaResult(cell.sheet, cell.row, cell.col);
  }

  /** Returns the content of a cell as stored (null when blank). */
  content(cell: CellPosition): CellContent {
    return this.sheet(cell.sheet).rows[cell.row]?.[cell.col] ?? null;
  }

  /** Stores what a user typed into a cell and recalculates. */
  setInput(cell: CellPosition, input: string): void {
    this.setContent(cell, parseCellInput(input));
  }

  /** Stores cell content and recalculates. */
  setContent(cell: CellPosition, content: CellContent): void {
    const sheet = this.sheet(cell.sheet);
    while (sheet.rows.length <= cell.row) {
      sheet.rows.push([]);
    }
    const row = sheet.rows[cell.row];
    while (row.length <= cell.col) {
      row.push(null);
    }
    row[cell.col] = content;
    this.engine.setCellContent(sheet.name, cell.row, cell.col, content);
    this.changed();
  }

  /**
   * Replaces a sheet's content, adding the sheet at the end when it does not exist. An existing
   * sheet keeps its number formats unless new ones are given.
   */
  replaceSheet(name: string, rows: CellContent[][], numberFormats?: Map<string, string>): void {
    const formats = numberFormats ?? this.sheets.get(name)?.numberFormats ?? new Map();
    this.sheets.set(name, { name, rows: rows.map((row) => row.slice()), numberFormats: formats });
    this.engine.setSheetContent(name, rows);
    this.changed();
  }

  /** Tells the listeners about a change kept outside the cells, such as a sheet's charts. */
  changed(): void {
    this.revision += 1;
    for (const listener of [...this.listeners]) {
      listener();
    }
  }
}
