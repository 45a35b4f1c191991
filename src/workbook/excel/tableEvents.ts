/**
 * Registration of the table events the adapter reloads on: `onChanged` of each of its tables,
 * and `onAdded`/`onDeleted` of the workbook's tables, so a table a co-author creates or a user
 * deletes is noticed. Office.js registers a handler on the next `context.sync()`.
 */
import { RecordType } from "../../model";
import { typeOfTable } from "./layout";

/** Handlers the store runs when Excel reports a table event. */
export interface TableEventHandlers {
  /** A table of `type` changed; the returned promise settles once the change is reloaded. */
  changed(type: RecordType): Promise<void>;
  /** A table was added; `tableId` identifies it. */
  added(tableId: string): Promise<void>;
  /** A table named `tableName` was deleted. */
  deleted(tableName: string): Promise<void>;
}

/**
 * Keeps track of the tables whose `onChanged` this store has registered, so each is
 * registered once even when the adapter and an `onAdded` event both report it.
 */
export class TableEventRegistry {
  private readonly registered = new Set<string>();
  private readonly handlers: TableEventHandlers;

  constructor(handlers: TableEventHandlers) {
    this.handlers = handlers;
  }

  /** Queues the workbook-wide `onAdded` and `onDeleted` handlers. */
  watchWorkbook(context: Excel.RequestContext): void {
    const tables = context.workbook.tables;
    tables.onAdded.add((args) => this.handlers.added(args.tableId));
    tables.onDeleted.add((args) => {
      this.registered.delete(args.tableName.toLowerCase());
      return this.handlers.deleted(args.tableName);
    });
  }

  /** Queues `onChanged` on `table` unless it was registered before. */
  watchTable(table: Excel.Table, tableName: string): void {
    const type = typeOfTable(tableName);
    const key = tableName.toLowerCase();
    if (type === undefined || this.registered.has(key)) {
      return;
    }
    this.registered.add(key);
    table.onChanged.add(() => this.handlers.changed(type));
  }

  /** True when `onChanged` of the table is registered. */
  isWatched(tableName: string): boolean {
    return this.registered.has(tableName.toLowerCase());
  }
}
