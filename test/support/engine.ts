import * as path from "path";
import {
  EngineOptions,
  EngineValue,
  FunctionCatalog,
  SpreadsheetEngine,
  loadCatalogFromSource,
} from "../../src/headless/engine";

/** Catalog of the real function families, loaded once per test file. */
let catalog: Promise<FunctionCatalog> | undefined;

/** Returns the catalog of the families in `scripts/function-sources.js`, loading it once. */
export function testCatalog(): Promise<FunctionCatalog> {
  catalog ??= loadCatalogFromSource();
  return catalog;
}

/** Creates an engine with the real function families and the given sheets. */
export async function createTestEngine(
  sheets?: Record<string, unknown[][]>,
  options?: EngineOptions,
): Promise<SpreadsheetEngine> {
  return SpreadsheetEngine.create(await testCatalog(), sheets, options);
}

/** Evaluates one formula in a fresh engine with the real function families. */
export async function evaluate(
  formula: string,
  sheets?: Record<string, unknown[][]>,
  options?: EngineOptions,
): Promise<EngineValue> {
  return (await createTestEngine(sheets, options)).evaluate(formula);
}

/** Loads the small test family of `test/headless/fixtures`, independent of the real adapters. */
export function fixtureCatalog(): Promise<FunctionCatalog> {
  return loadCatalogFromSource([
    path.join(__dirname, "..", "headless", "fixtures", "sampleFunctions.ts"),
  ]);
}
