/**
 * Excel adapter of the store port. Records live in `SPM_` tables (see `layout.ts`). The store
 * keeps a copy of what it last read, kept current by Excel's table change events, whether a
 * co-author or this session made the change. An edit or a delete writes from that copy in one
 * sync: it finds the record's row by its id and its list rows by their keys in that sync and
 * changes only the cells that differ. When that sync fails (the record or a list row moved
 * out of reach, a sheet is protected) or the copy cannot address a change, the store reads the
 * record's rows and writes again, and reports what went wrong.
 *
 * Costs in `context.sync()` calls, whatever the number of rows: `open` 2, `load` and `list` 1,
 * `create` 2, `update` and `delete` 1 (3 after a failed first sync). A write larger than one
 * request allows is split over more syncs (`writeBatch.ts`).
 */
import {
  AnyRecord,
  changedFields,
  checkSchemaVersion,
  describeRecord,
  editIssues,
  emptySnapshot,
  FieldConflict,
  fieldValues,
  findReferencesTo,
  mergeEdit,
  MIGRATIONS,
  RecordLookup,
  RecordOf,
  RecordType,
  RECORD_TYPES,
  Row,
  RowMigration,
  SalesSystemSnapshot,
  SCHEMA_VERSION,
  validateRecord,
  valuesEqual,
} from "../../model";
import {
  CreateOptions,
  RecordChanges,
  RecordInput,
  RecordInUseError,
  RecordNotFoundError,
  SalesSystemStore,
  StoreChange,
  StoreAccessError,
  StoreReadOnlyError,
  StoreValidationError,
  Unsubscribe,
  UpdateOptions,
  UpdateResult,
} from "../store";
import { missingTableError, missingTablesError, syncFailure } from "./accessErrors";
import { ChangeNotifier } from "./changeNotifier";
import { LAYOUTS, META_TABLE_NAME, typeOfTable } from "./layout";
import { migrateTables } from "./layoutMigration";
import { queueMetaRead, RowMemo, TypeContents, TypeReading } from "./recordReader";
import { CellSizeEstimates, ModelRead, readModel, ReadPlan } from "./modelRead";
import { RecordWriter } from "./recordWriter";
import { recordToRows, rowsToRecord } from "./tableRows";
import { TableEventRegistry } from "./tableEvents";
import { queueSheetRead } from "./tableReader";
import { WriteBatch } from "./writeBatch";

/** Fields every record carries that an edit may not change. */
const RECORD_META_FIELDS = new Set(["id", "createdAt", "updatedAt"]);

/** Options of `ExcelStore.open`. */
export interface ExcelStoreOptions {
  /** Source of timestamps; the system clock by default. */
  clock?: () => Date;
  /** Data layout version this code writes; `SCHEMA_VERSION` except in tests of migrations. */
  schemaVersion?: number;
  /** Migrations of older layouts; `MIGRATIONS` except in tests of migrations. */
  migrations?: readonly RowMigration[];
  /** Largest request of one sync in bytes; see `MAX_REQUEST_BYTES`. */
  maxRequestBytes?: number;
}

/** An edit of this store to one field, kept to tell the user when a co-author overwrites it. */
interface OwnEdit {
  written: unknown;
  previous: unknown;
}

/** The records of one type as the store last read them. */
interface TypeCache {
  records: Map<string, AnyRecord>;
  reading: TypeReading | undefined;
}

/** The store port over the tables of one Excel workbook, through one request context. */
export class ExcelStore implements SalesSystemStore {
  readOnly = false;
  readOnlyReason?: string;
  /** Rows skipped by the last read because they are not valid records, by record type. */
  readonly skippedRows = new Map<RecordType, TypeReading["invalid"]>();

  private readonly context: Excel.RequestContext;
  private readonly clock: () => Date;
  private readonly schemaVersion: number;
  private readonly migrations: readonly RowMigration[];
  private readonly maxRequestBytes: number | undefined;
  private readonly cache = new Map<RecordType, TypeCache>();
  private readonly ownEdits = new Map<string, Map<string, OwnEdit>>();
  private readonly notifier = new ChangeNotifier();
  private readonly events: TableEventRegistry;
  private readonly dirtyTypes = new Set<RecordType>();
  private operations: Promise<unknown> = Promise.resolve();
  /** Plan of the next read of the whole model: in chunks after a read that needed them. */
  private readonly readPlan: ReadPlan = { chunked: false, sizes: new CellSizeEstimates() };

  private constructor(context: Excel.RequestContext, options: ExcelStoreOptions) {
    this.context = context;
    this.clock = options.clock ?? ((): Date => new Date());
    this.schemaVersion = options.schemaVersion ?? SCHEMA_VERSION;
    this.migrations = options.migrations ?? MIGRATIONS;
    this.maxRequestBytes = options.maxRequestBytes;
    for (const type of RECORD_TYPES) {
      this.cache.set(type, { records: new Map(), reading: undefined });
    }
    this.events = new TableEventRegistry({
      changed: (type) => this.reloadLater(type),
      added: (tableId) => this.exclusive(() => this.watchAddedTable(tableId)),
      deleted: (tableName) => {
        const type = typeOfTable(tableName);
        return type === undefined ? Promise.resolve() : this.reloadLater(type);
      },
    });
  }

  /**
   * Opens the store on a workbook: reads every table, migrates an older layout, opens a newer
   * one read-only, and registers the table events.
   */
  static async open(
    context: Excel.RequestContext,
    options: ExcelStoreOptions = {},
  ): Promise<ExcelStore> {
    const store = new ExcelStore(context, options);
    await store.exclusive(() => store.initialise());
    return store;
  }

  /** Resolves once every reported table change is reloaded and every change delivered. */
  async settled(): Promise<void> {
    await this.operations;
    await this.notifier.settled();
  }

  async load(): Promise<SalesSystemSnapshot> {
    return this.exclusive(async () => {
      const model = await this.readAll();
      const missing = model.layoutExists ? model.missingTables : [];
      for (const type of RECORD_TYPES) {
        this.reconcile(type, model.readings.get(type));
      }
      if (missing.length > 0) {
        throw missingTablesError(missing);
      }
      return this.snapshot();
    });
  }

  async list<T extends RecordType>(type: T): Promise<RecordOf<T>[]> {
    return this.exclusive(async () => {
      await this.reload([type]);
      return structuredClone([...this.records(type).values()]) as RecordOf<T>[];
    });
  }

  async get<T extends RecordType>(type: T, id: string): Promise<RecordOf<T> | undefined> {
    const records = await this.list(type);
    return records.find((record) => record.id === id);
  }

  async create<T extends RecordType>(
    type: T,
    input: RecordInput<T>,
    options: CreateOptions = {},
  ): Promise<RecordOf<T>> {
    this.requireWritable();
    return this.exclusive(async () => {
      const writer = await this.prepareWriter(type, undefined);
      const id = options.id ?? crypto.randomUUID();
      if (writer.hasId(id)) {
        const existing = this.records(type).get(id) ?? (await writer.currentRecord(id));
        const description = describeRecord(type, existing);
        throw new StoreValidationError(type, [
          {
            field: "id",
            message:
              `id ${id} is already used by the ${description}; ` +
              "leave id empty to create a new record, or update the existing one.",
          },
        ]);
      }

      const timestamp = this.nextTimestamp();
      const candidate = { ...input, id, createdAt: timestamp, updatedAt: timestamp };
      const record = this.validated(type, candidate, this.lookup());
      try {
        await this.write("saving the record", () => writer.create([record]));
      } catch (error) {
        await this.removeFailedCreate(type, id);
        throw error;
      }

      this.records(type).set(id, record);
      this.rememberOwnEdits(type, undefined, record, changedFields({}, record));
      this.notifier.publish({
        kind: "created",
        type,
        id,
        record: structuredClone(record),
        origin: "local",
      });
      return structuredClone(record) as RecordOf<T>;
    });
  }

  /**
   * Stores complete records, ids and timestamps included, e.g. records exported from another
   * workbook: validates all of them, then writes them in as few syncs as the request size
   * limit allows. Listeners receive one "reloaded" change.
   *
   * @throws StoreValidationError for the first invalid record or used id; nothing is stored.
   */
  async importRecords<T extends RecordType>(
    type: T,
    records: readonly RecordOf<T>[],
  ): Promise<void> {
    this.requireWritable();
    return this.exclusive(async () => {
      const writer = await this.prepareWriter(type, undefined);
      const imported = new Map<string, AnyRecord>();
      const lookup: RecordLookup = {
        find: (lookupType, id) =>
          (lookupType === (type as RecordType) ? imported.get(id) : undefined) ??
          this.records(lookupType).get(id),
      };
      for (const record of records) {
        if (writer.hasId(record.id) || imported.has(record.id)) {
          throw new StoreValidationError(type, [
            {
              field: "id",
              message: `id ${record.id} is already used; give each record its own id.`,
            },
          ]);
        }
        imported.set(record.id, record);
      }
      const valid = records.map((record) => this.validated(type, record, lookup));
      try {
        await this.write("saving the records", () => writer.create(valid));
      } catch (error) {
        await this.removeFailedImport(type, imported);
        throw error;
      }

      for (const record of valid) {
        this.records(type).set(record.id, record);
      }
      this.notifier.publish({ kind: "reloaded", origin: "local" });
    });
  }

  async update<T extends RecordType>(
    type: T,
    id: string,
    changes: RecordChanges<T>,
    options: UpdateOptions<T> = {},
  ): Promise<UpdateResult<T>> {
    this.requireWritable();
    return this.exclusive(async () => {
      const cached = this.records(type).get(id);
      if (cached !== undefined) {
        const done = await this.applyEdit(type, cached, changes, options, (record) =>
          this.writeEditFromReading(type, cached, record),
        );
        if (done !== undefined) {
          return done;
        }
      }
      const writer = await this.prepareWriter(type, id);
      if (!writer.hasId(id)) {
        throw new RecordNotFoundError(type, id);
      }
      const current = await writer.currentRecord(id);
      this.reconcileRecord(type, current);
      const done = await this.applyEdit(type, current, changes, options, async (record) => {
        await this.write("saving the change", () => writer.update(current, record));
        return true;
      });
      return done!;
    });
  }

  async delete(type: RecordType, id: string): Promise<void> {
    this.requireWritable();
    return this.exclusive(async () => {
      const cached = this.records(type).get(id);
      if (cached !== undefined) {
        this.requireUnreferenced(type, cached);
        if (await this.deleteFromReading(type, cached)) {
          this.forget(type, id);
          return;
        }
      }
      const writer = await this.prepareWriter(type, id);
      if (!writer.hasId(id)) {
        throw new RecordNotFoundError(type, id);
      }
      this.requireUnreferenced(
        type,
        this.records(type).get(id) ?? (await writer.currentRecord(id)),
      );
      await this.write("deleting the record", () => writer.delete(id));
      this.forget(type, id);
    });
  }

  subscribe(listener: (change: StoreChange) => void): Unsubscribe {
    return this.notifier.subscribe(listener);
  }

  /**
   * Merges `changes` into `current`, validates the result and writes it with `write`. `write`
   * returns false when it could not try, or the record as the workbook stored it just before
   * the write when that differs from `current`. The edit is then merged again into that record,
   * which is what the workbook now contains, and the conflicts are those with it. Returns
   * undefined when `write` returned false.
   *
   * @throws StoreValidationError when the record is locked or the result is not valid.
   */
  private async applyEdit<T extends RecordType>(
    type: T,
    current: AnyRecord,
    changes: RecordChanges<T>,
    options: UpdateOptions<T>,
    write: (record: AnyRecord) => Promise<AnyRecord | boolean>,
  ): Promise<UpdateResult<T> | undefined> {
    const lockIssues = editIssues(type, current as RecordOf<T>);
    if (lockIssues.length > 0) {
      throw new StoreValidationError(type, lockIssues);
    }
    let merge = mergeEdit<AnyRecord>(current, options.base ?? current, changes);
    const editedFields = merge.editedFields.filter((field) => !RECORD_META_FIELDS.has(field));
    if (editedFields.length === 0) {
      return { record: structuredClone(current) as RecordOf<T>, conflicts: [] };
    }
    const updatedAt = this.nextTimestamp(current.updatedAt);
    const stamp = (merged: AnyRecord): AnyRecord => ({
      ...merged,
      id: current.id,
      createdAt: current.createdAt,
      updatedAt,
    });
    let record = this.validated(type, stamp(merge.merged), this.lookup(type, current));
    const written = await write(record);
    if (written === false) {
      return undefined;
    }
    let previous = current;
    if (typeof written === "object") {
      merge = mergeEdit<AnyRecord>(written, options.base ?? current, changes);
      const stored = validateRecord(type, stamp(merge.merged));
      previous = written;
      record = stored.ok ? stored.value : record;
    }

    this.records(type).set(current.id, record);
    this.rememberOwnEdits(type, previous, record, editedFields);
    this.notifier.publish({
      kind: "updated",
      type,
      id: current.id,
      record: structuredClone(record),
      fields: this.changedRecordFields(previous, record),
      lostEdits: [],
      origin: "local",
    });
    return { record: structuredClone(record) as RecordOf<T>, conflicts: merge.conflicts };
  }

  /**
   * Writes an edit in one sync, addressed by the last reading. Returns the record as the
   * workbook held it before the write when that differs from `current`, true when it is the
   * same, and false when the reading cannot address the edit or the sync failed, e.g. because
   * a co-author deleted the record; the caller then reads the record and writes again, which
   * reports what went wrong.
   */
  private async writeEditFromReading(
    type: RecordType,
    current: AnyRecord,
    record: AnyRecord,
  ): Promise<AnyRecord | boolean> {
    const reading = this.cache.get(type)?.reading;
    if (reading === undefined) {
      return false;
    }
    let storedRow: Row | undefined;
    try {
      storedRow = await RecordWriter.updateFromReading(
        this.context,
        type,
        reading,
        current,
        record,
        this.maxRequestBytes,
      );
    } catch {
      return false;
    }
    if (storedRow === undefined) {
      return false;
    }
    const lists = recordToRows(type, current).lists;
    const stored = rowsToRecord(type, { main: storedRow, lists });
    return stored.ok && !valuesEqual(stored.record, current) ? stored.record : true;
  }

  /** Deletes a record in one sync addressed by the last reading; false when it could not. */
  private async deleteFromReading(type: RecordType, record: AnyRecord): Promise<boolean> {
    const reading = this.cache.get(type)?.reading;
    if (reading === undefined) {
      return false;
    }
    try {
      return await RecordWriter.deleteFromReading(this.context, type, reading, record);
    } catch {
      return false;
    }
  }

  /**
   * Deletes the rows of a new record whose write failed, so the workbook is left as it was and
   * saving again does not store the record twice. Excel may have run some or all of the write
   * before the failure, e.g. when the response of the sync was lost.
   * NOTE: when this clean-up fails too, e.g. because the connection is still down, rows of the
   * record may stay in the workbook.
   */
  private async removeFailedCreate(type: RecordType, id: string): Promise<void> {
    try {
      const writer = await this.prepareWriter(type, id);
      if (writer.hasId(id)) {
        await writer.delete(id);
      }
    } catch {
      // The caller reports the write's own error, which names what failed.
    }
  }

  /**
   * Deletes the rows of the records of an import whose write failed, so saving again does not
   * find their ids used. The write may have stored some of them, in whole or in part.
   * NOTE: when this clean-up fails too, e.g. because the connection is still down, rows of
   * those records may stay in the workbook, and importing again names their ids as used.
   */
  private async removeFailedImport(
    type: RecordType,
    imported: ReadonlyMap<string, AnyRecord>,
  ): Promise<void> {
    try {
      await this.reload([type]);
      const reading = this.cache.get(type)?.reading;
      const stored = [...this.records(type).values()].filter((record) => imported.has(record.id));
      if (reading !== undefined && stored.length > 0) {
        await RecordWriter.deleteAllFromReading(this.context, type, reading, stored);
      }
      await this.reload([type]);
    } catch {
      // The caller reports the write's own error, which names what failed.
    }
  }

  /** Throws `RecordInUseError` when other records refer to the record. */
  private requireUnreferenced(type: RecordType, record: AnyRecord): void {
    const references = findReferencesTo(this.snapshotView(), type, record.id);
    if (references.length > 0) {
      throw new RecordInUseError(type, record.id, describeRecord(type, record), references);
    }
  }

  /** Drops a deleted record from the copy and notifies listeners. */
  private forget(type: RecordType, id: string): void {
    this.records(type).delete(id);
    this.ownEdits.delete(`${type}/${id}`);
    this.notifier.publish({ kind: "deleted", type, id, origin: "local" });
  }

  // Opening and reading.

  private async initialise(): Promise<void> {
    this.events.watchWorkbook(this.context);
    let model = await this.readAll();
    const found = model.version ?? (model.layoutExists ? 1 : this.schemaVersion);
    const check = checkSchemaVersion(found, this.schemaVersion);
    if (check.status === "newer" || check.status === "invalid") {
      this.readOnly = true;
      this.readOnlyReason = check.message;
    } else if (check.status === "older") {
      try {
        await this.migrate(model.contents, check.fromVersion);
      } catch (error) {
        if (!(error instanceof StoreAccessError)) {
          throw error;
        }
        // Each upgrade step checks what is already done, so reopening later finishes it.
        this.readOnly = true;
        this.readOnlyReason =
          `The workbook's data layout ${found} needs an upgrade to layout ${this.schemaVersion}, ` +
          `which failed: ${error.message} The sales system data is open read-only; fix the ` +
          "cause and reopen the task pane to upgrade it.";
      }
      model = await this.readAll();
    }
    for (const type of RECORD_TYPES) {
      const reading = model.readings.get(type);
      this.cache.set(type, {
        records: new Map((reading?.records ?? []).map((record) => [record.id, record])),
        reading,
      });
    }
    this.watchExistingTables(model.contents);
    await this.context.sync();
  }

  private watchExistingTables(contents: ReadonlyMap<RecordType, TypeContents>): void {
    for (const typeContents of contents.values()) {
      for (const table of [typeContents.main, ...typeContents.lists.values()]) {
        if (table.exists) {
          const proxy = this.context.workbook.tables.getItem(table.name);
          this.events.watchTable(proxy, table.name);
        }
      }
    }
  }

  private async migrate(
    contents: ReadonlyMap<RecordType, TypeContents>,
    fromVersion: number,
  ): Promise<void> {
    const batch = new WriteBatch(this.context, this.maxRequestBytes);
    const upgrade = { fromVersion, toVersion: this.schemaVersion, migrations: this.migrations };
    await this.write("upgrading the data layout", async () => {
      await migrateTables(batch, this.context, contents, upgrade);
      await batch.flush();
      const meta = queueMetaRead(this.context);
      const metaSheet = queueSheetRead(this.context, META_TABLE_NAME);
      await this.context.sync();
      const sheetExists = metaSheet().exists;
      await RecordWriter.writeVersion(batch, this.context, meta(), sheetExists, this.schemaVersion);
      await batch.flush();
    });
  }

  private async readAll(types: readonly RecordType[] = RECORD_TYPES): Promise<ModelRead> {
    const memos = new Map<RecordType, RowMemo>();
    for (const [type, cache] of this.cache) {
      if (cache.reading !== undefined) {
        memos.set(type, cache.reading.memo);
      }
    }
    const whole = types.length === RECORD_TYPES.length;
    const plan = { ...this.readPlan, chunked: whole && this.readPlan.chunked };
    const model = await readModel(this.context, memos, types, plan);
    if (whole) {
      this.readPlan.chunked = model.chunked;
    }
    return model;
  }

  private async reload(types: readonly RecordType[]): Promise<void> {
    const model = await this.readAll(types);
    for (const type of types) {
      this.reconcile(type, model.readings.get(type));
    }
  }

  /** Marks `type` for reloading and queues one reload for all marked types. */
  private reloadLater(type: RecordType): Promise<void> {
    this.dirtyTypes.add(type);
    return this.exclusive(async () => {
      const types = RECORD_TYPES.filter((candidate) => this.dirtyTypes.has(candidate));
      this.dirtyTypes.clear();
      if (types.length > 0) {
        await this.reload(types);
      }
    });
  }

  private async watchAddedTable(tableId: string): Promise<void> {
    const context = this.context;
    const table = context.workbook.tables.getItemOrNullObject(tableId);
    table.load("name");
    await context.sync();
    if (table.isNullObject || this.events.isWatched(table.name)) {
      return;
    }
    const type = typeOfTable(table.name);
    this.events.watchTable(table, table.name);
    await context.sync();
    if (type !== undefined) {
      await this.reload([type]);
    }
  }

  /**
   * Brings the copy of `type` in line with `reading` and notifies listeners of each
   * difference as a change from another user.
   * NOTE: changes that happened between two reads arrive as one, e.g. a record a co-author
   * created and deleted before this store reloaded is never reported.
   */
  private reconcile(type: RecordType, reading: TypeReading | undefined): void {
    if (reading === undefined) {
      return;
    }
    const cached = this.records(type);
    const fresh = new Map(reading.records.map((record) => [record.id, record]));
    for (const record of reading.records) {
      this.reconcileRecord(type, record);
    }
    for (const id of [...cached.keys()]) {
      if (!fresh.has(id)) {
        cached.delete(id);
        this.ownEdits.delete(`${type}/${id}`);
        this.notifier.publish({ kind: "deleted", type, id, origin: "remote" });
      }
    }
    this.cache.set(type, { records: this.ordered(fresh, cached), reading });
    this.skippedRows.set(type, reading.invalid);
  }

  private ordered(
    fresh: Map<string, AnyRecord>,
    cached: Map<string, AnyRecord>,
  ): Map<string, AnyRecord> {
    return new Map([...fresh.keys()].map((id) => [id, cached.get(id) ?? fresh.get(id)!]));
  }

  /** Notifies a remote change when `record` differs from the copy, and updates the copy. */
  private reconcileRecord(type: RecordType, record: AnyRecord): void {
    const cached = this.records(type);
    const previous = cached.get(record.id);
    cached.set(record.id, record);
    if (previous === undefined) {
      this.notifier.publish({
        kind: "created",
        type,
        id: record.id,
        record: structuredClone(record),
        origin: "remote",
      });
    } else if (!valuesEqual(previous, record)) {
      this.notifier.publish({
        kind: "updated",
        type,
        id: record.id,
        record: structuredClone(record),
        fields: this.changedRecordFields(previous, record),
        lostEdits: this.lostEdits(type, previous, record),
        origin: "remote",
      });
    }
  }

  /** Lists this store's edits that `record` overwrote with other values, and drops them. */
  private lostEdits(type: RecordType, previous: AnyRecord, record: AnyRecord): FieldConflict[] {
    const key = `${type}/${record.id}`;
    const edits = this.ownEdits.get(key);
    if (edits === undefined) {
      return [];
    }
    const values = fieldValues(record);
    const lost: FieldConflict[] = [];
    for (const field of changedFields(previous, record)) {
      const edit = edits.get(field);
      if (edit === undefined) {
        continue;
      }
      edits.delete(field);
      if (!valuesEqual(edit.written, values.get(field))) {
        // NOTE: the base is the value this store's edit replaced, because the workbook does not
        // store the co-author's base. The two differ only when a third edit came between.
        lost.push({
          field,
          baseValue: edit.previous,
          overwrittenValue: edit.written,
          storedValue: values.get(field),
        });
      }
    }
    return lost;
  }

  private rememberOwnEdits(
    type: RecordType,
    previous: AnyRecord | undefined,
    record: AnyRecord,
    fields: readonly string[],
  ): void {
    const key = `${type}/${record.id}`;
    const edits = this.ownEdits.get(key) ?? new Map<string, OwnEdit>();
    const before = fieldValues(previous ?? {});
    const after = fieldValues(record);
    for (const field of fields) {
      if (!RECORD_META_FIELDS.has(field)) {
        edits.set(field, { written: after.get(field), previous: before.get(field) });
      }
    }
    this.ownEdits.set(key, edits);
  }

  // Writing.

  private async prepareWriter(type: RecordType, id: string | undefined): Promise<RecordWriter> {
    const writer = new RecordWriter(this.context, type, {
      cachedReading: this.cache.get(type)?.reading,
      maxRequestBytes: this.maxRequestBytes,
      schemaVersion: this.schemaVersion,
      events: this.events,
    });
    try {
      await writer.read(id);
    } catch (error) {
      throw syncFailure(error, "reading the sales system data");
    }
    if (id !== undefined && writer.mainTableMissing) {
      throw missingTableError(LAYOUTS[type].tableName);
    }
    writer.requireUnprotected();
    return writer;
  }

  private async write(action: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      throw syncFailure(error, action);
    }
  }

  private async syncOrFail(action: string): Promise<void> {
    try {
      await this.context.sync();
    } catch (error) {
      throw syncFailure(error, action);
    }
  }

  // Helpers.

  /** Runs `operation` after every operation queued before it; one request context is shared. */
  private exclusive<R>(operation: () => Promise<R>): Promise<R> {
    const result = this.operations.then(operation, operation);
    this.operations = result.catch(() => undefined);
    return result;
  }

  private records(type: RecordType): Map<string, AnyRecord> {
    const cache = this.cache.get(type);
    if (cache === undefined) {
      throw new Error(`Unknown record type "${type}".`);
    }
    return cache.records;
  }

  private snapshot(): SalesSystemSnapshot {
    return structuredClone(this.snapshotView());
  }

  private snapshotView(): SalesSystemSnapshot {
    const snapshot = emptySnapshot();
    for (const type of RECORD_TYPES) {
      (snapshot[type] as AnyRecord[]) = [...this.records(type).values()];
    }
    return snapshot;
  }

  /**
   * Returns a lookup of the records as this store last read them, with `current` as read just
   * now. A reference to a record a co-author created since the last reload is rejected until
   * the change event arrives.
   */
  private lookup(type?: RecordType, current?: AnyRecord): RecordLookup {
    return {
      find: (lookupType, id) =>
        lookupType === type && id === current?.id ? current : this.records(lookupType).get(id),
    };
  }

  private validated<T extends RecordType>(
    type: T,
    candidate: unknown,
    lookup: RecordLookup,
  ): RecordOf<T> {
    const result = validateRecord(type, candidate, lookup);
    if (!result.ok) {
      throw new StoreValidationError(type, result.issues);
    }
    return result.value;
  }

  private changedRecordFields(before: AnyRecord, after: AnyRecord): string[] {
    return changedFields(before, after).filter((field) => !RECORD_META_FIELDS.has(field));
  }

  /** Timestamp for a write; strictly after `previous` so `updatedAt` always increases. */
  private nextTimestamp(previous?: string): string {
    let now = this.clock().getTime();
    if (previous !== undefined) {
      now = Math.max(now, Date.parse(previous) + 1);
    }
    return new Date(now).toISOString();
  }

  private requireWritable(): void {
    if (this.readOnly) {
      throw new StoreReadOnlyError(this.readOnlyReason ?? "The sales system data is read-only.");
    }
  }
}
