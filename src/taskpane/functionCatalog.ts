/** Namespace Excel puts before every function name, set in manifest.xml. */
export const FUNCTION_NAMESPACE = "SPM";

/** Parameter of a custom function, as functions.json describes it. */
export interface FunctionParameterMetadata {
  name: string;
  description?: string;
  optional?: boolean;
}

/** Custom function entry of functions.json, generated from the JSDoc of the adapters. */
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: FunctionParameterMetadata[];
}

/**
 * Formats the signature as Excel's formula bar shows it, optional arguments in brackets:
 * `SPM.FORECAST.SES(history, horizon, [alpha])`.
 */
export function formatSignature(fn: FunctionMetadata): string {
  const parameters = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${FUNCTION_NAMESPACE}.${fn.name}(${parameters.join(", ")})`;
}

/**
 * Fetches the custom function metadata that Excel also loads (functions.json beside the task
 * pane page) and returns the functions sorted by name.
 * @throws {Error} when the file cannot be fetched or has no `functions` array
 */
export async function loadFunctionCatalog(url = "functions.json"): Promise<FunctionMetadata[]> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`Loading ${url} failed with HTTP status ${response.status}.`);
  }

  const metadata: unknown = await response.json();
  const functions = (metadata as { functions?: unknown }).functions;
  if (!Array.isArray(functions)) {
    throw new Error(`${url} has no "functions" array.`);
  }
  return (functions as FunctionMetadata[]).slice().sort((a, b) => a.name.localeCompare(b.name));
}
