import { useEffect, useState } from "react";
import { FunctionMetadata, loadFunctionCatalog } from "./functionCatalog";
import { logFailure } from "./logger";

/** State of the function list while functions.json loads. */
export type FunctionCatalogState =
  | { status: "loading" }
  | { status: "loaded"; functions: FunctionMetadata[] }
  | { status: "failed"; message: string };

/** Loads functions.json once and tracks the loading state. */
export function useFunctionCatalog(): FunctionCatalogState {
  const [state, setState] = useState<FunctionCatalogState>({ status: "loading" });

  useEffect(() => {
    let isMounted = true;
    loadFunctionCatalog().then(
      (functions) => {
        if (isMounted) setState({ status: "loaded", functions });
      },
      (error: unknown) => {
        logFailure("Loading the function list", error, { file: "functions.json" });
        if (isMounted) {
          const message = error instanceof Error ? error.message : String(error);
          setState({ status: "failed", message });
        }
      },
    );
    return () => {
      isMounted = false;
    };
  }, []);

  return state;
}
