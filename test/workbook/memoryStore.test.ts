import { SCHEMA_VERSION } from "../../src/model";
import { MemoryStore, MemoryWorkbook } from "../../src/workbook/memoryStore";
import { StoreChange } from "../../src/workbook/store";
import { runStoreContract } from "./contract/storeContract";

runStoreContract("MemoryStore", {
  createStores: async () => {
    const workbook = new MemoryWorkbook();
    return {
      first: new MemoryStore(workbook, { name: "first" }),
      second: new MemoryStore(workbook, { name: "second" }),
      settle: () => workbook.settled(),
    };
  },
  createNewerLayoutStore: async () =>
    new MemoryStore(new MemoryWorkbook({ schemaVersion: SCHEMA_VERSION + 1 })),
});

const GROUP = { name: "Clinics", kind: "segment" } as const;

function setUpManualWorkbook(): { workbook: MemoryWorkbook; alice: MemoryStore; bob: MemoryStore } {
  const workbook = new MemoryWorkbook({ delivery: "manual" });
  return {
    workbook,
    alice: new MemoryStore(workbook, { name: "alice" }),
    bob: new MemoryStore(workbook, { name: "bob" }),
  };
}

describe("MemoryWorkbook notifications", () => {
  test("automatic delivery is asynchronous", async () => {
    const workbook = new MemoryWorkbook();
    const store = new MemoryStore(workbook);
    const changes: StoreChange[] = [];
    store.subscribe((change) => changes.push(change));

    await store.create("targetGroup", GROUP);
    expect(changes).toHaveLength(0);

    await workbook.settled();
    expect(changes).toHaveLength(1);
  });

  test("manual delivery waits for test", async () => {
    const { workbook, alice, bob } = setUpManualWorkbook();
    const bobChanges: StoreChange[] = [];
    bob.subscribe((change) => bobChanges.push(change));

    await alice.create("targetGroup", GROUP);
    await new Promise((resolve) => setTimeout(resolve, 5));

    expect(bobChanges).toEqual([]);
    expect(workbook.pendingNotifications().map((pending) => pending.storeName)).toEqual([
      "alice",
      "bob",
    ]);
  });

  test("deliverNext addresses one store", async () => {
    const { workbook, alice, bob } = setUpManualWorkbook();
    const aliceChanges: StoreChange[] = [];
    const bobChanges: StoreChange[] = [];
    alice.subscribe((change) => aliceChanges.push(change));
    bob.subscribe((change) => bobChanges.push(change));
    await alice.create("targetGroup", GROUP);

    expect(workbook.deliverNext("bob")).toBe(true);
    expect(bobChanges).toHaveLength(1);
    expect(aliceChanges).toHaveLength(0);
    expect(workbook.deliverNext("bob")).toBe(false);
  });

  test("remote changes arrive in stored order", async () => {
    const { workbook, alice, bob } = setUpManualWorkbook();
    const bobChanges: StoreChange[] = [];
    bob.subscribe((change) => bobChanges.push(change));
    const one = await alice.create("targetGroup", GROUP);
    const two = await alice.create("targetGroup", { ...GROUP, name: "Shops" });
    workbook.deliverAll();

    expect(bobChanges.map((change) => (change.kind === "created" ? change.id : ""))).toEqual([
      one.id,
      two.id,
    ]);
  });

  test("loser notified after delayed delivery", async () => {
    const { workbook, alice, bob } = setUpManualWorkbook();
    const base = await alice.create("targetGroup", GROUP);
    workbook.deliverAll();
    const aliceChanges: StoreChange[] = [];
    alice.subscribe((change) => aliceChanges.push(change));

    await alice.update("targetGroup", base.id, { owner: "Alice" }, { base });
    await bob.update("targetGroup", base.id, { owner: "Bob", priority: 1 }, { base });
    workbook.deliverNext("alice");
    expect(aliceChanges).toHaveLength(1);

    workbook.deliverNext("alice");
    const lost = aliceChanges[1];
    expect(lost.kind === "updated" ? lost.lostEdits.map((edit) => edit.field) : []).toEqual([
      "owner",
    ]);
    expect(lost.kind === "updated" ? [...lost.fields].sort() : []).toEqual(["owner", "priority"]);
  });

  test("own overwrite is no lost edit", async () => {
    const { workbook, alice } = setUpManualWorkbook();
    const base = await alice.create("targetGroup", GROUP);
    const aliceChanges: StoreChange[] = [];
    alice.subscribe((change) => aliceChanges.push(change));

    const { record } = await alice.update("targetGroup", base.id, { owner: "Alice" }, { base });
    await alice.update("targetGroup", base.id, { owner: "Alice again" }, { base: record });
    workbook.deliverAll();

    const lost = aliceChanges.flatMap((change) =>
      change.kind === "updated" ? change.lostEdits : [],
    );
    expect(lost).toEqual([]);
  });

  test("settled waits for manual delivery", async () => {
    const { workbook, alice } = setUpManualWorkbook();
    await alice.create("targetGroup", GROUP);
    let settled = false;
    const waiting = workbook.settled().then(() => {
      settled = true;
    });

    await Promise.resolve();
    expect(settled).toBe(false);
    workbook.deliverAll();
    await waiting;
    expect(settled).toBe(true);
  });

  test("duplicate store name rejected", () => {
    const workbook = new MemoryWorkbook();
    new MemoryStore(workbook, { name: "alice" });

    expect(() => new MemoryStore(workbook, { name: "alice" })).toThrow(
      'A store named "alice" is already attached to this workbook.',
    );
  });
});

describe("MemoryWorkbook timestamps", () => {
  test("updatedAt strictly increases", async () => {
    const frozen = new Date("2025-01-01T00:00:00.000Z");
    const store = new MemoryStore(new MemoryWorkbook({ clock: () => frozen }));
    const created = await store.create("targetGroup", GROUP);
    const first = await store.update("targetGroup", created.id, { priority: 1 });
    const second = await store.update("targetGroup", created.id, { priority: 2 });

    expect(created.updatedAt).toBe("2025-01-01T00:00:00.000Z");
    expect(first.record.updatedAt).toBe("2025-01-01T00:00:00.001Z");
    expect(second.record.updatedAt).toBe("2025-01-01T00:00:00.002Z");
  });
});
