/**
 * The persistence port of the sales system: what the task pane uses to read and change
 * records, whatever stores them (an Excel workbook, or memory in tests and the standalone host).
 * Nothing here depends on Office.js.
 */
import {
  AnyRecord,
  FieldConflict,
  FieldIssue,
  RecordInput,
  RecordOf,
  RecordReference,
  RecordType,
  RECORD_LABELS,
  SalesSystemSnapshot,
} from "../model";

export type { FieldConflict, FieldIssue, RecordInput, RecordOf, RecordType, SalesSystemSnapshot };

/**
 * Changes to a record: top-level fields to set. A nested group of fields (`strategy`,
 * `conditions`, `areas`) is merged field by field, while a list is replaced whole. An own
 * property set to `undefined` clears an optional field.
 */
export type RecordChanges<T extends RecordType> = DeepPartial<RecordInput<T>>;

/** `T` with every field optional, down through nested objects but not into lists. */
export type DeepPartial<T> = {
  [K in keyof T]?: NonNullable<T[K]> extends readonly unknown[]
    ? T[K]
    : T[K] extends object | undefined
      ? DeepPartial<NonNullable<T[K]>>
      : T[K];
};

/** Options of `create`. */
export interface CreateOptions {
  /** Id to keep, e.g. when importing records exported from another workbook; new by default. */
  id?: string;
}

/** Options of `update`. */
export interface UpdateOptions<T extends RecordType> {
  /**
   * The record as the editor loaded it. Given this, the store merges per field. Fields that
   * someone else changed since `base` and this edit leaves alone keep their new value. A field
   * both changed takes this edit's value (last writer wins) and is reported as a conflict.
   * Without `base` the edit overwrites the fields it sets.
   */
  base?: RecordOf<T>;
}

/** Outcome of an update: the stored record and the concurrent edits it overwrote. */
export interface UpdateResult<T extends RecordType> {
  record: RecordOf<T>;
  /** Fields another user had changed since `base` and this edit overwrote; empty without `base`. */
  conflicts: FieldConflict[];
}

/** Whether a change came from this store instance or from another one on the same workbook. */
export type ChangeOrigin = "local" | "remote";

/** A change to the stored records, delivered to `subscribe` listeners after it is stored. */
export type StoreChange =
  | { kind: "created"; type: RecordType; id: string; record: AnyRecord; origin: ChangeOrigin }
  | {
      kind: "updated";
      type: RecordType;
      id: string;
      record: AnyRecord;
      /** Dotted paths of the fields whose value changed. */
      fields: string[];
      /**
       * Edits this instance made that the change overwrote because another user changed the
       * same fields later. Empty unless this instance lost a conflict.
       */
      lostEdits: FieldConflict[];
      origin: ChangeOrigin;
    }
  | { kind: "deleted"; type: RecordType; id: string; origin: ChangeOrigin }
  | {
      /** Many records changed at once (e.g. after a migration); read everything again. */
      kind: "reloaded";
      origin: ChangeOrigin;
    };

/** Stops the notifications of one listener. */
export type Unsubscribe = () => void;

/**
 * Storage of the sales system model. Every mutation validates the whole resulting record,
 * references included, and stores nothing when it is invalid. Reads return copies, so changing
 * a returned record changes nothing stored.
 */
export interface SalesSystemStore {
  /** True when the store rejects every change, e.g. a workbook saved by a newer add-in. */
  readonly readOnly: boolean;
  /** Reason the store is read-only, as a sentence to show the user. */
  readonly readOnlyReason?: string;

  /** Reads every record of every type. */
  load(): Promise<SalesSystemSnapshot>;

  /** Reads every record of one type, in stored order. */
  list<T extends RecordType>(type: T): Promise<RecordOf<T>[]>;

  /** Reads one record, or undefined when no record of that type has the id. */
  get<T extends RecordType>(type: T, id: string): Promise<RecordOf<T> | undefined>;

  /**
   * Validates and stores a new record with a new id (or `options.id`) and timestamps.
   *
   * @throws StoreValidationError listing every invalid field; nothing is stored.
   * @throws StoreReadOnlyError when the store is read-only.
   */
  create<T extends RecordType>(
    type: T,
    input: RecordInput<T>,
    options?: CreateOptions,
  ): Promise<RecordOf<T>>;

  /**
   * Applies `changes` to the record `id`, merging per field with `options.base` when given,
   * validates the result and stores it with a new `updatedAt`.
   *
   * @throws RecordNotFoundError when the record does not exist (e.g. another user deleted it).
   * @throws StoreValidationError listing every invalid field, or saying that a final review is
   *   read-only; nothing is stored.
   * @throws StoreReadOnlyError when the store is read-only.
   */
  update<T extends RecordType>(
    type: T,
    id: string,
    changes: RecordChanges<T>,
    options?: UpdateOptions<T>,
  ): Promise<UpdateResult<T>>;

  /**
   * Deletes the record `id`.
   *
   * @throws RecordNotFoundError when the record does not exist.
   * @throws RecordInUseError when other records still refer to it; nothing is deleted.
   * @throws StoreReadOnlyError when the store is read-only.
   */
  delete(type: RecordType, id: string): Promise<void>;

  /**
   * Calls `listener` after each change stored by this instance or by another instance on the
   * same workbook (a co-author). Delivery is asynchronous and in the order the instance learns of
   * the changes. A co-author's changes may arrive together, because Excel delivers change events
   * late: the instance then reports where each record ended up (one update with every changed
   * field, or nothing for a record created and deleted in between).
   */
  subscribe(listener: (change: StoreChange) => void): Unsubscribe;
}

/** A record that failed validation; `issues` lists each field and its fix. */
export class StoreValidationError extends Error {
  readonly type: RecordType;
  readonly issues: readonly FieldIssue[];

  constructor(type: RecordType, issues: readonly FieldIssue[]) {
    const details = issues.map((issue) => issue.message).join(" ");
    super(`The ${RECORD_LABELS[type]} was not saved. ${details}`);
    this.name = "StoreValidationError";
    this.type = type;
    this.issues = issues;
  }
}

/** A record id that names no stored record of the type. */
export class RecordNotFoundError extends Error {
  readonly type: RecordType;
  readonly id: string;

  constructor(type: RecordType, id: string) {
    const label = RECORD_LABELS[type];
    super(`No ${label} with id ${id} exists; another user may have deleted it. Reload the list.`);
    this.name = "RecordNotFoundError";
    this.type = type;
    this.id = id;
  }
}

/** Maximum number of referring records a `RecordInUseError` message names. */
const LISTED_REFERENCES = 3;

/** A delete rejected because other records still refer to the record. */
export class RecordInUseError extends Error {
  readonly type: RecordType;
  readonly id: string;
  readonly references: readonly RecordReference[];

  constructor(type: RecordType, id: string, description: string, references: RecordReference[]) {
    const listed = references
      .slice(0, LISTED_REFERENCES)
      .map((reference) => `${reference.description} (${reference.field})`);
    const more = references.length - listed.length;
    const moreText = more > 0 ? ` and ${more} more` : "";
    super(
      `The ${description} was not deleted because ${listed.join(", ")}${moreText} still ` +
        `refer to it; remove those references first.`,
    );
    this.name = "RecordInUseError";
    this.type = type;
    this.id = id;
    this.references = references;
  }
}

/** A change attempted on a read-only store. */
export class StoreReadOnlyError extends Error {
  constructor(reason: string) {
    super(`Nothing was saved. ${reason}`);
    this.name = "StoreReadOnlyError";
  }
}

/**
 * The stored data could not be read or written (a protected sheet, a missing table). The
 * message names the fix, and the records in the workbook are unchanged.
 */
export class StoreAccessError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = "StoreAccessError";
    if (options?.cause !== undefined) {
      (this as { cause?: unknown }).cause = options.cause;
    }
  }
}

/** True for the errors a user can act on, as opposed to an internal failure. */
export function isStoreUserError(error: unknown): boolean {
  return (
    error instanceof StoreValidationError ||
    error instanceof RecordNotFoundError ||
    error instanceof RecordInUseError ||
    error instanceof StoreReadOnlyError ||
    error instanceof StoreAccessError
  );
}
