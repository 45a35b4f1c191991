/**
 * Typed cell input and its formula-bar text. The expected contents follow Excel's rules for
 * typed input: "=" starts a formula, a leading apostrophe keeps text, numbers and TRUE/FALSE
 * become values.
 */
import { formatCellInput, parseCellInput } from "../../src/standalone/cellInput";

describe("parseCellInput", () => {
  test.each([
    ["", null],
    ["=SUM(A1:A3)", "=SUM(A1:A3)"],
    ["42", 42],
    ["-1.5e3", -1500],
    [" 7 ", 7],
    ["true", true],
    ["FALSE", false],
    ["'42", "42"],
    ["'=1+1", { text: "=1+1" }],
    ["=", { text: "=" }],
    ["Retail", "Retail"],
    ["12 units", "12 units"],
  ])("input %p stores %p", (input, expected) => {
    expect(parseCellInput(input)).toEqual(expected);
  });

  test("ISO date becomes date", () => {
    expect(parseCellInput("2025-03-31")).toEqual(new Date(Date.UTC(2025, 2, 31)));
  });

  test("impossible date stays text", () => {
    expect(parseCellInput("2025-02-30")).toBe("2025-02-30");
  });
});

describe("formatCellInput", () => {
  test.each([
    [null, ""],
    [42, "42"],
    [true, "TRUE"],
    ["=A1*2", "=A1*2"],
    [{ text: "=1+1" }, "'=1+1"],
    ["42", "'42"],
    ["TRUE", "'TRUE"],
    ["Retail", "Retail"],
    [new Date(Date.UTC(2021, 0, 1)), "2021-01-01"],
  ])("content %p shows %p", (content, expected) => {
    expect(formatCellInput(content)).toBe(expected);
  });

  test.each([["'abc"], ["42"], ["=1+1"], ["Retail"]])("text %p survives round trip", (text) => {
    const content = parseCellInput(`'${text}`);

    expect(parseCellInput(formatCellInput(content))).toEqual(content);
  });
});
