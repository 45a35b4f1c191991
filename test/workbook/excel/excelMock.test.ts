import {
  EXCEL_WEB_PAYLOAD_LIMIT_BYTES,
  excelContext,
  MockExcelWorkbook,
  MockOfficeError,
} from "../../support/excelMock";

/** Creates a session and a table `Data` with header `text` and one empty row. */
async function tableSession(): Promise<{
  workbook: MockExcelWorkbook;
  context: Excel.RequestContext;
}> {
  const workbook = new MockExcelWorkbook({ delivery: "manual" });
  workbook.seedTable("Data", "Data", ["text"], []);
  const context = excelContext(workbook.openSession("tester"));
  return { workbook, context };
}

describe("Excel mock load and sync", () => {
  test("unloaded property throws", async () => {
    const { context } = await tableSession();
    const header = context.workbook.tables.getItem("Data").getHeaderRowRange();
    await context.sync();

    expect(() => header.values).toThrow("The property 'values' is not available.");
  });

  test("loaded property needs sync", async () => {
    const { context } = await tableSession();
    const header = context.workbook.tables.getItem("Data").getHeaderRowRange().load("values");

    expect(() => header.values).toThrow(MockOfficeError);
    await context.sync();
    expect(header.values).toEqual([["text"]]);
  });

  test("unknown property load rejected", async () => {
    const { context } = await tableSession();
    const range = context.workbook.tables.getItem("Data").getHeaderRowRange();

    expect(() => range.load("formulasR1C1")).toThrow("needs to be present in object model");
  });

  test("missing table fails sync", async () => {
    const { context } = await tableSession();
    context.workbook.tables.getItem("Nope").getDataBodyRange().load("values");

    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("null object is readable", async () => {
    const { context } = await tableSession();
    const table = context.workbook.tables.getItemOrNullObject("Nope");
    await context.sync();

    expect(table.isNullObject).toBe(true);
  });
});

/**
 * Values Excel (en-US) stores for text typed into a cell in the General format, as the mock
 * models them. Formulas are kept unevaluated behind a marker. Numbers, dates and booleans are
 * converted, a date to its serial number in the 1900 date system with 2025 as the current year.
 */
const TYPED_TEXT = [
  { text: '=HYPERLINK("x")', stored: '#FORMULA =HYPERLINK("x")' },
  { text: "@A1", stored: "#FORMULA @A1" },
  { text: "+1", stored: 1 },
  { text: "0012", stored: 12 },
  { text: "3/4", stored: 45720 },
  { text: "TRUE", stored: true },
  { text: "'=1", stored: "=1" },
  { text: "plain", stored: "plain" },
];

describe("Excel mock typed text", () => {
  test.each(TYPED_TEXT)("$text in General format", async ({ text, stored }) => {
    const { workbook, context } = await tableSession();
    context.workbook.tables.getItem("Data").getDataBodyRange().values = [[text]];
    await context.sync();

    expect(workbook.readTable("Data")?.rows).toEqual([[stored]]);
  });

  test.each(TYPED_TEXT)("$text in text format", async ({ text }) => {
    const { workbook, context } = await tableSession();
    const body = context.workbook.tables.getItem("Data").getDataBodyRange();
    body.numberFormat = [["@"]];
    body.values = [[text]];
    await context.sync();

    expect(workbook.readTable("Data")?.rows).toEqual([[text]]);
  });
});

describe("Excel mock tables and limits", () => {
  test("write below body grows table", async () => {
    const { workbook, context } = await tableSession();
    const body = context.workbook.tables.getItem("Data").getDataBodyRange();
    body.values = [["first"]];
    body.getRowsBelow(2).values = [["second"], ["third"]];
    await context.sync();

    expect(workbook.readTable("Data")?.rows).toEqual([["first"], ["second"], ["third"]]);
  });

  test("oversized request rejected", async () => {
    const { workbook, context } = await tableSession();
    const text = "x".repeat(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
    context.workbook.tables.getItem("Data").getDataBodyRange().values = [[text]];

    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(workbook.syncs[0].requestBytes).toBeGreaterThan(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
  });

  test("protected sheet denies writes", async () => {
    const { workbook, context } = await tableSession();
    workbook.setProtected("Data", true);
    context.workbook.tables.getItem("Data").getDataBodyRange().values = [["blocked"]];

    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(workbook.readTable("Data")?.rows).toEqual([[""]]);
  });

  test("events reach other sessions", async () => {
    const { workbook, context } = await tableSession();
    const other = excelContext(workbook.openSession("colleague"));
    const received: { source: string; changeType: string }[] = [];
    other.workbook.tables.getItem("Data").onChanged.add(async (args) => {
      received.push({ source: args.source, changeType: args.changeType });
    });
    await other.sync();

    context.workbook.tables.getItem("Data").getDataBodyRange().values = [["edited"]];
    await context.sync();
    expect(received).toEqual([]);
    await workbook.deliverAll();

    expect(received).toEqual([{ source: "Remote", changeType: "RangeEdited" }]);
  });
});

describe("Excel mock find", () => {
  /** Creates a session and a table `Data` with ids `a`, `B` and `b` in its second column. */
  function idSession(): Excel.RequestContext {
    const workbook = new MockExcelWorkbook({ delivery: "manual" });
    workbook.seedTable(
      "Data",
      "Data",
      ["name", "id"],
      [
        ["first", "a"],
        ["second", "B"],
        ["third", "b"],
      ],
    );
    return excelContext(workbook.openSession("tester"));
  }

  test("found cell read after sync", async () => {
    const context = idSession();
    const column = context.workbook.tables.getItem("Data").getRange().getColumn(1);
    const found = column.findOrNullObject("b", { completeMatch: true, matchCase: true });
    const row = found.getOffsetRange(0, -1).getResizedRange(0, 1).load("values,address");

    expect(() => row.values).toThrow(MockOfficeError);
    await context.sync();
    expect(found.isNullObject).toBe(false);
    expect(row.values).toEqual([["third", "b"]]);
    expect(row.address).toBe("Data!A4:B4");
  });

  test("case and whole cell matched", async () => {
    const context = idSession();
    const column = context.workbook.tables.getItem("Data").getRange().getColumn(1);
    const anyCase = column.findOrNullObject("b", { completeMatch: true }).load("rowIndex");
    const part = column.findOrNullObject("i", { matchCase: true }).load("rowIndex");
    await context.sync();

    expect(anyCase.rowIndex).toBe(2);
    expect(part.rowIndex).toBe(0);
  });

  test("no match is null object", async () => {
    const context = idSession();
    const column = context.workbook.tables.getItem("Data").getRange().getColumn(1);
    const found = column.findOrNullObject("c", { completeMatch: true, matchCase: true });
    found.getOffsetRange(0, -1).values = [["written"]];

    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    const again = column.findOrNullObject("c", { completeMatch: true, matchCase: true });
    await context.sync();
    expect(again.isNullObject).toBe(true);
  });

  test("single cell searches sheet", async () => {
    const context = idSession();
    const cell = context.workbook.worksheets.getItem("Data").getRange("A1");
    const found = cell.findOrNullObject("B", { completeMatch: true, matchCase: true });
    found.load("rowIndex,columnIndex");
    await context.sync();

    expect([found.rowIndex, found.columnIndex]).toEqual([2, 1]);
  });
});
