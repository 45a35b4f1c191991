import * as React from "react";
import { emptySnapshot, SalesSystemSnapshot } from "../model";
import { describeFailure, FailureReport } from "./failure";
import { useServices } from "./services";

/** Records of the store as the pages show them, kept current with every stored change. */
export interface SnapshotState {
  snapshot: SalesSystemSnapshot;
  loading: boolean;
  failure?: FailureReport;
  /** Reads every record again. */
  reload(): void;
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

  React.useEffect(() => store.subscribe(() => setGeneration((previous) => previous + 1)), [store]);

  const reload = React.useCallback(() => setGeneration((previous) => previous + 1), []);
  return { snapshot, loading, failure, reload };
}
