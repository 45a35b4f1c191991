/**
 * The sheet writer over the headless engine, for the standalone host and the tests. The engine
 * replaces a sheet's content as a whole, so the writer keeps the raw content (values and
 * formulas) of each sheet it writes and sends the whole sheet after every change. Charts have no
 * place in the engine: the writer keeps their descriptions for the host to draw.
 *
 * Only a type is imported from the engine, so this module adds nothing to a bundle by itself.
 */
import type { EngineValue } from "../../headless/engine";
import { parseAddress, parseSheetReference, parseTableColumnReference } from "./a1";
import { WorkbookActionError } from "./errors";
import {
  CellBlock,
  isFormulaCell,
  LineChartSpec,
  SheetCell,
  SheetValue,
  SheetWriter,
} from "./sheetWriter";

/** The engine operations the writer uses; `SpreadsheetEngine` has them all. */
export interface EngineSheets {
  getSheetNames(): string[];
  getSheetValues(sheet: string): EngineValue[][];
  setSheetContent(sheet: string, rows: unknown[][]): void;
}

/** Options of an `EngineSheetWriter`. */
export interface EngineSheetWriterOptions {
  /**
   * Returns the raw content (formulas as "=..." text) of a sheet the writer has not written
   * yet, when the host keeps it. Without it the writer starts from the sheet's values.
   */
  readContent?: (sheet: string) => unknown[][] | undefined;
  /** Called after each change of a sheet's cells or charts. */
  onChange?: (sheet: string) => void;
}

/** Raw engine content of a cell: text starting with "=" is marked so it stays text. */
function toRawContent(cell: SheetCell): unknown {
  if (isFormulaCell(cell)) {
    return cell.formula;
  }
  if (typeof cell === "string" && cell.startsWith("=")) {
    return { text: cell };
  }
  return cell;
}

/** Converts a value read from the engine into a sheet value, an error cell into its code. */
function toSheetValue(value: EngineValue | undefined): SheetValue {
  if (value === undefined || value === null || Array.isArray(value)) {
    return null;
  }
  if (typeof value === "object") {
    return value.error;
  }
  return value;
}

/** Converts a sheet's values into raw content, for when the host cannot give the formulas. */
function valuesAsContent(values: EngineValue[][]): unknown[][] {
  return values.map((row) =>
    row.map((value) => {
      const cell = toSheetValue(value);
      return typeof cell === "string" && cell.startsWith("=") ? { text: cell } : cell;
    }),
  );
}

/** Writes built sheets into a `SpreadsheetEngine` (or anything with the same operations). */
export class EngineSheetWriter implements SheetWriter {
  private readonly engine: EngineSheets;
  private readonly options: EngineSheetWriterOptions;
  private readonly contents = new Map<string, unknown[][]>();
  private readonly charts = new Map<string, Map<string, LineChartSpec>>();

  constructor(engine: EngineSheets, options: EngineSheetWriterOptions = {}) {
    this.engine = engine;
    this.options = options;
  }

  async listSheets(): Promise<string[]> {
    return this.engine.getSheetNames();
  }

  async ensureSheet(name: string): Promise<void> {
    if (this.findSheet(name) === undefined) {
      this.contents.set(name, []);
      this.engine.setSheetContent(name, []);
      this.options.onChange?.(name);
    }
  }

  async clearFromRow(sheet: string, firstRow: number): Promise<void> {
    const content = this.content(sheet);
    content.length = Math.min(content.length, firstRow);
    this.charts.delete(sheet);
    this.commit(sheet);
  }

  async writeBlock(sheet: string, block: CellBlock): Promise<void> {
    const content = this.content(sheet);
    block.cells.forEach((cells, rowOffset) => {
      const rowIndex = block.row + rowOffset;
      while (content.length <= rowIndex) {
        content.push([]);
      }
      const row = content[rowIndex];
      cells.forEach((cell, columnOffset) => {
        const columnIndex = block.column + columnOffset;
        while (row.length < columnIndex) {
          row.push(null);
        }
        row[columnIndex] = toRawContent(cell);
      });
    });
    this.commit(sheet);
  }

  async setLineChart(sheet: string, chart: LineChartSpec): Promise<void> {
    const sheetCharts = this.charts.get(sheet) ?? new Map<string, LineChartSpec>();
    sheetCharts.set(chart.name, chart);
    this.charts.set(sheet, sheetCharts);
    this.options.onChange?.(sheet);
  }

  async readValues(reference: string): Promise<SheetValue[][]> {
    if (parseTableColumnReference(reference) !== undefined) {
      throw new WorkbookActionError(
        `${reference} is a table column, but this workbook has no tables; give a range such as ` +
          "Sales!B2:B49.",
      );
    }
    const parsed = parseSheetReference(reference);
    const range = parsed === undefined ? undefined : parseAddress(parsed.address);
    if (parsed === undefined || range === undefined) {
      throw new WorkbookActionError(
        `${reference} is not a range reference; write it as Sheet!B2:B49, quoting a sheet name ` +
          "with spaces: 'Sales by channel'!B2:B61.",
      );
    }
    const sheet = this.findSheet(parsed.sheet);
    if (sheet === undefined) {
      throw new WorkbookActionError(
        `No sheet is named ${parsed.sheet}; check the sheet name in ${reference}.`,
      );
    }

    const values = this.engine.getSheetValues(sheet);
    return Array.from({ length: range.rowCount }, (_, rowOffset) =>
      Array.from({ length: range.columnCount }, (_, columnOffset) =>
        toSheetValue(values[range.row + rowOffset]?.[range.column + columnOffset]),
      ),
    );
  }

  /** Lists the charts of a sheet, for the host to draw. */
  getCharts(sheet: string): LineChartSpec[] {
    return [...(this.charts.get(sheet)?.values() ?? [])];
  }

  /** Finds a sheet by name, ignoring case as Excel does. */
  private findSheet(name: string): string | undefined {
    const wanted = name.toLowerCase();
    return this.engine.getSheetNames().find((sheet) => sheet.toLowerCase() === wanted);
  }

  private content(sheet: string): unknown[][] {
    let content = this.contents.get(sheet);
    if (content === undefined) {
      content =
        this.options.readContent?.(sheet) ?? valuesAsContent(this.engine.getSheetValues(sheet));
      content = content.map((row) => [...row]);
      this.contents.set(sheet, content);
    }
    return content;
  }

  private commit(sheet: string): void {
    this.engine.setSheetContent(sheet, this.content(sheet));
    this.options.onChange?.(sheet);
  }
}
