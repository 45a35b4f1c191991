import { z } from "zod";
import { newRecordMeta, recordMetaShape, RecordMeta } from "./fields";
import { parseWithIssues, RecordValidationError } from "./issues";

type MetaShape = typeof recordMetaShape;

/** Cross-field rule of a record type (dates in order, conditional requirements). */
export type RecordCheck<Shape extends z.ZodRawShape> = (
  value: z.output<z.ZodObject<Shape>>,
  context: z.RefinementCtx,
) => void;

/** The two schemas of a record type: its editable fields, and the stored record. */
export interface RecordSchemas<Shape extends z.ZodRawShape> {
  /** The fields a user enters; defaults fill optional text and lists. */
  input: z.ZodEffects<z.ZodObject<Shape, "strict">>;
  /** The stored record: the fields plus id, createdAt and updatedAt. */
  record: z.ZodEffects<z.ZodObject<MetaShape & Shape, "strict">>;
}

/**
 * Builds the input and record schemas of a record type from its field shape. Both reject
 * unknown fields, so a misspelt field name is reported instead of being dropped.
 */
export function defineRecordSchemas<Shape extends z.ZodRawShape>(
  shape: Shape,
  check: RecordCheck<Shape> = () => undefined,
): RecordSchemas<Shape> {
  const input = z.object(shape).strict().superRefine(check);
  const record = z
    .object({ ...recordMetaShape, ...shape })
    .strict()
    .superRefine((value, context) => check(value as z.output<z.ZodObject<Shape>>, context));
  return { input, record };
}

/**
 * Validates `input` with `schema` and adds a new id and timestamps.
 *
 * @throws RecordValidationError listing every invalid field.
 */
export function buildRecord<S extends z.ZodTypeAny>(
  schema: S,
  recordLabel: string,
  input: z.input<S>,
  now: Date = new Date(),
): RecordMeta & z.output<S> {
  const parsed = parseWithIssues(schema, input);
  if (!parsed.ok) {
    throw new RecordValidationError(recordLabel, parsed.issues);
  }
  return { ...newRecordMeta(now), ...parsed.value };
}
