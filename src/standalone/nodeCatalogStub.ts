/**
 * Stands in for `src/headless/catalog.ts` in the standalone bundle, which webpack swaps in
 * (see webpack.config.js). The Node loader reads files and runs the TypeScript-based metadata
 * generator, and a browser can do neither. The page builds its catalog with
 * `loadBrowserCatalog` instead.
 */
import type { FunctionCatalog } from "../headless/catalog";

/** Rejects: the browser has no source files to generate metadata from. */
export async function loadCatalogFromSource(): Promise<FunctionCatalog> {
  throw new Error(
    "loadCatalogFromSource reads source files and runs in Node only; " +
      "the standalone host uses loadBrowserCatalog.",
  );
}
