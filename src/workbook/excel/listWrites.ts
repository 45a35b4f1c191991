/**
 * The queued writes of one record edit or delete, ordered so that a failed sync writes nothing
 * it should not. Office.js stops a batch at the first command that fails, after running the
 * ones before it, so the commands that find list rows by key come first, then the main row
 * found by id, then the new list rows. When a list row or the record is missing, the sync fails
 * before any new row is added for it.
 * NOTE: that later commands are skipped is taken from Microsoft's description of
 * `OfficeExtension.Error.traceMessages`; it has not been checked in Excel itself.
 */
import { Row, RowValue } from "../../model";
import { itemKey, listColumns, ListLayout } from "./layout";
import { appendRows, deleteRow, RowById, TableTarget, writeRowCells } from "./tableWriter";
import { WriteBatch } from "./writeBatch";

/** The writes of one list field of one record. */
export interface ListPlan {
  target: TableTarget;
  /** Cells that change in items kept in the list, located by item key. */
  edits: { locate: RowById; changes: Row }[];
  /** Items after the new end of the list, located by item key. */
  removed: RowById[];
  /** New items at the end of the list. */
  appended: Row[];
}

/** Returns the cells of `after` whose value differs from `before`, among `columns`. */
export function changedCells(
  columns: readonly string[],
  before: Row,
  after: Row,
): Record<string, RowValue | undefined> {
  const changes: Record<string, RowValue | undefined> = {};
  for (const column of columns) {
    if (before[column] !== after[column]) {
      changes[column] = after[column];
    }
  }
  return changes;
}

/**
 * Plans the change of a list from the `stored` item rows, which carry the keys of their places,
 * to the `desired` ones.
 */
export function planList(
  list: ListLayout,
  target: TableTarget,
  parentId: string,
  stored: readonly Row[],
  desired: readonly Row[],
): ListPlan {
  const keyColumn = target.header.indexOf(list.keyColumn);
  const locate = (position: number): RowById =>
    new RowById(keyColumn, itemKey(parentId, position), target.header.length);
  const kept = Math.min(stored.length, desired.length);
  const edits: ListPlan["edits"] = [];
  for (let position = 0; position < kept; position++) {
    const changes: Row = {};
    for (const column of listColumns(list)) {
      const wanted = desired[position][column] ?? "";
      if ((stored[position][column] ?? "") !== wanted) {
        changes[column] = wanted;
      }
    }
    if (Object.keys(changes).length > 0) {
      edits.push({ locate: locate(position), changes });
    }
  }
  const removed: RowById[] = [];
  for (let position = stored.length - 1; position >= kept; position--) {
    removed.push(locate(position));
  }
  return { target, edits, removed, appended: desired.slice(kept) };
}

/** Queues an edit: list rows by key, the main row's changed cells by id, then new list rows. */
export async function queueRecordEdit(
  batch: WriteBatch,
  context: Excel.RequestContext,
  edit: {
    main: TableTarget;
    id: string;
    changes: Record<string, RowValue | undefined>;
    plans: readonly ListPlan[];
  },
): Promise<void> {
  for (const plan of edit.plans) {
    for (const { locate, changes } of plan.edits) {
      await writeRowCells(batch, context, plan.target, locate.locate, changes);
    }
    for (const row of plan.removed) {
      deleteRow(batch, context, plan.target.name, row.locate);
    }
  }
  const main = new RowById(edit.main.header.indexOf("id"), edit.id, edit.main.header.length);
  await writeRowCells(batch, context, edit.main, main.locate, edit.changes);
  for (const plan of edit.plans) {
    await appendRows(batch, context, plan.target, plan.appended);
  }
}

/** Queues a delete: the list rows by key, then the main row by id. */
export function queueRecordDelete(
  batch: WriteBatch,
  context: Excel.RequestContext,
  remove: { mainName: string; main: RowById; plans: readonly ListPlan[] },
): void {
  for (const plan of remove.plans) {
    for (const row of plan.removed) {
      deleteRow(batch, context, plan.target.name, row.locate);
    }
  }
  deleteRow(batch, context, remove.mainName, remove.main.locate);
}
