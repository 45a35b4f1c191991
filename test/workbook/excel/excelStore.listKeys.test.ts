import { RecordOf } from "../../../src/model";
import { MockCellValue, MockExcelWorkbook } from "../../support/excelMock";
import { defined, openWorkbook } from "./excelFixtures";

const OBJECTIONS = "SPM_TargetGroupObjections";

/** The objections table as layout 1 stored it: no item key column, and a column a user added. */
const VERSION_1_HEADER = ["targetGroupId", "position", "objection", "response", "Source"];

const OBJECTIONS_INPUT = [
  { objection: "Too expensive", response: "Show the cost per patient" },
  { objection: "No time", response: "" },
  { objection: "Happy with the current supplier", response: "Trial month" },
];

function objectionRows(workbook: MockExcelWorkbook): MockCellValue[][] {
  return defined(workbook.readTable(OBJECTIONS)).rows;
}

function cellsOf(workbook: MockExcelWorkbook, column: string): MockCellValue[] {
  const table = defined(workbook.readTable(OBJECTIONS));
  return table.rows.map((row) => row[table.header.indexOf(column)]);
}

/** Builds a workbook of layout 1 with one target group and its objections stored out of order. */
async function version1Workbook(): Promise<{
  workbook: MockExcelWorkbook;
  group: RecordOf<"targetGroup">;
}> {
  const { workbook, stores } = await openWorkbook(["writer"], "manual", { schemaVersion: 1 });
  const group = await defined(stores.get("writer")).create("targetGroup", {
    name: "Clinics",
    kind: "segment",
    strategy: { objections: OBJECTIONS_INPUT },
  });
  workbook.deleteTable(OBJECTIONS);
  workbook.deleteSheet(OBJECTIONS);
  workbook.seedTable(OBJECTIONS, OBJECTIONS, VERSION_1_HEADER, [
    [group.id, 2, "Happy with the current supplier", "Trial month", "call notes"],
    [group.id, 0, "Too expensive", "Show the cost per patient", "survey"],
    [group.id, 1, "No time", "", ""],
  ]);
  return { workbook, group };
}

describe("ExcelStore list item keys", () => {
  test("upgrade adds and fills keys", async () => {
    const { workbook, group } = await version1Workbook();

    await openWorkbook(["current"], "manual", {}, workbook);

    const header = defined(workbook.readTable(OBJECTIONS)).header;
    expect(header).toEqual([...VERSION_1_HEADER, "itemKey"]);
    expect(cellsOf(workbook, "itemKey")).toEqual([
      `${group.id}:2`,
      `${group.id}:0`,
      `${group.id}:1`,
    ]);
    expect(cellsOf(workbook, "Source")).toEqual(["call notes", "survey", ""]);
  });

  test("upgraded list reads in order", async () => {
    const { workbook, group } = await version1Workbook();
    const { stores } = await openWorkbook(["current"], "manual", {}, workbook);

    const read = defined(await defined(stores.get("current")).get("targetGroup", group.id));

    expect(read.strategy.objections.map((item) => item.objection)).toEqual(
      OBJECTIONS_INPUT.map((item) => item.objection),
    );
  });

  test("upgraded list edited by key", async () => {
    const { workbook, group } = await version1Workbook();
    const { stores, sessions } = await openWorkbook(["current"], "manual", {}, workbook);
    const store = defined(stores.get("current"));
    const edited = OBJECTIONS_INPUT.map((item) => ({ ...item }));
    edited[0].response = "Cost per visit";
    const firstSync = defined(sessions.get("current")).syncCount;

    await store.update("targetGroup", group.id, { strategy: { objections: edited } });

    expect(defined(sessions.get("current")).syncCount - firstSync).toBe(1);
    expect(cellsOf(workbook, "response")).toEqual(["Trial month", "Cost per visit", ""]);
    expect(cellsOf(workbook, "Source")).toEqual(["call notes", "survey", ""]);
  });

  test("rows inserted above kept", async () => {
    const { workbook, stores } = await openWorkbook(["alice"]);
    const store = defined(stores.get("alice"));
    const group = await store.create("targetGroup", {
      name: "Clinics",
      kind: "segment",
      strategy: { objections: OBJECTIONS_INPUT.slice(0, 2) },
    });
    const other = "0c521f1e-3232-442f-a494-bf5642f917e6";
    workbook.insertRows(OBJECTIONS, 0, [[other, 0, "Other's", "", `${other}:0`]]);

    await store.update("targetGroup", group.id, {
      strategy: { objections: [{ objection: "Too expensive", response: "Discount" }] },
    });

    expect(objectionRows(workbook)).toEqual([
      [other, 0, "Other's", "", `${other}:0`],
      [group.id, 0, "Too expensive", "Discount", `${group.id}:0`],
    ]);
  });

  test("damaged key repaired on save", async () => {
    const { workbook, stores } = await openWorkbook(["alice"]);
    const store = defined(stores.get("alice"));
    const group = await store.create("targetGroup", {
      name: "Clinics",
      kind: "segment",
      strategy: { objections: OBJECTIONS_INPUT.slice(0, 2) },
    });
    const keyColumn = defined(workbook.readTable(OBJECTIONS)).header.indexOf("itemKey");
    workbook.writeCell(OBJECTIONS, 2, keyColumn, "typed over");
    const { stores: later } = await openWorkbook(["bob"], "manual", {}, workbook);
    const reopened = defined(later.get("bob"));

    await reopened.update("targetGroup", group.id, {
      strategy: {
        objections: [OBJECTIONS_INPUT[0], { objection: "No time", response: "Ten minutes" }],
      },
    });

    expect(objectionRows(workbook)).toEqual([
      [group.id, 0, "Too expensive", "Show the cost per patient", `${group.id}:0`],
      [group.id, 1, "No time", "Ten minutes", `${group.id}:1`],
    ]);
  });

  test("item removed by co-author", async () => {
    const { workbook, stores } = await openWorkbook(["alice", "bob"]);
    const alice = defined(stores.get("alice"));
    const bob = defined(stores.get("bob"));
    const group = await alice.create("targetGroup", {
      name: "Clinics",
      kind: "segment",
      strategy: { objections: OBJECTIONS_INPUT.slice(0, 2) },
    });
    await bob.load();
    await bob.update("targetGroup", group.id, {
      strategy: { objections: OBJECTIONS_INPUT.slice(0, 1) },
    });

    const edited = [OBJECTIONS_INPUT[0], { objection: "No time", response: "Ten minutes" }];
    const result = await alice.update(
      "targetGroup",
      group.id,
      { strategy: { objections: edited } },
      { base: group },
    );

    expect(objectionRows(workbook)).toEqual([
      [group.id, 0, "Too expensive", "Show the cost per patient", `${group.id}:0`],
      [group.id, 1, "No time", "Ten minutes", `${group.id}:1`],
    ]);
    expect(result.conflicts.map((conflict) => conflict.field)).toEqual(["strategy.objections"]);
  });
});
