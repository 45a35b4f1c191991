/**
 * A HyperFormula function plugin that makes every catalog function callable under its Excel name
 * (`SPM.FORECAST.SES`), marshalling arguments and results as Excel does for custom functions.
 */
import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  FunctionPluginDefinition,
  ImplementedFunctions,
  SimpleRangeValue,
} from "hyperformula";
import type {
  CustomFunctionImplementation,
  CustomFunctionMetadata,
  CustomFunctionParameter,
} from "./catalog";
import {
  BlankCells,
  errorFromExcelCode,
  errorFromThrown,
  fromExcelResultCell,
  isExcelErrorValue,
  rangeToExcelMatrix,
  toExcelArgumentCell,
} from "./marshalling";
import { FormulaAddress, ResultSize, SpillSizeRegistry } from "./spillSizes";

/** A catalog function with the name formulas call it by. */
export interface CatalogFunction {
  /** Name in formulas, namespace included, upper case: "SPM.FORECAST.SES". */
  fullName: string;
  metadata: CustomFunctionMetadata;
  implementation: CustomFunctionImplementation;
}

/** State shared by the plugin's methods: the functions, the size registry and the blanks option. */
export interface CatalogPluginContext {
  functions: CatalogFunction[];
  spills: SpillSizeRegistry;
  blanks: BlankCells;
  /** Formats a formula address as Excel's invocation shows it ("Sheet1!B2"). */
  formatAddress: (address: FormulaAddress) => string;
}

/** The parts of HyperFormula's function-call syntax tree the plugin reads. */
interface CallAst {
  type: string;
  procedureName: string;
  args: { type: string }[];
}

/** The part of HyperFormula's interpreter state the plugin reads. */
interface CallState {
  formulaAddress: FormulaAddress;
}

/** The plugin instance seen from the call helpers: it evaluates an argument's syntax tree. */
interface ArgumentEvaluator {
  evaluateArgumentValue(ast: { type: string }, state: CallState): unknown;
}

/** A cell or range value inside HyperFormula's interpreter. */
type InternalValue = unknown;

/** Message of the transient error a call returns while the engine re-enters its formula. */
const RESIZING_MESSAGE = "The size of this spilled result changed; the engine recalculates it.";

/** HyperFormula's node type for an argument left out between commas, as in `F(A1,,3)`. */
const EMPTY_ARGUMENT = "EMPTY";

/**
 * Identifies a call inside a formula: its syntax tree without whitespace. Two identical calls in
 * one formula share a key, which is harmless since they have the same size.
 */
function callKey(ast: CallAst): string {
  return JSON.stringify(ast, (name, value) =>
    name === "leadingWhitespace" || name === "internalWhitespace" ? undefined : value,
  );
}

/** Builds the plugin class for the given functions. Each engine gets its own class. */
export function createCatalogPlugin(context: CatalogPluginContext): FunctionPluginDefinition {
  const implementedFunctions: ImplementedFunctions = {};
  class CatalogFunctionsPlugin extends FunctionPlugin implements ArgumentEvaluator {
    static implementedFunctions = implementedFunctions;

    evaluateArgumentValue(ast: { type: string }, state: CallState): unknown {
      return this.evaluateAst(ast as never, state as never);
    }
  }
  const prototype = CatalogFunctionsPlugin.prototype as unknown as Record<string, unknown>;

  context.functions.forEach((fn, index) => {
    const method = `callFunction${index}`;
    const sizeMethod = `sizeOfResult${index}`;
    implementedFunctions[fn.fullName] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      parameters: fn.metadata.parameters.map((parameter) => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: parameter.optional === true || parameter.repeating === true,
      })),
      repeatLastArgs: fn.metadata.parameters.some((parameter) => parameter.repeating)
        ? 1
        : undefined,
      vectorizationForbidden: true,
      isVolatile: fn.metadata.options?.volatile === true,
    };
    prototype[method] = function (this: ArgumentEvaluator, ast: CallAst, state: CallState) {
      return runCall(this, fn, ast, state, context);
    };
    prototype[sizeMethod] = function (ast: CallAst, state: CallState): ArraySize {
      const size = context.spills.predict(state.formulaAddress, callKey(ast));
      return new ArraySize(size.width, size.height);
    };
  });
  return CatalogFunctionsPlugin;
}

/** Evaluates the arguments, calls the function and converts its result or error. */
function runCall(
  plugin: ArgumentEvaluator,
  fn: CatalogFunction,
  ast: CallAst,
  state: CallState,
  context: CatalogPluginContext,
): InternalValue {
  const args = evaluateArguments(plugin, fn, ast, state, context.blanks);
  if (!(args instanceof CellError) && expectsInvocation(fn)) {
    args.push(invocationFor(fn, context.formatAddress(state.formulaAddress)));
  }
  const { value, size } = args instanceof CellError ? errorResult(args) : invoke(fn, args);
  if (!context.spills.observe(state.formulaAddress, callKey(ast), size)) {
    return new CellError(ErrorType.SPILL, RESIZING_MESSAGE);
  }
  return value;
}

function errorResult(error: CellError): { value: InternalValue; size: ResultSize } {
  return { value: error, size: { width: 1, height: 1 } };
}

/**
 * Evaluates the arguments as Excel passes them: one value per parameter, omitted optional ones as
 * null, the values of a repeating last parameter gathered in an array.
 */
function evaluateArguments(
  plugin: ArgumentEvaluator,
  fn: CatalogFunction,
  ast: CallAst,
  state: CallState,
  blanks: BlankCells,
): unknown[] | CellError {
  const parameters = fn.metadata.parameters;
  const countError = argumentCountError(fn, ast.args.length);
  if (countError !== undefined) {
    return countError;
  }
  const values: unknown[] = [];
  for (let i = 0; i < parameters.length; i++) {
    const parameter = parameters[i];
    if (parameter.repeating) {
      const rest = ast.args
        .slice(i)
        .map((arg) => evaluateArgument(plugin, fn, parameter, arg, state, blanks));
      const error = rest.find((value) => value instanceof CellError);
      if (error !== undefined) {
        return error as CellError;
      }
      values.push(rest);
      break;
    }
    const arg = ast.args[i];
    const value =
      arg === undefined ? null : evaluateArgument(plugin, fn, parameter, arg, state, blanks);
    if (value instanceof CellError) {
      return value;
    }
    values.push(value);
  }
  return values;
}

/** Returns the #N/A error for a call with too few or too many arguments, or undefined. */
function argumentCountError(fn: CatalogFunction, count: number): CellError | undefined {
  const parameters = fn.metadata.parameters;
  const repeating = parameters.some((parameter) => parameter.repeating);
  const required = parameters.filter(
    (parameter) => !parameter.optional && !parameter.repeating,
  ).length;
  if (count < required) {
    return new CellError(
      ErrorType.NA,
      `${fn.fullName} needs at least ${required} arguments, but the formula gives ${count}.`,
    );
  }
  if (!repeating && count > parameters.length) {
    return new CellError(
      ErrorType.NA,
      `${fn.fullName} takes at most ${parameters.length} arguments, but the formula gives ${count}.`,
    );
  }
  return undefined;
}

/**
 * Evaluates one argument: a range parameter (`dimensionality: "matrix"`) receives a 2-D array,
 * even for a single cell; a scalar parameter receives one value.
 */
function evaluateArgument(
  plugin: ArgumentEvaluator,
  fn: CatalogFunction,
  parameter: CustomFunctionParameter,
  arg: { type: string },
  state: CallState,
  blanks: BlankCells,
): unknown {
  if (arg.type === EMPTY_ARGUMENT) {
    return null;
  }
  const value = plugin.evaluateArgumentValue(arg, state);
  if (parameter.dimensionality === "matrix") {
    return value instanceof SimpleRangeValue
      ? rangeToExcelMatrix(value, blanks)
      : [[toExcelArgumentCell(value, blanks)]];
  }
  if (!(value instanceof SimpleRangeValue)) {
    return toExcelArgumentCell(value, blanks);
  }
  if (value.width() === 1 && value.height() === 1) {
    return toExcelArgumentCell(value.data[0][0], blanks);
  }
  // NOTE: Excel calls the function once per cell when a range reaches a scalar parameter, and
  // spills the results. The engine does not reproduce that and returns #VALUE! instead.
  return new CellError(
    ErrorType.VALUE,
    `${parameter.name} takes a single value, but ${fn.fullName} received a ` +
      `${value.height()}x${value.width()} range.`,
  );
}

/** True when Excel passes the function an invocation object after its arguments. */
function expectsInvocation(fn: CatalogFunction): boolean {
  const options = fn.metadata.options ?? {};
  return options.requiresAddress === true || options.cancelable === true;
}

/**
 * Builds the invocation object Excel passes as the last argument of a function declared with
 * `@requiresAddress` or `@cancelable`. The engine never cancels a call, so the cancel handler a
 * function sets is never called.
 */
function invocationFor(fn: CatalogFunction, address: string): Record<string, unknown> {
  return { address, functionName: fn.fullName, onCanceled: undefined };
}

/** Calls the implementation and converts its result, or what it throws, into a cell value. */
function invoke(fn: CatalogFunction, args: unknown[]): { value: InternalValue; size: ResultSize } {
  let result: unknown;
  try {
    result = fn.implementation(...args);
  } catch (thrown) {
    return errorResult(errorFromThrown(thrown));
  }
  return convertResult(result, fn.fullName);
}

function convertResult(
  result: unknown,
  fullName: string,
): { value: InternalValue; size: ResultSize } {
  if (Array.isArray(result)) {
    return convertArrayResult(result, fullName);
  }
  if (isExcelErrorValue(result)) {
    return errorResult(errorFromExcelCode(result.code, result.message));
  }
  if (isThenable(result)) {
    // NOTE: HyperFormula evaluates synchronously, so asynchronous custom functions cannot run here.
    return errorResult(
      new CellError(
        ErrorType.VALUE,
        `${fullName} returns a promise; the engine runs synchronous functions only.`,
      ),
    );
  }
  return { value: fromExcelResultCell(result, fullName), size: { width: 1, height: 1 } };
}

function isThenable(value: unknown): boolean {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/** Converts a 2-D result; a 1x1 array shows as a single value, as in Excel. */
function convertArrayResult(
  rows: unknown[],
  fullName: string,
): { value: InternalValue; size: ResultSize } {
  const width = Array.isArray(rows[0]) ? rows[0].length : 0;
  const rectangular = rows.every((row) => Array.isArray(row) && row.length === width);
  if (rows.length === 0 || width === 0 || !rectangular) {
    return errorResult(
      new CellError(
        ErrorType.VALUE,
        `${fullName} returned an array that is not a non-empty 2-D table.`,
      ),
    );
  }
  const cells = (rows as unknown[][]).map((row) =>
    row.map((cell) => fromExcelResultCell(cell, fullName)),
  );
  if (rows.length === 1 && width === 1) {
    return { value: cells[0][0], size: { width: 1, height: 1 } };
  }
  return {
    value: SimpleRangeValue.onlyValues(cells as never),
    size: { width, height: rows.length },
  };
}
