import { createTargetGroup } from "../../src/model";
import { overwrittenNotice } from "../../src/taskpane/useSnapshot";
import type { StoreChange } from "../../src/workbook/store";

const GROUP = createTargetGroup({ name: "Clinics", kind: "segment" });

function update(origin: "local" | "remote", lostFields: string[]): StoreChange {
  return {
    kind: "updated",
    type: "targetGroup",
    id: GROUP.id,
    record: GROUP,
    fields: ["name"],
    lostEdits: lostFields.map((field) => ({
      field,
      baseValue: "Old",
      overwrittenValue: "Mine",
      storedValue: "Theirs",
    })),
    origin,
  };
}

describe("overwrittenNotice", () => {
  test("remote change with lost edits", () => {
    const notice = overwrittenNotice(update("remote", ["name", "priority"]));

    expect(notice?.message).toBe(
      'A colleague changed name, priority of the target group "Clinics" after you did, so ' +
        "their values replaced yours. Check the record and edit it again if yours should stay.",
    );
  });

  test.each([
    ["remote change, nothing lost", update("remote", [])],
    ["own change", update("local", ["name"])],
    ["deletion", { kind: "deleted", type: "targetGroup", id: GROUP.id, origin: "remote" } as const],
  ])("%s gives none", (_name, change) => {
    expect(overwrittenNotice(change as StoreChange)).toBeUndefined();
  });
});
