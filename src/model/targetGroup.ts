import { z } from "zod";
import {
  checkDateOrders,
  DateOrderRule,
  isoDate,
  money,
  optionalText,
  percent,
  priority,
  recordId,
  requiredText,
} from "./fields";
import { buildRecord, defineRecordSchemas } from "./recordSchema";

/** Kinds of target group, from a single client to a niche the company supports. */
export const TARGET_GROUP_KINDS = [
  "client",
  "targetGroup",
  "segment",
  "strategicNiche",
  "supportingNiche",
] as const;

/** Kind of target group. */
export type TargetGroupKind = (typeof TARGET_GROUP_KINDS)[number];

/** A typical objection of the group's buyers and the response that removes it. */
export const objectionSchema = z
  .object({
    objection: requiredText(),
    response: optionalText(),
  })
  .strict();

/** Strategy and tactics by which the company wins and keeps the clients of a target group. */
export const strategySchema = z
  .object({
    entryApproach: optionalText(),
    timeFrameStart: isoDate().optional(),
    timeFrameEnd: isoDate().optional(),
    timeFrameExtension: optionalText(),
    objections: z.array(objectionSchema).default([]),
    counterProposal: optionalText(),
    competitorSwitching: optionalText(),
    retentionTactics: optionalText(),
    complaintHandling: optionalText(),
  })
  .strict();

/** Strategy and tactics of a target group. */
export type Strategy = z.output<typeof strategySchema>;

/** Names of the strategy and tactics fields, in the order a form or table shows them. */
export const STRATEGY_FIELDS = Object.keys(strategySchema.shape) as (keyof Strategy)[];

/** The strategy's time frame must not end before it starts. */
export const TARGET_GROUP_DATE_ORDER: readonly DateOrderRule[] = [
  { start: ["strategy", "timeFrameStart"], end: ["strategy", "timeFrameEnd"] },
];

const targetGroupSchemas = defineRecordSchemas(
  {
    name: requiredText(),
    kind: z.enum(TARGET_GROUP_KINDS),
    parentId: recordId().optional(),
    description: optionalText(),
    priority: priority().optional(),
    estimatedPotential: money().optional(),
    currentSharePercent: percent().optional(),
    owner: optionalText(),
    strategy: strategySchema.default({}),
  },
  (group, context) => checkDateOrders(TARGET_GROUP_DATE_ORDER, group, context),
);

/**
 * The fields of a target group: a client, segment or niche the company sells to, with its
 * estimated potential revenue, the company's current share of it, and its strategy. A group
 * may sit inside a parent group.
 */
export const targetGroupInputSchema = targetGroupSchemas.input;

/** A stored target group. */
export const targetGroupSchema = targetGroupSchemas.record;

/** A stored target group. */
export type TargetGroup = z.output<typeof targetGroupSchema>;

/** The fields a user enters for a target group; defaults fill the rest. */
export type TargetGroupInput = z.input<typeof targetGroupInputSchema>;

/**
 * Creates a target group with a new id and timestamps.
 *
 * @throws RecordValidationError naming each invalid field.
 */
export function createTargetGroup(input: TargetGroupInput, now?: Date): TargetGroup {
  return buildRecord(targetGroupInputSchema, "target group", input, now);
}
