/**
 * The custom function catalog in the browser: the metadata from the functions.json the build
 * generates (the same file Excel reads) and the implementations the function families register
 * with `CustomFunctions.associate` when they load.
 */
import type { CustomFunctionMetadata, FunctionCatalog } from "../headless/catalog";
import { associatedImplementations } from "./functionRuntime";
import "../functions";

/**
 * Fetches functions.json and pairs each function with its associated implementation.
 * @throws {Error} when the file cannot be read or a function has no implementation
 */
export async function loadBrowserCatalog(url = "functions.json"): Promise<FunctionCatalog> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`Loading ${url} failed with HTTP status ${response.status}.`);
  }
  const metadata = (await response.json()) as { functions?: CustomFunctionMetadata[] };
  if (!Array.isArray(metadata.functions)) {
    throw new Error(`${url} has no "functions" array.`);
  }
  return {
    metadata: { functions: metadata.functions },
    implementations: implementationsFor(metadata.functions),
  };
}

function implementationsFor(
  functions: CustomFunctionMetadata[],
): FunctionCatalog["implementations"] {
  const associated = associatedImplementations();
  const implementations: FunctionCatalog["implementations"] = {};
  for (const fn of functions) {
    const implementation = associated[fn.id.toUpperCase()];
    if (implementation === undefined) {
      throw new Error(
        `functions.json lists ${fn.id}, but no loaded function family associates it.`,
      );
    }
    implementations[fn.id] = implementation;
  }
  return implementations;
}
