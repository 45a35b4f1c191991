/**
 * fast-check arbitraries for custom function arguments as Excel passes them: the cell values of
 * `excelValues.ts`, logical values, omitted arguments as null, blank cells as 0 or null, and
 * ranges as row-major 2-D arrays of any shape. The arguments of a function follow its parameters
 * in the generated metadata: a parameter with `dimensionality: "matrix"` receives a range, any
 * other a single value.
 *
 * Arbitrary values alone rarely get past a function's argument checks, so a call draws its
 * arguments in one of three profiles. "plausible" arguments look like real sales data, "oneOff"
 * arguments are plausible except for the odd hostile one, and "hostile" arguments may be anything.
 */
import fc from "fast-check";
import type { CustomFunctionParameter } from "../../../src/headless/catalog";
import { excelErrorArbitrary, excelNumberArbitrary, excelTextArbitrary } from "./excelValues";

/** What a range's cells mostly contain, so that many calls get past the argument checks. */
type CellMix = "numbers" | "mostlyNumbers" | "anything";

/** Generates any value one cell of a range may pass, weighted by `mix`. */
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
 * Generates range shapes: a single cell, one row, one column or a block, mostly of the call's common
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

/** Generates blank cells to append at the end of a range, as when a user selects more rows than the data. */
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

/** How far the arguments of a call stray from real sales data. */
type ArgumentProfile = "plausible" | "oneOff" | "hostile";

/** Generates one parameter's value in the call's profile. */
function parameterArbitrary(
  parameter: CustomFunctionParameter,
  length: number,
  profile: ArgumentProfile,
): fc.Arbitrary<unknown> {
  if (profile === "plausible") {
    return plausibleParameterArbitrary(parameter, length);
  }
  if (profile === "hostile") {
    return hostileParameterArbitrary(parameter, length);
  }
  return fc.oneof(
    { weight: 6, arbitrary: plausibleParameterArbitrary(parameter, length) },
    { weight: 1, arbitrary: hostileParameterArbitrary(parameter, length) },
  );
}

/** Kinds of values a range of real sales data contains. */
type PlausibleKind = "amounts" | "counts" | "fractions" | "dates" | "words" | "flags";

/** Generates one cell of real-looking data of `kind`. */
function plausibleCellArbitrary(
  kind: PlausibleKind,
  vocabulary: readonly string[],
): fc.Arbitrary<unknown> {
  switch (kind) {
    case "amounts":
      return fc.oneof(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 10_000_000 }).map((cents) => cents / 100),
      );
    case "counts":
      return fc.integer({ min: 0, max: 50 });
    case "fractions":
      // fc.double spreads its values over the bit patterns, so most would be tiny denormals.
      return fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => basisPoints / 10_000);
    case "dates":
      return fc.integer({ min: 40_000, max: 50_000 });
    case "words":
      return fc.constantFrom(...(vocabulary.length > 0 ? vocabulary : ["text"]));
    case "flags":
      return fc.oneof(fc.boolean(), fc.constantFrom(0, 1));
  }
}

/**
 * Words in a parameter's description that hint at the kind of data it takes, such as "date" or
 * "percentage". A hinted kind is drawn more often but never alone, so a wrong guess costs runs,
 * not coverage.
 */
const KIND_HINTS: readonly [PlausibleKind, RegExp][] = [
  ["dates", /\bdates?\b|\bday\b/i],
  ["flags", /\bflags?\b|TRUE or FALSE/],
  ["fractions", /%|percentage|probabilit|fraction|share/i],
  ["counts", /\bnumber of\b|whole number/i],
  ["words", /"[^"]+"/],
];

/** Weight of a kind of data that the description hints at, against 1 for any other kind. */
const HINTED_KIND_WEIGHT = 6;

/** Generates a kind of data for a parameter, favouring the kinds its description hints at. */
function plausibleKindArbitrary(
  parameter: CustomFunctionParameter,
  kinds: readonly PlausibleKind[],
): fc.Arbitrary<PlausibleKind> {
  const description = parameter.description ?? "";
  const hinted = new Set(
    KIND_HINTS.filter(([, pattern]) => pattern.test(description)).map(([kind]) => kind),
  );
  return fc.oneof(
    ...kinds.map((kind) => ({
      weight: hinted.has(kind) ? HINTED_KIND_WEIGHT : 1,
      arbitrary: fc.constant(kind),
    })),
  );
}

/** Sorts each column of a table in ascending order, as dates, thresholds and band edges are. */
function sortColumns(rows: unknown[][]): unknown[][] {
  if (rows.length === 0 || !rows.every((row) => row.every((cell) => typeof cell === "number"))) {
    return rows;
  }
  const columns = rows[0].map((_, j) => rows.map((row) => row[j] as number).sort((a, b) => a - b));
  return rows.map((row, i) => row.map((_, j) => columns[j][i]));
}

/**
 * Generates a range of one kind of real-looking data: a column, a row or a small table, with its
 * columns sorted in half of the cases.
 */
function plausibleRangeArbitrary(
  parameter: CustomFunctionParameter,
  length: number,
  vocabulary: readonly string[],
): fc.Arbitrary<unknown[][]> {
  const shape = fc.oneof(
    { weight: 6, arbitrary: fc.constant({ rows: length, columns: 1 }) },
    { weight: 2, arbitrary: fc.constant({ rows: 1, columns: length }) },
    { weight: 1, arbitrary: fc.constant({ rows: 1, columns: 1 }) },
    {
      weight: 3,
      arbitrary: fc.record({
        rows: fc.oneof(fc.constant(length), fc.integer({ min: 1, max: 6 })),
        columns: fc.integer({ min: 2, max: 3 }),
      }),
    },
  );
  const kind = plausibleKindArbitrary(parameter, [
    "amounts",
    "counts",
    "fractions",
    "dates",
    "words",
    "flags",
  ]);
  return fc.tuple(shape, kind, fc.boolean()).chain(([{ rows, columns }, cellKind, sorted]) => {
    const row = fc.array(plausibleCellArbitrary(cellKind, vocabulary), {
      minLength: columns,
      maxLength: columns,
    });
    const table = fc.array(row, { minLength: rows, maxLength: rows });
    return sorted ? table.map(sortColumns) : table;
  });
}

/** Generates a real-looking single value: a small whole number, a fraction, an amount or a word. */
function plausibleScalarArbitrary(
  parameter: CustomFunctionParameter,
  vocabulary: readonly string[],
): fc.Arbitrary<unknown> {
  if (parameter.type === "string") {
    return plausibleCellArbitrary("words", vocabulary);
  }
  const kinds: PlausibleKind[] = ["counts", "fractions", "amounts", "dates"];
  return plausibleKindArbitrary(parameter, kinds).chain((kind) =>
    kind === "counts" ? fc.integer({ min: 1, max: 24 }) : plausibleCellArbitrary(kind, vocabulary),
  );
}

/** Generates a real-looking value of one parameter, or null for an omitted optional one. */
function plausibleParameterArbitrary(
  parameter: CustomFunctionParameter,
  length: number,
): fc.Arbitrary<unknown> {
  const vocabulary = parameterVocabulary(parameter);
  const value =
    parameter.dimensionality === "matrix"
      ? plausibleRangeArbitrary(parameter, length, vocabulary)
      : plausibleScalarArbitrary(parameter, vocabulary);
  return parameter.optional === true ? fc.option(value, { nil: OMITTED }) : value;
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

/** Generates one parameter's value of any kind: a range, a single value, or null when omitted. */
function hostileParameterArbitrary(
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
  const profile = fc.constantFrom<ArgumentProfile>("plausible", "oneOff", "hostile");
  return fc
    .tuple(commonLengthArbitrary(), profile)
    .chain(([length, chosen]) =>
      fc.tuple(...parameters.map((parameter) => parameterArbitrary(parameter, length, chosen))),
    );
}
