import { InsufficientDataError, InvalidInputError } from "../../src/core/errors";
import {
  MAX_HORIZON,
  TextChoice,
  readHorizon,
  readNumber,
  readOptionalChoice,
  readOptionalNumber,
  readOptionalPositiveInteger,
  readOptionalProbability,
  readOptionalSeries,
  readOptionalText,
  readPositiveInteger,
  readSeries,
  readVector,
} from "../../src/functions/arguments";
import { installCustomFunctionsRuntime } from "../../src/headless/customFunctionsRuntime";

// Expected values in this file follow from the argument rules of the SPM functions: how Excel
// passes ranges, blanks, omitted arguments and error cells to a custom function (Office's
// custom functions documentation), and the result the product returns for each.

installCustomFunctionsRuntime();

function excelError(code: CustomFunctions.ErrorCode): CustomFunctions.Error {
  return new CustomFunctions.Error(code);
}

/** Runs `read` and returns what it throws, failing the test when it throws nothing. */
function thrownBy(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error("expected the reader to throw");
}

describe("readSeries accepted ranges", () => {
  const cases: [string, unknown, number[]][] = [
    ["column of numbers", [[1], [2], [3]], [1, 2, 3]],
    ["row of numbers", [[1, 2, 3]], [1, 2, 3]],
    ["single cell", [[42]], [42]],
    ["scalar number", 7, [7]],
    ["trailing nulls ignored", [[1], [2], [null], [null]], [1, 2]],
    ["trailing empty text ignored", [[1, 2, "", ""]], [1, 2]],
    ["zeros passed for blanks kept", [[5], [0], [0]], [5, 0, 0]],
    ["dates as serial numbers", [[45292], [45323]], [45292, 45323]],
    ["negative and fractional values", [[-1.5], [0.25]], [-1.5, 0.25]],
  ];

  test.each(cases)("%s", (_name, value, expected) => {
    expect(readSeries(value, "history")).toEqual(expected);
  });
});

describe("readSeries rejected cells", () => {
  const cases: [string, unknown, RegExp][] = [
    ["text", [[1], [2], [3], [4], ["n/a"]], /^history: cell 5 contains text "n\/a"/],
    ["numeric text", [[1], ["12"], [3]], /^history: cell 2 contains the text "12", not a number/],
    ["logical value", [[1, true, 3]], /^history: cell 2 contains the logical value TRUE/],
    [
      "error value",
      [[1], [excelError(CustomFunctions.ErrorCode.notAvailable)], [3]],
      /cell 2 contains the error #N\/A/,
    ],
    [
      "blank inside as null",
      [[1], [null], [3]],
      /^history: cell 2 is blank; blank cells are allowed only at the end/,
    ],
    ["blank inside as empty text", [[1, "", 3]], /^history: cell 2 is blank/],
    ["blank at the start", [[null], [1], [2]], /^history: cell 1 is blank/],
    [
      "two-dimensional range",
      [
        [1, 2],
        [3, 4],
      ],
      /^history is a range of 2 rows and 2 columns; select a single row/,
    ],
  ];

  test.each(cases)("%s", (_name, value, message) => {
    const error = thrownBy(() => readSeries(value, "history"));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(message);
  });

  test("numeric text message cites AVERAGE", () => {
    const error = thrownBy(() => readSeries([["12"]], "history")) as Error;
    expect(error.message).toContain("statistical functions such as AVERAGE ignore it");
  });

  test("empty range is missing data", () => {
    const error = thrownBy(() => readSeries([[null], [""]], "history"));
    expect(error).toBeInstanceOf(InsufficientDataError);
    expect((error as Error).message).toBe(
      "history contains no numbers; select a range of numbers.",
    );
  });

  test("argument name appears in message", () => {
    const error = thrownBy(() => readSeries([["x"]], "known_x")) as Error;
    expect(error.message).toMatch(/^known_x: cell 1/);
  });
});

describe("readSeries large ranges", () => {
  // A full Excel column has 1,048,576 rows. This guards against a hang, not a speed goal (the
  // benchmarks measure speed): a read that takes seconds would leave no time for the forecast.
  const EXCEL_ROWS = 1_048_576;
  const READ_TIME_LIMIT_MS = 5000;

  test("whole column reads quickly", () => {
    const column = Array.from({ length: EXCEL_ROWS }, (_, i) => [i % 100]);
    const start = Date.now();
    const series = readSeries(column, "history");
    expect(Date.now() - start).toBeLessThan(READ_TIME_LIMIT_MS);
    expect(series).toHaveLength(EXCEL_ROWS);
  });

  test("mostly blank column keeps data", () => {
    const column: unknown[][] = Array.from({ length: EXCEL_ROWS }, () => [null]);
    column[0] = [10];
    column[1] = [20];
    expect(readSeries(column, "history")).toEqual([10, 20]);
  });
});

describe("readVector shapes", () => {
  const cases: [string, unknown, unknown[]][] = [
    ["column", [[1], ["a"]], [1, "a"]],
    ["row", [[1, "a"]], [1, "a"]],
    ["scalar", "a", ["a"]],
    ["empty array", [], []],
  ];

  test.each(cases)("%s", (_name, value, expected) => {
    expect(readVector(value, "history")).toEqual(expected);
  });
});

describe("readOptionalSeries omitted argument", () => {
  test.each([null, undefined, ""])("omitted as %p", (value) => {
    expect(readOptionalSeries(value, "known_x")).toBeNull();
  });

  test("given range is read", () => {
    expect(readOptionalSeries([[1], [2]], "known_x")).toEqual([1, 2]);
  });
});

describe("readHorizon rules", () => {
  const accepted: [string, unknown, number][] = [
    ["one period", 1, 1],
    ["maximum horizon", MAX_HORIZON, MAX_HORIZON],
    ["single-cell range", [[12]], 12],
    // 0.1*3*10 in IEEE doubles, which Excel displays as 3.
    ["whole number up to rounding", 0.1 * 3 * 10, 3],
  ];

  test.each(accepted)("accepts %s", (_name, value, expected) => {
    expect(readHorizon(value)).toBe(expected);
  });

  const rejected: [string, unknown, string][] = [
    [
      "missing",
      null,
      "horizon is missing; give the number of periods to forecast, a whole number from 1 to 10000.",
    ],
    ["zero", 0, "horizon is 0 but must be a whole number from 1 to 10000."],
    ["negative", -3, "horizon is -3 but must be a whole number from 1 to 10000."],
    ["fractional", 2.5, "horizon is 2.5 but must be a whole number from 1 to 10000."],
    ["nearly whole", 3.000001, "horizon is 3.000001 but must be a whole number from 1 to 10000."],
    ["above maximum", 10_001, "horizon is 10001 but must be a whole number from 1 to 10000."],
    ["text", "12", 'horizon is text "12", not a number; give a whole number from 1 to 10000.'],
    [
      "logical value",
      true,
      "horizon is the logical value TRUE, not a number; give a whole number from 1 to 10000.",
    ],
    ["range of cells", [[1], [2]], "horizon is a range of 2 cells; give a single value."],
  ];

  test.each(rejected)("rejects %s", (_name, value, message) => {
    const error = thrownBy(() => readHorizon(value));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toBe(message);
  });

  test("error value passes through", () => {
    const value = excelError(CustomFunctions.ErrorCode.divisionByZero);
    expect(thrownBy(() => readHorizon(value))).toBe(value);
  });
});

describe("readOptionalProbability rules", () => {
  const accepted: [string, unknown, number | null][] = [
    ["omitted as null", null, null],
    ["omitted as undefined", undefined, null],
    ["zero", 0, 0],
    ["one", 1, 1],
    ["interior value", 0.3, 0.3],
  ];

  test.each(accepted)("accepts %s", (_name, value, expected) => {
    expect(readOptionalProbability(value, "alpha", null)).toBe(expected);
  });

  const rejected: [string, unknown, string][] = [
    ["below zero", -0.1, "alpha is -0.1 but must be a number between 0 and 1."],
    ["above one", 1.5, "alpha is 1.5 but must be a number between 0 and 1."],
    ["text", "high", 'alpha is text "high", not a number; give a number between 0 and 1.'],
  ];

  test.each(rejected)("rejects %s", (_name, value, message) => {
    const error = thrownBy(() => readOptionalProbability(value, "alpha", null));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toBe(message);
  });

  test("default applies when omitted", () => {
    expect(readOptionalProbability(null, "alpha", 0.1)).toBe(0.1);
  });
});

describe("readOptionalNumber damping range", () => {
  const phiRange = { min: 0, minExclusive: true, max: 1 };

  test.each([
    [0.8, 0.8],
    [1, 1],
    [null, null],
  ])("accepts phi %p", (value, expected) => {
    expect(readOptionalNumber(value, "phi", null, phiRange)).toBe(expected);
  });

  test.each([
    [0, "phi is 0 but must be a number greater than 0 and at most 1."],
    [1.01, "phi is 1.01 but must be a number greater than 0 and at most 1."],
  ])("rejects phi %p", (value, message) => {
    const error = thrownBy(() => readOptionalNumber(value, "phi", null, phiRange));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toBe(message);
  });
});

describe("readNumber required value", () => {
  test("missing value rejected", () => {
    const error = thrownBy(() => readNumber(null, "target", { min: 0 }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toBe("target is missing; give a number of 0 or more.");
  });

  test("value within range", () => {
    expect(readNumber(5, "target", { min: 0 })).toBe(5);
  });
});

describe("readPositiveInteger rules", () => {
  test.each([
    [12, 12],
    [[[4]], 4],
  ])("accepts %p", (value, expected) => {
    expect(readPositiveInteger(value, "season_length")).toBe(expected);
  });

  test.each([
    [0, "season_length is 0 but must be a whole number from 1 to 52."],
    [1.5, "season_length is 1.5 but must be a whole number from 1 to 52."],
    [53, "season_length is 53 but must be a whole number from 1 to 52."],
    [null, "season_length is missing; give a whole number from 1 to 52."],
  ])("rejects %p", (value, message) => {
    const error = thrownBy(() => readPositiveInteger(value, "season_length", 52));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toBe(message);
  });

  test("optional form uses default", () => {
    expect(readOptionalPositiveInteger(null, "window", 3)).toBe(3);
    expect(readOptionalPositiveInteger(6, "window", 3)).toBe(6);
  });
});

describe("readOptionalText rules", () => {
  test.each([
    [null, "additive"],
    ["", "additive"],
    ["  ", "additive"],
    [" mult ", "mult"],
  ])("reads %p", (value, expected) => {
    expect(readOptionalText(value, "seasonality", "additive")).toBe(expected);
  });

  test("number rejected", () => {
    const error = thrownBy(() => readOptionalText(3, "seasonality", null));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toBe("seasonality is the value 3; give text.");
  });
});

describe("readOptionalChoice spellings", () => {
  const choices: TextChoice<"additive" | "multiplicative">[] = [
    { value: "additive", aliases: ["add"] },
    { value: "multiplicative", aliases: ["mult"] },
  ];

  test.each([
    [null, "additive"],
    ["additive", "additive"],
    ["ADD", "additive"],
    ["Multiplicative", "multiplicative"],
    [" mult ", "multiplicative"],
  ])("reads %p", (value, expected) => {
    expect(readOptionalChoice(value, "seasonality", choices, "additive")).toBe(expected);
  });

  test("unknown value lists choices", () => {
    const error = thrownBy(() => readOptionalChoice("cube", "seasonality", choices, "additive"));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toBe(
      'seasonality is "cube"; use one of "additive" (or "add"), "multiplicative" (or "mult").',
    );
  });
});
