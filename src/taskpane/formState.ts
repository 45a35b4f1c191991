/**
 * Form state of the editors: fields are edited as text, converted into record input on save,
 * and the store's validation issues are mapped back onto the fields. The store validates and the
 * form only converts. A value such as a budget of "abc" therefore reaches the store unchanged and
 * comes back as an issue of that field.
 */
import { FieldConflict, FieldIssue } from "../model";

/** Messages to show at the fields, keyed by the dotted field path (`strategy.timeFrameEnd`). */
export type FieldMessages = Readonly<Record<string, string>>;

const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Converts the text of a number field: blank is undefined (an optional field left empty), a
 * number is that number, and any other text is returned as typed so the store rejects it with a
 * message naming the field.
 */
export function parseNumberInput(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") {
    return undefined;
  }
  return NUMBER_PATTERN.test(trimmed) ? Number(trimmed) : text;
}

/** Converts the text of an optional field such as a date or a choice: blank is undefined. */
export function optionalInput(text: string): string | undefined {
  return text.trim() === "" ? undefined : text;
}

/** Formats an optional number for its text field. */
export function numberText(value: number | undefined): string {
  return value === undefined ? "" : String(value);
}

/**
 * Groups the store's issues by field. A message that starts with the field path gets the field's
 * label in its place ("Budget is "abc" but must be a number."), using `labels` where given.
 */
export function fieldMessages(
  issues: readonly FieldIssue[],
  labels: Readonly<Record<string, string>> = {},
): FieldMessages {
  const messages: Record<string, string> = {};
  for (const issue of issues) {
    const label = labels[issue.field];
    const text =
      label !== undefined && issue.message.startsWith(issue.field)
        ? `${label}${issue.message.slice(issue.field.length)}`
        : issue.message;
    messages[issue.field] = messages[issue.field] ? `${messages[issue.field]} ${text}` : text;
  }
  return messages;
}

/**
 * Returns the message of a field, including those of its parts: `actions.0` collects
 * `actions.0.description` and `actions.0.dueDate`.
 */
export function messageFor(messages: FieldMessages, field: string): string | undefined {
  const own = Object.entries(messages)
    .filter(([path]) => path === field || path.startsWith(`${field}.`))
    .map(([, message]) => message);
  return own.length > 0 ? own.join(" ") : undefined;
}

/** Characters that make Excel read typed text as a formula. */
const FORMULA_PREFIXES = ["=", "+", "-", "@"];

/**
 * Returns a hint for text that Excel would read as a formula if typed into a cell, telling the
 * user that the add-in keeps it as text. Returns undefined for other text.
 */
export function formulaTextHint(text: string): string | undefined {
  const first = text.trimStart().charAt(0);
  if (!FORMULA_PREFIXES.includes(first)) {
    return undefined;
  }
  return `Starts with ${first}, so it is stored as text, not as a formula.`;
}

/**
 * Confirms a save, naming the fields where it replaced a colleague's newer value, so the user can
 * check them.
 */
export function savedNotice(saved: string, conflicts: readonly FieldConflict[]): string {
  if (conflicts.length === 0) {
    return saved;
  }
  const fields = conflicts.map((conflict) => conflict.field).join(", ");
  return `${saved} It replaced a colleague's newer value of: ${fields}; check these fields.`;
}
