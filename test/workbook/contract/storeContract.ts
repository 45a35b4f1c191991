import {
  AnyRecord,
  MAX_TEXT_LENGTH,
  RecordOf,
  RECORD_TYPES,
  REVIEW_AREAS,
  SalesSystemSnapshot,
} from "../../../src/model";
import {
  RecordInUseError,
  RecordNotFoundError,
  SalesSystemStore,
  StoreChange,
  StoreReadOnlyError,
  StoreValidationError,
} from "../../../src/workbook/store";
import { buildFullModel } from "../../model/fixtures";

/** Two store instances on one fresh, empty workbook, acting as two co-authors. */
export interface StoreContractHarness {
  first: SalesSystemStore;
  second: SalesSystemStore;
  /** Resolves once every pending change notification has reached every instance. */
  settle(): Promise<void>;
  /** Releases what the harness set up; optional. */
  dispose?(): Promise<void>;
}

/** Hooks an adapter provides to run the shared store contract. */
export interface StoreContractSetup {
  /** Creates two instances over one new, empty workbook. */
  createStores(): Promise<StoreContractHarness>;
  /** Creates an instance over a workbook saved by a newer data layout version. */
  createNewerLayoutStore(): Promise<SalesSystemStore>;
}

/** Text that a spreadsheet would evaluate or convert unless stored as text. */
const HOSTILE_NAMES: readonly { label: string; text: string }[] = [
  { label: "formula", text: '=HYPERLINK("x")' },
  { label: "plus sign", text: "+1" },
  { label: "at sign", text: "@A1" },
  { label: "minus sign", text: "-5" },
  { label: "leading zeros", text: "0012" },
  { label: "date-like", text: "3/4" },
  { label: "leading tab", text: "\t=1+1" },
  { label: "apostrophe prefix", text: "'=1" },
  { label: "line breaks", text: "line 1\r\nline 2\nline 3" },
  { label: "outer spaces", text: "  padded  " },
  { label: "right-to-left", text: "مرحبا بالعالم" },
  { label: "emoji", text: "👩🏽‍💼 Sales 🚀" },
  { label: "boolean-like", text: "TRUE" },
  { label: "cell limit", text: "x".repeat(MAX_TEXT_LENGTH - 1) + "é" },
];

const GROUP = { name: "Clinics", kind: "segment" } as const;

function withoutTimestamps(record: AnyRecord): Omit<AnyRecord, "createdAt" | "updatedAt"> {
  const { createdAt: _created, updatedAt: _updated, ...fields } = record;
  return fields;
}

/** Collects every change a store delivers to its listeners. */
function recordChanges(store: SalesSystemStore): StoreChange[] {
  const changes: StoreChange[] = [];
  store.subscribe((change) => changes.push(change));
  return changes;
}

/** Creates every record of a new full test model in `store`, keeping its ids; returns the model. */
async function createFullModel(store: SalesSystemStore): Promise<SalesSystemSnapshot> {
  const model = buildFullModel();
  for (const type of RECORD_TYPES) {
    for (const record of model[type]) {
      const { id, createdAt: _created, updatedAt: _updated, ...input } = record as AnyRecord;
      await store.create(type, input as never, { id });
    }
  }
  return model;
}

/**
 * Runs the contract every store adapter must meet: create, read, update and delete with
 * validation, per-field merging of co-authors' edits, and exact storage of hostile text.
 */
export function runStoreContract(name: string, setup: StoreContractSetup): void {
  describe(`${name} store contract`, () => {
    let harness: StoreContractHarness;
    let first: SalesSystemStore;
    let second: SalesSystemStore;

    beforeEach(async () => {
      harness = await setup.createStores();
      first = harness.first;
      second = harness.second;
    });

    afterEach(async () => {
      await harness.settle();
      await harness.dispose?.();
    });

    describe("create and read", () => {
      test("created record listed", async () => {
        const created = await first.create("targetGroup", GROUP);

        expect(await first.list("targetGroup")).toEqual([created]);
        expect(await second.get("targetGroup", created.id)).toEqual(created);
        expect(created.createdAt).toBe(created.updatedAt);
      });

      test("new workbook loads empty", async () => {
        const snapshot = await first.load();

        for (const type of RECORD_TYPES) {
          expect(snapshot[type]).toEqual([]);
        }
      });

      test("unknown id reads undefined", async () => {
        expect(await first.get("channel", "00000000-0000-4000-8000-000000000000")).toBeUndefined();
      });

      test.each(RECORD_TYPES.map((type) => ({ type })))("$type round trip", async ({ type }) => {
        const model = await createFullModel(first);
        const expected = model[type].map(withoutTimestamps);

        const stored = (await second.list(type)).map(withoutTimestamps);

        expect(stored).toEqual(expected);
      });

      test("load returns every type", async () => {
        const model = await createFullModel(first);
        const snapshot = await second.load();

        for (const type of RECORD_TYPES) {
          expect(snapshot[type].map((record) => record.id)).toEqual(
            model[type].map((record) => record.id),
          );
        }
      });

      test("returned records are copies", async () => {
        const created = await first.create("targetGroup", GROUP);
        created.name = "Changed locally";
        const listed = await first.list("targetGroup");
        listed[0].name = "Changed again";

        expect((await first.get("targetGroup", created.id))?.name).toBe("Clinics");
      });

      test("kept id on create", async () => {
        const id = "0f8fad5b-d9cb-469f-a165-70867728950e";
        const created = await first.create("targetGroup", GROUP, { id });

        expect(created.id).toBe(id);
      });

      test("duplicate id rejected", async () => {
        const created = await first.create("targetGroup", GROUP);
        const duplicate = second.create(
          "targetGroup",
          { ...GROUP, name: "Other" },
          { id: created.id },
        );

        await expect(duplicate).rejects.toThrow(StoreValidationError);
        await expect(duplicate).rejects.toThrow('is already used by the target group "Clinics"');
        expect(await first.list("targetGroup")).toHaveLength(1);
      });
    });

    describe("validation", () => {
      test("invalid create stores nothing", async () => {
        const attempt = first.create("targetGroup", { name: "", kind: "segment", priority: 9 });

        await expect(attempt).rejects.toBeInstanceOf(StoreValidationError);
        const error = (await attempt.catch((caught: unknown) => caught)) as StoreValidationError;
        expect(error.issues.map((issue) => issue.field)).toEqual(["name", "priority"]);
        expect(error.message).toMatch(/^The target group was not saved\. name is empty/);
        expect(await first.list("targetGroup")).toEqual([]);
      });

      test("unknown reference rejected", async () => {
        const attempt = first.create("stimulationAction", {
          name: "Promo",
          channelId: "00000000-0000-4000-8000-000000000000",
          kind: "promotion",
        });

        await expect(attempt).rejects.toThrow("channelId refers to channel");
        expect(await first.list("stimulationAction")).toEqual([]);
      });

      test("invalid update stores nothing", async () => {
        const created = await first.create("targetGroup", GROUP);
        const attempt = first.update("targetGroup", created.id, {
          currentSharePercent: 140,
          description: "half-valid edit",
        });

        await expect(attempt).rejects.toThrow("currentSharePercent is 140%");
        expect(await second.get("targetGroup", created.id)).toEqual(created);
      });

      test("parent cycle rejected", async () => {
        const parent = await first.create("targetGroup", GROUP);
        const child = await first.create("targetGroup", {
          ...GROUP,
          name: "Child",
          parentId: parent.id,
        });
        const attempt = first.update("targetGroup", parent.id, { parentId: child.id });

        await expect(attempt).rejects.toThrow("parentId would make a cycle");
        expect((await first.get("targetGroup", parent.id))?.parentId).toBeUndefined();
      });

      test("text over cell limit rejected", async () => {
        const attempt = first.create("targetGroup", {
          ...GROUP,
          name: "x".repeat(MAX_TEXT_LENGTH + 1),
        });

        await expect(attempt).rejects.toThrow("name has 32,768 characters");
        expect(await first.list("targetGroup")).toEqual([]);
      });
    });

    describe("update", () => {
      test("changes fields and timestamp", async () => {
        const created = await first.create("targetGroup", GROUP);
        const { record, conflicts } = await first.update("targetGroup", created.id, {
          priority: 2,
          strategy: { entryApproach: "Trade fair" },
        });

        expect(record.priority).toBe(2);
        expect(record.strategy.entryApproach).toBe("Trade fair");
        expect(record.strategy.objections).toEqual([]);
        expect(record.id).toBe(created.id);
        expect(record.createdAt).toBe(created.createdAt);
        expect(record.updatedAt > created.updatedAt).toBe(true);
        expect(conflicts).toEqual([]);
        expect(await second.get("targetGroup", created.id)).toEqual(record);
      });

      test("undefined clears optional field", async () => {
        const created = await first.create("targetGroup", { ...GROUP, priority: 3 });
        const { record } = await first.update("targetGroup", created.id, { priority: undefined });

        expect(record.priority).toBeUndefined();
      });

      test("unchanged edit keeps timestamp", async () => {
        const created = await first.create("targetGroup", GROUP);
        const { record } = await first.update("targetGroup", created.id, { name: "Clinics" });

        expect(record).toEqual(created);
      });

      test("missing record rejected", async () => {
        const attempt = first.update("channel", "00000000-0000-4000-8000-000000000000", {
          name: "x",
        });

        await expect(attempt).rejects.toBeInstanceOf(RecordNotFoundError);
      });

      test("final review read-only", async () => {
        const areas = Object.fromEntries(REVIEW_AREAS.map((area) => [area, { score: 4 }]));
        const review = await first.create("review", { year: 2024, status: "final", areas });
        const attempt = second.update("review", review.id, { participants: ["Late addition"] });

        await expect(attempt).rejects.toThrow("status is final, so the 2024 review is read-only");
        expect(await first.get("review", review.id)).toEqual(review);
      });

      test("draft review can be finalised", async () => {
        const review = await first.create("review", { year: 2024 });
        const areas = Object.fromEntries(REVIEW_AREAS.map((area) => [area, { score: 3 }]));
        const { record } = await first.update("review", review.id, { status: "final", areas });

        expect(record.status).toBe("final");
      });
    });

    describe("delete", () => {
      test("removes only that record", async () => {
        const kept = await first.create("targetGroup", GROUP);
        const removed = await first.create("targetGroup", { ...GROUP, name: "Removed" });
        await second.delete("targetGroup", removed.id);

        expect(await first.list("targetGroup")).toEqual([kept]);
      });

      test("missing record rejected", async () => {
        const attempt = first.delete("targetGroup", "00000000-0000-4000-8000-000000000000");

        await expect(attempt).rejects.toBeInstanceOf(RecordNotFoundError);
      });

      test("referenced record kept", async () => {
        const model = await createFullModel(first);
        const channel = model.channel[0];
        const attempt = first.delete("channel", channel.id);

        await expect(attempt).rejects.toBeInstanceOf(RecordInUseError);
        await expect(attempt).rejects.toThrow(
          'The channel "Wholesaler North" was not deleted because stimulation action',
        );
        expect(await first.get("channel", channel.id)).toBeDefined();
      });

      test("update after delete rejected", async () => {
        const created = await first.create("targetGroup", GROUP);
        await first.delete("targetGroup", created.id);
        const attempt = second.update(
          "targetGroup",
          created.id,
          { name: "Too late" },
          { base: created },
        );

        await expect(attempt).rejects.toThrow("another user may have deleted it");
      });
    });

    describe("co-authoring", () => {
      test("same field: later edit wins", async () => {
        const base = await first.create("targetGroup", GROUP);
        await harness.settle();
        const firstChanges = recordChanges(first);
        const secondChanges = recordChanges(second);

        await first.update("targetGroup", base.id, { name: "First's name" }, { base });
        const later = await second.update(
          "targetGroup",
          base.id,
          { name: "Second's name" },
          { base },
        );
        await harness.settle();

        expect((await first.get("targetGroup", base.id))?.name).toBe("Second's name");
        expect((await second.get("targetGroup", base.id))?.name).toBe("Second's name");
        expect(later.conflicts).toEqual([
          {
            field: "name",
            baseValue: "Clinics",
            overwrittenValue: "First's name",
            storedValue: "Second's name",
          },
        ]);
        const lostByFirst = firstChanges.flatMap((change) =>
          change.kind === "updated" ? change.lostEdits : [],
        );
        const lostBySecond = secondChanges.flatMap((change) =>
          change.kind === "updated" ? change.lostEdits : [],
        );
        expect(lostByFirst).toEqual(later.conflicts);
        expect(lostBySecond).toEqual([]);
      });

      test("different fields both kept", async () => {
        const base = await first.create("targetGroup", GROUP);

        await first.update("targetGroup", base.id, { description: "From first" }, { base });
        const later = await second.update("targetGroup", base.id, { priority: 1 }, { base });

        const stored = await first.get("targetGroup", base.id);
        expect(stored?.description).toBe("From first");
        expect(stored?.priority).toBe(1);
        expect(later.conflicts).toEqual([]);
      });

      test("nested fields both kept", async () => {
        const base = await first.create("targetGroup", GROUP);

        await first.update(
          "targetGroup",
          base.id,
          { strategy: { ...base.strategy, entryApproach: "Samples" } },
          { base },
        );
        await second.update(
          "targetGroup",
          base.id,
          { strategy: { retentionTactics: "Loyalty" } },
          { base },
        );

        const stored = await second.get("targetGroup", base.id);
        expect(stored?.strategy.entryApproach).toBe("Samples");
        expect(stored?.strategy.retentionTactics).toBe("Loyalty");
      });

      test("same value is no conflict", async () => {
        const base = await first.create("targetGroup", GROUP);

        await first.update("targetGroup", base.id, { priority: 2 }, { base });
        const later = await second.update("targetGroup", base.id, { priority: 2 }, { base });

        expect(later.conflicts).toEqual([]);
      });

      test("different records both kept", async () => {
        const one = await first.create("targetGroup", GROUP);
        const two = await second.create("targetGroup", { ...GROUP, name: "Shops" });

        await first.update("targetGroup", two.id, { priority: 4 }, { base: two });
        await second.update("targetGroup", one.id, { priority: 5 }, { base: one });

        const stored = await first.list("targetGroup");
        expect(stored.map((group) => [group.name, group.priority])).toEqual([
          ["Clinics", 5],
          ["Shops", 4],
        ]);
      });

      test("changes reach the other instance", async () => {
        const firstChanges = recordChanges(first);
        const secondChanges = recordChanges(second);
        const created = await first.create("targetGroup", GROUP);
        await harness.settle();
        await first.update("targetGroup", created.id, { priority: 2 });
        await harness.settle();
        await first.delete("targetGroup", created.id);
        await harness.settle();

        expect(secondChanges.map((change) => [change.kind, change.origin])).toEqual([
          ["created", "remote"],
          ["updated", "remote"],
          ["deleted", "remote"],
        ]);
        expect(firstChanges.map((change) => change.origin)).toEqual(["local", "local", "local"]);
        const updated = secondChanges[1];
        expect(updated.kind === "updated" ? updated.fields : []).toEqual(["priority"]);
      });

      // Excel delivers a co-author's change events late, so several changes may reach an
      // instance together. The instance then reports where each record ended up, and its last
      // change for a record carries that record's stored state.
      test("late changes converge on stored state", async () => {
        const secondChanges = recordChanges(second);
        const created = await first.create("targetGroup", GROUP);
        await first.update("targetGroup", created.id, { priority: 2 });
        await first.update("targetGroup", created.id, { owner: "Dana" });
        await harness.settle();

        const stored = (await second.get("targetGroup", created.id)) as RecordOf<"targetGroup">;
        expect(stored.priority).toBe(2);
        expect(stored.owner).toBe("Dana");
        const last = secondChanges[secondChanges.length - 1];
        expect(last).toBeDefined();
        expect(last && "record" in last ? last.record : undefined).toEqual(stored);
        expect(secondChanges.every((change) => change.origin === "remote")).toBe(true);
      });

      test("unsubscribe stops notifications", async () => {
        const changes: StoreChange[] = [];
        const unsubscribe = second.subscribe((change) => changes.push(change));
        unsubscribe();
        await first.create("targetGroup", GROUP);
        await harness.settle();

        expect(changes).toEqual([]);
      });
    });

    describe("text fidelity", () => {
      test.each(HOSTILE_NAMES)("$label stored exactly", async ({ text }) => {
        const created = await first.create("targetGroup", {
          ...GROUP,
          name: text,
          description: text,
        });
        const stored = (await second.get("targetGroup", created.id)) as RecordOf<"targetGroup">;

        expect(stored.name).toBe(text);
        expect(stored.description).toBe(text);
        expect(stored.name.length).toBe(text.length);
      });

      test("hostile text in nested lists", async () => {
        const objections = HOSTILE_NAMES.map(({ text }) => ({ objection: text, response: text }));
        const created = await first.create("targetGroup", { ...GROUP, strategy: { objections } });

        const stored = await second.get("targetGroup", created.id);
        expect(stored?.strategy.objections).toEqual(objections);
      });
    });

    describe("newer data layout", () => {
      let readOnly: SalesSystemStore;

      beforeEach(async () => {
        readOnly = await setup.createNewerLayoutStore();
      });

      test("opens read-only with reason", () => {
        expect(readOnly.readOnly).toBe(true);
        expect(readOnly.readOnlyReason).toContain("newer version of the add-in");
      });

      test("still loads", async () => {
        await expect(readOnly.load()).resolves.toBeDefined();
      });

      test.each<{ action: string; run: (store: SalesSystemStore) => Promise<unknown> }>([
        { action: "create", run: (store) => store.create("targetGroup", GROUP) },
        {
          action: "update",
          run: (store) => store.update("targetGroup", "00000000-0000-4000-8000-000000000000", {}),
        },
        {
          action: "delete",
          run: (store) => store.delete("targetGroup", "00000000-0000-4000-8000-000000000000"),
        },
      ])("$action rejected", async ({ run }) => {
        await expect(run(readOnly)).rejects.toBeInstanceOf(StoreReadOnlyError);
        await expect(run(readOnly)).rejects.toThrow("Nothing was saved.");
      });
    });
  });
}
