/**
 * The store port for the standalone host: the in-memory adapter, with every stored change also
 * written to the browser's IndexedDB, so records survive a reload. Other tabs of the same host
 * act as co-authors: each change is announced on a BroadcastChannel, and a tab applies the
 * changes of the others as remote changes.
 */
import {
  AnyRecord,
  changedFields,
  RecordOf,
  RecordType,
  SalesSystemSnapshot,
  SCHEMA_VERSION,
} from "../model";
import { MemoryStore, MemoryWorkbook } from "../workbook/memoryStore";
import type {
  CreateOptions,
  RecordChanges,
  RecordInput,
  SalesSystemStore,
  StoreChange,
  Unsubscribe,
  UpdateOptions,
  UpdateResult,
} from "../workbook/store";

/** Name of the IndexedDB database and of the channel between tabs, unless a test sets another. */
export const DEFAULT_DATABASE_NAME = "spm-standalone";

const DATABASE_VERSION = 1;
const RECORDS = "records";
const META = "meta";
const SCHEMA_VERSION_KEY = "schemaVersion";

/** A record as IndexedDB stores it; `order` keeps the order in which records were created. */
interface StoredRow {
  type: RecordType;
  id: string;
  order: number;
  record: AnyRecord;
}

/** A change announced to the other tabs. */
type TabMessage =
  | { kind: "put"; type: RecordType; order: number; record: AnyRecord }
  | { kind: "deleted"; type: RecordType; id: string };

/** Author name under which changes from other tabs enter the in-memory workbook. */
const OTHER_TAB_AUTHOR = "other-tab";

/** Wraps an IndexedDB request in a promise. */
function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves when a transaction has committed. */
function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error("The write was aborted."));
  });
}

function openDatabase(name: string): Promise<IDBDatabase> {
  const request = indexedDB.open(name, DATABASE_VERSION);
  request.onupgradeneeded = () => {
    const database = request.result;
    database.createObjectStore(RECORDS, { keyPath: ["type", "id"] });
    database.createObjectStore(META);
  };
  return requestResult(request);
}

/** The in-memory store, persisted in IndexedDB and shared with other tabs. */
export class IndexedDbStore implements SalesSystemStore {
  private readonly database: IDBDatabase;
  private readonly workbook: MemoryWorkbook;
  private readonly inner: MemoryStore;
  private readonly channel: BroadcastChannel;
  private readonly order = new Map<string, number>();
  private nextOrder: number;

  private constructor(database: IDBDatabase, workbook: MemoryWorkbook, rows: StoredRow[]) {
    this.database = database;
    this.workbook = workbook;
    this.inner = new MemoryStore(workbook, { name: "this-tab" });
    for (const row of rows) {
      this.order.set(`${row.type}/${row.id}`, row.order);
    }
    this.nextOrder = Math.max(0, ...rows.map((row) => row.order)) + 1;
    this.channel = new BroadcastChannel(database.name);
    this.channel.onmessage = (event: MessageEvent<TabMessage>) => this.applyOtherTab(event.data);
  }

  /**
   * Opens the database (creating it on first use) and loads its records.
   * @throws {Error} when the browser refuses IndexedDB, e.g. in a private window of some browsers
   */
  static async open(name = DEFAULT_DATABASE_NAME): Promise<IndexedDbStore> {
    const database = await openDatabase(name);
    const transaction = database.transaction([RECORDS, META], "readwrite");
    const rows = await requestResult(
      transaction.objectStore(RECORDS).getAll() as IDBRequest<StoredRow[]>,
    );
    const storedVersion = await requestResult(
      transaction.objectStore(META).get(SCHEMA_VERSION_KEY) as IDBRequest<number | undefined>,
    );
    // The browser keeps whole records, so a newer layout of the workbook's tables (layout 2
    // added list item keys) needs no change here beyond the version; a newer version than this
    // code reads stays as it is and opens read-only.
    const older = storedVersion === undefined || storedVersion < SCHEMA_VERSION;
    if (older) {
      transaction.objectStore(META).put(SCHEMA_VERSION, SCHEMA_VERSION_KEY);
    }
    await committed(transaction);

    const version = older ? SCHEMA_VERSION : storedVersion;
    const workbook = new MemoryWorkbook({ schemaVersion: version });
    rows.sort((a, b) => a.order - b.order);
    for (const row of rows) {
      workbook.insert(OTHER_TAB_AUTHOR, row.type, row.record);
    }
    return new IndexedDbStore(database, workbook, rows);
  }

  get readOnly(): boolean {
    return this.inner.readOnly;
  }

  get readOnlyReason(): string | undefined {
    return this.inner.readOnlyReason;
  }

  load(): Promise<SalesSystemSnapshot> {
    return this.inner.load();
  }

  list<T extends RecordType>(type: T): Promise<RecordOf<T>[]> {
    return this.inner.list(type);
  }

  get<T extends RecordType>(type: T, id: string): Promise<RecordOf<T> | undefined> {
    return this.inner.get(type, id);
  }

  /** Stores a new record; resolves once IndexedDB has committed it. */
  async create<T extends RecordType>(
    type: T,
    input: RecordInput<T>,
    options?: CreateOptions,
  ): Promise<RecordOf<T>> {
    const record = await this.inner.create(type, input, options);
    await this.persist(type, record as AnyRecord);
    return record;
  }

  /** Updates a record; resolves once IndexedDB has committed it. */
  async update<T extends RecordType>(
    type: T,
    id: string,
    changes: RecordChanges<T>,
    options?: UpdateOptions<T>,
  ): Promise<UpdateResult<T>> {
    const result = await this.inner.update(type, id, changes, options);
    await this.persist(type, result.record as AnyRecord);
    return result;
  }

  /** Deletes a record; resolves once IndexedDB has committed the deletion. */
  async delete(type: RecordType, id: string): Promise<void> {
    await this.inner.delete(type, id);
    const transaction = this.database.transaction(RECORDS, "readwrite");
    transaction.objectStore(RECORDS).delete([type, id]);
    await committed(transaction);
    this.announce({ kind: "deleted", type, id });
  }

  subscribe(listener: (change: StoreChange) => void): Unsubscribe {
    return this.inner.subscribe(listener);
  }

  /** Closes the database and the channel; the store must not be used afterwards. */
  close(): void {
    this.channel.close();
    this.database.close();
  }

  private async persist(type: RecordType, record: AnyRecord): Promise<void> {
    const key = `${type}/${record.id}`;
    let order = this.order.get(key);
    if (order === undefined) {
      order = this.nextOrder++;
      this.order.set(key, order);
    }
    const row: StoredRow = { type, id: record.id, order, record };
    const transaction = this.database.transaction(RECORDS, "readwrite");
    transaction.objectStore(RECORDS).put(row);
    await committed(transaction);
    this.announce({ kind: "put", type, order, record });
  }

  private announce(message: TabMessage): void {
    this.channel.postMessage(message);
  }

  /** Applies a change another tab stored, which listeners receive as a remote change. */
  private applyOtherTab(message: TabMessage): void {
    if (message.kind === "deleted") {
      if (this.workbook.peek(message.type, message.id) !== undefined) {
        this.workbook.remove(OTHER_TAB_AUTHOR, message.type, message.id);
      }
      this.order.delete(`${message.type}/${message.id}`);
      return;
    }
    this.order.set(`${message.type}/${message.record.id}`, message.order);
    this.nextOrder = Math.max(this.nextOrder, message.order + 1);
    const previous = this.workbook.peek(message.type, message.record.id);
    if (previous === undefined) {
      this.workbook.insert(OTHER_TAB_AUTHOR, message.type, message.record);
    } else {
      const fields = changedFields(previous, message.record);
      this.workbook.replace(OTHER_TAB_AUTHOR, message.type, message.record, fields, []);
    }
  }
}
