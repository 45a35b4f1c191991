/**
 * Saves of the Excel store that fail half-way: a failed sync, a request over Excel on the web's
 * payload limit, a protected sheet, a table a user deleted and a column a user renamed. After
 * each, a fresh store reads the workbook, the error names what failed, and saving again
 * completes the save with no record lost or stored twice.
 */
import { AnyRecord, MAX_TEXT_LENGTH, RecordOf } from "../../../src/model";
import { ExcelStore, ExcelStoreOptions } from "../../../src/workbook/excel/excelStore";
import {
  isStoreUserError,
  RecordNotFoundError,
  StoreAccessError,
} from "../../../src/workbook/store";
import {
  EXCEL_WEB_PAYLOAD_LIMIT_BYTES,
  excelContext,
  MockExcelSession,
  MockExcelWorkbook,
  MockOfficeError,
} from "../../support/excelMock";
import { buildTargetGroups } from "../excel/excelFixtures";

/** A workbook with two target groups and a channel serving the first, and its store. */
interface SavedWorkbook {
  workbook: MockExcelWorkbook;
  session: MockExcelSession;
  store: ExcelStore;
  kept: RecordOf<"targetGroup">;
  spare: RecordOf<"targetGroup">;
}

let sessionCount = 0;

function newSession(workbook: MockExcelWorkbook): MockExcelSession {
  sessionCount += 1;
  return workbook.openSession(`session-${sessionCount}`);
}

async function savedWorkbook(options: ExcelStoreOptions = {}): Promise<SavedWorkbook> {
  const workbook = new MockExcelWorkbook({ delivery: "manual" });
  const session = newSession(workbook);
  const store = await ExcelStore.open(excelContext(session), options);
  const kept = await store.create("targetGroup", {
    name: "Clinics",
    kind: "segment",
    strategy: { objections: [{ objection: "Price" }, { objection: "Timing" }] },
  });
  const spare = await store.create("targetGroup", {
    name: "Shops",
    kind: "client",
    strategy: { objections: [{ objection: "Space" }] },
  });
  await store.create("channel", { name: "Retail", type: "retail", targetGroupIds: [kept.id] });
  return { workbook, session, store, kept, spare };
}

/** Opens a store on a new session of `workbook`, as a colleague opening the file would. */
async function freshStore(workbook: MockExcelWorkbook): Promise<ExcelStore> {
  return ExcelStore.open(excelContext(newSession(workbook)));
}

/**
 * How a failed sync fails. "dropped" loses the request before Excel runs any of it. "half" runs
 * the first half of its commands and fails at the next one, as Office.js stops a batch at its
 * first failing command. "applied" runs every command but loses the response.
 */
type FailureMode = "dropped" | "half" | "applied";

/** Error a failed request gets from Office.js when the connection drops. */
function connectionError(): MockOfficeError {
  return new MockOfficeError(
    "GeneralException",
    "The request failed because the connection dropped.",
  );
}

/** Makes the `failingCall`-th `sync()` of `session` fail in `mode`; returns a way to check and undo. */
function failSync(
  session: MockExcelSession,
  failingCall: number,
  mode: FailureMode,
): { failed(): boolean; restore(): void } {
  const context = session.context;
  const original = context.sync.bind(context);
  let calls = 0;
  const spy = jest.spyOn(context, "sync").mockImplementation(async () => {
    calls += 1;
    if (calls !== failingCall) {
      return original();
    }
    const queued = context as unknown as { queue: unknown[] };
    if (mode === "dropped") {
      queued.queue = [];
    } else {
      if (mode === "half") {
        queued.queue = queued.queue.slice(0, Math.floor(queued.queue.length / 2));
      }
      await original();
    }
    throw connectionError();
  });
  return { failed: () => calls >= failingCall, restore: () => spy.mockRestore() };
}

/** Runs `run` and returns the error it threw, or undefined when it completed. */
async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Asserts that `error` is one a user can act on, with a message. */
function expectUserError(error: unknown): void {
  expect(isStoreUserError(error)).toBe(true);
  expect((error as Error).message.length).toBeGreaterThan(0);
}

/** Reads the target groups through a fresh store's full load, sorted by name. */
async function storedGroups(workbook: MockExcelWorkbook): Promise<RecordOf<"targetGroup">[]> {
  const snapshot = await (await freshStore(workbook)).load();
  return [...snapshot.targetGroup].sort((left, right) => left.name.localeCompare(right.name));
}

/** Returns the name, owner and objections of each group, the fields the saves below change. */
function summary(
  groups: readonly AnyRecord[],
): { name: string; owner: string; objections: string[] }[] {
  return (groups as RecordOf<"targetGroup">[]).map((group) => ({
    name: group.name,
    owner: group.owner,
    objections: group.strategy.objections.map((item) => item.objection),
  }));
}

/** A save under test, and the groups a fresh store reads once it has completed. */
interface SaveCase {
  name: string;
  save(saved: SavedWorkbook): Promise<unknown>;
  /** The summary of every group after the save, by name. */
  expected: ReturnType<typeof summary>;
  /** True when a repeated save may find its work already done (a delete of a deleted record). */
  repeatMayFindDone?: boolean;
}

const SAVE_CASES: readonly SaveCase[] = [
  {
    name: "create",
    save: ({ store }) =>
      store.create("targetGroup", {
        name: "Pharmacies",
        kind: "segment",
        strategy: { objections: [{ objection: "Stock" }, { objection: "Margin" }] },
      }),
    expected: [
      { name: "Clinics", owner: "", objections: ["Price", "Timing"] },
      { name: "Pharmacies", owner: "", objections: ["Stock", "Margin"] },
      { name: "Shops", owner: "", objections: ["Space"] },
    ],
  },
  {
    name: "update",
    save: ({ store, kept }) =>
      store.update("targetGroup", kept.id, {
        owner: "Ana",
        strategy: {
          objections: [{ objection: "Cost" }, { objection: "Timing" }, { objection: "Risk" }],
        },
      }),
    expected: [
      { name: "Clinics", owner: "Ana", objections: ["Cost", "Timing", "Risk"] },
      { name: "Shops", owner: "", objections: ["Space"] },
    ],
  },
  {
    name: "shortening update",
    save: ({ store, kept }) =>
      store.update("targetGroup", kept.id, { strategy: { objections: [{ objection: "Only" }] } }),
    expected: [
      { name: "Clinics", owner: "", objections: ["Only"] },
      { name: "Shops", owner: "", objections: ["Space"] },
    ],
  },
  {
    name: "delete",
    save: ({ store, spare }) => store.delete("targetGroup", spare.id),
    expected: [{ name: "Clinics", owner: "", objections: ["Price", "Timing"] }],
    repeatMayFindDone: true,
  },
];

/**
 * Highest sync number made to fail. The saves above take at most five syncs, a failed first
 * sync and its retry included; a save that needs fewer completes normally.
 */
const MAX_FAILING_CALL = 6;

const FAILURE_CASES = SAVE_CASES.flatMap((saveCase) =>
  (["dropped", "half", "applied"] as const).flatMap((mode) =>
    Array.from({ length: MAX_FAILING_CALL }, (_, index) => ({
      ...saveCase,
      mode,
      failingCall: index + 1,
    })),
  ),
);

describe("ExcelStore failed sync", () => {
  test.each(FAILURE_CASES)(
    "$name, sync $failingCall $mode",
    async ({ save, expected, repeatMayFindDone, mode, failingCall }) => {
      const saved = await savedWorkbook();
      const failure = failSync(saved.session, failingCall, mode);
      const error = await errorOf(() => save(saved));
      failure.restore();
      if (!failure.failed()) {
        // The save needs fewer syncs than `failingCall`; it completed normally.
        expect(error).toBeUndefined();
        return;
      }

      await expect(storedGroups(saved.workbook)).resolves.toBeDefined();
      if (error !== undefined) {
        expectUserError(error);
        const repeated = await errorOf(() => save(saved));
        if (!(repeatMayFindDone && repeated instanceof RecordNotFoundError)) {
          expect(repeated).toBeUndefined();
        }
      }
      expect(summary(await storedGroups(saved.workbook))).toEqual(expected);
    },
  );
});

describe("ExcelStore request size", () => {
  /** Text of the longest length a cell takes, so few rows pass the payload limit. */
  const LONG_TEXT = "x".repeat(MAX_TEXT_LENGTH);
  /** Rows whose values alone exceed Excel on the web's payload limit. */
  const ROW_COUNT = Math.ceil(EXCEL_WEB_PAYLOAD_LIMIT_BYTES / MAX_TEXT_LENGTH) + 10;

  test("large import split under limit", async () => {
    const saved = await savedWorkbook();
    const groups = buildTargetGroups(ROW_COUNT, LONG_TEXT);
    const syncsBefore = saved.workbook.syncs.length;

    await saved.store.importRecords("targetGroup", groups);

    const syncs = saved.workbook.syncs.slice(syncsBefore);
    expect(syncs.filter((record) => record.error !== undefined)).toEqual([]);
    expect(saved.workbook.largestPayloads(syncsBefore).requestBytes).toBeLessThanOrEqual(
      EXCEL_WEB_PAYLOAD_LIMIT_BYTES,
    );
    const stored = await storedGroups(saved.workbook);
    expect(stored.length).toBe(ROW_COUNT + 2);
    const described = stored.filter((group) => group.description === LONG_TEXT);
    expect(described.length).toBe(ROW_COUNT);
  });

  test("oversized request names the limit", async () => {
    const saved = await savedWorkbook({ maxRequestBytes: 4 * EXCEL_WEB_PAYLOAD_LIMIT_BYTES });
    const groups = buildTargetGroups(ROW_COUNT, LONG_TEXT);
    const writesBefore = saved.workbook.writeLog.length;

    const error = await errorOf(() => saved.store.importRecords("targetGroup", groups));

    expect(error).toBeInstanceOf(StoreAccessError);
    expect((error as Error).message).toContain("Excel could not complete saving the records");
    expect((error as Error).message).toContain("RequestPayloadSizeLimitExceeded");
    expect(saved.workbook.writeLog.length).toBe(writesBefore);
    const before = await storedGroups(saved.workbook);
    await (await freshStore(saved.workbook)).importRecords("targetGroup", groups);
    const after = await storedGroups(saved.workbook);
    expect(after.length - before.length).toBe(groups.length);
  });
});

describe("ExcelStore damaged workbook", () => {
  test.each(SAVE_CASES)("$name on protected sheet", async ({ save, expected }) => {
    const saved = await savedWorkbook();
    saved.workbook.setProtected("SPM_TargetGroupObjections", true);
    const writesBefore = saved.workbook.writeLog.length;

    const error = await errorOf(() => save(saved));

    expect(error).toBeInstanceOf(StoreAccessError);
    expect((error as Error).message).toContain("SPM_TargetGroupObjections is protected");
    expect(saved.workbook.writeLog.length).toBe(writesBefore);
    await expect(storedGroups(saved.workbook)).resolves.toBeDefined();
    saved.workbook.setProtected("SPM_TargetGroupObjections", false);
    await save(saved);
    expect(summary(await storedGroups(saved.workbook))).toEqual(expected);
  });

  test.each(SAVE_CASES)("$name after column renamed", async ({ save, expected }) => {
    const saved = await savedWorkbook();
    const header = saved.workbook.readTable("SPM_TargetGroups")?.header ?? [];
    saved.workbook.writeCell("SPM_TargetGroups", 0, header.indexOf("owner"), "Owner (renamed)");

    const error = await errorOf(() => save(saved));
    if (error !== undefined) {
      expectUserError(error);
      await save(saved);
    }

    const stored = await storedGroups(saved.workbook);
    expect(summary(stored)).toEqual(expected);
  });

  test.each(SAVE_CASES.filter((saveCase) => saveCase.name !== "delete"))(
    "$name after list table deleted",
    async ({ save }) => {
      const saved = await savedWorkbook();
      saved.workbook.deleteTable("SPM_TargetGroupObjections");

      const error = await errorOf(() => save(saved));
      if (error !== undefined) {
        expectUserError(error);
        await save(saved);
      }

      await expect(storedGroups(saved.workbook)).resolves.toBeDefined();
    },
  );

  test("create denied by meta sheet", async () => {
    const saved = await savedWorkbook();
    saved.workbook.setProtected("SPM_Meta", true);
    saved.workbook.writeCell("SPM_Meta", 1, 0, "");
    const create = SAVE_CASES[0];

    const error = await errorOf(() => create.save(saved));

    expect(error).toBeInstanceOf(StoreAccessError);
    expect((error as Error).message).toContain("Excel denied saving the record");
    // A fresh store would upgrade the layout, whose version row is blank, and be denied too.
    const listed = await saved.store.list("targetGroup");
    expect(listed.map((group) => group.name)).toEqual(["Clinics", "Shops"]);
    saved.workbook.setProtected("SPM_Meta", false);
    await create.save(saved);
    expect(summary(await storedGroups(saved.workbook))).toEqual(create.expected);
  });

  test("update after main table deleted", async () => {
    const saved = await savedWorkbook();
    saved.workbook.deleteTable("SPM_TargetGroups");

    const error = await errorOf(() =>
      saved.store.update("targetGroup", saved.kept.id, { owner: "Ana" }),
    );

    expect(error).toBeInstanceOf(StoreAccessError);
    expect((error as Error).message).toContain("The table SPM_TargetGroups is missing");
  });
});

describe("ExcelStore failed import", () => {
  const cases = (["dropped", "half", "applied"] as const).flatMap((mode) =>
    [1, 2, 3].map((call) => ({ mode, call })),
  );

  test.each(cases)("import retried after sync $call $mode", async ({ mode, call }) => {
    const saved = await savedWorkbook();
    const before = await storedGroups(saved.workbook);
    const groups = buildTargetGroups(3);
    const failure = failSync(saved.session, call, mode);

    const error = await errorOf(() => saved.store.importRecords("targetGroup", groups));
    failure.restore();

    expect(failure.failed()).toBe(true);
    expectUserError(error);
    await saved.store.importRecords("targetGroup", groups);
    const after = await storedGroups(saved.workbook);
    expect(after.length - before.length).toBe(groups.length);
    expect(new Set(after.map((group) => group.id)).size).toBe(after.length);
  });
});

describe("ExcelStore failed upgrade", () => {
  test("opens read-only with the cause", async () => {
    const { workbook } = await savedWorkbook();
    const metaHeader = workbook.readTable("SPM_Meta")?.header ?? [];
    workbook.writeCell("SPM_Meta", 1, metaHeader.indexOf("value"), 1);
    workbook.setProtected("SPM_Meta", true);
    workbook.setProtected("SPM_TargetGroupObjections", true);

    const store = await freshStore(workbook);

    expect(store.readOnly).toBe(true);
    expect(store.readOnlyReason).toContain("needs an upgrade to layout");
    expect(store.readOnlyReason).toContain("protected");
    expect((await store.load()).targetGroup.length).toBeGreaterThan(0);
  });
});
