/**
 * Table layout of the Excel adapter: one table per record type on a sheet of its own,
 * one child table per list field (one row per list item), and a `SPM_Meta` table with the
 * data layout version. Each list item row carries a key, the parent id and the position
 * (`<id>:<position>`), so a write finds the row by its key in its own sync. Column names are the record's dotted field paths, so formulas can use
 * `SPM_Channels[conditions.discountPercent]`.
 */
import { z } from "zod";
import { RecordType, RECORD_SCHEMAS, RECORD_TYPES, Row, unwrapSchema } from "../../model";

/** Kind of a column's cells; text columns get the text number format "@". */
export type ColumnKind = "text" | "number" | "boolean";

/** The child table of one list field: one row per list item. */
export interface ListLayout {
  /** Dotted path of the list field in the record, e.g. `strategy.objections`. */
  path: string;
  tableName: string;
  /** Column with the id of the record the item belongs to, e.g. `targetGroupId`. */
  parentColumn: string;
  /** Column with the item's position in the list, counted from 0. */
  positionColumn: string;
  /** Column with the item's key, `<parent id>:<position>`, unique in the table. */
  keyColumn: string;
  /** Columns of an item: its fields for a list of objects, one column for a list of values. */
  itemColumns: string[];
  /** True for a list of plain values (ids, names), stored in the single item column. */
  plainValues: boolean;
  kinds: Map<string, ColumnKind>;
}

/** The tables of one record type. */
export interface TypeLayout {
  type: RecordType;
  sheetName: string;
  tableName: string;
  /** Columns of the main table in schema order; `id` comes first. */
  columns: string[];
  kinds: Map<string, ColumnKind>;
  lists: ListLayout[];
}

/** Name of the table that stores the data layout version, on a sheet of the same name. */
export const META_TABLE_NAME = "SPM_Meta";

/** Columns of the meta table: one setting per row. */
export const META_COLUMNS = ["key", "value"];

/**
 * Column of a child table with each item's key. Layout 1 had no such column; the upgrade to
 * layout 2 adds and fills it.
 */
export const ITEM_KEY_COLUMN = "itemKey";

/** Key of the data layout version in the meta table. */
export const SCHEMA_VERSION_KEY = "schemaVersion";

const MAIN_TABLE_NAMES: Record<RecordType, string> = {
  targetGroup: "SPM_TargetGroups",
  channel: "SPM_Channels",
  stimulationAction: "SPM_StimulationActions",
  organisationUnit: "SPM_OrganisationUnits",
  role: "SPM_Roles",
  person: "SPM_People",
  target: "SPM_Targets",
  review: "SPM_Reviews",
};

/** Child table name, parent column and item column of each list field, by record type. */
const LIST_TABLES: Record<string, { tableName: string; parentColumn: string; item: string }> = {
  "targetGroup:strategy.objections": {
    tableName: "SPM_TargetGroupObjections",
    parentColumn: "targetGroupId",
    item: "objection",
  },
  "channel:targetGroupIds": {
    tableName: "SPM_ChannelTargetGroups",
    parentColumn: "channelId",
    item: "targetGroupId",
  },
  "person:channelIds": {
    tableName: "SPM_PersonChannels",
    parentColumn: "personId",
    item: "channelId",
  },
  "person:targetGroupIds": {
    tableName: "SPM_PersonTargetGroups",
    parentColumn: "personId",
    item: "targetGroupId",
  },
  "review:participants": {
    tableName: "SPM_ReviewParticipants",
    parentColumn: "reviewId",
    item: "participant",
  },
  "review:actions": { tableName: "SPM_ReviewActions", parentColumn: "reviewId", item: "action" },
};

function kindOf(schema: z.ZodTypeAny): ColumnKind {
  if (schema instanceof z.ZodNumber) {
    return "number";
  }
  return schema instanceof z.ZodBoolean ? "boolean" : "text";
}

/** Leaf fields and list fields found below a schema. */
interface SchemaFields {
  leaves: { path: string; kind: ColumnKind }[];
  lists: { path: string; element: z.ZodTypeAny }[];
}

function collectFields(schema: z.ZodTypeAny, prefix: string, fields: SchemaFields): void {
  const inner = unwrapSchema(schema);
  if (inner instanceof z.ZodObject) {
    for (const [key, child] of Object.entries(inner.shape as z.ZodRawShape)) {
      collectFields(child, prefix === "" ? key : `${prefix}.${key}`, fields);
    }
  } else if (inner instanceof z.ZodArray) {
    fields.lists.push({ path: prefix, element: inner.element });
  } else {
    fields.leaves.push({ path: prefix, kind: kindOf(inner) });
  }
}

function listLayout(type: RecordType, path: string, element: z.ZodTypeAny): ListLayout {
  const names = LIST_TABLES[`${type}:${path}`];
  if (names === undefined) {
    throw new Error(`No child table is defined for the list field ${path} of ${type} records.`);
  }
  const item: SchemaFields = { leaves: [], lists: [] };
  collectFields(element, "", item);
  if (item.lists.length > 0) {
    throw new Error(`The list field ${path} of ${type} records contains a list, not supported.`);
  }
  const plainValues = item.leaves.length === 1 && item.leaves[0].path === "";
  const itemColumns = plainValues ? [names.item] : item.leaves.map((leaf) => leaf.path);
  const kinds = new Map<string, ColumnKind>([
    [names.parentColumn, "text"],
    ["position", "number"],
    [ITEM_KEY_COLUMN, "text"],
  ]);
  item.leaves.forEach((leaf, index) => kinds.set(itemColumns[index], leaf.kind));
  return {
    path,
    tableName: names.tableName,
    parentColumn: names.parentColumn,
    positionColumn: "position",
    keyColumn: ITEM_KEY_COLUMN,
    itemColumns,
    plainValues,
    kinds,
  };
}

function typeLayout(type: RecordType): TypeLayout {
  const fields: SchemaFields = { leaves: [], lists: [] };
  collectFields(RECORD_SCHEMAS[type], "", fields);
  const tableName = MAIN_TABLE_NAMES[type];
  return {
    type,
    sheetName: tableName,
    tableName,
    columns: fields.leaves.map((leaf) => leaf.path),
    kinds: new Map(fields.leaves.map((leaf) => [leaf.path, leaf.kind])),
    lists: fields.lists.map((list) => listLayout(type, list.path, list.element)),
  };
}

/** The tables of every record type, in `RECORD_TYPES` order. */
export const LAYOUTS: Record<RecordType, TypeLayout> = Object.fromEntries(
  RECORD_TYPES.map((type) => [type, typeLayout(type)]),
) as Record<RecordType, TypeLayout>;

/** Columns of a child table: parent id, position, the item's columns, then the item key. */
export function listColumns(list: ListLayout): string[] {
  return [list.parentColumn, list.positionColumn, ...list.itemColumns, list.keyColumn];
}

/** Builds the key of the list item at `position` of record `parentId`. */
export function itemKey(parentId: string, position: number): string {
  return `${parentId}:${position}`;
}

/** Every table name of a record type: the main table first, then its child tables. */
export function tableNamesOf(type: RecordType): string[] {
  const layout = LAYOUTS[type];
  return [layout.tableName, ...layout.lists.map((list) => list.tableName)];
}

/** The record type whose main or child table has the name, compared as Excel does. */
export function typeOfTable(tableName: string): RecordType | undefined {
  const lower = tableName.toLowerCase();
  return RECORD_TYPES.find((type) =>
    tableNamesOf(type).some((name) => name.toLowerCase() === lower),
  );
}

/**
 * The key and position cells that differ from what item `position` of record `parentId`
 * should hold, or undefined when both are right.
 */
export function itemKeyRepair(
  list: ListLayout,
  parentId: string,
  position: number,
  row: Row,
): Row | undefined {
  const key = itemKey(parentId, position);
  const changes: Row = {};
  if (row[list.keyColumn] !== key) {
    changes[list.keyColumn] = key;
  }
  if (row[list.positionColumn] !== position) {
    changes[list.positionColumn] = position;
  }
  return Object.keys(changes).length > 0 ? changes : undefined;
}
