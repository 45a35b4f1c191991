import { ExcelStore } from "../../../src/workbook/excel/excelStore";
import { MAX_REQUEST_BYTES } from "../../../src/workbook/excel/writeBatch";
import {
  EXCEL_WEB_PAYLOAD_LIMIT_BYTES,
  excelContext,
  MockExcelSession,
  MockExcelWorkbook,
} from "../../support/excelMock";
import { buildTargetGroups, defined } from "./excelFixtures";

/**
 * Sync counts of each operation, as the adapter is designed. An edit or a delete writes from
 * the store's copy in one sync, finding its rows by id and key. A create reads the table's
 * state in one sync and writes in the next. `open` adds one sync to register change events.
 */
const EXPECTED_SYNCS = { open: 2, load: 1, list: 1, create: 2, update: 1, delete: 1 };

/** Counts the `context.sync()` calls `run` makes through `session`. */
async function countSyncs(session: MockExcelSession, run: () => Promise<unknown>): Promise<number> {
  const spy = jest.spyOn(session.context, "sync");
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe.each([10, 10_000])("ExcelStore syncs with %i rows", (count) => {
  let workbook: MockExcelWorkbook;
  let session: MockExcelSession;
  let store: ExcelStore;
  const groups = buildTargetGroups(count);

  beforeAll(async () => {
    workbook = new MockExcelWorkbook({ delivery: "manual" });
    const seeder = await ExcelStore.open(excelContext(workbook.openSession("seeder")));
    await seeder.importRecords("targetGroup", groups);
    session = workbook.openSession("editor");
  });

  test("open syncs", async () => {
    const syncs = await countSyncs(session, async () => {
      store = await ExcelStore.open(excelContext(session));
    });

    expect(syncs).toBe(EXPECTED_SYNCS.open);
  });

  test("load syncs", async () => {
    let loaded = 0;
    const syncs = await countSyncs(session, async () => {
      loaded = (await store.load()).targetGroup.length;
    });

    expect(syncs).toBe(EXPECTED_SYNCS.load);
    expect(loaded).toBe(count);
  });

  test("list syncs", async () => {
    const syncs = await countSyncs(session, () => store.list("targetGroup"));

    expect(syncs).toBe(EXPECTED_SYNCS.list);
  });

  test("create syncs", async () => {
    const syncs = await countSyncs(session, () =>
      store.create("targetGroup", { name: "New group", kind: "client" }),
    );

    expect(syncs).toBe(EXPECTED_SYNCS.create);
  });

  test("update syncs", async () => {
    const target = groups[Math.floor(count / 2)];
    const syncs = await countSyncs(session, () =>
      store.update("targetGroup", target.id, { priority: 1, strategy: { objections: [] } }),
    );

    expect(syncs).toBe(EXPECTED_SYNCS.update);
    const stored = defined(await store.get("targetGroup", target.id));
    expect(stored.priority).toBe(1);
    expect(stored.strategy.objections).toEqual([]);
  });

  test("delete syncs", async () => {
    const target = groups[count - 1];
    const syncs = await countSyncs(session, () => store.delete("targetGroup", target.id));

    expect(syncs).toBe(EXPECTED_SYNCS.delete);
    expect(await store.get("targetGroup", target.id)).toBeUndefined();
  });

  test("payloads under request limit", () => {
    const largest = workbook.largestPayloads();

    expect(largest.requestBytes).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
    expect(largest.responseBytes).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
  });
});

describe("ExcelStore write chunking", () => {
  test("large import split by size", async () => {
    const workbook = new MockExcelWorkbook({ delivery: "manual" });
    const session = workbook.openSession("importer");
    const store = await ExcelStore.open(excelContext(session));
    // 400 descriptions of 25,000 characters are 10 MB of JSON, more than two requests.
    const groups = buildTargetGroups(400, "d".repeat(25_000));
    const firstSync = workbook.syncs.length;

    await store.importRecords("targetGroup", groups);

    const importSyncs = workbook.syncs.slice(firstSync);
    const requestSizes = importSyncs.map((record) => record.requestBytes);
    expect(Math.max(...requestSizes)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(requestSizes.filter((bytes) => bytes > 0).length).toBeGreaterThanOrEqual(3);
    const reader = await ExcelStore.open(excelContext(workbook.openSession("reader")));
    expect((await reader.list("targetGroup")).map((group) => group.id)).toEqual(
      groups.map((group) => group.id),
    );
  });

  test("oversized response read in chunks", async () => {
    const workbook = new MockExcelWorkbook({ delivery: "manual" });
    const writer = await ExcelStore.open(excelContext(workbook.openSession("writer")));
    // 250 descriptions of 25,000 characters are 6.25 MB, more than one response.
    const groups = buildTargetGroups(250, "r".repeat(25_000));
    await writer.importRecords("targetGroup", groups);
    const firstSync = workbook.syncs.length;

    const reader = await ExcelStore.open(excelContext(workbook.openSession("reader")));
    const loaded = await reader.load();

    expect(loaded.targetGroup.map((group) => group.id)).toEqual(groups.map((group) => group.id));
    const readSyncs = workbook.syncs.slice(firstSync);
    expect(readSyncs.map((record) => record.error)).toContain("ResponsePayloadSizeLimitExceeded");
    expect(workbook.largestPayloads(firstSync).responseBytes).toBeLessThanOrEqual(
      EXCEL_WEB_PAYLOAD_LIMIT_BYTES,
    );
  });

  test("next load starts in chunks", async () => {
    const workbook = new MockExcelWorkbook({ delivery: "manual" });
    const writer = await ExcelStore.open(excelContext(workbook.openSession("writer")));
    // 250 descriptions of 25,000 characters are 6.25 MB, more than one response.
    await writer.importRecords("targetGroup", buildTargetGroups(250, "r".repeat(25_000)));
    const reader = await ExcelStore.open(excelContext(workbook.openSession("reader")));
    const firstSync = workbook.syncs.length;

    await reader.load();

    const readSyncs = workbook.syncs.slice(firstSync);
    expect(readSyncs.map((record) => record.error)).not.toContain(
      "ResponsePayloadSizeLimitExceeded",
    );
  });
});
