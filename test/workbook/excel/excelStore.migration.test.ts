import { renameColumn, RowMigration } from "../../../src/model";
import { LAYOUTS } from "../../../src/workbook/excel/layout";
import { MockCellValue, MockExcelWorkbook } from "../../support/excelMock";
import { defined, openWorkbook } from "./excelFixtures";

const TABLE = "SPM_TargetGroups";

/**
 * A layout 2 for this test: the version 1 column `manager` of target groups became `owner`.
 * Layout 1 also lacked the `description` and `strategy.complaintHandling` columns.
 */
const RENAME_MANAGER: RowMigration = {
  fromVersion: 1,
  description: "Rename the target group column manager to owner.",
  replacedColumns: { targetGroup: ["manager"] },
  migrate: (type, row) => (type === "targetGroup" ? renameColumn(row, "manager", "owner") : row),
};

const LAYOUT_2 = { schemaVersion: 2, migrations: [RENAME_MANAGER] };

/** Header of the version 1 target group table, with a column a user added (`Region`). */
const VERSION_1_HEADER = LAYOUTS.targetGroup.columns
  .filter((column) => column !== "description" && column !== "strategy.complaintHandling")
  .map((column) => (column === "owner" ? "manager" : column))
  .concat("Region");

const IDS = ["6f1c1b0e-9a53-4c39-9a43-0b5b6a4f4a01", "6f1c1b0e-9a53-4c39-9a43-0b5b6a4f4a02"];

function version1Row(id: string, name: string, manager: string, region: string): MockCellValue[] {
  const cells: Record<string, MockCellValue> = {
    id,
    createdAt: "2024-05-01T08:00:00.000Z",
    updatedAt: "2024-05-01T08:00:00.000Z",
    name,
    kind: "segment",
    priority: 2,
    manager,
    Region: region,
  };
  return VERSION_1_HEADER.map((column) => cells[column] ?? "");
}

/** A workbook saved in layout 1: every table, the version 1 target group table, version 1. */
async function version1Workbook(): Promise<MockExcelWorkbook> {
  const { workbook, stores } = await openWorkbook(["version1"], "manual", { schemaVersion: 1 });
  await defined(stores.get("version1")).create("channel", { name: "Retail", type: "retail" });
  workbook.deleteTable(TABLE);
  workbook.deleteSheet(TABLE);
  workbook.seedTable(TABLE, TABLE, VERSION_1_HEADER, [
    version1Row(IDS[0], "Clinics", "Anna", "North"),
    version1Row(IDS[1], "0012", "Ben", "South"),
  ]);
  return workbook;
}

describe("ExcelStore migration", () => {
  test("renamed column keeps its place", async () => {
    const workbook = await version1Workbook();
    await openWorkbook(["current"], "manual", LAYOUT_2, workbook);

    const header = defined(workbook.readTable(TABLE)).header;
    const expected = VERSION_1_HEADER.map((column) => (column === "manager" ? "owner" : column));
    expect(header.slice(0, expected.length)).toEqual(expected);
  });

  test("missing columns appended", async () => {
    const workbook = await version1Workbook();
    await openWorkbook(["current"], "manual", LAYOUT_2, workbook);

    const header = defined(workbook.readTable(TABLE)).header;
    expect(header.slice(VERSION_1_HEADER.length)).toEqual([
      "description",
      "strategy.complaintHandling",
    ]);
  });

  test("user column and values kept", async () => {
    const workbook = await version1Workbook();
    await openWorkbook(["current"], "manual", LAYOUT_2, workbook);

    const table = defined(workbook.readTable(TABLE));
    const valuesOf = (column: string): MockCellValue[] =>
      table.rows.map((row) => row[table.header.indexOf(column)]);
    expect(valuesOf("Region")).toEqual(["North", "South"]);
    expect(valuesOf("owner")).toEqual(["Anna", "Ben"]);
    expect(valuesOf("name")).toEqual(["Clinics", "0012"]);
  });

  test("records read after migration", async () => {
    const workbook = await version1Workbook();
    const { stores } = await openWorkbook(["current"], "manual", LAYOUT_2, workbook);
    const store = defined(stores.get("current"));

    const groups = await store.list("targetGroup");

    expect(groups.map((group) => [group.id, group.name, group.owner])).toEqual([
      [IDS[0], "Clinics", "Anna"],
      [IDS[1], "0012", "Ben"],
    ]);
    expect(store.readOnly).toBe(false);
  });

  test("version raised in meta table", async () => {
    const workbook = await version1Workbook();
    await openWorkbook(["current"], "manual", LAYOUT_2, workbook);

    expect(workbook.readTable("SPM_Meta")?.rows).toEqual([["schemaVersion", 2]]);
  });

  test("edit after migration", async () => {
    const workbook = await version1Workbook();
    const { stores } = await openWorkbook(["current"], "manual", LAYOUT_2, workbook);
    const store = defined(stores.get("current"));

    await store.update("targetGroup", IDS[0], { description: "Added later", owner: "Carla" });

    const table = defined(workbook.readTable(TABLE));
    const row = table.rows[0];
    expect(row[table.header.indexOf("description")]).toBe("Added later");
    expect(row[table.header.indexOf("owner")]).toBe("Carla");
    expect(row[table.header.indexOf("Region")]).toBe("North");
  });
});

describe("ExcelStore newer layout", () => {
  test("opens read-only unchanged", async () => {
    const workbook = await version1Workbook();
    await openWorkbook(["current"], "manual", LAYOUT_2, workbook);
    const before = defined(workbook.readTable(TABLE));
    const firstSync = workbook.syncs.length;

    const { stores } = await openWorkbook(["older"], "manual", { schemaVersion: 1 }, workbook);
    const older = defined(stores.get("older"));

    expect(older.readOnly).toBe(true);
    expect(older.readOnlyReason).toBe(
      "This workbook was saved by a newer version of the add-in (data layout 2; this version " +
        "reads layout 1 and older). The sales system data is open read-only so nothing is " +
        "lost; update the add-in to edit it.",
    );
    expect((await older.list("targetGroup")).map((group) => group.name)).toEqual([
      "Clinics",
      "0012",
    ]);
    expect(workbook.readTable(TABLE)).toEqual(before);
    expect(workbook.syncs.slice(firstSync).every((sync) => sync.requestBytes === 0)).toBe(true);
  });
});
