import { z } from "zod";
import {
  checkDateOrders,
  DateOrderRule,
  isoDate,
  money,
  numberAtLeast,
  optionalText,
  recordId,
  requiredText,
} from "./fields";
import { buildRecord, defineRecordSchemas } from "./recordSchema";

/** Kinds of trade marketing action run through a channel. */
export const STIMULATION_ACTION_KINDS = [
  "promotion",
  "rebate",
  "listing",
  "merchandising",
  "staffTraining",
  "salesContest",
  "pointOfSaleMaterial",
  "other",
] as const;

/** Kind of stimulation action. */
export type StimulationActionKind = (typeof STIMULATION_ACTION_KINDS)[number];

/** Life cycle of a stimulation action. */
export const STIMULATION_ACTION_STATUSES = ["planned", "running", "done", "cancelled"] as const;

/** Status of a stimulation action. */
export type StimulationActionStatus = (typeof STIMULATION_ACTION_STATUSES)[number];

/** Sales uplift in percent: a fall of more than 100% is impossible, a rise has no bound. */
function upliftPercent(): ReturnType<typeof numberAtLeast> {
  return numberAtLeast(-100, { unit: "%" });
}

/** An action must not end before it starts. */
export const STIMULATION_ACTION_DATE_ORDER: readonly DateOrderRule[] = [
  { start: ["startDate"], end: ["endDate"] },
];

const stimulationActionSchemas = defineRecordSchemas(
  {
    name: requiredText(),
    channelId: recordId(),
    kind: z.enum(STIMULATION_ACTION_KINDS),
    startDate: isoDate().optional(),
    endDate: isoDate().optional(),
    budget: money().optional(),
    actualCost: money().optional(),
    expectedUpliftPercent: upliftPercent().optional(),
    measuredUpliftPercent: upliftPercent().optional(),
    status: z.enum(STIMULATION_ACTION_STATUSES).default("planned"),
    description: optionalText(),
  },
  (action, context) => checkDateOrders(STIMULATION_ACTION_DATE_ORDER, action, context),
);

/** The fields of a stimulation (trade marketing) action of one channel. */
export const stimulationActionInputSchema = stimulationActionSchemas.input;

/** A stored stimulation action. */
export const stimulationActionSchema = stimulationActionSchemas.record;

/** A stored stimulation action. */
export type StimulationAction = z.output<typeof stimulationActionSchema>;

/** The fields a user enters for a stimulation action; defaults fill the rest. */
export type StimulationActionInput = z.input<typeof stimulationActionInputSchema>;

/**
 * Creates a stimulation action with a new id and timestamps.
 *
 * @throws RecordValidationError naming each invalid field.
 */
export function createStimulationAction(
  input: StimulationActionInput,
  now?: Date,
): StimulationAction {
  return buildRecord(stimulationActionInputSchema, "stimulation action", input, now);
}
