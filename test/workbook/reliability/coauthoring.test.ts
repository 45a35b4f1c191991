/**
 * Two co-authors on one workbook, each through its own Excel store, doing random creates,
 * edits and deletes while change events arrive late, out of order or one at a time. Once the
 * events settle, the workbook must hold the last write of each field, as a model records it.
 * Both stores' views, built from their change events, must match the workbook. Every edit that
 * overwrote a colleague's value must be reported to the writer (`conflicts`) or to the
 * colleague (`lostEdits`).
 */
import fc from "fast-check";
import { RecordOf, valuesEqual } from "../../../src/model";
import { ExcelStore } from "../../../src/workbook/excel/excelStore";
import { RecordNotFoundError, StoreChange } from "../../../src/workbook/store";
import { excelContext, MockExcelWorkbook } from "../../support/excelMock";
import { propertySettings } from "../../properties/support/settings";

type Group = RecordOf<"targetGroup">;

const ACTORS = ["alice", "bob"] as const;
type Actor = (typeof ACTORS)[number];

/** Fields the edits change, by the dotted path conflicts report. */
const EDITED_FIELDS = ["owner", "description", "strategy.objections"] as const;
type EditedField = (typeof EDITED_FIELDS)[number];

type Action =
  | { kind: "create"; actor: Actor }
  | { kind: "edit"; actor: Actor; target: number; field: EditedField; items: number }
  | { kind: "delete"; actor: Actor; target: number }
  | { kind: "deliver"; order: "stored" | "reversed" | "alice" | "bob" };

/** Index of the created group an edit or delete targets, modulo the number created. */
const targetArbitrary = fc.nat(3);

/** Actions weighted towards edits, so that edits of the same field by both co-authors are common. */
const actionArbitrary: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("create" as const),
      actor: fc.constantFrom(...ACTORS),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      actor: fc.constantFrom(...ACTORS),
      target: targetArbitrary,
      field: fc.constantFrom(...EDITED_FIELDS),
      items: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("delete" as const),
      actor: fc.constantFrom(...ACTORS),
      target: targetArbitrary,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("deliver" as const),
      order: fc.constantFrom(
        "stored" as const,
        "reversed" as const,
        "alice" as const,
        "bob" as const,
      ),
    }),
  },
);

/** Number of generated action sequences in the normal suite, each on a new workbook. */
const DEFAULT_RUNS = 15;

/** Values of the edited fields of one group, and who wrote each last. */
interface ModelGroup {
  values: Record<EditedField, unknown>;
  authors: Record<EditedField, Actor>;
}

/** A write that replaced a colleague's value of a field, which must be reported. */
interface ExpectedConflict {
  id: string;
  field: EditedField;
  writer: Actor;
  loser: Actor;
  reportedToWriter: boolean;
}

/** One co-author: its store, its view of the groups built from change events, and its events. */
interface Coauthor {
  store: ExcelStore;
  view: Map<string, Group>;
  changes: StoreChange[];
}

function fieldValue(group: Group, field: EditedField): unknown {
  return field === "strategy.objections" ? group.strategy.objections : group[field];
}

function editChanges(field: EditedField, value: unknown): Record<string, unknown> {
  return field === "strategy.objections" ? { strategy: { objections: value } } : { [field]: value };
}

function applyChange(view: Map<string, Group>, change: StoreChange): void {
  if (change.kind === "reloaded" || change.type !== "targetGroup") {
    return;
  }
  if (change.kind === "deleted") {
    view.delete(change.id);
  } else {
    view.set(change.id, change.record as Group);
  }
}

async function openCoauthors(): Promise<{
  workbook: MockExcelWorkbook;
  authors: Record<Actor, Coauthor>;
}> {
  const workbook = new MockExcelWorkbook({ delivery: "manual" });
  const setup = await ExcelStore.open(excelContext(workbook.openSession("setup")));
  await setup.create("channel", { name: "Retail", type: "retail" });
  await workbook.deliverAll();
  const authors = {} as Record<Actor, Coauthor>;
  for (const actor of ACTORS) {
    const store = await ExcelStore.open(excelContext(workbook.openSession(actor)));
    const coauthor: Coauthor = { store, view: new Map(), changes: [] };
    store.subscribe((change) => {
      coauthor.changes.push(change);
      applyChange(coauthor.view, change);
    });
    authors[actor] = coauthor;
  }
  return { workbook, authors };
}

async function settle(
  workbook: MockExcelWorkbook,
  authors: Record<Actor, Coauthor>,
): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await workbook.deliverAll();
    await Promise.all(ACTORS.map((actor) => authors[actor].store.settled()));
  }
}

/** Runs `actions` and checks the workbook, the views and the conflict reports against a model. */
async function runActions(actions: readonly Action[]): Promise<void> {
  const { workbook, authors } = await openCoauthors();
  const model = new Map<string, ModelGroup>();
  const createdIds: string[] = [];
  const conflicts: ExpectedConflict[] = [];
  let step = 0;

  for (const action of actions) {
    step += 1;
    // Listeners are called asynchronously, so each view catches up before the next action.
    await Promise.all(ACTORS.map((actor) => authors[actor].store.settled()));
    if (action.kind === "deliver") {
      if (action.order === "stored" || action.order === "reversed") {
        await workbook.deliverAll(action.order);
      } else {
        await workbook.deliverNext(action.order);
      }
      continue;
    }
    const author = authors[action.actor];
    if (action.kind === "create") {
      const created = await author.store.create("targetGroup", {
        name: `Group ${step}`,
        kind: "segment",
      });
      createdIds.push(created.id);
      model.set(created.id, {
        values: { owner: "", description: "", "strategy.objections": [] },
        authors: {
          owner: action.actor,
          description: action.actor,
          "strategy.objections": action.actor,
        },
      });
      continue;
    }
    const id = createdIds[action.target % Math.max(createdIds.length, 1)];
    const base = id === undefined ? undefined : author.view.get(id);
    if (id === undefined || base === undefined) {
      continue;
    }
    const stored = model.get(id);
    if (action.kind === "delete") {
      const attempt = author.store.delete("targetGroup", id);
      if (stored === undefined) {
        await expect(attempt).rejects.toBeInstanceOf(RecordNotFoundError);
      } else {
        await attempt;
        model.delete(id);
      }
      continue;
    }

    const value =
      action.field === "strategy.objections"
        ? Array.from({ length: action.items }, (_, index) => ({
            objection: `${action.actor} ${step}.${index}`,
            response: "",
          }))
        : `${action.actor} ${step}`;
    const attempt = author.store.update(
      "targetGroup",
      id,
      editChanges(action.field, value) as never,
      { base },
    );
    if (stored === undefined) {
      await expect(attempt).rejects.toBeInstanceOf(RecordNotFoundError);
      continue;
    }
    const result = await attempt;
    const prior = stored.values[action.field];
    const priorAuthor = stored.authors[action.field];
    const baseValue = fieldValue(base, action.field);
    if (
      priorAuthor !== action.actor &&
      !valuesEqual(prior, baseValue) &&
      !valuesEqual(prior, value)
    ) {
      conflicts.push({
        id,
        field: action.field,
        writer: action.actor,
        loser: priorAuthor,
        reportedToWriter: result.conflicts.some((conflict) => conflict.field === action.field),
      });
    }
    stored.values[action.field] = value;
    stored.authors[action.field] = action.actor;
  }

  await settle(workbook, authors);
  const fresh = await ExcelStore.open(excelContext(workbook.openSession(`check-${step}`)));
  const groups = await fresh.list("targetGroup");

  expect(groups.map((group) => group.id).sort()).toEqual([...model.keys()].sort());
  expect(new Set(groups.map((group) => group.id)).size).toBe(groups.length);
  for (const group of groups) {
    const expected = model.get(group.id)!;
    for (const field of EDITED_FIELDS) {
      expect({ id: group.id, field, value: fieldValue(group, field) }).toEqual({
        id: group.id,
        field,
        value: expected.values[field],
      });
    }
  }
  for (const actor of ACTORS) {
    const view = [...authors[actor].view.values()].sort((a, b) => a.id.localeCompare(b.id));
    const sorted = [...groups].sort((a, b) => a.id.localeCompare(b.id));
    expect({ actor, view }).toEqual({ actor, view: sorted });
  }
  for (const conflict of conflicts) {
    const lost = authors[conflict.loser].changes.some(
      (change) =>
        change.kind === "updated" &&
        change.id === conflict.id &&
        change.lostEdits.some((edit) => edit.field === conflict.field),
    );
    expect({ ...conflict, reported: conflict.reportedToWriter || lost }).toEqual({
      ...conflict,
      reported: true,
    });
  }
}

describe("ExcelStore co-authoring model", () => {
  test("random interleavings converge", async () => {
    const settings = propertySettings();
    const runs = settings.fuzz ? settings.runs : DEFAULT_RUNS;
    await fc.assert(
      fc.asyncProperty(
        fc.array(actionArbitrary, { minLength: 15, maxLength: 30, size: "max" }),
        runActions,
      ),
      { numRuns: runs, seed: settings.seed },
    );
  });
});
