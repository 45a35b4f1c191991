import {
  cellAddress,
  columnIndex,
  columnLetters,
  parseAddress,
  parseSheetReference,
  parseTableColumnReference,
  quoteSheetName,
} from "../../../src/workbook/actions/a1";
import { toSheetName } from "../../../src/workbook/actions/sheetNames";
import { EngineSheetWriter } from "../../../src/workbook/actions/engineSheetWriter";
import { createTestEngine } from "../../support/engine";

describe("A1 column letters", () => {
  // Excel's column headings: A is the 1st column, Z the 26th, AA the 27th, XFD the 16,384th.
  test.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  test("cell address counts from 0", () => {
    expect(cellAddress(11, 1)).toBe("B12");
  });
});

describe("reference parsing", () => {
  test.each([
    ["Sales!B2:B49", { sheet: "Sales", address: "B2:B49" }],
    ["'Sales by channel'!$B$2:$B$61", { sheet: "Sales by channel", address: "B2:B61" }],
    ["'Tom''s data'!A1", { sheet: "Tom's data", address: "A1" }],
  ])("sheet reference %s", (reference, expected) => {
    expect(parseSheetReference(reference)).toEqual(expected);
  });

  test.each(["B2:B49", "Sales!", "Sales!B2:", ""])("not a sheet reference %p", (reference) => {
    expect(parseSheetReference(reference)).toBeUndefined();
  });

  test("table column reference", () => {
    expect(parseTableColumnReference("SPM_Sales[Revenue]")).toEqual({
      table: "SPM_Sales",
      column: "Revenue",
    });
  });

  test("reversed address is normalised", () => {
    expect(parseAddress("C5:A1")).toEqual({ row: 0, column: 0, rowCount: 5, columnCount: 3 });
  });

  test.each([
    ["Sales", "Sales"],
    ["Sales by channel", "'Sales by channel'"],
    ["A1", "'A1'"],
    ["Tom's", "'Tom''s'"],
  ])("quote sheet %s", (sheet, quoted) => {
    expect(quoteSheetName(sheet)).toBe(quoted);
  });
});

describe("toSheetName", () => {
  // Excel rejects \ / ? * [ ] : in sheet names and names longer than 31 characters.
  test.each([
    ["Forecast A/B [test]", "Forecast A B test"],
    ["Forecast 'Retail'", "Forecast 'Retail"],
    ["Forecast of an extremely long channel name", "Forecast of an extremely long c"],
    ["???", "Sheet"],
  ])("%s becomes %s", (name, expected) => {
    expect(toSheetName(name)).toBe(expected);
  });
});

describe("EngineSheetWriter readValues", () => {
  test("quoted sheet with blanks", async () => {
    const engine = await createTestEngine({ "Sales by channel": [[1], [null], ["x"]] });
    const writer = new EngineSheetWriter(engine);

    const values = await writer.readValues("'Sales by channel'!A1:A4");

    expect(values).toEqual([[1], [null], ["x"], [null]]);
  });
});
