/**
 * Runs one property over generated calls of one custom function and turns a fast-check failure
 * into a message naming the function, the problem, the shrunk arguments and the seed and path
 * that replay it.
 */
import fc from "fast-check";
import type {
  CustomFunctionImplementation,
  CustomFunctionMetadata,
  FunctionCatalog,
} from "../../../src/headless/catalog";
import { renderValue } from "./callChecks";
import { argumentsArbitrary } from "./excelArguments";
import type { PropertySettings } from "./settings";

/** A function of the catalog: its metadata and its implementation. */
export interface CatalogFunction {
  metadata: CustomFunctionMetadata;
  implementation: CustomFunctionImplementation;
}

/** A property: checks one call of `fn` with `args` and returns a problem, or undefined. */
export type PropertyCheck = (fn: CatalogFunction, args: readonly unknown[]) => string | undefined;

/**
 * Time after which fast-check stops generating or shrinking for one function and property, per
 * run, with a floor for the runs of the normal suite. Shrinking a failing call with a range of
 * thousands of cells repeats the call many times, so without a limit a failure could take hours
 * to report. A run cut short still reports the failure found so far.
 */
const TIME_LIMIT_PER_RUN_MS = 100;
const MIN_TIME_LIMIT_MS = 30_000;

/** Maximum length of the arguments in a failure message, so a 3000-cell range stays readable. */
const MAX_RENDERED_ARGUMENTS = 800;

/** Lists the catalog's functions in metadata order, each with its implementation. */
export function catalogFunctions(catalog: FunctionCatalog): CatalogFunction[] {
  return catalog.metadata.functions.map((metadata) => ({
    metadata,
    implementation: catalog.implementations[metadata.id],
  }));
}

/** Writes the arguments of a failing call, shortened when they are long. */
function renderArguments(args: readonly unknown[]): string {
  const text = `(${args.map(renderValue).join(", ")})`;
  if (text.length <= MAX_RENDERED_ARGUMENTS) {
    return text;
  }
  return `${text.slice(0, MAX_RENDERED_ARGUMENTS)}... (${text.length} characters)`;
}

/**
 * Checks `check` on generated calls of `fn` and returns a failure message, or undefined when
 * every call passes. `onCall` counts the calls, so a test can prove each function ran.
 */
export function runProperty(
  fn: CatalogFunction,
  check: PropertyCheck,
  settings: PropertySettings,
  onCall: () => void = () => undefined,
): string | undefined {
  const property = fc.property(argumentsArbitrary(fn.metadata.parameters), (args) => {
    onCall();
    const problem = check(fn, args);
    if (problem !== undefined) {
      throw new Error(problem);
    }
  });
  const details = fc.check(property, {
    seed: settings.seed,
    numRuns: settings.runs,
    interruptAfterTimeLimit: Math.max(MIN_TIME_LIMIT_MS, settings.runs * TIME_LIMIT_PER_RUN_MS),
  });
  if (!details.failed) {
    return undefined;
  }

  const args = details.counterexample?.[0] ?? [];
  const reason =
    details.errorInstance instanceof Error
      ? details.errorInstance.message
      : String(details.errorInstance);
  return (
    `SPM.${fn.metadata.id}${renderArguments(args)} ${reason} ` +
    `[replay: SPM_FUZZ_SEED=${details.seed}, path "${details.counterexamplePath}"]`
  );
}
