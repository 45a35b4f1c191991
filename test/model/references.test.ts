import { findReferencesTo } from "../../src/model";
import { buildFullModel, firstOf } from "./fixtures";

describe("findReferencesTo", () => {
  const model = buildFullModel();
  const [parentGroup, childGroup] = model.targetGroup;

  test("parent group referenced by child and person", () => {
    const references = findReferencesTo(model, "targetGroup", parentGroup.id);

    expect(references.map((reference) => [reference.type, reference.field])).toEqual([
      ["targetGroup", "parentId"],
      ["person", "targetGroupIds"],
    ]);
    expect(references[0].description).toBe('target group "Pharmacy chains"');
  });

  test("channel referenced by action and person", () => {
    const channel = firstOf(model, "channel");
    const references = findReferencesTo(model, "channel", channel.id);

    expect(references.map((reference) => reference.type)).toEqual(["stimulationAction", "person"]);
  });

  test("person referenced by target", () => {
    const person = firstOf(model, "person");
    const references = findReferencesTo(model, "person", person.id);

    expect(references).toHaveLength(1);
    expect(references[0]).toMatchObject({ type: "target", field: "subjectId" });
  });

  test("unreferenced record has none", () => {
    expect(findReferencesTo(model, "review", firstOf(model, "review").id)).toEqual([]);
    expect(
      findReferencesTo(model, "stimulationAction", firstOf(model, "stimulationAction").id),
    ).toEqual([]);
  });

  test("child group referenced twice", () => {
    const types = findReferencesTo(model, "targetGroup", childGroup.id).map((r) => r.type);

    expect(types).toEqual(["channel", "person"]);
  });
});
