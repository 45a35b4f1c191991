import { z } from "zod";
import { numberAtLeast, optionalText, recordId } from "./fields";
import { buildRecord, defineRecordSchemas } from "./recordSchema";

/** Record types a target can be set for. */
export const TARGET_SUBJECT_TYPES = ["person", "channel", "targetGroup"] as const;

/** Record type a target is set for. */
export type TargetSubjectType = (typeof TARGET_SUBJECT_TYPES)[number];

/** Measures a target can be set in. */
export const TARGET_METRICS = [
  "revenue",
  "units",
  "newCustomers",
  "distribution",
  "custom",
] as const;

/** Measure of a target. */
export type TargetMetric = (typeof TARGET_METRICS)[number];

/**
 * Period formats: a year (2025), half-year (2025-H1), quarter (2025-Q1), month (2025-03) or
 * ISO week (2025-W09).
 */
const PERIOD_PATTERN = /^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2])|-W(0[1-9]|[1-4]\d|5[0-3]))?$/;

/** Highest distribution target: numeric distribution is a share of outlets in percent. */
const MAX_DISTRIBUTION_PERCENT = 100;

const targetSchemas = defineRecordSchemas(
  {
    subjectType: z.enum(TARGET_SUBJECT_TYPES),
    subjectId: recordId(),
    period: z.string().regex(PERIOD_PATTERN, {
      message:
        "must be a year (2025), half-year (2025-H1), quarter (2025-Q1), month (2025-03) " +
        "or ISO week (2025-W09).",
    }),
    metric: z.enum(TARGET_METRICS),
    customMetricName: optionalText(),
    value: numberAtLeast(0),
    actual: numberAtLeast(0).optional(),
    weight: numberAtLeast(0).optional(),
  },
  (target, context) => {
    if (target.metric === "custom" && target.customMetricName.trim().length === 0) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["customMetricName"],
        message: "is empty but metric is custom; name the custom metric.",
      });
    }
    if (target.metric === "distribution" && target.value > MAX_DISTRIBUTION_PERCENT) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["value"],
        message: `is ${target.value} but a distribution target is a percentage from 0 to 100.`,
      });
    }
  },
);

/**
 * The fields of a target: the value a person, channel or target group should reach in a
 * period, in one metric, with the actual reached so far and the metric's weight in the
 * subject's scorecard (blank counts as 1).
 */
export const targetInputSchema = targetSchemas.input;

/** A stored target. */
export const targetSchema = targetSchemas.record;

/** A stored target. */
export type Target = z.output<typeof targetSchema>;

/** The fields a user enters for a target; defaults fill the rest. */
export type TargetInput = z.input<typeof targetInputSchema>;

/**
 * Creates a target with a new id and timestamps.
 *
 * @throws RecordValidationError naming each invalid field.
 */
export function createTarget(input: TargetInput, now?: Date): Target {
  return buildRecord(targetInputSchema, "target", input, now);
}
