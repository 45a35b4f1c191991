import { InvalidInputError } from "../../src/core/errors";
import { toColumn, toNumber, toTable } from "../../src/functions/results";

// Expected shapes follow Excel's dynamic arrays: a custom function spills a 2-D array, one inner
// array per row, so a column of n values is [[v1], ..., [vn]].

describe("toColumn results", () => {
  test("numbers spill down", () => {
    expect(toColumn([1.5, 2, 3], "the forecast")).toEqual([[1.5], [2], [3]]);
  });

  test.each([NaN, Infinity, -Infinity])("rejects %p", (bad) => {
    expect(() => toColumn([1, bad], "the forecast")).toThrow(InvalidInputError);
    expect(() => toColumn([1, bad], "the forecast")).toThrow(
      new RegExp(`^the forecast is not a finite number \\(${String(bad)} in row 2\\)`),
    );
  });
});

describe("toNumber results", () => {
  test("finite value returned", () => {
    expect(toNumber(12, "the season length")).toBe(12);
  });

  test("NaN rejected", () => {
    expect(() => toNumber(NaN, "MAPE")).toThrow("MAPE is not a finite number (NaN)");
  });
});

describe("toTable results", () => {
  test("labels and numbers kept", () => {
    expect(
      toTable(
        [
          ["MAE", 1.5],
          ["MASE", "needs history"],
        ],
        "the table",
      ),
    ).toEqual([
      ["MAE", 1.5],
      ["MASE", "needs history"],
    ]);
  });

  test("infinite cell rejected", () => {
    expect(() => toTable([["MAE", Infinity]], "the table")).toThrow(
      "the table is not a finite number (Infinity in row 1, column 2)",
    );
  });

  test("ragged rows rejected", () => {
    expect(() => toTable([["MAE", 1], ["RMSE"]], "the table")).toThrow(
      "Row 2 of the table has 1 cells instead of 2.",
    );
  });
});
