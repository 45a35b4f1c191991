/**
 * Queued writes to the adapter's tables. A record's main row is found by its id, and a list
 * item's row by its key, in the batch that writes it (`RowById`). Only the upgrade of an older
 * layout and the repair of damaged keys address rows by their position, read one sync before. New rows go just below the body with `Range.values`, so the table grows
 * without `rows.add`, which conflicts between co-authors. Text cells get the number format "@"
 * before their values, so Excel stores `=1+1`, `0012` or `3/4` as text.
 */
import { Row, RowValue } from "../../model";
import { ColumnKind } from "./layout";
import { jsonBytes, WriteBatch } from "./writeBatch";

/** Number format that makes Excel store what is written as text, unconverted. */
export const TEXT_FORMAT = "@";

/** Number format of number and boolean cells. */
const GENERAL_FORMAT = "General";

/** A table as the writer needs it: its name, its header and whether its body is empty. */
export interface TableTarget {
  name: string;
  header: string[];
  kinds: ReadonlyMap<string, ColumnKind>;
  /** True when the body is the single empty row Excel keeps in a table with no data. */
  emptyBody: boolean;
}

/** Bytes of the outer brackets of the values and formats arrays of one write. */
const ARRAY_BRACKETS_BYTES = 4;

/** A cell value to write; `null` leaves the cell as it is. */
type CellWrite = RowValue | null;

function cellValue(kind: ColumnKind, value: RowValue | undefined): RowValue {
  if (value === undefined) {
    return "";
  }
  return kind === "text" ? String(value) : value;
}

function cellFormat(kind: ColumnKind): string {
  return kind === "text" ? TEXT_FORMAT : GENERAL_FORMAT;
}

/** Values and formats of a whole new row; columns the layout does not know stay untouched. */
function newRowCells(
  target: TableTarget,
  row: Row,
): { values: CellWrite[]; formats: (string | null)[] } {
  const values: CellWrite[] = [];
  const formats: (string | null)[] = [];
  for (const column of target.header) {
    const kind = target.kinds.get(column);
    values.push(kind === undefined ? null : cellValue(kind, row[column]));
    formats.push(kind === undefined ? null : cellFormat(kind));
  }
  return { values, formats };
}

function table(context: Excel.RequestContext, name: string): Excel.Table {
  return context.workbook.tables.getItem(name);
}

/** Returns the range of one body row of a table, queued when its write is queued. */
export type RowLocator = (table: Excel.Table) => Excel.Range;

/** Locates body row `index`, a position the caller read before. */
export function rowAt(index: number): RowLocator {
  return (target) => target.getDataBodyRange().getRow(index);
}

/**
 * A table row found by the id in it within the batch that writes it, so rows a co-author
 * inserted or deleted above it since the last read cannot shift the write to another record.
 * `Range.find` fails the sync with ItemNotFound when no row contains the id, and Office.js then
 * runs none of the batch's later commands; the caller puts the writes that must not happen
 * without this row after it.
 */
export class RowById {
  private readonly idColumn: number;
  private readonly id: string;
  private readonly width: number;

  /** Creates the locator of the row containing `id` in column `idColumn`, `width` columns wide. */
  constructor(idColumn: number, id: string, width: number) {
    this.idColumn = idColumn;
    this.id = id;
    this.width = width;
  }

  /** Queues the search of the id and returns the row from the table's first column. */
  readonly locate: RowLocator = (target) => {
    const found = idColumnOf(target, this.idColumn).find(this.id, {
      completeMatch: true,
      matchCase: true,
    });
    return found.getOffsetRange(0, -this.idColumn).getResizedRange(0, this.width - 1);
  };
}

/**
 * Returns the id column of a table with its header cell, so the range is never a single cell, for
 * which `Range.find` would search the whole sheet. Ids are UUIDs and keys contain one, so a
 * header cell never matches.
 */
function idColumnOf(target: Excel.Table, idColumn: number): Excel.Range {
  return target.getRange().getColumn(idColumn);
}

/**
 * Queues the search of `id` in a table's id column and returns the found cell, a null object
 * when no row contains the id.
 */
export function findId(target: Excel.Table, idColumn: number, id: string): Excel.Range {
  return idColumnOf(target, idColumn).findOrNullObject(id, {
    completeMatch: true,
    matchCase: true,
  });
}

function writeRange(range: Excel.Range, values: CellWrite[][], formats: (string | null)[][]): void {
  range.numberFormat = formats as string[][];
  range.values = values as RowValue[][];
}

/**
 * Queues `rows` below the body of `target`, the first into the empty body row when the table
 * has no data. Rows are grouped into writes that each fit in one request.
 * NOTE: the table grows by Excel's table auto-expansion for values written next to it, and the
 * mock reproduces that. Whether Office.js writes expand a table on every platform is not verified.
 */
export async function appendRows(
  batch: WriteBatch,
  context: Excel.RequestContext,
  target: TableTarget,
  rows: readonly Row[],
): Promise<void> {
  let useEmptyRow = target.emptyBody;
  let group: { values: CellWrite[][]; formats: (string | null)[][]; bytes: number } = {
    values: [],
    formats: [],
    bytes: ARRAY_BRACKETS_BYTES,
  };
  const flushGroup = async (): Promise<void> => {
    if (group.values.length === 0) {
      return;
    }
    const { values, formats, bytes } = group;
    const intoEmptyRow = useEmptyRow;
    useEmptyRow = false;
    group = { values: [], formats: [], bytes: ARRAY_BRACKETS_BYTES };
    await batch.add(bytes, () => {
      const body = table(context, target.name).getDataBodyRange();
      const range = intoEmptyRow ? body : body.getRowsBelow(values.length);
      writeRange(range, values, formats);
    });
  };

  for (const row of rows) {
    const { values, formats } = newRowCells(target, row);
    // Each row adds a separating comma to both 2-D arrays; the outer brackets count once.
    const bytes = jsonBytes(values) + jsonBytes(formats) + 2;
    const limit = useEmptyRow ? 0 : batch.maxRequestBytes / 2;
    if (group.values.length > 0 && group.bytes + bytes > limit) {
      await flushGroup();
    }
    group.values.push(values);
    group.formats.push(formats);
    group.bytes += bytes;
  }
  await flushGroup();
}

/**
 * Queues the cells of a body row, at index `row` or where a locator finds it, whose column is
 * in `changes`. Other cells stay as they are, so a co-author's edit to another cell is kept.
 */
export async function writeRowCells(
  batch: WriteBatch,
  context: Excel.RequestContext,
  target: TableTarget,
  row: number | RowLocator,
  changes: Row | Record<string, RowValue | undefined>,
): Promise<void> {
  const locate = typeof row === "number" ? rowAt(row) : row;
  const values: CellWrite[] = [];
  const formats: (string | null)[] = [];
  for (const column of target.header) {
    const kind = target.kinds.get(column);
    const changed = kind !== undefined && Object.prototype.hasOwnProperty.call(changes, column);
    values.push(changed ? cellValue(kind, changes[column]) : null);
    formats.push(changed ? cellFormat(kind) : null);
  }
  await batch.add(jsonBytes(values) + jsonBytes(formats), () => {
    writeRange(locate(table(context, target.name)), [values], [formats]);
  });
}

/** Queues the deletion of the body row a locator finds, shifting the rows below up. */
export function deleteRow(
  batch: WriteBatch,
  context: Excel.RequestContext,
  tableName: string,
  locate: RowLocator,
): void {
  batch.queue(() => locate(table(context, tableName)).delete("Up"));
}

/** Queues new columns at the right end of a table, e.g. a field a user's table lacks. */
export function addColumns(
  batch: WriteBatch,
  context: Excel.RequestContext,
  tableName: string,
  columns: readonly string[],
): void {
  for (const column of columns) {
    batch.queue(() => {
      table(context, tableName).columns.add(undefined, undefined, column);
    });
  }
}

/** Writes header cell names in place, renaming the table's columns. */
export async function renameColumns(
  batch: WriteBatch,
  context: Excel.RequestContext,
  tableName: string,
  header: readonly string[],
): Promise<void> {
  await batch.add(jsonBytes(header), () => {
    table(context, tableName).getHeaderRowRange().values = [[...header]];
  });
}

function columnLetters(index: number): string {
  let letters = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** Placement and columns of a new table. */
export interface NewTable {
  sheetName: string;
  sheetExists: boolean;
  /** First column of the table on its sheet, right of any used cell. */
  column: number;
  tableName: string;
  columns: readonly string[];
}

/**
 * Queues a sheet (when missing) and a table with a header row and one empty body row at row
 * 1 of `spec.column`, and returns the table so the caller can register events on it.
 */
export async function createTable(
  batch: WriteBatch,
  context: Excel.RequestContext,
  spec: NewTable,
): Promise<Excel.Table> {
  let created: Excel.Table | undefined;
  await batch.add(jsonBytes(spec.columns) * 2, () => {
    const sheet = spec.sheetExists
      ? context.workbook.worksheets.getItem(spec.sheetName)
      : context.workbook.worksheets.add(spec.sheetName);
    const headerRange = sheet.getRangeByIndexes(0, spec.column, 1, spec.columns.length);
    headerRange.numberFormat = [spec.columns.map(() => TEXT_FORMAT)];
    headerRange.values = [[...spec.columns]];
    const first = columnLetters(spec.column);
    const last = columnLetters(spec.column + spec.columns.length - 1);
    created = sheet.tables.add(`${first}1:${last}1`, true);
    created.name = spec.tableName;
  });
  return created as unknown as Excel.Table;
}
