/**
 * Upgrade of the tables of a workbook saved in an older data layout. The migration steps run
 * on the header, so a renamed column keeps its place and the formulas that use it. They also
 * run on every row, and only the cells whose value changes are written. Columns a user added
 * keep their place and their cells. Child tables get the columns they lack and every item row
 * its key.
 */
import { migrateRows, RecordType, RECORD_TYPES, Row, RowMigration } from "../../model";
import { itemKeyRepair, LAYOUTS, listColumns, ListLayout } from "./layout";
import { groupListRows, TypeContents } from "./recordReader";
import { isEmptyRow, TableContents } from "./tableReader";
import { cellsToRow } from "./tableRows";
import { addColumns, renameColumns, TableTarget, writeRowCells } from "./tableWriter";
import { WriteBatch } from "./writeBatch";

/** Versions and steps of one layout upgrade. */
export interface LayoutUpgrade {
  fromVersion: number;
  toVersion: number;
  migrations: readonly RowMigration[];
}

/** Returns the upgraded header: each column renamed in place, new columns at the end. */
export function migrateHeader(
  type: RecordType,
  header: readonly string[],
  upgrade: LayoutUpgrade,
): string[] {
  const headerRow: Row = Object.fromEntries(header.map((column) => [column, column]));
  const [migrated] = migrateRows(
    type,
    [headerRow],
    upgrade.fromVersion,
    upgrade.migrations,
    upgrade.toVersion,
  );
  return Object.keys(migrated);
}

/**
 * Queues the upgrade of the main table of `type`: renamed header cells, added columns (new
 * fields and fields the table lacks), then the changed cells of each row.
 */
async function migrateTable(
  batch: WriteBatch,
  context: Excel.RequestContext,
  type: RecordType,
  contents: TypeContents,
  upgrade: LayoutUpgrade,
): Promise<void> {
  const layout = LAYOUTS[type];
  const table = contents.main;
  if (!table.exists) {
    return;
  }
  const header = migrateHeader(type, table.header, upgrade);
  const renamed = header.slice(0, table.header.length);
  if (renamed.some((column, index) => column !== table.header[index])) {
    await renameColumns(batch, context, table.name, renamed);
  }
  const missing = layout.columns.filter((column) => !header.includes(column));
  addColumns(batch, context, table.name, [...header.slice(table.header.length), ...missing]);
  const target: TableTarget = {
    name: table.name,
    header: [...header, ...missing],
    kinds: layout.kinds,
    emptyBody: false,
  };

  for (const [index, cells] of table.rows.entries()) {
    if (isEmptyRow(cells)) {
      continue;
    }
    const stored = cellsToRow(table.header, cells);
    const [migrated] = migrateRows(
      type,
      [stored],
      upgrade.fromVersion,
      upgrade.migrations,
      upgrade.toVersion,
    );
    const changes: Row = {};
    for (const [column, value] of Object.entries(migrated)) {
      const position = header.indexOf(column);
      if (position < 0 || cells[position] !== value) {
        changes[column] = value;
      }
    }
    if (Object.keys(changes).length > 0) {
      await writeRowCells(batch, context, target, index, changes);
    }
  }
}

/**
 * Queues the upgrade of a child table: the columns it lacks, then the key and position of
 * each item row, numbered from 0 in the order of the stored positions.
 */
async function migrateListTable(
  batch: WriteBatch,
  context: Excel.RequestContext,
  list: ListLayout,
  table: TableContents,
): Promise<void> {
  const missing = listColumns(list).filter((column) => !table.header.includes(column));
  addColumns(batch, context, table.name, missing);
  const target: TableTarget = {
    name: table.name,
    header: [...table.header, ...missing],
    kinds: list.kinds,
    emptyBody: false,
  };
  for (const [parentId, entries] of groupListRows(list, table)) {
    for (const [position, entry] of entries.entries()) {
      const changes = itemKeyRepair(list, parentId, position, entry.row);
      if (changes !== undefined) {
        await writeRowCells(batch, context, target, entry.index, changes);
      }
    }
  }
}

/** Queues the upgrade of every record type's main table and child tables. */
export async function migrateTables(
  batch: WriteBatch,
  context: Excel.RequestContext,
  contents: ReadonlyMap<RecordType, TypeContents>,
  upgrade: LayoutUpgrade,
): Promise<void> {
  for (const type of RECORD_TYPES) {
    const typeContents = contents.get(type);
    if (typeContents === undefined) {
      continue;
    }
    await migrateTable(batch, context, type, typeContents, upgrade);
    for (const list of LAYOUTS[type].lists) {
      const table = typeContents.lists.get(list.path);
      if (table !== undefined && table.exists) {
        await migrateListTable(batch, context, list, table);
      }
    }
  }
}
