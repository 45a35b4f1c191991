/**
 * Queued reads of the adapter's tables and sheets. Each `queue*` function adds loads to the
 * request context and returns a function that reads the results after the caller's
 * `context.sync()`, so one sync can read many tables.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load --
   the returned functions read only after the caller's sync, which the rules cannot follow. */
import { RowValue } from "../../model";
import { findId } from "./tableWriter";

/** Request of a table read: the table and the parts of its body to read. */
export interface TableReadRequest {
  name: string;
  /** "all" reads every body row; "none" reads only the header and the row count. */
  body: "all" | "none";
  /** Index of a column whose body cells to read, e.g. the id column. */
  column?: number;
  /** Body rows (0-based) to read in full, e.g. the first row. */
  rows?: readonly number[];
  /** Row to read in full, found by the id in column `column`, `width` cells from the left. */
  find?: { id: string; column: number; width: number };
}

/** Contents of a table as one read returned them. */
export interface TableContents {
  name: string;
  exists: boolean;
  /** Table id, which event arguments use. */
  id: string;
  header: string[];
  /** Number of body rows; a table with no data has one empty row. */
  rowCount: number;
  /** Every body row, when requested. */
  rows: RowValue[][];
  /** Body cells of the requested column, top to bottom. */
  column: RowValue[];
  /** Requested body rows by index; a row past the body is missing. */
  rowsAt: Map<number, RowValue[]>;
  /** Cells of the row found by id, when requested and found. */
  found?: RowValue[];
}

/** Protection and extent of a sheet. */
export interface SheetContents {
  name: string;
  exists: boolean;
  protected: boolean;
  /** First column right of every used cell, where a recreated table can go. */
  freeColumn: number;
}

/** Queues the loads of one table; the returned function reads them after sync. */
export function queueTableRead(
  context: Excel.RequestContext,
  request: TableReadRequest,
): () => TableContents {
  const table = context.workbook.tables.getItemOrNullObject(request.name);
  table.load("id");
  const header = table.getHeaderRowRange().load("values");
  const body = table.getDataBodyRange().load("rowCount");
  if (request.body === "all") {
    body.load("values");
  }
  const column =
    request.column === undefined ? undefined : body.getColumn(request.column).load("values");
  const rows = (request.rows ?? []).map((index) => ({
    index,
    range: body.getRow(index).load("values"),
  }));
  const found = request.find === undefined ? undefined : queueFoundRow(table, request.find);

  return () => {
    if (table.isNullObject) {
      return emptyContents(request.name);
    }
    const rowsAt = new Map<number, RowValue[]>();
    const rowCount = body.rowCount;
    for (const { index, range } of rows) {
      if (index < rowCount) {
        rowsAt.set(index, range.values[0] as RowValue[]);
      }
    }
    return {
      name: request.name,
      exists: true,
      id: table.id,
      header: (header.values[0] as RowValue[]).map(String),
      rowCount,
      rows: request.body === "all" ? (body.values as RowValue[][]) : [],
      column: column === undefined ? [] : (column.values as RowValue[][]).map((cells) => cells[0]),
      rowsAt,
      found: found?.cell.isNullObject === false ? (found.row.values[0] as RowValue[]) : undefined,
    };
  };
}

/** Queues the search of a row by its id and the load of the row's cells. */
function queueFoundRow(
  table: Excel.Table,
  find: NonNullable<TableReadRequest["find"]>,
): { cell: Excel.Range; row: Excel.Range } {
  const cell = findId(table, find.column, find.id);
  const row = cell.getOffsetRange(0, -find.column).getResizedRange(0, find.width - 1);
  return { cell, row: row.load("values") };
}

function emptyContents(name: string): TableContents {
  return {
    name,
    exists: false,
    id: "",
    header: [],
    rowCount: 0,
    rows: [],
    column: [],
    rowsAt: new Map(),
  };
}

/** Queues the loads of a sheet's protection and used range. */
export function queueSheetRead(context: Excel.RequestContext, name: string): () => SheetContents {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  const protection = sheet.protection.load("protected");
  const used = sheet.getUsedRangeOrNullObject(true).load("columnIndex,columnCount");
  return () => {
    if (sheet.isNullObject) {
      return { name, exists: false, protected: false, freeColumn: 0 };
    }
    const freeColumn = used.isNullObject ? 0 : used.columnIndex + used.columnCount + 1;
    return { name, exists: true, protected: protection.protected === true, freeColumn };
  };
}

/** True when every cell of a row is empty, e.g. the one body row of a table with no data. */
export function isEmptyRow(cells: readonly RowValue[] | undefined): boolean {
  return cells === undefined || cells.every((cell) => cell === "" || cell === null);
}
