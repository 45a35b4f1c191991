/**
 * Reading records and the layout version out of table contents: groups the child rows of each
 * record, rebuilds the records and notes which records have every list item keyed, so a later
 * write can find their rows by key.
 */
import { AnyRecord, FieldIssue, RecordType, Row, RowValue } from "../../model";
import {
  itemKeyRepair,
  LAYOUTS,
  ListLayout,
  META_COLUMNS,
  META_TABLE_NAME,
  SCHEMA_VERSION_KEY,
} from "./layout";
import { isEmptyRow, queueTableRead, TableContents } from "./tableReader";
import { cellsToRow, RecordRows, rowsToRecord, RowsReading } from "./tableRows";

/** The tables of one record type as read. */
export interface TypeContents {
  main: TableContents;
  /** Child tables keyed by list path. */
  lists: Map<string, TableContents>;
}

/** Records of one type read from its tables, with where their rows are. */
export interface TypeReading {
  records: AnyRecord[];
  /** Column names of the main table, empty when it does not exist. */
  mainHeader: string[];
  /** Column names of each child table by list path, empty when it does not exist. */
  listHeaders: Map<string, string[]>;
  /** List paths whose child table has at least one item row. */
  listsWithRows: Set<string>;
  /** Ids of records whose list items all carry the key and position of their place. */
  keyedRecords: Set<string>;
  /** Rows that are not valid records, e.g. after a user typed text in a number column. */
  invalid: { id: string; issues: FieldIssue[] }[];
  /** Tables of the type that do not exist. */
  missingTables: string[];
  /** The rebuilt rows of this reading, to pass to the next one. */
  memo: RowMemo;
}

/** Queues a read of every table of `type`; `body: "none"` reads only headers and row counts. */
export function queueTypeRead(
  context: Excel.RequestContext,
  type: RecordType,
  body: "all" | "none" = "all",
): () => TypeContents {
  const layout = LAYOUTS[type];
  const main = queueTableRead(context, { name: layout.tableName, body });
  const lists = layout.lists.map(
    (list) => [list.path, queueTableRead(context, { name: list.tableName, body })] as const,
  );
  return () => ({
    main: main(),
    lists: new Map(lists.map(([path, read]) => [path, read()])),
  });
}

/** Turns the rows of a table into rows keyed by column name, with their body index. */
function keyedRows(contents: TableContents): { index: number; row: Row }[] {
  const rows: { index: number; row: Row }[] = [];
  contents.rows.forEach((cells, index) => {
    if (!isEmptyRow(cells)) {
      rows.push({ index, row: cellsToRow(contents.header, cells) });
    }
  });
  return rows;
}

/**
 * Groups the rows of a child table by parent id, each group in list order. Rows with the same
 * position keep their order in the table.
 */
export function groupListRows(
  list: ListLayout,
  contents: TableContents | undefined,
): Map<string, { index: number; row: Row }[]> {
  const groups = new Map<string, { index: number; row: Row }[]>();
  if (contents === undefined || !contents.exists) {
    return groups;
  }
  for (const entry of keyedRows(contents)) {
    const parentId = String(entry.row[list.parentColumn] ?? "");
    const group = groups.get(parentId) ?? [];
    group.push(entry);
    groups.set(parentId, group);
  }
  for (const group of groups.values()) {
    group.sort(
      (left, right) =>
        Number(left.row[list.positionColumn]) - Number(right.row[list.positionColumn]),
    );
  }
  return groups;
}

/**
 * Records already rebuilt, keyed by the JSON of their cells, so a reload parses only rows
 * that changed. The records in it must not be modified.
 */
export type RowMemo = Map<string, RowsReading>;

/** Rebuilds the records of `type` from its tables' contents. */
export function readRecords(
  type: RecordType,
  contents: TypeContents,
  memo: RowMemo = new Map(),
): TypeReading {
  const layout = LAYOUTS[type];
  const reading: TypeReading = {
    records: [],
    mainHeader: contents.main.header,
    listHeaders: new Map(
      layout.lists.map((list) => [list.path, contents.lists.get(list.path)?.header ?? []]),
    ),
    listsWithRows: new Set(),
    keyedRecords: new Set(),
    invalid: [],
    missingTables: [contents.main, ...contents.lists.values()]
      .filter((table) => !table.exists)
      .map((table) => table.name),
    memo: new Map(),
  };
  if (!contents.main.exists) {
    return reading;
  }
  const groups = new Map(
    layout.lists.map((list) => [list.path, groupListRows(list, contents.lists.get(list.path))]),
  );
  for (const [path, group] of groups) {
    if (group.size > 0) {
      reading.listsWithRows.add(path);
    }
  }

  for (const { row } of keyedRows(contents.main)) {
    const id = String(row.id ?? "");
    if (id === "") {
      continue;
    }
    const rows: RecordRows = { main: row, lists: new Map() };
    let keyed = true;
    for (const list of layout.lists) {
      const items = groups.get(list.path)?.get(id) ?? [];
      keyed &&= items.every(
        (item, position) => itemKeyRepair(list, id, position, item.row) === undefined,
      );
      rows.lists.set(
        list.path,
        items.map((item) => item.row),
      );
    }
    const key = JSON.stringify([type, row, [...rows.lists.values()]]);
    const result = memo.get(key) ?? rowsToRecord(type, rows);
    reading.memo.set(key, result);
    if (result.ok) {
      reading.records.push(result.record);
      if (keyed) {
        reading.keyedRecords.add(id);
      }
    } else {
      reading.invalid.push({ id, issues: result.issues });
    }
  }
  return reading;
}

/** The layout version stored in the meta table. */
export interface MetaContents {
  exists: boolean;
  /** Version found; undefined when the table or the row is missing. */
  version: number | undefined;
  /** Body row of the version, when present. */
  rowIndex: number | undefined;
  header: string[];
  emptyBody: boolean;
}

/** Queues a read of the meta table. */
export function queueMetaRead(context: Excel.RequestContext): () => MetaContents {
  const read = queueTableRead(context, { name: META_TABLE_NAME, body: "all" });
  return () => {
    const contents = read();
    const meta: MetaContents = {
      exists: contents.exists,
      version: undefined,
      rowIndex: undefined,
      header: contents.exists ? contents.header : [...META_COLUMNS],
      emptyBody: contents.rows.length === 1 && isEmptyRow(contents.rows[0]),
    };
    contents.rows.forEach((cells: RowValue[], index) => {
      const row = cellsToRow(contents.header, cells);
      if (row.key === SCHEMA_VERSION_KEY) {
        meta.version = Number(row.value);
        meta.rowIndex = index;
      }
    });
    return meta;
  };
}
