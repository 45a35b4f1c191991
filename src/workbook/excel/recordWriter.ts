/**
 * One write of records of one type. An edit or a delete of a record whose rows the store's last
 * reading can address takes one sync with no read (`updateFromReading`, `deleteFromReading`).
 * Otherwise a read finds the rows in one sync, or two when the main table's columns changed
 * since the store last read it, and the queued writes follow in one sync unless they exceed a
 * request. Either way, the writes find a record's main row by its id and its list rows by their
 * keys in the sync that writes them. Missing tables are recreated empty and missing columns are
 * added, so a save repairs a damaged layout.
 */
import {
  AnyRecord,
  RecordType,
  RECORD_LABELS,
  RECORD_TYPES,
  Row,
  RowValue,
  valuesEqual,
} from "../../model";
import { RecordNotFoundError, StoreAccessError } from "../store";
import { protectedSheetError } from "./accessErrors";
import {
  ColumnKind,
  itemKeyRepair,
  LAYOUTS,
  listColumns,
  ListLayout,
  META_COLUMNS,
  META_TABLE_NAME,
  SCHEMA_VERSION_KEY,
} from "./layout";
import { MetaContents, queueMetaRead, TypeReading } from "./recordReader";
import { TableEventRegistry } from "./tableEvents";
import {
  isEmptyRow,
  queueSheetRead,
  queueTableRead,
  SheetContents,
  TableContents,
} from "./tableReader";
import { cellsToRow, recordToRows, RecordRows, rowsToRecord } from "./tableRows";
import { changedCells, ListPlan, planList, queueRecordDelete, queueRecordEdit } from "./listWrites";
import {
  addColumns,
  appendRows,
  createTable,
  findId,
  RowById,
  TableTarget,
  writeRowCells,
} from "./tableWriter";
import { WriteBatch } from "./writeBatch";

/** State of the store that a writer uses. */
export interface RecordWriterOptions {
  /** The store's last reading of the type, for the id column and the main table's width. */
  cachedReading: TypeReading | undefined;
  maxRequestBytes: number | undefined;
  schemaVersion: number;
  events: TableEventRegistry;
}

const META_KINDS: ReadonlyMap<string, ColumnKind> = new Map([
  ["key", "text"],
  ["value", "number"],
]);

/** Reads the rows of one record type needed for one write, then queues and sends the write. */
export class RecordWriter {
  private readonly context: Excel.RequestContext;
  private readonly type: RecordType;
  private readonly options: RecordWriterOptions;
  private main!: TableContents;
  private lists = new Map<string, TableContents>();
  private sheets = new Map<string, SheetContents>();
  private meta!: MetaContents;
  private ids = new Map<string, number>();

  constructor(context: Excel.RequestContext, type: RecordType, options: RecordWriterOptions) {
    this.context = context;
    this.type = type;
    this.options = options;
  }

  /** True when the type's main table does not exist but other tables of the layout do. */
  get mainTableMissing(): boolean {
    return !this.main.exists && this.meta.exists;
  }

  /**
   * Reads the header and id column of the main table, the row of record `id` found by its id,
   * the child tables (whole when `id` is given) and the protection of the type's sheets.
   */
  async read(id: string | undefined): Promise<void> {
    const layout = LAYOUTS[this.type];
    const cached = this.options.cachedReading;
    let idColumn = cached?.mainHeader.indexOf("id") ?? -1;
    let width = cached?.mainHeader.length ?? 0;

    for (let attempt = 0; attempt < 2; attempt++) {
      const main = queueTableRead(this.context, {
        name: layout.tableName,
        body: "none",
        column: idColumn >= 0 ? idColumn : undefined,
        rows: [0],
        find: id === undefined || idColumn < 0 ? undefined : { id, column: idColumn, width },
      });
      const lists = layout.lists.map(
        (list) =>
          [
            list.path,
            queueTableRead(this.context, {
              name: list.tableName,
              body: id === undefined ? "none" : "all",
              rows: [0],
            }),
          ] as const,
      );
      const sheetNames = [layout.sheetName, ...layout.lists.map((list) => list.tableName)];
      const sheets = [...sheetNames, META_TABLE_NAME].map((name) =>
        queueSheetRead(this.context, name),
      );
      const meta = queueMetaRead(this.context);
      await this.context.sync();

      this.main = main();
      this.lists = new Map(lists.map(([path, read]) => [path, read()]));
      this.sheets = new Map(sheets.map((read) => [read().name, read()]));
      this.meta = meta();
      const foundIdColumn = this.main.header.indexOf("id");
      if (!this.main.exists || foundIdColumn === idColumn) {
        break;
      }
      // The id column moved (or the table is new to this store): read it where it is now.
      idColumn = foundIdColumn;
      width = this.main.header.length;
    }
    this.ids = new Map(this.main.column.map((cell, index) => [String(cell), index]));
  }

  /** True when the main table has a row with this id. */
  hasId(id: string): boolean {
    return this.ids.has(id);
  }

  /** Throws when a sheet of the type is protected, before anything is written. */
  requireUnprotected(): void {
    for (const sheet of this.sheets.values()) {
      if (sheet.exists && sheet.protected && sheet.name !== META_TABLE_NAME) {
        throw protectedSheetError(sheet.name);
      }
    }
  }

  /**
   * Reads record `id` as stored now. Its main row was found by id in the read, unless the
   * table's width changed since the store last read it, which costs one more sync.
   *
   * @throws StoreAccessError when the cells are not a valid record, e.g. after a user typed
   *   text into a number column.
   */
  async currentRecord(id: string): Promise<AnyRecord> {
    const index = this.requireIndex(id);
    let cells = this.main.found;
    if (cells === undefined || cells.length !== this.main.header.length) {
      const row = this.context.workbook.tables
        .getItem(this.main.name)
        .getDataBodyRange()
        .getRow(index)
        .load("values");
      await this.context.sync();
      cells = row.values[0] as RowValue[];
    }

    const rows: RecordRows = { main: cellsToRow(this.main.header, cells), lists: new Map() };
    for (const list of LAYOUTS[this.type].lists) {
      rows.lists.set(
        list.path,
        this.listEntries(list, id).map((entry) => entry.row),
      );
    }
    const result = rowsToRecord(this.type, rows);
    if (!result.ok) {
      const details = result.issues.map((issue) => issue.message).join(" ");
      throw new StoreAccessError(
        `The row of ${RECORD_LABELS[this.type]} ${id} in the table ${this.main.name} is not a ` +
          `valid record, so nothing was saved. ${details} Correct the cells and try again.`,
      );
    }
    return result.record;
  }

  /**
   * Writes new records' rows below the bodies of their tables, in as many syncs as the
   * request size limit needs (one for a single record).
   */
  async create(records: readonly AnyRecord[]): Promise<void> {
    const batch = this.newBatch();
    const rows = records.map((record) => recordToRows(this.type, record));
    const layout = LAYOUTS[this.type];
    const main = await this.ensureTable(
      batch,
      this.main,
      layout.tableName,
      layout.columns,
      layout.kinds,
    );
    await appendRows(
      batch,
      this.context,
      main,
      rows.map((row) => row.main),
    );
    for (const list of layout.lists) {
      const items = rows.flatMap((row) => row.lists.get(list.path) ?? []);
      if (items.length > 0 || !this.lists.get(list.path)?.exists) {
        const target = await this.listTarget(batch, list);
        await appendRows(batch, this.context, target, items);
      }
    }
    if (!this.meta.exists) {
      await this.createOtherTypesTables(batch);
    }
    if (this.meta.version === undefined) {
      await RecordWriter.writeVersion(
        batch,
        this.context,
        this.meta,
        this.sheets.get(META_TABLE_NAME)?.exists ?? false,
        this.options.schemaVersion,
      );
    }
    await batch.flush();
  }

  /**
   * Writes the cells of `record` that differ from `current`, and its changed lists, after
   * `read(id)`. List rows whose key or position is not that of their place (after a user
   * sorted or edited the child table) get them back first, by the positions just read.
   *
   * @throws RecordNotFoundError when a co-author deleted the record since the read.
   */
  async update(current: AnyRecord, record: AnyRecord): Promise<void> {
    const batch = this.newBatch();
    const layout = LAYOUTS[this.type];
    const main = await this.ensureTable(
      batch,
      this.main,
      layout.tableName,
      layout.columns,
      layout.kinds,
    );
    const before = recordToRows(this.type, current);
    const after = recordToRows(this.type, record);
    const plans: ListPlan[] = [];
    for (const list of layout.lists) {
      const desired = after.lists.get(list.path) ?? [];
      if (valuesEqual(before.lists.get(list.path) ?? [], desired)) {
        continue;
      }
      const target = await this.listTarget(batch, list);
      const stored = await this.repairKeys(batch, list, target, record.id);
      plans.push(planList(list, target, record.id, stored, desired));
    }

    await this.whileRowExists(record.id, async () => {
      await queueRecordEdit(batch, this.context, {
        main,
        id: record.id,
        changes: changedCells(layout.columns, before.main, after.main),
        plans,
      });
      await batch.flush();
    });
  }

  /**
   * Writes the cells of `record` that differ from `before`, the store's copy, in one sync
   * without reading first. That sync finds the main row by its id and list rows by their keys,
   * in the columns of the store's last reading. It also returns the main row as it was just
   * before the write, so the caller learns of a co-author's edit that no event reported yet.
   *
   * @returns the main row before the write, or undefined without writing when the last reading
   *   cannot address every change, e.g. a column is missing or list keys need repair; the
   *   caller then reads and writes with `update`.
   * @throws the sync's error when a row was not found or a sheet is protected. Commands queued
   *   before the failing one may have run, so the caller completes the edit with `update`
   *   after `read`.
   */
  static async updateFromReading(
    context: Excel.RequestContext,
    type: RecordType,
    reading: TypeReading,
    before: AnyRecord,
    record: AnyRecord,
    maxRequestBytes: number | undefined,
  ): Promise<Row | undefined> {
    const layout = LAYOUTS[type];
    const rowsBefore = recordToRows(type, before);
    const rowsAfter = recordToRows(type, record);
    const changes = changedCells(layout.columns, rowsBefore.main, rowsAfter.main);
    const header = reading.mainHeader;
    const idColumn = header.indexOf("id");
    if (idColumn < 0 || Object.keys(changes).some((column) => !header.includes(column))) {
      return undefined;
    }
    const plans: ListPlan[] = [];
    for (const list of layout.lists) {
      const stored = rowsBefore.lists.get(list.path) ?? [];
      const desired = rowsAfter.lists.get(list.path) ?? [];
      if (valuesEqual(stored, desired)) {
        continue;
      }
      const listHeader = reading.listHeaders.get(list.path) ?? [];
      const appends = desired.length > stored.length;
      if (
        !reading.keyedRecords.has(record.id) ||
        listColumns(list).some((column) => !listHeader.includes(column)) ||
        (appends && !reading.listsWithRows.has(list.path))
      ) {
        return undefined;
      }
      const target = {
        name: list.tableName,
        header: listHeader,
        kinds: list.kinds,
        emptyBody: false,
      };
      plans.push(planList(list, target, record.id, stored, desired));
    }
    // The row is read first: when it is gone, the sync fails before any write.
    const storedRow = new RowById(idColumn, record.id, header.length)
      .locate(context.workbook.tables.getItem(layout.tableName))
      .load("values");
    const batch = new WriteBatch(context, maxRequestBytes);
    const main = { name: layout.tableName, header, kinds: layout.kinds, emptyBody: false };
    await queueRecordEdit(batch, context, { main, id: record.id, changes, plans });
    await batch.flush();
    return cellsToRow(header, storedRow.values[0] as RowValue[]);
  }

  /**
   * Deletes the record's list rows, found by their keys, and then its main row, found by its
   * id, in one sync after the read. List rows whose key is not that of their place get it back
   * first.
   *
   * @throws RecordNotFoundError when a co-author deleted the record since the read.
   */
  async delete(id: string): Promise<void> {
    const batch = this.newBatch();
    const layout = LAYOUTS[this.type];
    const plans: ListPlan[] = [];
    for (const list of layout.lists) {
      const contents = this.lists.get(list.path);
      if (contents === undefined || !contents.exists) {
        continue;
      }
      const target = await this.listTarget(batch, list);
      const stored = await this.repairKeys(batch, list, target, id);
      plans.push(planList(list, target, id, stored, []));
    }
    await this.whileRowExists(id, async () => {
      queueRecordDelete(batch, this.context, {
        mainName: this.main.name,
        main: new RowById(this.main.header.indexOf("id"), id, this.main.header.length),
        plans,
      });
      await batch.flush();
    });
  }

  /**
   * Deletes a record in one sync without reading first: its list rows by their keys, as many as
   * the store's copy has items, then its main row by its id.
   *
   * @returns false without writing when the last reading cannot address every row.
   * @throws the sync's error when a row was not found; `delete` after `read` then completes it.
   */
  static async deleteFromReading(
    context: Excel.RequestContext,
    type: RecordType,
    reading: TypeReading,
    record: AnyRecord,
  ): Promise<boolean> {
    return RecordWriter.deleteAllFromReading(context, type, reading, [record]);
  }

  /**
   * Deletes records as `deleteFromReading` does, all in one sync.
   *
   * @returns false without writing when the last reading cannot address every row.
   */
  static async deleteAllFromReading(
    context: Excel.RequestContext,
    type: RecordType,
    reading: TypeReading,
    records: readonly AnyRecord[],
  ): Promise<boolean> {
    const idColumn = reading.mainHeader.indexOf("id");
    if (idColumn < 0 || records.some((record) => !reading.keyedRecords.has(record.id))) {
      return false;
    }
    const batch = new WriteBatch(context);
    for (const record of records) {
      const plans = RecordWriter.removalPlans(type, reading, record);
      if (plans === undefined) {
        return false;
      }
      queueRecordDelete(batch, context, {
        mainName: LAYOUTS[type].tableName,
        main: new RowById(idColumn, record.id, reading.mainHeader.length),
        plans,
      });
    }
    await batch.flush();
    return true;
  }

  /** Plans the removal of a record's list rows by key; undefined when a key column is missing. */
  private static removalPlans(
    type: RecordType,
    reading: TypeReading,
    record: AnyRecord,
  ): ListPlan[] | undefined {
    const layout = LAYOUTS[type];
    const rows = recordToRows(type, record);
    const plans: ListPlan[] = [];
    for (const list of layout.lists) {
      const stored = rows.lists.get(list.path) ?? [];
      const header = reading.listHeaders.get(list.path) ?? [];
      if (stored.length === 0) {
        continue;
      }
      if (!header.includes(list.keyColumn)) {
        return undefined;
      }
      const target = { name: list.tableName, header, kinds: list.kinds, emptyBody: false };
      plans.push(planList(list, target, record.id, stored, []));
    }
    return plans;
  }

  /** Queues the layout version into the meta table, creating the table when missing. */
  static async writeVersion(
    batch: WriteBatch,
    context: Excel.RequestContext,
    meta: MetaContents,
    sheetExists: boolean,
    version: number,
  ): Promise<void> {
    const target: TableTarget = {
      name: META_TABLE_NAME,
      header: meta.header,
      kinds: META_KINDS,
      emptyBody: meta.emptyBody || !meta.exists,
    };
    if (!meta.exists) {
      await createTable(batch, context, {
        sheetName: META_TABLE_NAME,
        sheetExists,
        column: 0,
        tableName: META_TABLE_NAME,
        columns: META_COLUMNS,
      });
    }
    if (meta.rowIndex === undefined) {
      await appendRows(batch, context, target, [{ key: SCHEMA_VERSION_KEY, value: version }]);
    } else {
      await writeRowCells(batch, context, target, meta.rowIndex, { value: version });
    }
  }

  /**
   * Queues the tables of the other record types that do not exist yet, so the first save
   * creates the whole layout once. Their existence is read in one more sync.
   */
  private async createOtherTypesTables(batch: WriteBatch): Promise<void> {
    const others = RECORD_TYPES.filter((type) => type !== this.type);
    const reads = others.flatMap((type) => {
      const layout = LAYOUTS[type];
      const tables = [
        { name: layout.tableName, columns: layout.columns },
        ...layout.lists.map((list) => ({ name: list.tableName, columns: listColumns(list) })),
      ];
      return tables.map((table) => ({
        ...table,
        contents: queueTableRead(this.context, { name: table.name, body: "none" }),
        sheet: queueSheetRead(this.context, table.name),
      }));
    });
    await this.context.sync();
    for (const table of reads) {
      if (table.contents().exists) {
        continue;
      }
      const sheet = table.sheet();
      const created = await createTable(batch, this.context, {
        sheetName: table.name,
        sheetExists: sheet.exists,
        column: sheet.exists ? sheet.freeColumn : 0,
        tableName: table.name,
        columns: table.columns,
      });
      batch.queue(() => this.options.events.watchTable(created, table.name));
    }
  }

  /**
   * Runs the writes of record `id`, which find its main row by id, and throws
   * `RecordNotFoundError` when the sync failed because the row is gone. After a failed sync,
   * one more sync checks whether the record is gone.
   */
  private async whileRowExists(id: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      // A failure of this check leaves the first error as the one reported.
      if (await this.idMissing(id).catch(() => false)) {
        throw new RecordNotFoundError(this.type, id);
      }
      throw error;
    }
  }

  /** True when the main table has no row with `id` now, e.g. after the table was deleted; one sync. */
  private async idMissing(id: string): Promise<boolean> {
    const table = this.context.workbook.tables.getItemOrNullObject(this.main.name);
    const found = findId(table, this.main.header.indexOf("id"), id);
    await this.context.sync();
    return found.isNullObject;
  }

  private newBatch(): WriteBatch {
    return new WriteBatch(this.context, this.options.maxRequestBytes);
  }

  private requireIndex(id: string): number {
    const index = this.ids.get(id);
    if (index === undefined) {
      throw new Error(`The row of record ${id} was not read before writing.`);
    }
    return index;
  }

  /** Rows of record `id` in a child table with their body indexes, in list order. */
  private listEntries(list: ListLayout, id: string): { index: number; row: Row }[] {
    const contents = this.lists.get(list.path);
    if (contents === undefined || !contents.exists) {
      return [];
    }
    const entries: { index: number; row: Row }[] = [];
    contents.rows.forEach((cells, index) => {
      if (isEmptyRow(cells)) {
        return;
      }
      const row = cellsToRow(contents.header, cells);
      if (String(row[list.parentColumn]) === id) {
        entries.push({ index, row });
      }
    });
    return entries.sort(
      (left, right) =>
        Number(left.row[list.positionColumn]) - Number(right.row[list.positionColumn]),
    );
  }

  private async listTarget(batch: WriteBatch, list: ListLayout): Promise<TableTarget> {
    const contents = this.lists.get(list.path);
    const target = await this.ensureTable(
      batch,
      contents,
      list.tableName,
      listColumns(list),
      list.kinds,
    );
    return target;
  }

  /**
   * Queues, by the positions just read, the key and position of each list row of record `id`
   * that lacks those of its place, and returns the rows as they will be.
   */
  private async repairKeys(
    batch: WriteBatch,
    list: ListLayout,
    target: TableTarget,
    id: string,
  ): Promise<Row[]> {
    const stored: Row[] = [];
    for (const [position, entry] of this.listEntries(list, id).entries()) {
      const repair = itemKeyRepair(list, id, position, entry.row);
      if (repair !== undefined) {
        await writeRowCells(batch, this.context, target, entry.index, repair);
      }
      stored.push({ ...entry.row, ...repair });
    }
    return stored;
  }

  /**
   * Returns the write target of a table, queueing its creation when it is missing and the
   * columns of `columns` that it lacks.
   */
  private async ensureTable(
    batch: WriteBatch,
    contents: TableContents | undefined,
    tableName: string,
    columns: readonly string[],
    kinds: ReadonlyMap<string, ColumnKind>,
  ): Promise<TableTarget> {
    if (contents === undefined || !contents.exists) {
      const sheet = this.sheets.get(tableName);
      const table = await createTable(batch, this.context, {
        sheetName: tableName,
        sheetExists: sheet?.exists ?? false,
        column: sheet?.exists ? sheet.freeColumn : 0,
        tableName,
        columns,
      });
      batch.queue(() => this.options.events.watchTable(table, tableName));
      const created = { name: tableName, header: [...columns], kinds, emptyBody: true };
      if (contents !== undefined) {
        Object.assign(contents, { exists: true, header: [...columns], rowCount: 1, rows: [] });
      }
      return created;
    }
    const missing = columns.filter((column) => !contents.header.includes(column));
    addColumns(batch, this.context, tableName, missing);
    contents.header.push(...missing);
    const firstRow = contents.rowsAt.get(0);
    return {
      name: tableName,
      header: contents.header,
      kinds,
      emptyBody: contents.rowCount === 1 && isEmptyRow(firstRow),
    };
  }
}
