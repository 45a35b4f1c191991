import { OfficeSheetWriter, splitByPayload } from "../../../src/workbook/actions/officeSheetWriter";
import { formula, SheetCell } from "../../../src/workbook/actions/sheetWriter";

/** A range as the fake context records it: its position and what the writer set. */
interface RecordedRange {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  numberFormat?: string[][];
  formulas?: unknown[][];
  syncBefore: number;
}

/** A fake Excel context that records the ranges written and counts `sync` calls. */
function fakeExcel(): { writer: OfficeSheetWriter; ranges: RecordedRange[]; syncs: () => number } {
  const ranges: RecordedRange[] = [];
  let syncCount = 0;
  const worksheet = {
    getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number) {
      const range: RecordedRange = { row, column, rowCount, columnCount, syncBefore: syncCount };
      ranges.push(range);
      return range;
    },
  };
  const context = {
    workbook: { worksheets: { getItem: () => worksheet } },
    sync: async () => {
      syncCount += 1;
    },
  };
  const writer = new OfficeSheetWriter({
    run: (batch) => batch(context as unknown as Excel.RequestContext),
    maxRequestCharacters: 2_000,
  });
  return { writer, ranges, syncs: () => syncCount };
}

describe("OfficeSheetWriter writeBlock", () => {
  test("text cells get text format", async () => {
    const { writer, ranges } = await fakeExcel();

    await writer.writeBlock("Forecast", {
      row: 4,
      column: 1,
      cells: [
        ["=1+1", 12, formula("SUM(A1:A3)")],
        ["0012", null, true],
      ],
    });

    expect(ranges).toHaveLength(1);
    expect(ranges[0]).toMatchObject({ row: 4, column: 1, rowCount: 2, columnCount: 3 });
    expect(ranges[0].numberFormat).toEqual([
      ["@", "General", "General"],
      ["@", "General", "General"],
    ]);
    expect(ranges[0].formulas).toEqual([
      ["=1+1", 12, "=SUM(A1:A3)"],
      ["0012", "", true],
    ]);
  });

  test("large block split per sync", async () => {
    const { writer, ranges, syncs } = await fakeExcel();
    const cells: SheetCell[][] = Array.from({ length: 300 }, (_, i) => [i, `row ${i}`]);

    await writer.writeBlock("Forecast", { row: 0, column: 0, cells });

    expect(ranges.length).toBeGreaterThan(1);
    expect(syncs()).toBe(ranges.length);
    expect(ranges.reduce((total, range) => total + range.rowCount, 0)).toBe(300);
    ranges.forEach((range, index) => {
      expect(range.syncBefore).toBe(index);
      const payload =
        JSON.stringify(range.formulas).length + JSON.stringify(range.numberFormat).length;
      expect(payload).toBeLessThanOrEqual(2_000);
    });
  });

  test("ragged rows padded with blanks", async () => {
    const { writer, ranges } = await fakeExcel();

    await writer.writeBlock("Forecast", { row: 0, column: 0, cells: [["Title"], ["a", "b"]] });

    expect(ranges[0].formulas).toEqual([
      ["Title", ""],
      ["a", "b"],
    ]);
  });
});

describe("splitByPayload", () => {
  test("oversized row sent alone", () => {
    const wide: SheetCell[] = ["x".repeat(50)];

    const chunks = splitByPayload([wide, wide, wide], 10);

    expect(chunks.map((chunk) => chunk.length)).toEqual([1, 1, 1]);
  });
});
