/**
 * fast-check arbitraries for single cell values as Excel passes them to a custom function:
 * numbers (with -0, denormals and values near the double limits), text (with numeric-looking
 * text and formulas), and `CustomFunctions.Error` values of every code.
 */
import fc from "fast-check";
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

/** Generates Excel error values of every code, with and without a message. */
export function excelErrorArbitrary(): fc.Arbitrary<unknown> {
  const runtime = customFunctionsRuntime();
  return fc
    .tuple(
      fc.constantFrom(...ERROR_CODES),
      fc.option(fc.constantFrom("message", ""), { nil: undefined }),
    )
    .map(([code, message]) => new runtime.Error(code, message));
}

/** Generates numbers from everyday values (counts, fractions, amounts, dates) to the extremes of doubles. */
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

/** Generates text from a parameter's own vocabulary, tricky spellings and arbitrary strings. */
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
