import { RecordType } from "./records";

/**
 * Version of the stored data layout (tables, columns, value formats). Raise it together with
 * a migration in `MIGRATIONS` whenever a stored column is renamed, removed or reformatted.
 */
export const SCHEMA_VERSION = 2;

/** One cell value as a table row stores it. */
export type RowValue = string | number | boolean;

/** One stored row keyed by column name, unknown (user-added) columns included. */
export type Row = Record<string, RowValue>;

/** Upgrade of stored rows from `fromVersion` to `fromVersion + 1`. */
export interface RowMigration {
  fromVersion: number;
  description: string;
  /**
   * Columns of each record type that this migration removes or renames on purpose. Every
   * other column of a row, including a column a user added, must survive the migration.
   */
  replacedColumns?: Partial<Record<RecordType, readonly string[]>>;
  /** Returns the upgraded row; the input row is a copy the migration may change. */
  migrate(type: RecordType, row: Row): Row;
}

/** The migrations of the stored layout, one per version step; version 1 is the first layout. */
export const MIGRATIONS: readonly RowMigration[] = [
  {
    fromVersion: 1,
    description:
      "List items gain a key column (record id and position), so a write finds an item's row " +
      "by its key. Record rows are unchanged; the workbook adapter fills the keys.",
    migrate: (_type, row) => row,
  },
];

/** Result of comparing a stored layout version with the one this code reads and writes. */
export type SchemaVersionCheck =
  | { status: "current" }
  | { status: "older"; fromVersion: number }
  | { status: "newer"; message: string }
  | { status: "invalid"; message: string };

/**
 * Compares the layout version found in a workbook with `current` (`SCHEMA_VERSION` unless a
 * test of a later layout passes its own). An older layout can be migrated; a newer one must be
 * opened read-only, with a message that explains why.
 */
export function checkSchemaVersion(
  found: number,
  current: number = SCHEMA_VERSION,
): SchemaVersionCheck {
  if (!Number.isInteger(found) || found < 1) {
    return {
      status: "invalid",
      message:
        `The workbook's data layout version is ${String(found)}, which is not a version ` +
        "this add-in wrote; the sales system data is open read-only so nothing is lost.",
    };
  }
  if (found === current) {
    return { status: "current" };
  }
  if (found < current) {
    return { status: "older", fromVersion: found };
  }
  return {
    status: "newer",
    message:
      `This workbook was saved by a newer version of the add-in (data layout ${found}; this ` +
      `version reads layout ${current} and older). The sales system data is open ` +
      "read-only so nothing is lost; update the add-in to edit it.",
  };
}

/**
 * Upgrades rows of record type `type` stored in layout `fromVersion` to `SCHEMA_VERSION` by
 * applying each migration step in turn. Columns the migrations do not name are kept.
 *
 * @throws Error when a step is missing or a step drops a column it did not declare, which is
 *   a defect of the migration, not of the workbook.
 */
export function migrateRows(
  type: RecordType,
  rows: readonly Row[],
  fromVersion: number,
  migrations: readonly RowMigration[] = MIGRATIONS,
  toVersion: number = SCHEMA_VERSION,
): Row[] {
  let current = rows.map((row) => ({ ...row }));
  for (let version = fromVersion; version < toVersion; version++) {
    const step = migrations.find((migration) => migration.fromVersion === version);
    if (step === undefined) {
      throw new Error(`No migration of the data layout from version ${version} is registered.`);
    }
    current = current.map((row) => applyMigrationStep(step, type, row));
  }
  return current;
}

function applyMigrationStep(step: RowMigration, type: RecordType, row: Row): Row {
  const migrated = step.migrate(type, { ...row });
  const replaced = new Set(step.replacedColumns?.[type] ?? []);
  for (const column of Object.keys(row)) {
    if (!(column in migrated) && !replaced.has(column)) {
      throw new Error(
        `The migration from data layout ${step.fromVersion} dropped the column "${column}" ` +
          `of ${type} rows without declaring it.`,
      );
    }
  }
  return migrated;
}

/** Returns `row` with column `from` renamed to `to`, every other column kept in place. */
export function renameColumn(row: Row, from: string, to: string): Row {
  const renamed: Row = {};
  for (const [column, value] of Object.entries(row)) {
    renamed[column === from ? to : column] = value;
  }
  return renamed;
}

/** Returns `row` with `column` set to `value` when the row lacks it. */
export function addColumn(row: Row, column: string, value: RowValue): Row {
  return column in row ? row : { ...row, [column]: value };
}
