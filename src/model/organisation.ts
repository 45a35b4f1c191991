import { z } from "zod";
import { optionalText, recordId, requiredText } from "./fields";
import { buildRecord, defineRecordSchemas } from "./recordSchema";

const organisationUnitSchemas = defineRecordSchemas({
  name: requiredText(),
  parentId: recordId().optional(),
  description: optionalText(),
});

/** The fields of a unit of the sales organisation; units form a tree through `parentId`. */
export const organisationUnitInputSchema = organisationUnitSchemas.input;

/** A stored organisation unit. */
export const organisationUnitSchema = organisationUnitSchemas.record;

/** A stored organisation unit. */
export type OrganisationUnit = z.output<typeof organisationUnitSchema>;

/** The fields a user enters for an organisation unit. */
export type OrganisationUnitInput = z.input<typeof organisationUnitInputSchema>;

const roleSchemas = defineRecordSchemas({
  name: requiredText(),
  tasks: optionalText(),
  functions: optionalText(),
});

/** The fields of a role in the sales organisation: its tasks and functions as free text. */
export const roleInputSchema = roleSchemas.input;

/** A stored role. */
export const roleSchema = roleSchemas.record;

/** A stored role. */
export type Role = z.output<typeof roleSchema>;

/** The fields a user enters for a role. */
export type RoleInput = z.input<typeof roleInputSchema>;

/**
 * Creates an organisation unit with a new id and timestamps.
 *
 * @throws RecordValidationError naming each invalid field.
 */
export function createOrganisationUnit(input: OrganisationUnitInput, now?: Date): OrganisationUnit {
  return buildRecord(organisationUnitInputSchema, "organisation unit", input, now);
}

/**
 * Creates a role with a new id and timestamps.
 *
 * @throws RecordValidationError naming each invalid field.
 */
export function createRole(input: RoleInput, now?: Date): Role {
  return buildRecord(roleInputSchema, "role", input, now);
}
