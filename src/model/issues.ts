import { z } from "zod";

/**
 * One problem found in a record. `field` is the dotted path of the field
 * (`strategy.timeFrameEnd`, `actions.0.dueDate`), counting list positions from 0, and
 * `message` is a sentence that names the field and the fix.
 */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Result of validating a record: the parsed record, or every problem found in it. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** A record that failed validation when created directly from the model. */
export class RecordValidationError extends Error {
  readonly issues: readonly FieldIssue[];

  constructor(recordLabel: string, issues: readonly FieldIssue[]) {
    super(`The ${recordLabel} is not valid: ${issues.map((issue) => issue.message).join(" ")}`);
    this.name = "RecordValidationError";
    this.issues = issues;
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a group of fields",
  date: "a date",
};

/** Renders a value for a message: text in quotes, shortened so a long cell cannot flood it. */
export function describeValue(value: unknown): string {
  const PREVIEW_LENGTH = 40;
  if (typeof value === "string") {
    const preview = value.length > PREVIEW_LENGTH ? `${value.slice(0, PREVIEW_LENGTH)}…` : value;
    return `"${preview}"`;
  }
  if (Array.isArray(value)) {
    return "a list";
  }
  if (value === null) {
    return "empty (null)";
  }
  if (typeof value === "object") {
    return "a group of fields";
  }
  return String(value);
}

/** Digits with a comma or a space in them, such as "12,5" or "1 234": locale number formats. */
const LOCALE_NUMBER = /^\s*[+-]?\d+([, ]\d+)+(\.\d+)?\s*$/;

/** Returns advice for a number typed with a decimal comma or digit groups, else "". */
function separatorHint(expected: string, data: unknown): string {
  return (expected === "number" || expected === "integer") &&
    typeof data === "string" &&
    LOCALE_NUMBER.test(data)
    ? " Write it with a decimal point and no thousands separators, such as 1234.5."
    : "";
}

/**
 * Zod error map whose messages are predicates that follow the field name ("is required; enter
 * a value."). `toFieldIssues` puts the field name in front.
 */
export const predicateErrorMap: z.ZodErrorMap = (issue, context) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === "undefined") {
        return { message: "is required; enter a value." };
      }
      return {
        message:
          `is ${describeValue(context.data)} but must be ${TYPE_NAMES[issue.expected] ?? issue.expected}.` +
          separatorHint(issue.expected, context.data),
      };
    case z.ZodIssueCode.invalid_enum_value:
      return {
        message: `is ${describeValue(issue.received)} but must be one of: ${issue.options.join(", ")}.`,
      };
    case z.ZodIssueCode.not_finite:
      return { message: `is ${describeValue(context.data)} but must be a finite number.` };
    case z.ZodIssueCode.invalid_string:
      if (issue.validation === "uuid") {
        return { message: `is ${describeValue(context.data)} but must be a record id (a UUID).` };
      }
      if (issue.validation === "datetime") {
        return {
          message: `is ${describeValue(context.data)} but must be an ISO 8601 timestamp such as 2024-05-31T12:00:00.000Z.`,
        };
      }
      return { message: `is ${describeValue(context.data)}, which is not valid text here.` };
    default:
      return { message: context.defaultError };
  }
};

/** Joins a zod path into the dotted field name used in messages. */
export function fieldName(path: readonly (string | number)[]): string {
  return path.length === 0 ? "record" : path.join(".");
}

/**
 * Converts zod issues into field issues whose message starts with the field name. An unknown
 * key becomes one issue per key, named by that key.
 */
export function toFieldIssues(issues: readonly z.ZodIssue[]): FieldIssue[] {
  const result: FieldIssue[] = [];
  for (const issue of issues) {
    if (issue.code === z.ZodIssueCode.unrecognized_keys) {
      for (const key of issue.keys) {
        const field = fieldName([...issue.path, key]);
        result.push({
          field,
          message: `${field} is not a known field; remove it or check its spelling.`,
        });
      }
      continue;
    }
    const field = fieldName(issue.path);
    result.push({ field, message: `${field} ${issue.message}` });
  }
  return result;
}

/**
 * Parses `input` with `schema` and returns the value or the field issues, every message naming
 * its field.
 */
export function parseWithIssues<S extends z.ZodTypeAny>(
  schema: S,
  input: unknown,
): ValidationResult<z.output<S>> {
  const parsed = schema.safeParse(input, { errorMap: predicateErrorMap });
  if (parsed.success) {
    return { ok: true, value: parsed.data };
  }
  return { ok: false, issues: toFieldIssues(parsed.error.issues) };
}
