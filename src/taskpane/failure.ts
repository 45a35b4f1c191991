/**
 * Turns an error of the store or of a workbook action into what the pane shows: a title and a
 * sentence saying what to do next, plus messages for the fields when the record was invalid.
 */
import { FieldIssue } from "../model";
import { WorkbookActionError } from "../workbook/actions/errors";
import {
  RecordInUseError,
  RecordNotFoundError,
  StoreAccessError,
  StoreReadOnlyError,
  StoreValidationError,
} from "../workbook/store";
import { logFailure } from "./logger";

/** Content of the message bar about a failure. */
export interface FailureReport {
  title: string;
  message: string;
  /** Issues of the fields, when the store rejected the record's values. */
  issues: readonly FieldIssue[];
}

/** Sentence added to failures the user cannot fix by changing their input. */
const RETRY_ADVICE = "Try again; if it keeps failing, reload the task pane.";

/**
 * Describes `error` for the user. Failures that are not the user's to fix are also logged, with
 * `ids` (record ids, never record content).
 */
export function describeFailure(
  action: string,
  error: unknown,
  ids: Record<string, string> = {},
): FailureReport {
  if (error instanceof StoreValidationError) {
    return {
      title: `${action} failed`,
      message: "Some fields are not valid. Correct the marked fields and save again.",
      issues: error.issues,
    };
  }
  if (
    error instanceof RecordNotFoundError ||
    error instanceof RecordInUseError ||
    error instanceof StoreReadOnlyError ||
    error instanceof WorkbookActionError
  ) {
    return { title: `${action} failed`, message: error.message, issues: [] };
  }
  logFailure(action, error, ids);
  if (error instanceof StoreAccessError) {
    return { title: `${action} failed`, message: error.message, issues: [] };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { title: `${action} failed`, message: `${detail} ${RETRY_ADVICE}`, issues: [] };
}
