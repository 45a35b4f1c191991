/**
 * fast-check arbitraries for custom function arguments as Excel passes them. They cover numbers
 * (with -0, denormals and values near the double limits), text (with numeric-looking text),
 * logical values, omitted arguments as null, blank cells as 0 or null, and
 * `CustomFunctions.Error` values of every code. Ranges are row-major 2-D arrays of any shape.
 * The arguments of a function follow its parameters in the generated metadata: a parameter with
 * `dimensionality: "matrix"` receives a range, any other a single value.
 */
import fc from "fast-check";
import type { CustomFunctionParameter } from "../../../src/headless/catalog";
import { ErrorCode, customFunctionsRuntime } from "../../../src/headless/customFunctionsRuntime";

/** Numbers at the edges of double precision and of what a sheet holds. */
const EDGE_NUMBERS: readonly number[] = [
  0,
  -0,
  1,
  -1,
  0.5,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  1e-300,
  1e300,
  1e15,
  Number.MAX_SAFE_INTEGER + 2,
  0.1 + 0.2,
  // Excel's serial numbers of 1 Jan 1900, 31 Dec 9999 and a date of 2025.
  1,
  2958465,
  45747,
];

/** Text a user types or an export brings, much of it looking like a number or a formula. */
const TRICKY_TEXT: readonly string[] = [
  "",
  " ",
  "1,5",
  "1.234,50",
  "1,234.50",
  "12%",
  "12 %",
  "-12%",
  "%",
  " 12 ",
  "12",
  "-0",
  "1e308",
  "1e309",
  "NaN",
  "Infinity",
  "-Infinity",
  "=1+1",
  "@SUM(A1)",
  "TRUE",
  "#N/A",
  "2025-03-31",
  "31/03/2025",
  "€ 1.000",
  "\u00a0",
  "\t12\n",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "x".repeat(300),
];

/** Every Excel error code `CustomFunctions.ErrorCode` has. */
const ERROR_CODES = Object.values(ErrorCode);

/** Excel error values of every code, with and without a message. */
export function excelErrorArbitrary(): fc.Arbitrary<unknown> {
  const runtime = customFunctionsRuntime();
  return fc
    .tuple(
      fc.constantFrom(...ERROR_CODES),
      fc.option(fc.constantFrom("message", ""), { nil: undefined }),
    )
    .map(([code, message]) => new runtime.Error(code, message));
}

/** Numbers from everyday values (counts, fractions, amounts, dates) to the extremes of doubles. */
export function excelNumberArbitrary(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -5, max: 60 }) },
    { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
    { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e7, noNaN: true }) },
    { weight: 1, arbitrary: fc.integer({ min: 36_000, max: 50_000 }) },
    { weight: 2, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  );
}

/** Text from a parameter's own vocabulary, tricky spellings and arbitrary strings. */
export function excelTextArbitrary(vocabulary: readonly string[] = []): fc.Arbitrary<string> {
  const words = vocabulary.length > 0 ? vocabulary : ["text"];
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...words) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...words).map((word) => ` ${word.toUpperCase()} `),
    },
    { weight: 3, arbitrary: fc.constantFrom(...TRICKY_TEXT) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
}

/** What a range's cells mostly contain, so that many calls get past the argument checks. */
type CellMix = "numbers" | "mostlyNumbers" | "anything";

/** Any value one cell of a range may pass, weighted by `mix`. */
function cellArbitrary(mix: CellMix, vocabulary: readonly string[]): fc.Arbitrary<unknown> {
  const numbers = excelNumberArbitrary();
  if (mix === "numbers") {
    return numbers;
  }
  const others = fc.oneof(
    excelTextArbitrary(vocabulary),
    fc.boolean(),
    fc.constant(null),
    excelErrorArbitrary(),
  );
  return mix === "mostlyNumbers"
    ? fc.oneof({ weight: 15, arbitrary: numbers }, { weight: 1, arbitrary: others })
    : fc.oneof(numbers, others);
}

/** Rows and columns of a range. */
interface RangeShape {
  rows: number;
  columns: number;
}

/**
 * Range shapes: a single cell, one row, one column or a block, mostly of the call's common
 * `length` so that ranges line up, otherwise of their own size. Excel never passes an empty
 * range, but other callers of the adapters may, so 0 rows and 0 columns appear too.
 */
function rangeShapeArbitrary(length: number): fc.Arbitrary<RangeShape> {
  const ownLength = fc.integer({ min: 1, max: 40 });
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant({ rows: length, columns: 1 }) },
    { weight: 2, arbitrary: fc.constant({ rows: 1, columns: length }) },
    { weight: 2, arbitrary: fc.constant({ rows: 1, columns: 1 }) },
    { weight: 2, arbitrary: ownLength.map((rows) => ({ rows, columns: 1 })) },
    {
      weight: 2,
      arbitrary: fc.record({
        rows: fc.integer({ min: 1, max: 20 }),
        columns: fc.integer({ min: 2, max: 8 }),
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom({ rows: 0, columns: 0 }, { rows: 1, columns: 0 }) },
  );
}

/** Blank cells appended at the end of a range, as when a user selects more rows than the data. */
function trailingBlankArbitrary(): fc.Arbitrary<{ count: number; blank: 0 | null }> {
  return fc.record({
    count: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 5 })),
    blank: fc.constantFrom<0 | null>(0, null),
  });
}

/** Builds the 2-D array of a range, or `[]` for a shape without rows. */
function rangeArbitrary(
  shape: RangeShape,
  mix: CellMix,
  vocabulary: readonly string[],
): fc.Arbitrary<unknown[][]> {
  if (shape.rows === 0) {
    return fc.constant([]);
  }
  const cell = cellArbitrary(mix, vocabulary);
  const row = fc.array(cell, { minLength: shape.columns, maxLength: shape.columns });
  return fc
    .tuple(
      fc.array(row, { minLength: shape.rows, maxLength: shape.rows }),
      trailingBlankArbitrary(),
    )
    .map(([rows, trailing]) => appendBlanks(rows, shape, trailing));
}

/** Appends blank cells below a one-column range or to the right of a one-row range. */
function appendBlanks(
  rows: unknown[][],
  shape: RangeShape,
  trailing: { count: number; blank: 0 | null },
): unknown[][] {
  if (trailing.count === 0 || shape.columns === 0) {
    return rows;
  }
  const blanks = new Array<unknown>(trailing.count).fill(trailing.blank);
  if (shape.columns === 1) {
    return [...rows, ...blanks.map((blank) => [blank])];
  }
  return shape.rows === 1 ? [[...rows[0], ...blanks]] : rows;
}

/** Generates a range argument whose shape comes from `length` and whose cells from a mix. */
function rangeArgumentArbitrary(
  length: number,
  vocabulary: readonly string[],
): fc.Arbitrary<unknown[][]> {
  const mix = fc.oneof(
    { weight: 6, arbitrary: fc.constant<CellMix>("numbers") },
    { weight: 3, arbitrary: fc.constant<CellMix>("mostlyNumbers") },
    { weight: 1, arbitrary: fc.constant<CellMix>("anything") },
  );
  return fc
    .tuple(rangeShapeArbitrary(length), mix)
    .chain(([shape, cellMix]) => rangeArbitrary(shape, cellMix, vocabulary));
}

/** Generates a single-value argument, weighted toward the parameter's declared type. */
function scalarArgumentArbitrary(
  parameter: CustomFunctionParameter,
  vocabulary: readonly string[],
): fc.Arbitrary<unknown> {
  const main =
    parameter.type === "string" ? excelTextArbitrary(vocabulary) : excelNumberArbitrary();
  const percentText = fc.integer({ min: -50, max: 150 }).map((points) => `${points}%`);
  return fc.oneof(
    { weight: 12, arbitrary: main },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: percentText },
    { weight: 1, arbitrary: excelTextArbitrary(vocabulary) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: excelErrorArbitrary() },
  );
}

/** An omitted optional argument, which Excel passes as null. */
const OMITTED = null;

/**
 * Words from a parameter's description, such as "additive" or "MAPE", so text arguments often
 * hit an accepted value. Metadata has no list of accepted values, so this is a guess from the
 * help text: every quoted phrase and every word counts.
 */
export function parameterVocabulary(parameter: CustomFunctionParameter): string[] {
  const text = parameter.description ?? "";
  const quoted = [...text.matchAll(/"([^"]{1,30})"/g)].map((match) => match[1]);
  const words = text.match(/[A-Za-z][A-Za-z-]{1,20}/g) ?? [];
  return [...new Set([...quoted, ...words])];
}

/** Number of periods or cells the ranges of a call mostly share, sometimes a few thousand. */
function commonLengthArbitrary(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 1, max: 40 }) },
    { weight: 3, arbitrary: fc.integer({ min: 41, max: 200 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 3_000 }) },
  );
}

/** Parameter types and dimensionalities this module can generate values for. */
const SUPPORTED_TYPES = new Set(["any", "number", "string", "boolean"]);

/**
 * Returns why a parameter cannot be generated (a type or a repeating parameter this module does
 * not model), or undefined when it can.
 */
export function unsupportedParameterReason(parameter: CustomFunctionParameter): string | undefined {
  if (!SUPPORTED_TYPES.has(parameter.type)) {
    return `parameter ${parameter.name} has type "${parameter.type}"`;
  }
  if (parameter.repeating === true) {
    return `parameter ${parameter.name} is repeating`;
  }
  if (parameter.dimensionality !== undefined && parameter.dimensionality !== "scalar") {
    return parameter.dimensionality === "matrix"
      ? undefined
      : `parameter ${parameter.name} has dimensionality "${parameter.dimensionality}"`;
  }
  return undefined;
}

/** Generates one parameter's value: a range, a single value, or null when omitted. */
function parameterArbitrary(
  parameter: CustomFunctionParameter,
  length: number,
): fc.Arbitrary<unknown> {
  const vocabulary = parameterVocabulary(parameter);
  const value =
    parameter.dimensionality === "matrix"
      ? rangeArgumentArbitrary(length, vocabulary)
      : scalarArgumentArbitrary(parameter, vocabulary);
  if (parameter.optional !== true) {
    return value;
  }
  return fc.oneof({ weight: 2, arbitrary: value }, { weight: 1, arbitrary: fc.constant(OMITTED) });
}

/**
 * Generates the arguments of one call of a function with these parameters. Throws for
 * a parameter this module cannot generate, so a new kind of parameter is noticed.
 */
export function argumentsArbitrary(
  parameters: readonly CustomFunctionParameter[],
): fc.Arbitrary<unknown[]> {
  for (const parameter of parameters) {
    const reason = unsupportedParameterReason(parameter);
    if (reason !== undefined) {
      throw new Error(`Cannot generate arguments: ${reason}.`);
    }
  }
  return commonLengthArbitrary().chain((length) =>
    fc.tuple(...parameters.map((parameter) => parameterArbitrary(parameter, length))),
  );
}
