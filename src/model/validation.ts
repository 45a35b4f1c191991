import { z } from "zod";
import { checkDateOrders, DateOrderRule } from "./fields";
import { FieldIssue, parseWithIssues, ValidationResult } from "./issues";
import {
  describeRecord,
  INPUT_SCHEMAS,
  RecordOf,
  RecordType,
  RECORD_LABELS,
  RECORD_SCHEMAS,
} from "./records";
import { RecordLookup, REFERENCE_FIELDS } from "./references";
import { reviewEditIssues } from "./review";
import { STIMULATION_ACTION_DATE_ORDER } from "./stimulationAction";
import { TARGET_GROUP_DATE_ORDER } from "./targetGroup";

/** The validated fields of a record of type `T`, without id and timestamps. */
export type RecordFields<T extends RecordType> = Omit<
  RecordOf<T>,
  "id" | "createdAt" | "updatedAt"
>;

/** Date pairs of each record type whose end must not be before its start. */
const DATE_ORDER_RULES: Partial<Record<RecordType, readonly DateOrderRule[]>> = {
  targetGroup: TARGET_GROUP_DATE_ORDER,
  stimulationAction: STIMULATION_ACTION_DATE_ORDER,
};

/** Record types whose `parentId` points at a record of the same type, forming a tree. */
const TREE_TYPES: readonly RecordType[] = ["targetGroup", "organisationUnit"];

/**
 * Validates the fields a user entered for a new or edited record of type `type`: required
 * fields, ranges, dates in order, and, given `lookup`, references to existing records.
 * Returns the fields with defaults filled, or every problem found.
 */
export function validateInput<T extends RecordType>(
  type: T,
  input: unknown,
  lookup?: RecordLookup,
): ValidationResult<RecordFields<T>> {
  const parsed = withDateOrderIssues(type, input, parseWithIssues(INPUT_SCHEMAS[type], input));
  if (!parsed.ok || lookup === undefined) {
    return parsed as ValidationResult<RecordFields<T>>;
  }
  const issues = referenceIssues(type, parsed.value as RecordFields<T>, lookup);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.value };
}

/**
 * Validates a whole record of type `type`, id and timestamps included, with the same rules as
 * `validateInput`. Returns the record with defaults filled, or every problem found.
 */
export function validateRecord<T extends RecordType>(
  type: T,
  input: unknown,
  lookup?: RecordLookup,
): ValidationResult<RecordOf<T>> {
  const parsed = withDateOrderIssues(type, input, parseWithIssues(RECORD_SCHEMAS[type], input));
  if (!parsed.ok || lookup === undefined) {
    return parsed as ValidationResult<RecordOf<T>>;
  }
  const record = parsed.value as RecordOf<T>;
  const issues = referenceIssues(type, record, lookup);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: record };
}

/**
 * Adds the date order issues of the raw `input` to a failed parse. Zod runs a record's
 * cross-field checks only once every field parses, so without this a form with a field of the
 * wrong type and dates in the wrong order would show the date problem only on the next save.
 * An issue the parse already reported is not repeated.
 */
function withDateOrderIssues<T>(
  type: RecordType,
  input: unknown,
  parsed: ValidationResult<T>,
): ValidationResult<T> {
  const rules = DATE_ORDER_RULES[type];
  if (parsed.ok || rules === undefined) {
    return parsed;
  }
  const rawCheck = z.unknown().superRefine((raw, context) => checkDateOrders(rules, raw, context));
  const raw = parseWithIssues(rawCheck, input);
  if (raw.ok) {
    return parsed;
  }
  const isNew = (issue: FieldIssue): boolean =>
    !parsed.issues.some((known) => known.field === issue.field && known.message === issue.message);
  return { ok: false, issues: [...parsed.issues, ...raw.issues.filter(isNew)] };
}

/**
 * Checks that an edit of `existing` is allowed at all, before its new values are validated. A
 * final review is read-only.
 */
export function editIssues<T extends RecordType>(type: T, existing: RecordOf<T>): FieldIssue[] {
  if (type === "review") {
    return reviewEditIssues(existing as RecordOf<"review">);
  }
  return [];
}

/**
 * Checks every id a record refers to against `lookup`. These are the parent of a target group
 * or unit (which must not make a cycle), the target groups of a channel, the channel of a
 * stimulation action, the role, unit, channels and target groups of a person, and a target's
 * subject. `record.id` is absent for a record not yet stored.
 */
export function referenceIssues<T extends RecordType>(
  type: T,
  record: RecordFields<T> & { id?: string },
  lookup: RecordLookup,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const reference of REFERENCE_FIELDS) {
    if (reference.from !== type) {
      continue;
    }
    const ids = reference.ids(record as unknown as RecordOf<RecordType>);
    const isList = Array.isArray((record as Record<string, unknown>)[reference.field]);
    ids.forEach((id, index) => {
      const field = isList ? `${reference.field}.${index}` : reference.field;
      if (lookup.find(reference.to, id) === undefined && id !== record.id) {
        issues.push(missingReferenceIssue(field, reference.to, id));
      }
    });
  }
  if (TREE_TYPES.includes(type)) {
    issues.push(...parentCycleIssues(type, record as { id?: string; parentId?: string }, lookup));
  }
  if (type === "target") {
    issues.push(...targetSubjectIssues(record as unknown as RecordFields<"target">, lookup));
  }
  return issues;
}

function missingReferenceIssue(field: string, to: RecordType, id: string): FieldIssue {
  const label = RECORD_LABELS[to];
  return {
    field,
    message:
      `${field} refers to ${label} ${id}, which does not exist; ` +
      `choose an existing ${label} or remove the reference.`,
  };
}

function targetSubjectIssues(target: RecordFields<"target">, lookup: RecordLookup): FieldIssue[] {
  if (lookup.find(target.subjectType, target.subjectId) !== undefined) {
    return [];
  }
  return [missingReferenceIssue("subjectId", target.subjectType, target.subjectId)];
}

/**
 * Follows `parentId` upwards from the record's new parent. Reaching the record again means the
 * new parent is the record itself or one of its descendants, which would make a cycle.
 */
function parentCycleIssues(
  type: RecordType,
  record: { id?: string; parentId?: string },
  lookup: RecordLookup,
): FieldIssue[] {
  if (record.id === undefined || record.parentId === undefined) {
    return [];
  }
  const label = RECORD_LABELS[type];
  if (record.parentId === record.id) {
    return [
      {
        field: "parentId",
        message: `parentId is the ${label}'s own id; a ${label} cannot be its own parent.`,
      },
    ];
  }

  const chain: string[] = [];
  const visited = new Set<string>();
  let currentId: string | undefined = record.parentId;
  while (currentId !== undefined && !visited.has(currentId)) {
    if (currentId === record.id) {
      return [
        {
          field: "parentId",
          message:
            `parentId would make a cycle, because ${chain.join(" is inside ")} is already ` +
            `inside this ${label}; choose a parent outside this ${label}'s own subgroups.`,
        },
      ];
    }
    visited.add(currentId);
    const parent = lookup.find(type, currentId) as { parentId?: string; name?: string } | undefined;
    if (parent === undefined) {
      break;
    }
    chain.push(describeRecord(type, parent as RecordOf<RecordType>));
    currentId = parent.parentId;
  }
  return [];
}
