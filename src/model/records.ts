import { z } from "zod";
import { channelInputSchema, channelSchema } from "./channel";
import {
  organisationUnitInputSchema,
  organisationUnitSchema,
  roleInputSchema,
  roleSchema,
} from "./organisation";
import { personInputSchema, personSchema } from "./person";
import { reviewInputSchema, reviewSchema } from "./review";
import { stimulationActionInputSchema, stimulationActionSchema } from "./stimulationAction";
import { targetInputSchema, targetSchema } from "./target";
import { targetGroupInputSchema, targetGroupSchema } from "./targetGroup";

/** Schema of each stored record type, keyed by record type. */
export const RECORD_SCHEMAS = {
  targetGroup: targetGroupSchema,
  channel: channelSchema,
  stimulationAction: stimulationActionSchema,
  organisationUnit: organisationUnitSchema,
  role: roleSchema,
  person: personSchema,
  target: targetSchema,
  review: reviewSchema,
} as const;

/** Schema of the fields a user enters for each record type. */
export const INPUT_SCHEMAS = {
  targetGroup: targetGroupInputSchema,
  channel: channelInputSchema,
  stimulationAction: stimulationActionInputSchema,
  organisationUnit: organisationUnitInputSchema,
  role: roleInputSchema,
  person: personInputSchema,
  target: targetInputSchema,
  review: reviewInputSchema,
} as const;

/** Name of a record type. */
export type RecordType = keyof typeof RECORD_SCHEMAS;

/**
 * Every record type, ordered so that a type comes after the types it refers to (units before
 * people, channels before their actions). Importing in this order resolves every reference.
 */
export const RECORD_TYPES: readonly RecordType[] = [
  "targetGroup",
  "channel",
  "stimulationAction",
  "organisationUnit",
  "role",
  "person",
  "target",
  "review",
];

/** A stored record of type `T`. */
export type RecordOf<T extends RecordType> = z.output<(typeof RECORD_SCHEMAS)[T]>;

/** The fields a user enters for a record of type `T`; defaults fill the omitted ones. */
export type RecordInput<T extends RecordType> = z.input<(typeof INPUT_SCHEMAS)[T]>;

/** Any stored record. */
export type AnyRecord = RecordOf<RecordType>;

/** Singular name of each record type as messages use it. */
export const RECORD_LABELS: Record<RecordType, string> = {
  targetGroup: "target group",
  channel: "channel",
  stimulationAction: "stimulation action",
  organisationUnit: "organisation unit",
  role: "role",
  person: "person",
  target: "target",
  review: "review",
};

/** Every record of every type. */
export type SalesSystemSnapshot = { [T in RecordType]: RecordOf<T>[] };

/** Creates a snapshot with no records. */
export function emptySnapshot(): SalesSystemSnapshot {
  return {
    targetGroup: [],
    channel: [],
    stimulationAction: [],
    organisationUnit: [],
    role: [],
    person: [],
    target: [],
    review: [],
  };
}

/** True when `value` names a record type. */
export function isRecordType(value: string): value is RecordType {
  return Object.prototype.hasOwnProperty.call(RECORD_SCHEMAS, value);
}

/** Names a record for messages: its name, its year for a review, else its id. */
export function describeRecord(type: RecordType, record: AnyRecord): string {
  if ("name" in record && typeof record.name === "string") {
    return `${RECORD_LABELS[type]} "${record.name}"`;
  }
  if ("year" in record) {
    return `${record.year} review`;
  }
  return `${RECORD_LABELS[type]} ${record.id}`;
}
