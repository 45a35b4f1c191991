/**
 * A workbook saved by a newer add-in: its layout version is above `SCHEMA_VERSION` and a table
 * has a column this version does not know. This version opens it read-only and writes nothing.
 */
import { RECORD_TYPES, SCHEMA_VERSION } from "../../../src/model";
import { ExcelStore } from "../../../src/workbook/excel/excelStore";
import { tableNamesOf } from "../../../src/workbook/excel/layout";
import { importRecords, parseRecordsJson } from "../../../src/workbook/importExport";
import { StoreReadOnlyError } from "../../../src/workbook/store";
import { excelContext, MockExcelWorkbook } from "../../support/excelMock";
import { storeTemplate } from "./support/adapters";

/** Reads every table of the sales system as cell values, by name. */
function allTables(workbook: MockExcelWorkbook): Record<string, unknown> {
  const names = ["SPM_Meta", ...RECORD_TYPES.flatMap(tableNamesOf)];
  return Object.fromEntries(names.map((name) => [name, workbook.readTable(name)]));
}

/** Builds a workbook with one record of every type, a newer layout version and an unknown column. */
async function newerWorkbook(): Promise<MockExcelWorkbook> {
  const workbook = new MockExcelWorkbook({ delivery: "manual" });
  const writer = await ExcelStore.open(excelContext(workbook.openSession("newer")));
  await storeTemplate(writer);
  workbook.writeCell("SPM_Meta", 1, 1, SCHEMA_VERSION + 1);
  const groups = workbook.readTable("SPM_TargetGroups")?.rows ?? [];
  workbook.addUserColumn(
    "SPM_TargetGroups",
    "forecastChannel",
    groups.map(() => "Field of a later layout"),
  );
  return workbook;
}

describe("ExcelStore newer layout", () => {
  test("opens read-only, writes nothing", async () => {
    const workbook = await newerWorkbook();
    const tablesBefore = allTables(workbook);
    const writesBefore = workbook.writeLog.length;
    const syncsBefore = workbook.syncs.length;

    const store = await ExcelStore.open(excelContext(workbook.openSession("older")));
    const snapshot = await store.load();
    const group = snapshot.targetGroup[0];
    const attempts = [
      store.create("role", { name: "Analyst" }),
      store.update("targetGroup", group.id, { owner: "Ana" }),
      store.delete("review", snapshot.review[0].id),
      store.importRecords("role", []),
      importRecords(store, parseRecordsJson("role", '[{"name": "Analyst"}]')),
    ];

    for (const attempt of attempts) {
      await expect(attempt).rejects.toBeInstanceOf(StoreReadOnlyError);
    }
    await expect(attempts[0]).rejects.toThrow("saved by a newer version of the add-in");
    expect(store.readOnly).toBe(true);
    expect(store.readOnlyReason).toContain(`data layout ${SCHEMA_VERSION + 1}`);
    expect(workbook.writeLog.length).toBe(writesBefore);
    const olderSyncs = workbook.syncs.slice(syncsBefore);
    expect(olderSyncs.filter((record) => record.requestBytes > 0)).toEqual([]);
    expect(allTables(workbook)).toEqual(tablesBefore);
  });

  test("reads every record", async () => {
    const workbook = await newerWorkbook();
    const writer = await ExcelStore.open(excelContext(workbook.openSession("reader-check")));
    const expected = await writer.load();

    const store = await ExcelStore.open(excelContext(workbook.openSession("older")));

    for (const type of RECORD_TYPES) {
      expect(await store.list(type)).toEqual(expected[type]);
      expect(expected[type].length).toBeGreaterThan(0);
    }
  });

  test("re-read writes nothing", async () => {
    const workbook = await newerWorkbook();
    const store = await ExcelStore.open(excelContext(workbook.openSession("older")));
    const writesBefore = workbook.writeLog.length;
    const header = workbook.readTable("SPM_Roles")?.header ?? [];
    workbook.writeCell("SPM_Roles", 1, header.indexOf("name"), "Renamed by a newer add-in");

    const roles = await store.list("role");

    expect(roles[0].name).toBe("Renamed by a newer add-in");
    expect(workbook.writeLog.length).toBe(writesBefore);
  });
});
