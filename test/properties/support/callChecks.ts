/**
 * Checks of one custom function call against the contract every SPM function keeps. A call
 * returns in time and throws nothing but a `CustomFunctions.Error`. Every result cell is a finite
 * number, text, a logical value or an error value, and the result has the shape its metadata
 * declares. A #VALUE! or #N/A error has a message naming the argument at fault. Each check
 * returns a problem description, or undefined when the call passes.
 */
import { performance } from "perf_hooks";
import type {
  CustomFunctionImplementation,
  CustomFunctionMetadata,
} from "../../../src/headless/catalog";
import { isCustomFunctionError } from "../../../src/headless/customFunctionsRuntime";

/**
 * Maximum time one call may take, for ranges of up to a few thousand cells: a guard against a
 * call that hangs, while the benchmarks measure speed. An ETS fit with model selection on 3,000
 * values took up to 2.5 s under Jest on a loaded 2-vCPU machine, so the limit leaves twice that.
 * NOTE: the limit is wall-clock time, so a heavily loaded machine can exceed it without a defect.
 */
export const CALL_TIME_LIMIT_MS = 5_000;

/** What one call did: the value it returned or the value it threw, and how long it took. */
export type CallOutcome =
  | { returned: true; value: unknown; milliseconds: number }
  | { returned: false; thrown: unknown; milliseconds: number };

/** Calls `implementation` with `args` and records what happened. */
export function callFunction(
  implementation: CustomFunctionImplementation,
  args: readonly unknown[],
): CallOutcome {
  const start = performance.now();
  try {
    const value = implementation(...args);
    return { returned: true, value, milliseconds: performance.now() - start };
  } catch (thrown) {
    return { returned: false, thrown, milliseconds: performance.now() - start };
  }
}

/** Writes a value the way a test failure should show it: -0, error values and ranges visible. */
export function renderValue(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(renderValue).join(", ")}]`;
  }
  if (isCustomFunctionError(value)) {
    const message = value.message === undefined ? "" : `, ${JSON.stringify(value.message)}`;
    return `Error(${value.code}${message})`;
  }
  if (typeof value === "number") {
    return Object.is(value, -0) ? "-0" : String(value);
  }
  if (typeof value === "string") {
    return JSON.stringify(value);
  }
  if (value instanceof Error) {
    return `${value.name}(${JSON.stringify(value.message)})`;
  }
  return String(value);
}

/** Writes an outcome for a failure message. */
export function renderOutcome(outcome: CallOutcome): string {
  return outcome.returned
    ? `returned ${renderValue(outcome.value)}`
    : `threw ${renderValue(outcome.thrown)}`;
}

/** Reports a call slower than {@link CALL_TIME_LIMIT_MS}. */
export function timeProblem(outcome: CallOutcome): string | undefined {
  if (outcome.milliseconds <= CALL_TIME_LIMIT_MS) {
    return undefined;
  }
  return `took ${Math.round(outcome.milliseconds)} ms, above the ${CALL_TIME_LIMIT_MS} ms limit`;
}

/** Reports a thrown value other than the runtime's `CustomFunctions.Error`. */
export function thrownProblem(outcome: CallOutcome): string | undefined {
  if (outcome.returned || isCustomFunctionError(outcome.thrown)) {
    return undefined;
  }
  return `threw ${renderValue(outcome.thrown)}, not a CustomFunctions.Error`;
}

/** Describes a result cell Excel cannot show as it is, or undefined for a valid cell. */
function cellProblem(cell: unknown, expectedType: string | undefined): string | undefined {
  if (isCustomFunctionError(cell)) {
    return undefined;
  }
  if (typeof cell === "number") {
    return Number.isFinite(cell) ? undefined : `is ${cell}`;
  }
  if (typeof cell !== "string" && typeof cell !== "boolean") {
    return `is ${renderValue(cell)}, not a number, text, logical value or error value`;
  }
  return expectedType === "number"
    ? `is ${renderValue(cell)} but the result type is number`
    : undefined;
}

/** Reports the first result cell that is not a finite number, text, a logical value or an error. */
export function cellsProblem(
  outcome: CallOutcome,
  metadata: CustomFunctionMetadata,
): string | undefined {
  if (!outcome.returned) {
    return undefined;
  }
  const expectedType = metadata.result?.type;
  const value = outcome.value;
  if (!Array.isArray(value)) {
    const problem = cellProblem(value, expectedType);
    return problem === undefined ? undefined : `the result ${problem}`;
  }
  for (let i = 0; i < value.length; i++) {
    const row: unknown = value[i];
    if (!Array.isArray(row)) {
      continue;
    }
    for (let j = 0; j < row.length; j++) {
      const problem = cellProblem(row[j], expectedType);
      if (problem !== undefined) {
        return `the cell in row ${i + 1}, column ${j + 1} ${problem}`;
      }
    }
  }
  return undefined;
}

/**
 * Reports a result whose shape differs from the metadata: a matrix function returns a non-empty
 * rectangular array of rows, and a scalar function a single value. Either may return an error
 * value in place of its result.
 */
export function shapeProblem(
  outcome: CallOutcome,
  metadata: CustomFunctionMetadata,
): string | undefined {
  if (!outcome.returned || isCustomFunctionError(outcome.value)) {
    return undefined;
  }
  const value = outcome.value;
  if (metadata.result?.dimensionality !== "matrix") {
    return Array.isArray(value) ? "returned an array but the result is a single value" : undefined;
  }
  if (!Array.isArray(value) || value.length === 0) {
    return `returned ${renderValue(value)} but the result is a non-empty matrix`;
  }
  const width = Array.isArray(value[0]) ? value[0].length : 0;
  if (width === 0) {
    return "returned a matrix whose first row is not a non-empty array";
  }
  const ragged = value.findIndex((row) => !Array.isArray(row) || row.length !== width);
  return ragged === -1
    ? undefined
    : `returned a matrix whose row ${ragged + 1} does not have ${width} cells`;
}

/** True when `error` is one of the error values among the arguments, passed through unchanged. */
function isArgumentError(error: unknown, args: readonly unknown[]): boolean {
  return args.some((arg) =>
    Array.isArray(arg) ? isArgumentError(error, arg as unknown[]) : arg === error,
  );
}

/** Error codes that carry a message in Excel. */
const CODES_WITH_MESSAGE = new Set(["#VALUE!", "#N/A"]);

/**
 * Start of the message `src/functions/results.ts` gives a result that overflows to Infinity or is
 * NaN, such as a ratio whose divisor is a denormal number. It names the result rather than an
 * argument, because the overflow comes from several arguments together, and states that the input
 * contains values too large or too far apart.
 */
const NON_FINITE_RESULT_MESSAGE =
  /^\S.* is not a finite number \((-?Infinity|NaN)[^)]*\); the input may/;

/** True when `message` contains `name` as a whole word, such as "season_length". */
function mentions(message: string, name: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$)`, "i").test(message);
}

/**
 * Reports a #VALUE! or #N/A error, thrown or returned, without a message naming one of the
 * function's arguments. An error value given as an argument may pass through unchanged. A
 * message of an internal error (an exception the adapter did not expect) is always a problem.
 */
export function messageProblem(
  outcome: CallOutcome,
  metadata: CustomFunctionMetadata,
  args: readonly unknown[],
): string | undefined {
  const error = outcome.returned ? outcome.value : outcome.thrown;
  if (!isCustomFunctionError(error) || !CODES_WITH_MESSAGE.has(error.code)) {
    return undefined;
  }
  if (isArgumentError(error, args)) {
    return undefined;
  }
  const message = error.message ?? "";
  if (message.trim() === "") {
    return `gave ${error.code} without a message`;
  }
  if (message.startsWith("Internal error")) {
    return `gave an internal error: ${message}`;
  }
  if (message.includes("[object ")) {
    return `gave a message with an object written as text: ${message}`;
  }
  if (NON_FINITE_RESULT_MESSAGE.test(message)) {
    return undefined;
  }
  const names = metadata.parameters.map((parameter) => parameter.name);
  if (!names.some((name) => mentions(message, name))) {
    return `gave ${error.code} with a message naming none of ${names.join(", ")}: ${message}`;
  }
  return undefined;
}

/** Reports two calls with the same arguments that did not do the same thing. */
export function determinismProblem(first: CallOutcome, second: CallOutcome): string | undefined {
  const a = renderOutcome(first);
  const b = renderOutcome(second);
  return a === b ? undefined : `first ${a}, then ${b}`;
}

/** Copies the arrays of a range argument, so a later comparison can see a change to a cell. */
export function copyArgument(value: unknown): unknown {
  return Array.isArray(value) ? value.map(copyArgument) : value;
}

/** Reports an argument the call changed, as a function that sorts its input in place would. */
export function mutationProblem(
  before: readonly unknown[],
  after: readonly unknown[],
  metadata: CustomFunctionMetadata,
): string | undefined {
  const changed = before.findIndex((arg, i) => renderValue(arg) !== renderValue(after[i]));
  if (changed === -1) {
    return undefined;
  }
  return `changed its argument ${metadata.parameters[changed]?.name ?? changed + 1}`;
}
