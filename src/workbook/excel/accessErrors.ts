/**
 * Messages for data the adapter cannot read or write: a protected sheet, a missing table, a
 * failed request. Each names the sheet or table and what the user can do.
 */
import { StoreAccessError } from "../store";

/** Error code Office.js gives to a write on a protected sheet. */
const ACCESS_DENIED = "AccessDenied";

/** Creates the error of a protected sheet found before anything was written. */
export function protectedSheetError(sheetName: string): StoreAccessError {
  return new StoreAccessError(
    `The sheet ${sheetName} is protected, so nothing was saved. Unprotect it (Review > ` +
      "Unprotect Sheet) and save again.",
  );
}

/** Creates the error of a load that did not find some tables of the sales system. */
export function missingTablesError(tableNames: readonly string[]): StoreAccessError {
  const list = tableNames.join(", ");
  const noun = tableNames.length === 1 ? "table" : "tables";
  return new StoreAccessError(
    `The ${noun} ${list} of the sales system data is missing from this workbook, e.g. ` +
      "because a sheet or table was deleted. The other tables were read and nothing was " +
      "changed; restore it with Undo or the version history, or save a record to recreate " +
      `the ${noun} empty.`,
  );
}

/** Creates the error of a change whose table is missing, e.g. the table storing the record. */
export function missingTableError(tableName: string): StoreAccessError {
  return new StoreAccessError(
    `The table ${tableName} is missing from this workbook, so nothing was saved. Restore it ` +
      "with Undo or the version history, or create a new record to recreate it empty.",
  );
}

/**
 * Wraps a failed `context.sync()` in a `StoreAccessError` whose message names the fix, or
 * returns the error unchanged when it is not an Office.js error.
 */
export function syncFailure(error: unknown, action: string): unknown {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === ACCESS_DENIED) {
    return new StoreAccessError(
      `Excel denied ${action} because a sheet of the sales system data is protected; ` +
        "unprotect the SPM_ sheets and try again.",
      { cause: error },
    );
  }
  if (typeof code === "string") {
    const message = (error as Error).message;
    return new StoreAccessError(`Excel could not complete ${action} (${code}: ${message}).`, {
      cause: error,
    });
  }
  return error;
}
