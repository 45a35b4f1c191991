/**
 * Free-text fields of every record type, found by walking the record schemas, so a text field
 * added to a schema is covered by the reliability tests without editing them.
 */
import { z } from "zod";
import {
  AnyRecord,
  RecordType,
  RECORD_SCHEMAS,
  RECORD_TYPES,
  SalesSystemSnapshot,
  unwrapSchema,
} from "../../../../src/model";
import { buildFullModel } from "../../../model/fixtures";

/** Text that every free-text field accepts, and that no id, date, enum or pattern accepts. */
const FREE_TEXT_PROBE = "Free text, 1";

/** One free-text field: its dotted path (list items at position 0) and its own schema. */
export interface TextField {
  type: RecordType;
  /** Dotted path such as `strategy.objections.0.response` or `participants.0`. */
  path: string;
  /** True when the field rejects text of spaces only (`requiredText`). */
  required: boolean;
  schema: z.ZodTypeAny;
}

/**
 * Collects the string leaves below `schema` whose own schema accepts arbitrary text. A list
 * contributes the fields of its first item.
 */
function collectTextFields(
  type: RecordType,
  schema: z.ZodTypeAny,
  prefix: string[],
  fields: TextField[],
): void {
  const inner = unwrapSchema(schema);
  if (inner instanceof z.ZodObject) {
    for (const [key, child] of Object.entries(inner.shape as z.ZodRawShape)) {
      collectTextFields(type, child, [...prefix, key], fields);
    }
    return;
  }
  if (inner instanceof z.ZodArray) {
    collectTextFields(type, inner.element, [...prefix, "0"], fields);
    return;
  }
  if (inner instanceof z.ZodString && schema.safeParse(FREE_TEXT_PROBE).success) {
    const required = !schema.safeParse("  ").success;
    fields.push({ type, path: prefix.join("."), required, schema });
  }
}

/** Lists every free-text field of record type `type`, in schema order. */
export function textFieldsOf(type: RecordType): TextField[] {
  const fields: TextField[] = [];
  collectTextFields(type, RECORD_SCHEMAS[type], [], fields);
  return fields;
}

/** Every free-text field of every record type. */
export const TEXT_FIELDS: readonly TextField[] = RECORD_TYPES.flatMap(textFieldsOf);

/** Returns a deep copy of `record` with `value` at the dotted `path`, creating list items. */
export function withValueAt<R extends object>(record: R, path: string, value: unknown): R {
  const copy = structuredClone(record) as Record<string, unknown>;
  const steps = path.split(".");
  let current: Record<string, unknown> = copy;
  steps.slice(0, -1).forEach((step, index) => {
    if (current[step] === undefined) {
      current[step] = /^\d+$/.test(steps[index + 1]) ? [] : {};
    }
    current = current[step] as Record<string, unknown>;
  });
  current[steps[steps.length - 1]] = value;
  return copy as R;
}

/** Reads the value at the dotted `path` of `record`, or undefined. */
export function valueAt(record: unknown, path: string): unknown {
  let current = record;
  for (const step of path.split(".")) {
    if (typeof current !== "object" || current === null) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/**
 * Builds one record of every type with every field filled and every reference resolved
 * within the set (`buildFullModel`).
 */
export function templateModel(): SalesSystemSnapshot {
  return buildFullModel();
}

/** Returns the editable fields of a stored record: the record without id and timestamps. */
export function inputOf(record: AnyRecord): Record<string, unknown> {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = record;
  return fields;
}
