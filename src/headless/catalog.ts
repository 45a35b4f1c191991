/**
 * The catalog of custom functions: the metadata Excel reads (generated from the JSDoc by
 * custom-functions-metadata, never hand-written) and the implementations it calls.
 */
import * as fs from "fs";
import * as path from "path";
import { installCustomFunctionsRuntime } from "./customFunctionsRuntime";

/** A parameter as custom-functions-metadata describes it. */
export interface CustomFunctionParameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}

/** A function as custom-functions-metadata describes it. */
export interface CustomFunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: CustomFunctionParameter[];
  result?: { type?: string; dimensionality?: string };
  options?: {
    volatile?: boolean;
    stream?: boolean;
    cancelable?: boolean;
    requiresAddress?: boolean;
  };
}

/** A custom function implementation, called with the arguments as Excel marshals them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CustomFunctionImplementation = (...args: any[]) => unknown;

/** Metadata and implementations of the custom functions, the latter keyed by metadata id. */
export interface FunctionCatalog {
  metadata: { functions: CustomFunctionMetadata[] };
  implementations: Record<string, CustomFunctionImplementation>;
}

/** Link between a metadata id and the exported function that implements it. */
interface FunctionAssociation {
  id: string;
  functionName: string;
  sourceFileName: string;
}

/** The file `scripts/build-cli.js` writes into `dist-node/` for the compiled command. */
export interface CompiledCatalogFile {
  metadata: { functions: CustomFunctionMetadata[] };
  /** Source files relative to the repository root, with their TypeScript extension. */
  associate: FunctionAssociation[];
}

/** Name of the metadata file in the compiled output folder. */
export const COMPILED_CATALOG_FILE = "functions.json";

/** True when this module runs from its TypeScript source (ts-jest) rather than from `dist-node`. */
const runsFromSource = path.extname(__filename) === ".ts";

/** Repository root, found from this file's place in `src/headless` or `dist-node/src/headless`. */
function repositoryRoot(): string {
  return runsFromSource
    ? path.resolve(__dirname, "..", "..")
    : path.resolve(__dirname, "..", "..", "..");
}

/** Folder of the compiled command, `dist-node/`. */
function compiledRoot(): string {
  return path.resolve(__dirname, "..", "..");
}

/** Reads the family files listed in `scripts/function-sources.js`, relative to the root. */
export function functionSourceFiles(root: string = repositoryRoot()): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const files = require(path.join(root, "scripts", "function-sources.js")) as string[];
  return files.slice();
}

/**
 * Runs custom-functions-metadata's generator on TypeScript files and returns the metadata and
 * the id-to-export associations, with paths relative to `root`. Throws when the JSDoc has errors.
 */
export async function generateCatalogMetadata(
  files: string[],
  root: string = repositoryRoot(),
): Promise<CompiledCatalogFile> {
  const { generateCustomFunctionsMetadata } = await import("custom-functions-metadata");
  const absoluteFiles = files.map((file) => path.resolve(root, file));
  const result = await generateCustomFunctionsMetadata(absoluteFiles, false);
  if (result.errors.length > 0) {
    throw new Error(`The custom function metadata has errors:\n${result.errors.join("\n")}`);
  }
  const metadata = result.metadataJson ? JSON.parse(result.metadataJson) : { functions: [] };
  const associate = result.associate.map((entry) => ({
    id: entry.id,
    functionName: entry.functionName,
    sourceFileName: path.relative(root, entry.sourceFileName).split(path.sep).join("/"),
  }));
  return { metadata: { functions: metadata.functions }, associate };
}

/**
 * Loads the custom function catalog. From the TypeScript sources (ts-jest), or with explicit
 * `files`, it runs the metadata generator on those files (default: the families listed in
 * `scripts/function-sources.js`). From the compiled command it reads `dist-node/functions.json`,
 * so no TypeScript is parsed at run time. Installs the `CustomFunctions` stand-in first, since
 * the function modules use it.
 */
export async function loadCatalogFromSource(files?: string[]): Promise<FunctionCatalog> {
  installCustomFunctionsRuntime();
  const root = repositoryRoot();
  const catalogFile =
    runsFromSource || files !== undefined
      ? await generateCatalogMetadata(files ?? functionSourceFiles(root), root)
      : readCompiledCatalog();
  return {
    metadata: catalogFile.metadata,
    implementations: loadImplementations(catalogFile.associate, root),
  };
}

function readCompiledCatalog(): CompiledCatalogFile {
  const file = path.join(compiledRoot(), COMPILED_CATALOG_FILE);
  if (!fs.existsSync(file)) {
    throw new Error(`The function metadata file does not exist: ${file}. Run npm run build:cli.`);
  }
  return JSON.parse(fs.readFileSync(file, "utf8")) as CompiledCatalogFile;
}

/** Requires each family module and picks the exported function named in the association. */
function loadImplementations(
  associations: FunctionAssociation[],
  root: string,
): Record<string, CustomFunctionImplementation> {
  const implementations: Record<string, CustomFunctionImplementation> = {};
  for (const association of associations) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(modulePath(association.sourceFileName, root)) as Record<
      string,
      unknown
    >;
    const implementation = exports[association.functionName];
    if (typeof implementation !== "function") {
      throw new Error(
        `The custom function ${association.id} names ${association.functionName}, ` +
          `which ${association.sourceFileName} does not export as a function.`,
      );
    }
    implementations[association.id] = implementation as CustomFunctionImplementation;
  }
  return implementations;
}

/** Returns the module to require: the TypeScript file under ts-jest, its compiled .js otherwise. */
function modulePath(sourceFileName: string, root: string): string {
  const source = path.resolve(root, sourceFileName);
  if (runsFromSource) {
    return source;
  }
  const relative = path.relative(root, source).replace(/\.tsx?$/, ".js");
  return path.join(compiledRoot(), relative);
}
