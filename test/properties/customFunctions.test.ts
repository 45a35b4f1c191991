import { installCustomFunctionsRuntime } from "../../src/headless/customFunctionsRuntime";
import { testCatalog } from "../support/engine";
import {
  CallOutcome,
  callFunction,
  cellsProblem,
  copyArgument,
  determinismProblem,
  messageProblem,
  mutationProblem,
  shapeProblem,
  thrownProblem,
  timeProblem,
} from "./support/callChecks";
import { unsupportedParameterReason } from "./support/excelArguments";
import {
  CatalogFunction,
  PropertyCheck,
  catalogFunctions,
  runProperty,
} from "./support/propertyRunner";
import { propertySettings } from "./support/settings";

// Properties every SPM custom function keeps, whatever Excel passes it. The functions and their
// parameters come from the metadata generated from the JSDoc (the content of functions.json), so
// a new function is checked as soon as it is listed in scripts/function-sources.js. The normal
// suite runs a fixed seed; `npm run test:fuzz` runs many more calls from a random seed.

installCustomFunctionsRuntime();

const settings = propertySettings();
if (settings.fuzz) {
  console.info(
    `Property fuzz run: ${settings.runs} calls per function and property, seed ` +
      `${settings.seed}. Replay a failure with SPM_FUZZ_SEED=${settings.seed}.`,
  );
}

/** Calls the function once and applies `problemOf` to the outcome. */
function checkOutcome(
  problemOf: (
    outcome: CallOutcome,
    fn: CatalogFunction,
    args: readonly unknown[],
  ) => string | undefined,
): PropertyCheck {
  return (fn, args) => problemOf(callFunction(fn.implementation, args), fn, args);
}

/** Calls twice with equal arguments and compares what the calls did. */
const deterministic: PropertyCheck = (fn, args) => {
  const first = callFunction(fn.implementation, args.map(copyArgument));
  const second = callFunction(fn.implementation, args.map(copyArgument));
  return determinismProblem(first, second);
};

/** Compares the arguments before and after a call. */
const leavesArgumentsUnchanged: PropertyCheck = (fn, args) => {
  const before = args.map(copyArgument);
  callFunction(fn.implementation, args);
  return mutationProblem(before, args, fn.metadata);
};

/** True when the first row of a table is all text, as a heading row is. */
function hasHeadingRow(rows: unknown[]): boolean {
  const first: unknown = rows[0];
  return Array.isArray(first) && first.every((cell) => typeof cell === "string");
}

/**
 * Checks that a forecast spills one row per period of its horizon, below a heading row when it
 * has one, as the function reference promises for every function with a horizon argument and a
 * matrix result.
 */
const spillsHorizonRows: PropertyCheck = (fn, args) => {
  const index = fn.metadata.parameters.findIndex((parameter) => parameter.name === "horizon");
  if (index === -1 || fn.metadata.result?.dimensionality !== "matrix") {
    return undefined;
  }
  const outcome = callFunction(fn.implementation, args);
  if (!outcome.returned || !Array.isArray(outcome.value)) {
    return undefined;
  }
  const horizon = Math.round(Number(args[index]));
  const rows = outcome.value.length - (hasHeadingRow(outcome.value) ? 1 : 0);
  return rows === horizon ? undefined : `spilled ${rows} rows for a horizon of ${horizon}`;
};

const PROPERTIES: { name: string; check: PropertyCheck }[] = [
  { name: "calls return within time limit", check: checkOutcome(timeProblem) },
  { name: "calls throw only CustomFunctions.Error", check: checkOutcome(thrownProblem) },
  {
    name: "result cells are showable values",
    check: checkOutcome((outcome, fn) => cellsProblem(outcome, fn.metadata)),
  },
  {
    name: "result shape matches metadata",
    check: checkOutcome((outcome, fn) => shapeProblem(outcome, fn.metadata)),
  },
  {
    name: "error messages name an argument",
    check: checkOutcome((outcome, fn, args) => messageProblem(outcome, fn.metadata, args)),
  },
  { name: "equal arguments give equal results", check: deterministic },
  { name: "arguments stay unchanged", check: leavesArgumentsUnchanged },
  { name: "forecasts spill horizon rows", check: spillsHorizonRows },
];

/** Jest timeout of one property: its calls over every function, with room for slow calls. */
const PROPERTY_TIMEOUT_MS = 120_000 + settings.runs * 2_000;

describe("custom function properties", () => {
  let functions: CatalogFunction[] = [];
  const callsPerFunction = new Map<string, number>();

  beforeAll(async () => {
    functions = catalogFunctions(await testCatalog());
  });

  test.each(PROPERTIES)(
    "$name",
    ({ check }) => {
      const failures: string[] = [];
      for (const fn of functions) {
        const id = fn.metadata.id;
        const failure = runProperty(fn, check, settings, () =>
          callsPerFunction.set(id, (callsPerFunction.get(id) ?? 0) + 1),
        );
        if (failure !== undefined) {
          failures.push(failure);
        }
      }
      expect(failures).toEqual([]);
    },
    PROPERTY_TIMEOUT_MS,
  );

  test("every catalog function exercised", () => {
    const expectedCalls = settings.runs * PROPERTIES.length;
    const missed = functions
      .map((fn) => fn.metadata.id)
      .filter((id) => (callsPerFunction.get(id) ?? 0) < expectedCalls);
    expect(functions.length).toBeGreaterThan(0);
    expect(missed).toEqual([]);
  });
});

describe("custom function catalog coverage", () => {
  let functions: CatalogFunction[] = [];

  beforeAll(async () => {
    functions = catalogFunctions(await testCatalog());
  });

  test("every function has implementation", () => {
    const missing = functions
      .filter((fn) => typeof fn.implementation !== "function")
      .map((fn) => fn.metadata.id);
    expect(missing).toEqual([]);
  });

  test("every parameter is generated", () => {
    const unsupported = functions.flatMap((fn) =>
      fn.metadata.parameters
        .map((parameter) => unsupportedParameterReason(parameter))
        .filter((reason) => reason !== undefined)
        .map((reason) => `SPM.${fn.metadata.id}: ${reason}`),
    );
    expect(unsupported).toEqual([]);
  });
});
