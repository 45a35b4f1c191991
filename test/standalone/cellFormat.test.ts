/**
 * Display text of grid cells. Expected texts follow Excel's General format (up to 10
 * significant digits here) and the workbook's number formats for dates.
 */
import { formatCellValue, isDateFormat } from "../../src/standalone/cellFormat";

describe("formatCellValue", () => {
  test.each([
    [null, undefined, ""],
    [943, undefined, "943"],
    [500.09350612345, undefined, "500.0935061"],
    [true, undefined, "TRUE"],
    ["Retail", undefined, "Retail"],
    [{ error: "#N/A", message: "history is too short" }, undefined, "#N/A"],
    // 44197 is 2021-01-01 in Excel's 1900 date system.
    [44197, "yyyy-mm", "2021-01"],
    [44197, "dd.mm.yyyy", "2021-01-01"],
    [[[1.5], [2]], undefined, "1.5"],
  ])("value %p with format %p shows %p", (value, numberFormat, expected) => {
    expect(formatCellValue(value, numberFormat)).toBe(expected);
  });
});

describe("isDateFormat", () => {
  test.each([
    ["yyyy-mm", true],
    ["d-mmm", true],
    ["0.00", false],
    ['#,##0 "days"', false],
    ["[Red]0.0", false],
    [undefined, false],
  ])("format %p is date: %p", (numberFormat, expected) => {
    expect(isDateFormat(numberFormat)).toBe(expected);
  });
});
