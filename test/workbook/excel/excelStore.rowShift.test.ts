import { RecordOf } from "../../../src/model";
import { RecordNotFoundError } from "../../../src/workbook/store";
import { ExcelStore } from "../../../src/workbook/excel/excelStore";
import { MockCellValue, MockExcelSession, MockExcelWorkbook } from "../../support/excelMock";
import { defined, openWorkbook } from "./excelFixtures";

const TABLE = "SPM_TargetGroups";

/**
 * Opens a workbook with three target groups stored by one store, and that store's session. The store
 * has loaded them, so a write reads the rows in one sync and writes in the next.
 */
async function threeGroups(): Promise<{
  workbook: MockExcelWorkbook;
  session: MockExcelSession;
  store: ExcelStore;
  groups: RecordOf<"targetGroup">[];
}> {
  const { workbook, sessions, stores } = await openWorkbook(["alice"]);
  const store = defined(stores.get("alice"));
  const groups = [];
  for (const name of ["Clinics", "Pharmacies", "Hospitals"]) {
    groups.push(await store.create("targetGroup", { name, kind: "segment" }));
  }
  await store.load();
  return { workbook, session: defined(sessions.get("alice")), store, groups };
}

/** Runs `change` once, right after the session's next sync, as a co-author's edit would land. */
function afterNextSync(session: MockExcelSession, change: () => void): void {
  const sync = session.context.sync.bind(session.context);
  const spy = jest.spyOn(session.context, "sync").mockImplementation(async () => {
    spy.mockRestore();
    await sync();
    change();
  });
}

/** Builds a target group row with only an id and a name, as a co-author might type it. */
function typedRow(workbook: MockExcelWorkbook, id: string): MockCellValue[] {
  const typed: Record<string, MockCellValue> = { id, name: `Typed ${id}` };
  const header = defined(workbook.readTable(TABLE)).header;
  return header.map((name) => typed[String(name)] ?? "");
}

function column(workbook: MockExcelWorkbook, name: string): MockCellValue[] {
  const table = defined(workbook.readTable(TABLE));
  return table.rows.map((row) => row[table.header.indexOf(name)]);
}

describe("ExcelStore rows shifted meanwhile", () => {
  test("update after rows inserted", async () => {
    const { workbook, store, groups } = await threeGroups();
    workbook.insertRows(TABLE, 0, [typedRow(workbook, "t1"), typedRow(workbook, "t2")]);

    await store.update("targetGroup", groups[1].id, { owner: "Anna" });

    expect(column(workbook, "id")).toEqual(["t1", "t2", ...groups.map((group) => group.id)]);
    expect(column(workbook, "owner")).toEqual(["", "", "", "Anna", ""]);
    expect(column(workbook, "name")).toEqual([
      "Typed t1",
      "Typed t2",
      "Clinics",
      "Pharmacies",
      "Hospitals",
    ]);
  });

  test("update after sort syncs once", async () => {
    const { workbook, session, store, groups } = await threeGroups();
    workbook.swapRows(TABLE, 0, 2);
    const firstSync = session.syncCount;

    await store.update("targetGroup", groups[0].id, { owner: "Anna" });

    expect(session.syncCount - firstSync).toBe(1);
    expect(column(workbook, "owner")).toEqual(["", "", "Anna"]);
  });

  test("delete after rows inserted", async () => {
    const { workbook, store, groups } = await threeGroups();
    workbook.insertRows(TABLE, 1, [typedRow(workbook, "t1"), typedRow(workbook, "t2")]);

    await store.delete("targetGroup", groups[1].id);

    expect(column(workbook, "id")).toEqual([groups[0].id, "t1", "t2", groups[2].id]);
  });

  test("update after row deleted", async () => {
    const { workbook, store, groups } = await threeGroups();
    workbook.removeRow(TABLE, 1);
    const firstWrite = workbook.writeLog.length;

    const attempt = store.update("targetGroup", groups[1].id, { owner: "Anna" });

    await expect(attempt).rejects.toBeInstanceOf(RecordNotFoundError);
    expect(workbook.writeLog.slice(firstWrite)).toEqual([]);
    expect(column(workbook, "id")).toEqual([groups[0].id, groups[2].id]);
    expect(column(workbook, "owner")).toEqual(["", ""]);
  });

  test("delete after row deleted", async () => {
    const { workbook, store, groups } = await threeGroups();
    workbook.removeRow(TABLE, 1);
    const firstWrite = workbook.writeLog.length;

    const attempt = store.delete("targetGroup", groups[1].id);

    await expect(attempt).rejects.toBeInstanceOf(RecordNotFoundError);
    expect(workbook.writeLog.slice(firstWrite)).toEqual([]);
    expect(column(workbook, "id")).toEqual([groups[0].id, groups[2].id]);
  });
});

/**
 * A record a co-author created that the store has not heard of yet: the store reads its rows in
 * one sync and writes in the next, and a co-author's rows can land in between.
 */
describe("ExcelStore rows shifted between read and write", () => {
  async function unheardGroup(): Promise<{
    workbook: MockExcelWorkbook;
    session: MockExcelSession;
    store: ExcelStore;
    group: RecordOf<"targetGroup">;
  }> {
    const { workbook, sessions, stores } = await openWorkbook(["alice", "bob"]);
    const bob = defined(stores.get("bob"));
    await bob.create("targetGroup", { name: "Clinics", kind: "segment" });
    const group = await bob.create("targetGroup", {
      name: "Pharmacies",
      kind: "segment",
      strategy: { objections: [{ objection: "Too expensive", response: "" }] },
    });
    return {
      workbook,
      session: defined(sessions.get("alice")),
      store: defined(stores.get("alice")),
      group,
    };
  }

  test("update after rows inserted", async () => {
    const { workbook, session, store, group } = await unheardGroup();
    afterNextSync(session, () =>
      workbook.insertRows(TABLE, 0, [typedRow(workbook, "t1"), typedRow(workbook, "t2")]),
    );

    await store.update("targetGroup", group.id, {
      owner: "Anna",
      strategy: { objections: [{ objection: "No time", response: "Ten minutes" }] },
    });

    expect(column(workbook, "owner")).toEqual(["", "", "", "Anna"]);
    const objections = defined(workbook.readTable("SPM_TargetGroupObjections")).rows;
    expect(objections).toEqual([[group.id, 0, "No time", "Ten minutes", `${group.id}:0`]]);
  });

  test("update after row deleted", async () => {
    const { workbook, session, store, group } = await unheardGroup();
    afterNextSync(session, () => workbook.removeRow(TABLE, 1));
    const firstWrite = workbook.writeLog.length;

    const attempt = store.update("targetGroup", group.id, { owner: "Anna" });

    await expect(attempt).rejects.toBeInstanceOf(RecordNotFoundError);
    expect(workbook.writeLog.slice(firstWrite)).toEqual([]);
  });
});
