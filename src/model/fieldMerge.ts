/**
 * Per-field three-way merge of a record edit, as co-authors need it. A "field" is a leaf
 * reached through nested groups of fields (`strategy.entryApproach`, `areas.channels.score`).
 * A list such as `strategy.objections` counts as one field and is replaced whole.
 */

/** One field that two people changed concurrently; the later edit's value was kept. */
export interface FieldConflict {
  /** Dotted field path, as in `FieldIssue.field`. */
  field: string;
  /** Value when the later editor loaded the record. */
  baseValue: unknown;
  /** The earlier edit's value, which was overwritten. */
  overwrittenValue: unknown;
  /** The later edit's value, now stored. */
  storedValue: unknown;
}

/** Outcome of merging one edit into the current record. */
export interface FieldMerge<R> {
  /** The current record with the edit's fields applied. */
  merged: R;
  /** Fields the edit changed relative to its base. */
  editedFields: string[];
  /** Fields changed both by someone else since the base and by this edit, to different values. */
  conflicts: FieldConflict[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when two stored values are equal, comparing lists and groups of fields by content. */
export function valuesEqual(left: unknown, right: unknown): boolean {
  if (Object.is(left, right)) {
    return true;
  }
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, i) => valuesEqual(item, right[i]));
  }
  if (isPlainObject(left) && isPlainObject(right)) {
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    return [...keys].every((key) => valuesEqual(left[key], right[key]));
  }
  return false;
}

/** Maps each field path of `record` to its value; lists are single fields. */
export function fieldValues(record: unknown): Map<string, unknown> {
  const values = new Map<string, unknown>();
  collectFieldValues(values, "", record);
  return values;
}

function collectFieldValues(values: Map<string, unknown>, prefix: string, value: unknown): void {
  if (isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      collectFieldValues(values, prefix === "" ? key : `${prefix}.${key}`, child);
    }
    return;
  }
  if (value !== undefined) {
    values.set(prefix, value);
  }
}

/** Lists the field paths whose value differs between `before` and `after`. */
export function changedFields(before: unknown, after: unknown): string[] {
  const beforeValues = fieldValues(before);
  const afterValues = fieldValues(after);
  const paths = new Set([...beforeValues.keys(), ...afterValues.keys()]);
  return [...paths].filter((path) => !valuesEqual(beforeValues.get(path), afterValues.get(path)));
}

/**
 * Returns a copy of `record` with `changes` applied. Nested groups of fields merge field by
 * field, lists and other values replace, and an own property set to `undefined` removes the
 * field.
 */
export function applyChanges<R>(record: R, changes: object): R {
  const result: Record<string, unknown> = structuredClone(record) as Record<string, unknown>;
  for (const [key, change] of Object.entries(changes)) {
    const existing = result[key];
    if (change === undefined) {
      delete result[key];
    } else if (isPlainObject(change) && isPlainObject(existing)) {
      result[key] = applyChanges(existing, change);
    } else {
      result[key] = structuredClone(change);
    }
  }
  return result as R;
}

function setField(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split(".");
  let current = target;
  for (const segment of segments.slice(0, -1)) {
    if (!isPlainObject(current[segment])) {
      current[segment] = {};
    }
    current = current[segment] as Record<string, unknown>;
  }
  const last = segments[segments.length - 1];
  if (value === undefined) {
    delete current[last];
  } else {
    current[last] = structuredClone(value);
  }
}

/**
 * Merges an edit made from `base` into `current`. Only the fields the edit changed relative
 * to `base` are written, so a co-author's edits to other fields are kept. A field both sides
 * changed takes the edit's value (last writer wins) and becomes a conflict.
 */
export function mergeEdit<R>(current: R, base: R, changes: object): FieldMerge<R> {
  const edited = applyChanges(base, changes);
  const editedFields = changedFields(base, edited);
  const baseValues = fieldValues(base);
  const currentValues = fieldValues(current);
  const editedValues = fieldValues(edited);

  const merged = structuredClone(current) as Record<string, unknown>;
  const conflicts: FieldConflict[] = [];
  for (const field of editedFields) {
    const theirs = currentValues.get(field);
    const mine = editedValues.get(field);
    const changedByOthers = !valuesEqual(baseValues.get(field), theirs);
    if (changedByOthers && !valuesEqual(theirs, mine)) {
      conflicts.push({
        field,
        baseValue: baseValues.get(field),
        overwrittenValue: theirs,
        storedValue: mine,
      });
    }
    setField(merged, field, mine);
  }
  return { merged: merged as R, editedFields, conflicts };
}
