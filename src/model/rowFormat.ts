import { z } from "zod";
import { AnyRecord, RecordType, RECORD_SCHEMAS } from "./records";
import { Row, RowValue } from "./schemaVersion";

/**
 * Flat rows of records, for tables and CSV files. A nested field becomes a dotted column
 * (`strategy.entryApproach`), a list item gets its position counted from 0
 * (`strategy.objections.0.response`, `targetGroupIds.1`), and an empty optional field has no
 * column. The record schemas decide how each cell is read back, so text such as `0012` stays
 * text and only number fields become numbers.
 */

/** Value kinds a leaf field can hold. */
type LeafKind = "string" | "number" | "boolean";

/** Strips optional, default and refinement wrappers to reach the schema of the data itself. */
export function unwrapSchema(schema: z.ZodTypeAny): z.ZodTypeAny {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      current = current.unwrap();
    } else if (current instanceof z.ZodDefault) {
      current = current._def.innerType;
    } else if (current instanceof z.ZodEffects) {
      current = current.innerType();
    } else {
      return current;
    }
  }
}

function leafKind(schema: z.ZodTypeAny): LeafKind {
  if (schema instanceof z.ZodNumber) {
    return "number";
  }
  if (schema instanceof z.ZodBoolean) {
    return "boolean";
  }
  return "string";
}

/** Finds the unwrapped schema at `path` below `root`; undefined when no such field exists. */
function schemaAt(root: z.ZodTypeAny, path: readonly string[]): z.ZodTypeAny | undefined {
  let current = unwrapSchema(root);
  for (const segment of path) {
    if (current instanceof z.ZodObject) {
      const shape = current.shape as z.ZodRawShape;
      if (!Object.prototype.hasOwnProperty.call(shape, segment)) {
        return undefined;
      }
      current = unwrapSchema(shape[segment]);
    } else if (current instanceof z.ZodArray && /^\d+$/.test(segment)) {
      current = unwrapSchema(current.element);
    } else {
      return undefined;
    }
  }
  return current;
}

/** Flattens `record` into one row; empty optional fields have no column. */
export function recordToRow(record: AnyRecord): Row {
  const row: Row = {};
  flattenInto(row, "", record);
  return row;
}

function flattenInto(row: Row, prefix: string, value: unknown): void {
  if (value === undefined || value === null) {
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => flattenInto(row, `${prefix}${index}.`, item));
    return;
  }
  if (typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      flattenInto(row, `${prefix}${key}.`, child);
    }
    return;
  }
  row[prefix.slice(0, -1)] = value as RowValue;
}

/**
 * Lists the columns for rows of `records` of type `type`, in the order the schema declares
 * the fields. Each list gets as many positions as its longest occurrence.
 */
export function rowColumns(type: RecordType, records: readonly AnyRecord[]): string[] {
  const rows = records.map(recordToRow);
  const columns: string[] = [];
  collectColumns(columns, "", RECORD_SCHEMAS[type], rows);
  return columns;
}

function collectColumns(
  columns: string[],
  prefix: string,
  schema: z.ZodTypeAny,
  rows: readonly Row[],
): void {
  const inner = unwrapSchema(schema);
  if (inner instanceof z.ZodObject) {
    for (const [key, child] of Object.entries(inner.shape as z.ZodRawShape)) {
      collectColumns(columns, `${prefix}${key}.`, child, rows);
    }
    return;
  }
  if (inner instanceof z.ZodArray) {
    const length = longestList(prefix, rows);
    for (let index = 0; index < length; index++) {
      collectColumns(columns, `${prefix}${index}.`, inner.element, rows);
    }
    return;
  }
  columns.push(prefix.slice(0, -1));
}

/** Number of positions the longest list under `prefix` occupies in any row. */
function longestList(prefix: string, rows: readonly Row[]): number {
  let length = 0;
  for (const row of rows) {
    for (const column of Object.keys(row)) {
      if (column.startsWith(prefix)) {
        const position = Number(column.slice(prefix.length).split(".")[0]);
        length = Math.max(length, position + 1);
      }
    }
  }
  return length;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Converts a cell to the kind its field holds; text that is not a number stays text. */
function convertCell(kind: LeafKind, value: RowValue): RowValue {
  if (kind === "string") {
    return typeof value === "string" ? value : String(value);
  }
  if (typeof value !== "string") {
    return value;
  }
  const trimmed = value.trim();
  if (kind === "number" && NUMBER_TEXT.test(trimmed)) {
    return Number(trimmed);
  }
  if (kind === "boolean" && /^(true|false)$/i.test(trimmed)) {
    return trimmed.toLowerCase() === "true";
  }
  return value;
}

/** A row read back into record form, and the cells of columns the record type does not know. */
export interface RowReading {
  /** Nested record values ready for validation; an empty cell leaves its field out. */
  input: Record<string, unknown>;
  /** Cells of columns that name no field of the record type, e.g. a column a user added. */
  extraColumns: Row;
}

/**
 * Rebuilds the nested record of type `type` from a flat row. Empty cells are left out so that
 * defaults apply; list items whose cells are all empty are dropped.
 */
export function rowToRecordInput(type: RecordType, row: Row): RowReading {
  const schema = RECORD_SCHEMAS[type];
  const input: Record<string, unknown> = {};
  const extraColumns: Row = {};
  for (const [column, value] of Object.entries(row)) {
    const path = column.split(".");
    const leaf = schemaAt(schema, path);
    if (leaf === undefined || leaf instanceof z.ZodObject || leaf instanceof z.ZodArray) {
      extraColumns[column] = value;
      continue;
    }
    if (value === "") {
      continue;
    }
    setAtPath(input, path, convertCell(leafKind(leaf), value));
  }
  return { input: compactLists(input) as Record<string, unknown>, extraColumns };
}

function setAtPath(
  target: Record<string, unknown>,
  path: readonly string[],
  value: RowValue,
): void {
  let current: Record<string, unknown> = target;
  path.slice(0, -1).forEach((segment, index) => {
    const nextIsPosition = /^\d+$/.test(path[index + 1]);
    if (current[segment] === undefined) {
      current[segment] = nextIsPosition ? [] : {};
    }
    current = current[segment] as Record<string, unknown>;
  });
  current[path[path.length - 1]] = value;
}

/** Removes the holes a list gets when some positions had only empty cells. */
function compactLists(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.filter((item) => item !== undefined).map(compactLists);
  }
  if (value !== null && typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      result[key] = compactLists(child);
    }
    return result;
  }
  return value;
}
