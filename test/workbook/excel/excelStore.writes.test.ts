import { RecordOf } from "../../../src/model";
import { ExcelStore } from "../../../src/workbook/excel/excelStore";
import { LAYOUTS } from "../../../src/workbook/excel/layout";
import { MockExcelWorkbook } from "../../support/excelMock";
import { defined, openWorkbook } from "./excelFixtures";

const TABLE = "SPM_TargetGroups";

/** Opens a workbook with three target groups stored by one store. */
async function threeGroups(): Promise<{
  workbook: MockExcelWorkbook;
  store: ExcelStore;
  groups: RecordOf<"targetGroup">[];
}> {
  const { workbook, stores } = await openWorkbook(["alice"]);
  const store = defined(stores.get("alice"));
  const groups = [];
  for (const name of ["Clinics", "Pharmacies", "Hospitals"]) {
    groups.push(await store.create("targetGroup", { name, kind: "segment" }));
  }
  return { workbook, store, groups };
}

function column(workbook: MockExcelWorkbook, name: string): unknown[] {
  const table = defined(workbook.readTable(TABLE));
  return table.rows.map((row) => row[table.header.indexOf(name)]);
}

describe("ExcelStore writes", () => {
  test("edit writes only its row", async () => {
    const { workbook, store, groups } = await threeGroups();
    workbook.swapRows(TABLE, 0, 2);
    const before = defined(workbook.readTable(TABLE)).rows;
    const firstWrite = workbook.writeLog.length;

    await store.update("targetGroup", groups[0].id, { owner: "Anna" });

    const writes = workbook.writeLog.slice(firstWrite);
    expect(writes.map((write) => write.address)).toEqual([`${TABLE}!A4:S4`, `${TABLE}!A4:S4`]);
    const after = defined(workbook.readTable(TABLE)).rows;
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toEqual(before[1]);
    expect(column(workbook, "owner")).toEqual(["", "", "Anna"]);
  });

  test("edit leaves other cells alone", async () => {
    const { workbook, store, groups } = await threeGroups();
    const header = defined(workbook.readTable(TABLE)).header;
    workbook.writeCell(TABLE, 1, header.indexOf("description"), "Typed by a colleague");

    await store.update("targetGroup", groups[0].id, { owner: "Anna" }, { base: groups[0] });

    expect(column(workbook, "description")[0]).toBe("Typed by a colleague");
    expect(column(workbook, "owner")[0]).toBe("Anna");
  });

  test("new row below the body", async () => {
    const { workbook, store } = await threeGroups();
    const firstWrite = workbook.writeLog.length;

    await store.create("targetGroup", { name: "Shops", kind: "client" });

    const writes = workbook.writeLog.slice(firstWrite).filter((write) => write.kind === "values");
    expect(writes.map((write) => write.address)).toEqual([`${TABLE}!A5:S5`]);
    expect(column(workbook, "name")).toEqual(["Clinics", "Pharmacies", "Hospitals", "Shops"]);
  });

  test("delete removes row by id", async () => {
    const { workbook, store, groups } = await threeGroups();
    workbook.swapRows(TABLE, 0, 1);

    await store.delete("targetGroup", groups[0].id);

    expect(column(workbook, "name")).toEqual(["Pharmacies", "Hospitals"]);
    const objections = defined(workbook.readTable("SPM_TargetGroupObjections")).rows;
    expect(objections).toEqual([["", "", "", "", ""]]);
  });

  test("delete removes its list rows", async () => {
    const { workbook, stores } = await openWorkbook(["alice"]);
    const store = defined(stores.get("alice"));
    const objections = [{ objection: "Price" }, { objection: "Time" }];
    const kept = await store.create("targetGroup", {
      name: "Kept",
      kind: "segment",
      strategy: { objections },
    });
    const removed = await store.create("targetGroup", {
      name: "Removed",
      kind: "segment",
      strategy: { objections },
    });

    await store.delete("targetGroup", removed.id);

    const rows = defined(workbook.readTable("SPM_TargetGroupObjections")).rows;
    expect(rows.map((row) => row[0])).toEqual([kept.id, kept.id]);
  });

  test("list edit rewrites its rows", async () => {
    const { workbook, stores } = await openWorkbook(["alice"]);
    const store = defined(stores.get("alice"));
    const other = await store.create("targetGroup", {
      name: "Other",
      kind: "segment",
      strategy: { objections: [{ objection: "Other's" }] },
    });
    const group = await store.create("targetGroup", {
      name: "Edited",
      kind: "segment",
      strategy: { objections: [{ objection: "One" }, { objection: "Two" }] },
    });

    await store.update("targetGroup", group.id, {
      strategy: { objections: [{ objection: "Two", response: "Answer" }] },
    });

    const rows = defined(workbook.readTable("SPM_TargetGroupObjections")).rows;
    expect(rows).toEqual([
      [other.id, 0, "Other's", "", `${other.id}:0`],
      [group.id, 0, "Two", "Answer", `${group.id}:0`],
    ]);
    const stored = defined(await store.get("targetGroup", group.id));
    expect(stored.strategy.objections).toEqual([{ objection: "Two", response: "Answer" }]);
  });

  test("user column kept", async () => {
    const { workbook, store, groups } = await threeGroups();
    workbook.addUserColumn(TABLE, "Region", ["North", "South", "East"]);

    await store.update("targetGroup", groups[1].id, { priority: 1 });
    await store.create("targetGroup", { name: "Shops", kind: "client" });
    await store.delete("targetGroup", groups[0].id);

    expect(column(workbook, "Region")).toEqual(["South", "East", ""]);
    expect((await store.list("targetGroup")).map((group) => group.name)).toEqual([
      "Pharmacies",
      "Hospitals",
      "Shops",
    ]);
  });

  test("missing column added on save", async () => {
    const { workbook, store, groups } = await threeGroups();
    const table = defined(workbook.tables.find((candidate) => candidate.name === TABLE));
    table.columnCount -= 1;
    const dropped = defined(workbook.readTable(TABLE)).header.length;
    workbook.writeCell(TABLE, 0, dropped, "");

    await store.update("targetGroup", groups[0].id, { owner: "Anna" });

    const header = defined(workbook.readTable(TABLE)).header;
    expect(header).toHaveLength(dropped + 1);
    expect(header[dropped]).toBe(LAYOUTS.targetGroup.columns[dropped]);
  });
});
