/**
 * Conversion between records and the rows of their Excel tables: a main-table row of scalar
 * fields and one child-table row per list item. The flat row format of `recordToRow` and
 * `rowToRecordInput` is the common ground, so cells are read back by the record schemas.
 */
import {
  AnyRecord,
  FieldIssue,
  recordToRow,
  RecordType,
  Row,
  RowValue,
  rowToRecordInput,
  validateRecord,
} from "../../model";
import { itemKey, LAYOUTS, ListLayout } from "./layout";

/** The rows that store one record, keyed by column name. */
export interface RecordRows {
  main: Row;
  /** Child rows of each list field, keyed by the list's path, in list order. */
  lists: Map<string, Row[]>;
}

/** Splits a record into its main-table row and its child-table rows. */
export function recordToRows(type: RecordType, record: AnyRecord): RecordRows {
  const layout = LAYOUTS[type];
  const flat = recordToRow(record);
  const main: Row = {};
  for (const column of layout.columns) {
    if (column in flat) {
      main[column] = flat[column];
    }
  }
  const lists = new Map<string, Row[]>();
  for (const list of layout.lists) {
    lists.set(list.path, listRows(list, record.id, flat));
  }
  return { main, lists };
}

function listRows(list: ListLayout, parentId: string, flat: Row): Row[] {
  const rows: Row[] = [];
  for (let position = 0; ; position++) {
    const prefix = `${list.path}.${position}`;
    const item: Row = {
      [list.parentColumn]: parentId,
      [list.positionColumn]: position,
      [list.keyColumn]: itemKey(parentId, position),
    };
    let found = false;
    if (list.plainValues) {
      found = prefix in flat;
      if (found) {
        item[list.itemColumns[0]] = flat[prefix];
      }
    } else {
      for (const column of list.itemColumns) {
        if (`${prefix}.${column}` in flat) {
          item[column] = flat[`${prefix}.${column}`];
          found = true;
        }
      }
    }
    if (!found) {
      return rows;
    }
    rows.push(item);
  }
}

/** A record read back from its rows, or the reason its rows are not a valid record. */
export type RowsReading =
  { ok: true; record: AnyRecord } | { ok: false; id: string; issues: FieldIssue[] };

/**
 * Rebuilds a record from its main row and its child rows, ordered by position. Cells of
 * columns the record type does not know (a column a user added) are ignored here; the writer
 * never touches them.
 */
export function rowsToRecord(type: RecordType, rows: RecordRows): RowsReading {
  const layout = LAYOUTS[type];
  const flat: Row = {};
  for (const column of layout.columns) {
    const value = rows.main[column];
    if (value !== undefined) {
      flat[column] = value;
    }
  }
  for (const list of layout.lists) {
    const items = [...(rows.lists.get(list.path) ?? [])].sort(
      (left, right) => Number(left[list.positionColumn]) - Number(right[list.positionColumn]),
    );
    items.forEach((item, position) => addItemCells(flat, list, position, item));
  }
  const { input } = rowToRecordInput(type, flat);
  const result = validateRecord(type, input);
  if (result.ok) {
    return { ok: true, record: result.value };
  }
  return { ok: false, id: String(rows.main.id ?? ""), issues: result.issues };
}

function addItemCells(flat: Row, list: ListLayout, position: number, item: Row): void {
  const prefix = `${list.path}.${position}`;
  if (list.plainValues) {
    const value = item[list.itemColumns[0]];
    if (value !== undefined && value !== "") {
      flat[prefix] = value;
    }
    return;
  }
  for (const column of list.itemColumns) {
    const value = item[column];
    if (value !== undefined) {
      flat[`${prefix}.${column}`] = value;
    }
  }
}

/** Builds a row keyed by column name from cells in header order. */
export function cellsToRow(header: readonly string[], cells: readonly RowValue[]): Row {
  const row: Row = {};
  header.forEach((column, index) => {
    row[column] = cells[index] ?? "";
  });
  return row;
}
