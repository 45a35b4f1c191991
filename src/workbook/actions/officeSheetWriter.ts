/**
 * The sheet writer over Office.js, for the add-in running in Excel. Cells are written with their
 * number format first, so text that looks like a formula or a number stays text; charts are
 * native Excel line charts.
 */
import { rangeAddress, parseSheetReference, parseTableColumnReference, cellAddress } from "./a1";
import { WorkbookActionError } from "./errors";
import {
  CellBlock,
  CellRange,
  isFormulaCell,
  LineChartSpec,
  SheetCell,
  SheetValue,
  SheetWriter,
} from "./sheetWriter";

/**
 * Largest request payload the writer sends, in characters of JSON. Excel on the web rejects a
 * request over 5 MB; the margin leaves room for the request envelope around the cell data.
 * NOTE: the 5 MB limit is the one Microsoft's Office Add-ins documentation gives for Excel on
 * the web; the envelope margin is an estimate.
 */
export const MAX_REQUEST_CHARACTERS = 4_000_000;

/** Number format that makes Excel store a cell's content as text. */
const TEXT_FORMAT = "@";
const GENERAL_FORMAT = "General";

/** Runs a batch of Office.js operations, as `Excel.run` does. */
export type ExcelBatchRunner = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

/** Cell content as Office.js `Range.formulas` takes it: a blank is "". */
function toFormula(cell: SheetCell): string | number | boolean {
  if (cell === null) {
    return "";
  }
  return isFormulaCell(cell) ? cell.formula : cell;
}

/** Number format of a cell: text format for text, so "=1+1" or "0012" stays as typed. */
function toNumberFormat(cell: SheetCell): string {
  return typeof cell === "string" ? TEXT_FORMAT : GENERAL_FORMAT;
}

/** Pads every row to the widest row, since Office.js writes rectangles only. */
function rectangular(cells: SheetCell[][]): SheetCell[][] {
  const width = Math.max(0, ...cells.map((row) => row.length));
  return cells.map((row) => [...row, ...Array<SheetCell>(width - row.length).fill(null)]);
}

/**
 * Splits rows into requests whose formulas and number formats, as JSON, stay under
 * `maxCharacters`. A single row larger than the limit is sent alone.
 */
export function splitByPayload(cells: SheetCell[][], maxCharacters: number): SheetCell[][][] {
  // Each of the two arrays adds its outer brackets, and each row a comma before the next.
  const emptySize = 4;
  const chunks: SheetCell[][][] = [];
  let current: SheetCell[][] = [];
  let size = emptySize;
  for (const row of cells) {
    const rowSize =
      JSON.stringify(row.map(toFormula)).length +
      JSON.stringify(row.map(toNumberFormat)).length +
      2;
    if (current.length > 0 && size + rowSize > maxCharacters) {
      chunks.push(current);
      current = [];
      size = emptySize;
    }
    current.push(row);
    size += rowSize;
  }
  if (current.length > 0) {
    chunks.push(current);
  }
  return chunks;
}

/** Converts a value Office.js read into a sheet value: "" (blank) becomes null. */
function toSheetValue(value: unknown): SheetValue {
  if (value === "" || value === null || value === undefined) {
    return null;
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") {
    return value;
  }
  return String(value);
}

/** Options of an `OfficeSheetWriter`. */
export interface OfficeSheetWriterOptions {
  /** Runs each batch; `Excel.run` by default. */
  run?: ExcelBatchRunner;
  /** Largest request payload in characters of JSON; MAX_REQUEST_CHARACTERS by default. */
  maxRequestCharacters?: number;
}

/** Writes built sheets into the open Excel workbook. */
export class OfficeSheetWriter implements SheetWriter {
  private readonly run: ExcelBatchRunner;
  private readonly maxRequestCharacters: number;

  constructor(options: OfficeSheetWriterOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.maxRequestCharacters = options.maxRequestCharacters ?? MAX_REQUEST_CHARACTERS;
  }

  listSheets(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((sheet) => sheet.name);
    });
  }

  ensureSheet(name: string): Promise<void> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (sheet.isNullObject) {
        context.workbook.worksheets.add(name);
        await context.sync();
      }
    });
  }

  clearFromRow(sheet: string, firstRow: number): Promise<void> {
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      const charts = context.workbook.worksheets.getItem(sheet).charts;
      // Whole rows from firstRow to the last row of the grid.
      worksheet.getRange(`${firstRow + 1}:1048576`).clear(Excel.ClearApplyTo.all);
      charts.load("items/name");
      await context.sync();
      charts.items.forEach((chart) => chart.delete());
      await context.sync();
    });
  }

  writeBlock(sheet: string, block: CellBlock): Promise<void> {
    const chunks = splitByPayload(rectangular(block.cells), this.maxRequestCharacters);
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      let row = block.row;
      for (const cells of chunks) {
        const range = worksheet.getRangeByIndexes(row, block.column, cells.length, cells[0].length);
        range.numberFormat = cells.map((cellRow) => cellRow.map(toNumberFormat));
        range.formulas = cells.map((cellRow) => cellRow.map(toFormula));
        row += cells.length;
        // One sync per chunk keeps each request under Excel on the web's payload limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }
    });
  }

  setLineChart(sheet: string, chart: LineChartSpec): Promise<void> {
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      const charts = context.workbook.worksheets.getItem(sheet).charts;
      const existing = charts.getItemOrNullObject(chart.name);
      await context.sync();
      if (!existing.isNullObject) {
        existing.delete();
      }

      const added = charts.add(
        Excel.ChartType.line,
        this.range(worksheet, chart.series),
        Excel.ChartSeriesBy.columns,
      );
      added.name = chart.name;
      added.title.text = chart.title;
      added.axes.categoryAxis.setCategoryNames(this.range(worksheet, chart.categories));
      added.setPosition(cellAddress(chart.anchor.row, chart.anchor.column));
      await context.sync();
    });
  }

  readValues(reference: string): Promise<SheetValue[][]> {
    return this.run(async (context) => {
      const range = await this.referencedRange(context, reference);
      range.load("values");
      await context.sync();
      return range.values.map((row) => row.map(toSheetValue));
    });
  }

  /**
   * Finds the range of a sheet or table column reference.
   *
   * @throws WorkbookActionError naming the missing sheet, table or column.
   */
  private async referencedRange(
    context: Excel.RequestContext,
    reference: string,
  ): Promise<Excel.Range> {
    const tableColumn = parseTableColumnReference(reference);
    if (tableColumn !== undefined) {
      const table = context.workbook.tables.getItemOrNullObject(tableColumn.table);
      const column = table.columns.getItemOrNullObject(tableColumn.column);
      await context.sync();
      if (table.isNullObject || column.isNullObject) {
        throw new WorkbookActionError(
          `No table column ${reference} exists in this workbook; check the table and column names.`,
        );
      }
      return column.getDataBodyRange();
    }

    const parsed = parseSheetReference(reference);
    if (parsed === undefined) {
      throw new WorkbookActionError(
        `${reference} is not a range reference; write it as Sheet!B2:B49 or as a table column ` +
          "such as SPM_Sales[Revenue].",
      );
    }
    const worksheet = context.workbook.worksheets.getItemOrNullObject(parsed.sheet);
    await context.sync();
    if (worksheet.isNullObject) {
      throw new WorkbookActionError(
        `No sheet is named ${parsed.sheet}; check the sheet name in ${reference}.`,
      );
    }
    return worksheet.getRange(parsed.address);
  }

  private range(worksheet: Excel.Worksheet, range: CellRange): Excel.Range {
    return worksheet.getRange(rangeAddress(range));
  }
}
