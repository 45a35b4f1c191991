import { z } from "zod";

/**
 * Maximum length of text in a record field: a worksheet cell contains at most 32,767
 * characters (Microsoft KB 211878). The length is JavaScript's `String.length`, in UTF-16 code
 * units, so an emoji outside the Basic Multilingual Plane counts as two.
 * NOTE: that Excel counts such characters the same way is assumed, not verified.
 */
export const MAX_TEXT_LENGTH = 32_767;

/** Formats an integer with thousands separators for messages ("32,767"). */
function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

/** Adds an issue when `text` is longer than a cell can hold; text is never truncated. */
function checkTextLength(text: string, context: z.RefinementCtx): void {
  if (text.length > MAX_TEXT_LENGTH) {
    context.addIssue({
      code: z.ZodIssueCode.custom,
      message:
        `has ${formatCount(text.length)} characters but an Excel cell holds at most ` +
        `${formatCount(MAX_TEXT_LENGTH)}; shorten it or split it across fields.`,
    });
  }
}

/** Builds the schema of free text, empty when not given. */
export function optionalText(): z.ZodDefault<z.ZodEffects<z.ZodString>> {
  return z.string().superRefine(checkTextLength).default("");
}

/** Builds the schema of text that must contain something other than spaces. It is stored exactly as entered. */
export function requiredText(): z.ZodEffects<z.ZodString> {
  return z.string().superRefine((text, context) => {
    if (text.trim().length === 0) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: "is empty; enter a value." });
    }
    checkTextLength(text, context);
  });
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE_PATTERN.exec(text);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Builds the schema of a calendar date written as YYYY-MM-DD (ISO 8601), e.g. 2025-03-31. */
export function isoDate(): z.ZodEffects<z.ZodString> {
  return z.string().superRefine((text, context) => {
    if (!isIsoDate(text)) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: `is "${text.slice(0, 40)}" but must be a date written as YYYY-MM-DD, e.g. 2025-03-31.`,
      });
    }
  });
}

/** Writes a number with its unit: "12.5%" for percent, "30 days" for other units. */
function withUnit(value: number, unit: string | undefined): string {
  if (unit === undefined) {
    return String(value);
  }
  return unit === "%" ? `${value}%` : `${value} ${unit}`;
}

/** Options of a number schema: whole numbers only, and the unit messages show. */
interface NumberOptions {
  integer?: boolean;
  unit?: string;
}

/** Builds the schema of a number in [min, max], whose message names the range and unit. */
export function boundedNumber(
  min: number,
  max: number,
  options: NumberOptions = {},
): z.ZodEffects<z.ZodNumber> {
  return z
    .number()
    .finite()
    .superRefine((value, context) => {
      if (!Number.isFinite(value)) {
        return;
      }
      if (options.integer && !Number.isInteger(value)) {
        context.addIssue({
          code: z.ZodIssueCode.custom,
          message: `is ${value} but must be a whole number from ${min} to ${max}.`,
        });
      } else if (value < min || value > max) {
        const range = `${withUnit(min, options.unit)} and ${withUnit(max, options.unit)}`;
        context.addIssue({
          code: z.ZodIssueCode.custom,
          message: `is ${withUnit(value, options.unit)} but must be between ${range}.`,
        });
      }
    });
}

/** Builds the schema of a number of at least `min`, e.g. money or a count of days. */
export function numberAtLeast(min: number, options: NumberOptions = {}): z.ZodEffects<z.ZodNumber> {
  return z
    .number()
    .finite()
    .superRefine((value, context) => {
      if (!Number.isFinite(value)) {
        return;
      }
      if (options.integer && !Number.isInteger(value)) {
        context.addIssue({
          code: z.ZodIssueCode.custom,
          message: `is ${value} but must be a whole number of ${min} or more.`,
        });
      } else if (value < min) {
        context.addIssue({
          code: z.ZodIssueCode.custom,
          message: `is ${withUnit(value, options.unit)} but must be ${withUnit(min, options.unit)} or more.`,
        });
      }
    });
}

/** Builds the schema of an amount of money in the workbook's currency, 0 or more. */
export function money(): z.ZodEffects<z.ZodNumber> {
  return numberAtLeast(0);
}

/** Builds the schema of a share or rate in percent, 0 to 100. */
export function percent(): z.ZodEffects<z.ZodNumber> {
  return boundedNumber(0, 100, { unit: "%" });
}

/** Builds the schema of a priority from 1 (highest) to 5 (lowest). */
export function priority(): z.ZodEffects<z.ZodNumber> {
  return boundedNumber(1, 5, { integer: true });
}

/** Builds the schema of a score from 1 (poor) to 5 (excellent). */
export function score(): z.ZodEffects<z.ZodNumber> {
  return boundedNumber(1, 5, { integer: true });
}

/** Builds the schema of a record id (a UUID). */
export function recordId(): z.ZodString {
  return z.string().uuid();
}

/** Builds the schema of a list of record ids in which each id appears once. */
export function recordIdList(): z.ZodDefault<z.ZodEffects<z.ZodArray<z.ZodString>>> {
  return z
    .array(recordId())
    .superRefine((ids, context) => {
      const seen = new Set<string>();
      ids.forEach((id, index) => {
        if (seen.has(id)) {
          context.addIssue({
            code: z.ZodIssueCode.custom,
            path: [index],
            message: `repeats the id ${id}; list each record once.`,
          });
        }
        seen.add(id);
      });
    })
    .default([]);
}

/** Fields every record carries: a stable id and ISO 8601 creation and update timestamps. */
export const recordMetaShape = {
  id: recordId(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
};

/** The id and timestamps of a record. */
export interface RecordMeta {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Creates the id and timestamps of a record created at `now`. The id comes from the Web Crypto
 * `crypto.randomUUID`, which browsers and Node 20 both provide.
 */
export function newRecordMeta(
  now: Date = new Date(),
  id: string = crypto.randomUUID(),
): RecordMeta {
  const timestamp = now.toISOString();
  return { id, createdAt: timestamp, updatedAt: timestamp };
}

/** Adds an issue at the end field when both dates are given and the end is before the start. */
export function checkDateOrder(
  context: z.RefinementCtx,
  start: { field: (string | number)[]; value: string | undefined },
  end: { field: (string | number)[]; value: string | undefined },
): void {
  if (start.value === undefined || end.value === undefined) {
    return;
  }
  if (!isIsoDate(start.value) || !isIsoDate(end.value)) {
    return;
  }
  // ISO dates compare correctly as text.
  if (end.value < start.value) {
    context.addIssue({
      code: z.ZodIssueCode.custom,
      path: end.field,
      message:
        `is ${end.value}, before ${start.field.join(".")} ${start.value}; ` +
        "choose an end on or after the start.",
    });
  }
}

/** Two date fields of a record, each a path into the record, whose end must not be before its start. */
export interface DateOrderRule {
  start: (string | number)[];
  end: (string | number)[];
}

/** Reads the value at `path` inside `record`, or undefined when a step is not an object. */
function valueAt(record: unknown, path: readonly (string | number)[]): unknown {
  let current = record;
  for (const step of path) {
    if (typeof current !== "object" || current === null) {
      return undefined;
    }
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** Returns the value when it is text, otherwise undefined. */
function textOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/**
 * Applies `checkDateOrder` to each rule. The record may be raw input that failed to parse:
 * a date that is missing, not text or not a real date is skipped, because its own field
 * already reports it.
 */
export function checkDateOrders(
  rules: readonly DateOrderRule[],
  record: unknown,
  context: z.RefinementCtx,
): void {
  for (const rule of rules) {
    checkDateOrder(
      context,
      { field: rule.start, value: textOrUndefined(valueAt(record, rule.start)) },
      { field: rule.end, value: textOrUndefined(valueAt(record, rule.end)) },
    );
  }
}
