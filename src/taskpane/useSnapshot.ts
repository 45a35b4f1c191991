import * as React from "react";
import { describeRecord, emptySnapshot, SalesSystemSnapshot } from "../model";
import type { StoreChange } from "../workbook/store";
import { describeFailure, FailureReport } from "./failure";
import { useServices } from "./services";

/** Records of the store as the pages show them, kept current with every stored change. */
export interface SnapshotState {
  snapshot: SalesSystemSnapshot;
  loading: boolean;
  failure?: FailureReport;
  /** Notices of this user's edits that a colleague's later change replaced, oldest first. */
  overwritten: OverwrittenNotice[];
  /** Reads every record again. */
  reload(): void;
  /** Hides the overwritten-edit notices. */
  dismissOverwritten(): void;
}

/** A notice that a colleague's later change replaced fields this user had edited. */
export interface OverwrittenNotice {
  key: string;
  message: string;
}

/** Returns the notice for a change that replaced this user's edits, or undefined. */
export function overwrittenNotice(change: StoreChange): OverwrittenNotice | undefined {
  if (change.kind !== "updated" || change.origin !== "remote" || change.lostEdits.length === 0) {
    return undefined;
  }
  const fields = change.lostEdits.map((edit) => edit.field).join(", ");
  return {
    key: `${change.id}:${change.record.updatedAt}`,
    message:
      `A colleague changed ${fields} of the ${describeRecord(change.type, change.record)} ` +
      "after you did, so their values replaced yours. Check the record and edit it again if " +
      "yours should stay.",
  };
}

/**
 * Loads every record and reloads after each change the store reports, local or remote, so a
 * colleague's edit appears without reopening the pane.
 */
export function useSnapshot(): SnapshotState {
  const { store } = useServices();
  const [snapshot, setSnapshot] = React.useState<SalesSystemSnapshot>(emptySnapshot);
  const [loading, setLoading] = React.useState(true);
  const [failure, setFailure] = React.useState<FailureReport | undefined>();
  const [generation, setGeneration] = React.useState(0);
  const [overwritten, setOverwritten] = React.useState<OverwrittenNotice[]>([]);

  React.useEffect(() => {
    let current = true;
    store.load().then(
      (loaded) => {
        if (current) {
          setSnapshot(loaded);
          setFailure(undefined);
          setLoading(false);
        }
      },
      (error: unknown) => {
        if (current) {
          setFailure(describeFailure("Loading the records", error));
          setLoading(false);
        }
      },
    );
    return () => {
      current = false;
    };
  }, [store, generation]);

  React.useEffect(
    () =>
      store.subscribe((change) => {
        const notice = overwrittenNotice(change);
        if (notice !== undefined) {
          setOverwritten((previous) => [...previous, notice]);
        }
        setGeneration((previous) => previous + 1);
      }),
    [store],
  );

  const reload = React.useCallback(() => setGeneration((previous) => previous + 1), []);
  const dismissOverwritten = React.useCallback(() => setOverwritten([]), []);
  return { snapshot, loading, failure, overwritten, reload, dismissOverwritten };
}
