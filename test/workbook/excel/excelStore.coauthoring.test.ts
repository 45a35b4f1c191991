import { StoreChange } from "../../../src/workbook/store";
import { ExcelStore } from "../../../src/workbook/excel/excelStore";
import { MockExcelWorkbook } from "../../support/excelMock";
import { defined, openWorkbook } from "./excelFixtures";

const GROUP = { name: "Clinics", kind: "segment" } as const;

/** Two stores on one workbook whose events wait for the test; both see an existing layout. */
async function coauthors(): Promise<{
  workbook: MockExcelWorkbook;
  alice: ExcelStore;
  bob: ExcelStore;
  aliceChanges: StoreChange[];
  bobChanges: StoreChange[];
}> {
  const { workbook, stores } = await openWorkbook(["setup"]);
  await defined(stores.get("setup")).create("channel", { name: "Retail", type: "retail" });
  await workbook.deliverAll();
  const opened = await openWorkbook(["alice", "bob"], "manual", {}, workbook);
  const alice = defined(opened.stores.get("alice"));
  const bob = defined(opened.stores.get("bob"));
  const aliceChanges: StoreChange[] = [];
  const bobChanges: StoreChange[] = [];
  alice.subscribe((change) => aliceChanges.push(change));
  bob.subscribe((change) => bobChanges.push(change));
  return { workbook, alice, bob, aliceChanges, bobChanges };
}

async function settle(workbook: MockExcelWorkbook, ...stores: ExcelStore[]): Promise<void> {
  await Promise.all(stores.map((store) => store.settled()));
  await workbook.settled();
}

describe("ExcelStore change events", () => {
  test("handlers registered per table", async () => {
    const { workbook } = await coauthors();

    const bobTables = workbook.registrations
      .filter((entry) => entry.session.name === "bob" && entry.event === "TableChanged")
      .map((entry) => defined(workbook.findTable(defined(entry.tableId))).name);
    const bobWorkbookEvents = workbook.registrations
      .filter((entry) => entry.session.name === "bob" && entry.tableId === undefined)
      .map((entry) => entry.event);
    expect(bobTables.sort()).toEqual(
      workbook.tables
        .map((table) => table.name)
        .filter((name) => name !== "SPM_Meta")
        .sort(),
    );
    expect(bobWorkbookEvents.sort()).toEqual(["TableAdded", "TableDeleted"]);
  });

  test("remote edit reaches colleague", async () => {
    const { workbook, alice, bob, bobChanges } = await coauthors();
    const created = await alice.create("targetGroup", GROUP);
    await workbook.deliverAll();
    await settle(workbook, alice, bob);

    await alice.update("targetGroup", created.id, { priority: 2 });
    expect(workbook.pendingEvents().map((event) => [event.session, event.source])).toContainEqual([
      "bob",
      "Remote",
    ]);
    await workbook.deliverAll();
    await settle(workbook, alice, bob);

    expect(bobChanges.map((change) => [change.kind, change.origin])).toEqual([
      ["created", "remote"],
      ["updated", "remote"],
    ]);
    const updated = bobChanges[1];
    expect(updated.kind === "updated" ? updated.fields : []).toEqual(["priority"]);
    expect((await bob.get("targetGroup", created.id))?.priority).toBe(2);
  });

  test("own events add no changes", async () => {
    const { workbook, alice, aliceChanges } = await coauthors();
    const created = await alice.create("targetGroup", GROUP);
    await alice.update("targetGroup", created.id, { priority: 2 });
    await workbook.deliverAll();
    await settle(workbook, alice);

    expect(aliceChanges.map((change) => [change.kind, change.origin])).toEqual([
      ["created", "local"],
      ["updated", "local"],
    ]);
  });

  test("reversed events converge", async () => {
    const { workbook, alice, bob } = await coauthors();
    const one = await alice.create("targetGroup", GROUP);
    const two = await alice.create("targetGroup", { ...GROUP, name: "Shops" });
    await alice.update("targetGroup", one.id, { owner: "Alice" });
    await alice.delete("targetGroup", two.id);

    await workbook.deliverAll("reversed");
    await settle(workbook, alice, bob);

    const aliceGroups = await alice.list("targetGroup");
    expect(await bob.list("targetGroup")).toEqual(aliceGroups);
    expect(aliceGroups.map((group) => group.owner)).toEqual(["Alice"]);
  });

  test("late events coalesce changes", async () => {
    const { workbook, alice, bob, bobChanges } = await coauthors();
    const kept = await alice.create("targetGroup", GROUP);
    await alice.update("targetGroup", kept.id, { priority: 3 });
    const gone = await alice.create("targetGroup", { ...GROUP, name: "Short-lived" });
    await alice.delete("targetGroup", gone.id);

    await workbook.deliverAll();
    await settle(workbook, alice, bob);

    expect(bobChanges.map((change) => change.kind)).toEqual(["created"]);
    const created = bobChanges[0];
    expect(created.kind === "created" ? created.record : undefined).toEqual(
      await alice.get("targetGroup", kept.id),
    );
  });

  test("loser told with late events", async () => {
    const { workbook, alice, bob, aliceChanges } = await coauthors();
    const base = await alice.create("targetGroup", GROUP);
    await workbook.deliverAll();
    await settle(workbook, alice, bob);

    await alice.update("targetGroup", base.id, { owner: "Alice" }, { base });
    const later = await bob.update("targetGroup", base.id, { owner: "Bob", priority: 1 }, { base });
    await workbook.deliverAll("reversed");
    await settle(workbook, alice, bob);

    expect(later.conflicts.map((conflict) => conflict.field)).toEqual(["owner"]);
    const lost = aliceChanges.flatMap((change) =>
      change.kind === "updated" ? change.lostEdits : [],
    );
    expect(lost).toEqual(later.conflicts);
    expect((await alice.get("targetGroup", base.id))?.owner).toBe("Bob");
  });

  test("different fields both kept", async () => {
    const { workbook, alice, bob } = await coauthors();
    const base = await alice.create("targetGroup", GROUP);
    await workbook.deliverAll();

    await alice.update("targetGroup", base.id, { owner: "Alice" }, { base });
    await bob.update("targetGroup", base.id, { description: "From Bob" }, { base });

    const stored = defined(await alice.get("targetGroup", base.id));
    expect(stored.owner).toBe("Alice");
    expect(stored.description).toBe("From Bob");
  });

  test("colleague's new tables watched", async () => {
    const { workbook, stores } = await openWorkbook(["alice", "bob"]);
    const alice = defined(stores.get("alice"));
    const bob = defined(stores.get("bob"));
    const bobChanges: StoreChange[] = [];
    bob.subscribe((change) => bobChanges.push(change));

    const created = await alice.create("targetGroup", GROUP);
    await workbook.deliverAll();
    await settle(workbook, alice, bob);
    await alice.update("targetGroup", created.id, { priority: 4 });
    await workbook.deliverAll();
    await settle(workbook, alice, bob);

    expect(bobChanges.map((change) => [change.kind, change.origin])).toEqual([
      ["created", "remote"],
      ["updated", "remote"],
    ]);
  });
});
