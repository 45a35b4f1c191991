/**
 * In-memory adapter of the store port, for tests and the standalone host. Several
 * `MemoryStore` instances can share one `MemoryWorkbook` to act as co-authors of one workbook:
 * each stores straight into the shared tables and receives the others' changes asynchronously,
 * in an order tests can control.
 */
import {
  AnyRecord,
  changedFields,
  checkSchemaVersion,
  describeRecord,
  editIssues,
  emptySnapshot,
  FieldConflict,
  findReferencesTo,
  mergeEdit,
  RecordLookup,
  RecordOf,
  RecordType,
  RECORD_TYPES,
  SalesSystemSnapshot,
  SCHEMA_VERSION,
  validateRecord,
} from "../model";
import {
  CreateOptions,
  RecordChanges,
  RecordInput,
  RecordInUseError,
  RecordNotFoundError,
  SalesSystemStore,
  StoreChange,
  StoreReadOnlyError,
  StoreValidationError,
  Unsubscribe,
  UpdateOptions,
  UpdateResult,
} from "./store";

/** Fields every record carries that an edit may not change. */
const RECORD_META_FIELDS = new Set(["id", "createdAt", "updatedAt"]);

/** Delivery mode of the change notifications of a `MemoryWorkbook`. */
export type NotificationDelivery = "automatic" | "manual";

/** Options of a `MemoryWorkbook`. */
export interface MemoryWorkbookOptions {
  /**
   * "automatic" (the default) delivers queued notifications on a later timer tick; "manual"
   * keeps them queued until a test calls `deliverNext` or `deliverAll`.
   */
  delivery?: NotificationDelivery;
  /** Source of timestamps; the system clock by default. */
  clock?: () => Date;
  /** Data layout version the workbook claims to have; a newer one makes stores read-only. */
  schemaVersion?: number;
}

/** A change waiting to be delivered to one store instance. */
export interface PendingNotification {
  storeName: string;
  change: StoreChange;
}

/** A store instance attached to a workbook. */
interface AttachedStore {
  name: string;
  deliver(change: StoreChange): void;
}

/** A stored change before it is addressed to each attached store. */
type StoredChange =
  | { kind: "created"; type: RecordType; id: string; record: AnyRecord }
  | { kind: "updated"; type: RecordType; id: string; record: AnyRecord; fields: string[] }
  | { kind: "deleted"; type: RecordType; id: string };

/**
 * Shared in-memory tables of one workbook. Besides the records it tracks which store last
 * wrote each field, so the store whose edit a co-author overwrote can be notified.
 */
export class MemoryWorkbook {
  readonly schemaVersion: number;
  readonly delivery: NotificationDelivery;

  private readonly clock: () => Date;
  private readonly tables = new Map<RecordType, Map<string, AnyRecord>>();
  private readonly fieldAuthors = new Map<string, Map<string, string>>();
  private readonly stores: AttachedStore[] = [];
  private readonly queue: PendingNotification[] = [];
  private deliveryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly settledWaiters: (() => void)[] = [];

  constructor(options: MemoryWorkbookOptions = {}) {
    this.schemaVersion = options.schemaVersion ?? SCHEMA_VERSION;
    this.delivery = options.delivery ?? "automatic";
    this.clock = options.clock ?? ((): Date => new Date());
    for (const type of RECORD_TYPES) {
      this.tables.set(type, new Map());
    }
  }

  /** Notifications stored but not yet delivered, oldest first. */
  pendingNotifications(): readonly PendingNotification[] {
    return [...this.queue];
  }

  /**
   * Delivers the oldest pending notification, or the oldest one addressed to `storeName`.
   * Returns false when there was none.
   */
  deliverNext(storeName?: string): boolean {
    const index = this.queue.findIndex(
      (pending) => storeName === undefined || pending.storeName === storeName,
    );
    if (index < 0) {
      return false;
    }
    const [pending] = this.queue.splice(index, 1);
    this.stores.find((store) => store.name === pending.storeName)?.deliver(pending.change);
    return true;
  }

  /** Delivers every pending notification in order. */
  deliverAll(): void {
    while (this.deliverNext()) {
      // Each call delivers one notification.
    }
    this.resolveSettledWaiters();
  }

  /** Resolves once no notification is pending; in manual mode that needs `deliverAll`. */
  settled(): Promise<void> {
    if (this.queue.length === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /** Timestamp for a write; strictly after `previous` so `updatedAt` always increases. */
  nextTimestamp(previous?: string): string {
    let now = this.clock().getTime();
    if (previous !== undefined) {
      now = Math.max(now, Date.parse(previous) + 1);
    }
    return new Date(now).toISOString();
  }

  /** Attaches a store instance under a name unique within this workbook. */
  attach(name: string, deliver: (change: StoreChange) => void): void {
    if (this.stores.some((store) => store.name === name)) {
      throw new Error(`A store named "${name}" is already attached to this workbook.`);
    }
    this.stores.push({ name, deliver });
  }

  /** Reads the stored record, or undefined; the caller must not modify it. */
  peek<T extends RecordType>(type: T, id: string): RecordOf<T> | undefined {
    return this.table(type).get(id) as RecordOf<T> | undefined;
  }

  /** Reads every stored record of a type, in stored order; the caller must not modify them. */
  peekAll<T extends RecordType>(type: T): RecordOf<T>[] {
    return [...this.table(type).values()] as RecordOf<T>[];
  }

  /** Returns a lookup of the stored records, used to check references. */
  lookup(): RecordLookup {
    return { find: (type, id) => this.peek(type, id) };
  }

  /** Stores a new record written by `author` and queues its notifications. */
  insert(author: string, type: RecordType, record: AnyRecord): void {
    this.table(type).set(record.id, structuredClone(record));
    this.setAuthor(type, record.id, changedFields({}, record), author);
    this.publish(author, { kind: "created", type, id: record.id, record }, []);
  }

  /**
   * Replaces a record with `record`, written by `author`, whose edit set `editedFields`, and
   * queues notifications. Conflicts go to the stores whose edits they overwrote.
   */
  replace(
    author: string,
    type: RecordType,
    record: AnyRecord,
    editedFields: readonly string[],
    conflicts: readonly FieldConflict[],
  ): void {
    const previous = this.table(type).get(record.id);
    this.table(type).set(record.id, structuredClone(record));
    const fields = changedFields(previous, record).filter(
      (field) => !RECORD_META_FIELDS.has(field),
    );
    const overwrittenAuthors = conflicts.map((conflict) =>
      this.authorOf(type, record.id, conflict.field),
    );
    this.setAuthor(type, record.id, editedFields, author);
    this.publish(
      author,
      { kind: "updated", type, id: record.id, record, fields },
      conflicts.map((conflict, index) => ({ conflict, author: overwrittenAuthors[index] })),
    );
  }

  /** Removes a record deleted by `author` and queues notifications. */
  remove(author: string, type: RecordType, id: string): void {
    this.table(type).delete(id);
    this.fieldAuthors.delete(`${type}/${id}`);
    this.publish(author, { kind: "deleted", type, id }, []);
  }

  private table(type: RecordType): Map<string, AnyRecord> {
    const table = this.tables.get(type);
    if (table === undefined) {
      throw new Error(`Unknown record type "${type}".`);
    }
    return table;
  }

  private authorOf(type: RecordType, id: string, field: string): string | undefined {
    return this.fieldAuthors.get(`${type}/${id}`)?.get(field);
  }

  private setAuthor(type: RecordType, id: string, fields: readonly string[], author: string): void {
    const key = `${type}/${id}`;
    const authors = this.fieldAuthors.get(key) ?? new Map<string, string>();
    for (const field of fields) {
      authors.set(field, author);
    }
    this.fieldAuthors.set(key, authors);
  }

  /** Queues one notification of `change` per attached store, then schedules delivery. */
  private publish(
    author: string,
    change: StoredChange,
    conflicts: readonly { conflict: FieldConflict; author: string | undefined }[],
  ): void {
    for (const store of this.stores) {
      const origin = store.name === author ? "local" : "remote";
      const addressed: StoreChange =
        change.kind === "updated"
          ? {
              ...change,
              record: structuredClone(change.record),
              lostEdits: conflicts
                .filter((entry) => entry.author === store.name && store.name !== author)
                .map((entry) => entry.conflict),
              origin,
            }
          : change.kind === "created"
            ? { ...change, record: structuredClone(change.record), origin }
            : { ...change, origin };
      this.queue.push({ storeName: store.name, change: addressed });
    }
    this.scheduleDelivery();
  }

  private scheduleDelivery(): void {
    if (this.delivery !== "automatic" || this.deliveryTimer !== undefined) {
      return;
    }
    this.deliveryTimer = setTimeout(() => {
      this.deliveryTimer = undefined;
      this.deliverAll();
    }, 0);
  }

  private resolveSettledWaiters(): void {
    if (this.queue.length > 0) {
      return;
    }
    for (const resolve of this.settledWaiters.splice(0)) {
      resolve();
    }
  }
}

/** Options of a `MemoryStore`. */
export interface MemoryStoreOptions {
  /** Name of this instance within its workbook, used to address notifications in tests. */
  name?: string;
}

let unnamedStoreCount = 0;

/** The store port over a `MemoryWorkbook`. */
export class MemoryStore implements SalesSystemStore {
  readonly name: string;
  readonly readOnly: boolean;
  readonly readOnlyReason?: string;

  private readonly workbook: MemoryWorkbook;
  private readonly listeners = new Set<(change: StoreChange) => void>();

  constructor(workbook: MemoryWorkbook = new MemoryWorkbook(), options: MemoryStoreOptions = {}) {
    unnamedStoreCount += 1;
    this.name = options.name ?? `store-${unnamedStoreCount}`;
    this.workbook = workbook;
    const versionCheck = checkSchemaVersion(workbook.schemaVersion);
    if (versionCheck.status === "newer" || versionCheck.status === "invalid") {
      this.readOnly = true;
      this.readOnlyReason = versionCheck.message;
    } else {
      this.readOnly = false;
    }
    workbook.attach(this.name, (change) => this.notify(change));
  }

  async load(): Promise<SalesSystemSnapshot> {
    const snapshot = emptySnapshot();
    for (const type of RECORD_TYPES) {
      (snapshot[type] as AnyRecord[]) = await this.list(type);
    }
    return snapshot;
  }

  async list<T extends RecordType>(type: T): Promise<RecordOf<T>[]> {
    return structuredClone(this.workbook.peekAll(type));
  }

  async get<T extends RecordType>(type: T, id: string): Promise<RecordOf<T> | undefined> {
    const record = this.workbook.peek(type, id);
    return record === undefined ? undefined : structuredClone(record);
  }

  async create<T extends RecordType>(
    type: T,
    input: RecordInput<T>,
    options: CreateOptions = {},
  ): Promise<RecordOf<T>> {
    this.requireWritable();
    const id = options.id ?? crypto.randomUUID();
    const existing = this.workbook.peek(type, id);
    if (existing !== undefined) {
      throw new StoreValidationError(type, [
        {
          field: "id",
          message:
            `id ${id} is already used by the ${describeRecord(type, existing)}; ` +
            "leave id empty to create a new record, or update the existing one.",
        },
      ]);
    }

    const timestamp = this.workbook.nextTimestamp();
    const candidate = { ...input, id, createdAt: timestamp, updatedAt: timestamp };
    const record = this.validated(type, candidate);
    this.workbook.insert(this.name, type, record);
    return structuredClone(record);
  }

  async update<T extends RecordType>(
    type: T,
    id: string,
    changes: RecordChanges<T>,
    options: UpdateOptions<T> = {},
  ): Promise<UpdateResult<T>> {
    this.requireWritable();
    const current = this.workbook.peek(type, id);
    if (current === undefined) {
      throw new RecordNotFoundError(type, id);
    }
    const lockIssues = editIssues(type, current);
    if (lockIssues.length > 0) {
      throw new StoreValidationError(type, lockIssues);
    }

    const merge = mergeEdit<AnyRecord>(current, options.base ?? current, changes);
    const editedFields = merge.editedFields.filter((field) => !RECORD_META_FIELDS.has(field));
    if (editedFields.length === 0) {
      return { record: structuredClone(current), conflicts: [] };
    }

    const candidate = {
      ...merge.merged,
      id: current.id,
      createdAt: current.createdAt,
      updatedAt: this.workbook.nextTimestamp(current.updatedAt),
    };
    const record = this.validated(type, candidate);
    this.workbook.replace(this.name, type, record, editedFields, merge.conflicts);
    return { record: structuredClone(record), conflicts: merge.conflicts };
  }

  async delete(type: RecordType, id: string): Promise<void> {
    this.requireWritable();
    const existing = this.workbook.peek(type, id);
    if (existing === undefined) {
      throw new RecordNotFoundError(type, id);
    }
    const references = findReferencesTo(this.snapshotView(), type, id);
    if (references.length > 0) {
      throw new RecordInUseError(type, id, describeRecord(type, existing), references);
    }
    this.workbook.remove(this.name, type, id);
  }

  subscribe(listener: (change: StoreChange) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Calls every listener. As with DOM event listeners, an exception is reported on a later
   * tick as an uncaught error and does not keep the other listeners from being called.
   */
  private notify(change: StoreChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        setTimeout(() => {
          throw error;
        }, 0);
      }
    }
  }

  private requireWritable(): void {
    if (this.readOnly) {
      throw new StoreReadOnlyError(this.readOnlyReason ?? "The sales system data is read-only.");
    }
  }

  private validated<T extends RecordType>(type: T, candidate: unknown): RecordOf<T> {
    const result = validateRecord(type, candidate, this.workbook.lookup());
    if (!result.ok) {
      throw new StoreValidationError(type, result.issues);
    }
    return result.value;
  }

  /** Returns the stored records without copying, for reference checks that only read them. */
  private snapshotView(): SalesSystemSnapshot {
    const snapshot = emptySnapshot();
    for (const type of RECORD_TYPES) {
      (snapshot[type] as AnyRecord[]) = this.workbook.peekAll(type);
    }
    return snapshot;
  }
}
