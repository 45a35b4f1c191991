import { InsufficientDataError, InvalidInputError } from "../../src/core/errors";
import { isExcelError, runCustomFunction, toExcelError } from "../../src/functions/errors";
import { installCustomFunctionsRuntime } from "../../src/headless/customFunctionsRuntime";

// Expected codes follow Office's CustomFunctions.ErrorCode values: invalidValue is "#VALUE!"
// and notAvailable is "#N/A", the two codes that show a custom message in Excel.

installCustomFunctionsRuntime();

describe("toExcelError mapping", () => {
  const cases: [string, unknown, string, string][] = [
    ["invalid input", new InvalidInputError("alpha is 2."), "#VALUE!", "alpha is 2."],
    ["insufficient data", new InsufficientDataError("too short."), "#N/A", "too short."],
    [
      "unexpected exception",
      new TypeError("x is undefined"),
      "#VALUE!",
      "Internal error in SPM.FORECAST.SES: x is undefined",
    ],
    ["thrown string", "boom", "#VALUE!", "Internal error in SPM.FORECAST.SES: boom"],
  ];

  test.each(cases)("%s", (_name, thrown, code, message) => {
    const error = toExcelError("FORECAST.SES", thrown);
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  test("excel error passes through", () => {
    const original = new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
    expect(toExcelError("FORECAST.SES", original)).toBe(original);
  });
});

describe("runCustomFunction wrapper", () => {
  test("returns the body result", () => {
    expect(runCustomFunction("FORECAST.SES", () => [[1], [2]])).toEqual([[1], [2]]);
  });

  test("throws the mapped error", () => {
    let thrown: unknown;
    try {
      runCustomFunction("FORECAST.SES", () => {
        throw new InsufficientDataError("history has 1 value.");
      });
    } catch (error) {
      thrown = error;
    }
    expect(isExcelError(thrown)).toBe(true);
    expect((thrown as CustomFunctions.Error).code).toBe("#N/A");
    expect((thrown as CustomFunctions.Error).message).toBe("history has 1 value.");
  });
});

describe("isExcelError recognition", () => {
  test.each([
    [
      "runtime error value",
      new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable),
      true,
    ],
    ["object with error code", { code: "#REF!" }, true],
    ["JavaScript error", new Error("#N/A"), false],
    ["text", "#N/A", false],
    ["null", null, false],
  ])("%s", (_name, value, expected) => {
    expect(isExcelError(value)).toBe(expected);
  });
});
