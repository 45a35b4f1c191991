import { z } from "zod";
import { isoDate, money, recordId, recordIdList, requiredText } from "./fields";
import { buildRecord, defineRecordSchemas } from "./recordSchema";

/** Stages of a salesperson's employment, from hiring to leaving. */
export const PERSON_STAGES = ["hiring", "selection", "adaptation", "active", "leaving"] as const;

/** Employment stage of a person. */
export type PersonStage = (typeof PERSON_STAGES)[number];

const personSchemas = defineRecordSchemas({
  name: requiredText(),
  roleId: recordId().optional(),
  unitId: recordId().optional(),
  channelIds: recordIdList(),
  targetGroupIds: recordIdList(),
  hireDate: isoDate().optional(),
  stage: z.enum(PERSON_STAGES).default("active"),
  quota: money().optional(),
});

/**
 * The fields of a person in the sales organisation: role, unit, assigned channels and target
 * groups, hire date, employment stage and sales quota.
 */
export const personInputSchema = personSchemas.input;

/** A stored person. */
export const personSchema = personSchemas.record;

/** A stored person. */
export type Person = z.output<typeof personSchema>;

/** The fields a user enters for a person; defaults fill the rest. */
export type PersonInput = z.input<typeof personInputSchema>;

/**
 * Creates a person with a new id and timestamps.
 *
 * @throws RecordValidationError naming each invalid field.
 */
export function createPerson(input: PersonInput, now?: Date): Person {
  return buildRecord(personInputSchema, "person", input, now);
}
