import { Channel } from "./channel";
import { Person } from "./person";
import {
  describeRecord,
  RecordOf,
  RecordType,
  RECORD_LABELS,
  SalesSystemSnapshot,
} from "./records";

/** Read access to existing records by id, used to check references. */
export interface RecordLookup {
  find<T extends RecordType>(type: T, id: string): RecordOf<T> | undefined;
}

/** Builds a lookup over every record of a snapshot. */
export function lookupFromSnapshot(snapshot: SalesSystemSnapshot): RecordLookup {
  const byType = new Map<RecordType, Map<string, RecordOf<RecordType>>>();
  for (const type of Object.keys(snapshot) as RecordType[]) {
    byType.set(type, new Map(snapshot[type].map((record) => [record.id, record])));
  }
  return {
    find<T extends RecordType>(type: T, id: string): RecordOf<T> | undefined {
      return byType.get(type)?.get(id) as RecordOf<T> | undefined;
    },
  };
}

/** One field of one record that refers to another record by id. */
export interface RecordReference {
  /** Type of the referring record. */
  type: RecordType;
  id: string;
  /** The referring field, e.g. `parentId` or `targetGroupIds`. */
  field: string;
  /** The referring record as messages name it. */
  description: string;
}

/** The fields of each type that hold ids of another type. */
interface ReferenceField {
  from: RecordType;
  field: string;
  to: RecordType;
  ids(record: RecordOf<RecordType>): readonly string[];
}

function optionalId(id: string | undefined): string[] {
  return id === undefined ? [] : [id];
}

/** Every reference between record types except a target's subject, which depends on its type. */
export const REFERENCE_FIELDS: readonly ReferenceField[] = [
  {
    from: "targetGroup",
    field: "parentId",
    to: "targetGroup",
    ids: (record) => optionalId((record as RecordOf<"targetGroup">).parentId),
  },
  {
    from: "channel",
    field: "targetGroupIds",
    to: "targetGroup",
    ids: (record) => (record as Channel).targetGroupIds,
  },
  {
    from: "stimulationAction",
    field: "channelId",
    to: "channel",
    ids: (record) => [(record as RecordOf<"stimulationAction">).channelId],
  },
  {
    from: "organisationUnit",
    field: "parentId",
    to: "organisationUnit",
    ids: (record) => optionalId((record as RecordOf<"organisationUnit">).parentId),
  },
  { from: "person", field: "roleId", to: "role", ids: (r) => optionalId((r as Person).roleId) },
  {
    from: "person",
    field: "unitId",
    to: "organisationUnit",
    ids: (record) => optionalId((record as Person).unitId),
  },
  { from: "person", field: "channelIds", to: "channel", ids: (r) => (r as Person).channelIds },
  {
    from: "person",
    field: "targetGroupIds",
    to: "targetGroup",
    ids: (record) => (record as Person).targetGroupIds,
  },
];

/**
 * Lists the records in `snapshot` that refer to the record `id` of type `type`, so a delete
 * can be rejected while anything still points at it.
 */
export function findReferencesTo(
  snapshot: SalesSystemSnapshot,
  type: RecordType,
  id: string,
): RecordReference[] {
  const references: RecordReference[] = [];
  for (const reference of REFERENCE_FIELDS) {
    if (reference.to !== type) {
      continue;
    }
    for (const record of snapshot[reference.from]) {
      if (record.id !== id && reference.ids(record).includes(id)) {
        references.push({
          type: reference.from,
          id: record.id,
          field: reference.field,
          description: describeRecord(reference.from, record),
        });
      }
    }
  }
  for (const target of snapshot.target) {
    if (target.subjectType === type && target.subjectId === id) {
      references.push({
        type: "target",
        id: target.id,
        field: "subjectId",
        description: `${RECORD_LABELS.target} for ${target.period}`,
      });
    }
  }
  return references;
}
