import { StoreAccessError } from "../../../src/workbook/store";
import { ExcelStore } from "../../../src/workbook/excel/excelStore";
import { MockExcelWorkbook } from "../../support/excelMock";
import { defined, openWorkbook } from "./excelFixtures";

const GROUP = { name: "Clinics", kind: "segment" } as const;

/** Opens a workbook with one target group and one channel, and returns its store. */
async function savedWorkbook(): Promise<{
  workbook: MockExcelWorkbook;
  store: ExcelStore;
  groupId: string;
}> {
  const { workbook, stores } = await openWorkbook(["alice"]);
  const store = defined(stores.get("alice"));
  const group = await store.create("targetGroup", GROUP);
  await store.create("channel", { name: "Retail", type: "retail" });
  return { workbook, store, groupId: group.id };
}

describe("ExcelStore protected sheet", () => {
  const PROTECTED_MESSAGE =
    "The sheet SPM_TargetGroups is protected, so nothing was saved. Unprotect it (Review > " +
    "Unprotect Sheet) and save again.";

  test.each([
    {
      action: "update",
      run: (store: ExcelStore, id: string) => store.update("targetGroup", id, { priority: 1 }),
    },
    { action: "create", run: (store: ExcelStore) => store.create("targetGroup", GROUP) },
    { action: "delete", run: (store: ExcelStore, id: string) => store.delete("targetGroup", id) },
  ])("$action rejected unchanged", async ({ run }) => {
    const { workbook, store, groupId } = await savedWorkbook();
    workbook.setProtected("SPM_TargetGroups", true);
    const before = workbook.readTable("SPM_TargetGroups");

    const attempt = run(store, groupId);

    await expect(attempt).rejects.toBeInstanceOf(StoreAccessError);
    await expect(attempt).rejects.toThrow(PROTECTED_MESSAGE);
    expect(workbook.readTable("SPM_TargetGroups")).toEqual(before);
  });

  test("save works after unprotect", async () => {
    const { workbook, store, groupId } = await savedWorkbook();
    workbook.setProtected("SPM_TargetGroups", true);
    await expect(store.update("targetGroup", groupId, { priority: 1 })).rejects.toThrow();

    workbook.setProtected("SPM_TargetGroups", false);
    const { record } = await store.update("targetGroup", groupId, { priority: 1 });

    expect(record.priority).toBe(1);
  });

  test("loading a protected sheet works", async () => {
    const { workbook, store } = await savedWorkbook();
    workbook.setProtected("SPM_TargetGroups", true);

    const snapshot = await store.load();

    expect(snapshot.targetGroup.map((group) => group.name)).toEqual(["Clinics"]);
  });

  test("denied write reported clearly", async () => {
    const { workbook, store } = await savedWorkbook();
    workbook.setProtected("SPM_Meta", true);
    workbook.writeCell("SPM_Meta", 1, 0, "");

    const attempt = store.create("targetGroup", { ...GROUP, name: "Shops" });

    await expect(attempt).rejects.toBeInstanceOf(StoreAccessError);
    await expect(attempt).rejects.toThrow("Excel denied saving the record because a sheet");
  });
});

describe("ExcelStore missing table", () => {
  test("load names the missing table", async () => {
    const { workbook, store } = await savedWorkbook();
    workbook.deleteTable("SPM_Channels");
    const groupsBefore = workbook.readTable("SPM_TargetGroups");

    const attempt = store.load();

    await expect(attempt).rejects.toBeInstanceOf(StoreAccessError);
    await expect(attempt).rejects.toThrow(
      "The table SPM_Channels of the sales system data is missing from this workbook",
    );
    expect(workbook.readTable("SPM_TargetGroups")).toEqual(groupsBefore);
  });

  test("update in missing table rejected", async () => {
    const { workbook, store, groupId } = await savedWorkbook();
    workbook.deleteTable("SPM_TargetGroups");

    const attempt = store.update("targetGroup", groupId, { priority: 1 });

    await expect(attempt).rejects.toThrow(
      "The table SPM_TargetGroups is missing from this workbook, so nothing was saved.",
    );
  });

  test("next save recreates table", async () => {
    const { workbook, store } = await savedWorkbook();
    workbook.deleteTable("SPM_Channels");

    const channel = await store.create("channel", { name: "Online", type: "eCommerce" });

    const snapshot = await store.load();
    expect(snapshot.channel.map((record) => record.id)).toEqual([channel.id]);
    expect(snapshot.targetGroup.map((record) => record.name)).toEqual(["Clinics"]);
  });

  test("deleted sheet recreated", async () => {
    const { workbook, store } = await savedWorkbook();
    workbook.deleteSheet("SPM_ChannelTargetGroups");

    await store.create("channel", { name: "Online", type: "eCommerce" });

    expect(workbook.findSheet("SPM_ChannelTargetGroups")).toBeDefined();
    await expect(store.load()).resolves.toBeDefined();
  });

  test("table beside user cells", async () => {
    const { workbook, store } = await savedWorkbook();
    workbook.deleteTable("SPM_Roles");
    workbook.writeCell("SPM_Roles", 0, 0, "Notes a user kept");

    await store.create("role", { name: "Key account manager" });

    expect(workbook.readTable("SPM_Roles")?.header[0]).toBe("id");
    expect(workbook.findTable("SPM_Roles")?.left).toBe(2);
    expect(workbook.sheets.find((sheet) => sheet.name === "SPM_Roles")?.grid[0][0]?.value).toBe(
      "Notes a user kept",
    );
  });

  test("invalid row skipped on read", async () => {
    const { workbook, store } = await savedWorkbook();
    const header = defined(workbook.readTable("SPM_TargetGroups")).header;
    workbook.writeCell("SPM_TargetGroups", 1, header.indexOf("priority"), "high");

    const groups = await store.list("targetGroup");

    expect(groups).toEqual([]);
    expect(store.skippedRows.get("targetGroup")?.map((row) => row.issues[0].field)).toEqual([
      "priority",
    ]);
  });
});
