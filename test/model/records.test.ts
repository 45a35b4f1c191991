import {
  createTargetGroup,
  recordToRow,
  RecordValidationError,
  RECORD_TYPES,
  rowColumns,
  rowToRecordInput,
  validateRecord,
} from "../../src/model";
import { buildFullModel, FIXED_NOW, validValue } from "./fixtures";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("create functions", () => {
  test("new record gets id and timestamps", () => {
    const group = createTargetGroup({ name: "Clinics", kind: "segment" }, FIXED_NOW);

    expect(group.id).toMatch(UUID_PATTERN);
    expect(group.createdAt).toBe("2025-02-03T04:05:06.789Z");
    expect(group.updatedAt).toBe(group.createdAt);
  });

  test("ids differ between records", () => {
    const first = createTargetGroup({ name: "A", kind: "client" });
    const second = createTargetGroup({ name: "A", kind: "client" });

    expect(first.id).not.toBe(second.id);
  });

  test("invalid input throws field issues", () => {
    const create = (): unknown => createTargetGroup({ name: "", kind: "segment", priority: 7 });

    expect(create).toThrow(RecordValidationError);
    expect(create).toThrow(
      /^The target group is not valid: name is empty; enter a value\. priority/,
    );
  });
});

describe("record round trips", () => {
  const model = buildFullModel();

  test.each(RECORD_TYPES.map((type) => ({ type })))("$type survives validateRecord", ({ type }) => {
    for (const record of model[type]) {
      const result = validateRecord(type, JSON.parse(JSON.stringify(record)));

      expect(validValue(result)).toEqual(record);
    }
  });

  test.each(RECORD_TYPES.map((type) => ({ type })))("$type survives flat rows", ({ type }) => {
    for (const record of model[type]) {
      const { input, extraColumns } = rowToRecordInput(type, recordToRow(record));
      const result = validateRecord(type, input);

      expect(extraColumns).toEqual({});
      expect(validValue(result)).toEqual(record);
    }
  });
});

describe("flat rows", () => {
  const model = buildFullModel();
  const [, childGroup] = model.targetGroup;

  test("nested fields become dotted columns", () => {
    const row = recordToRow(childGroup);

    expect(row["strategy.entryApproach"]).toBe("Head-office listing first");
    expect(row["strategy.objections.1.response"]).toBe("Offer a planogram");
    expect(row.currentSharePercent).toBe(12.5);
    expect("parentId" in recordToRow(model.targetGroup[0])).toBe(false);
  });

  test("columns follow schema order", () => {
    const columns = rowColumns("targetGroup", model.targetGroup);

    expect(columns.slice(0, 5)).toEqual(["id", "createdAt", "updatedAt", "name", "kind"]);
    expect(columns).toContain("strategy.objections.1.objection");
    expect(columns).not.toContain("strategy.objections.2.objection");
    expect(columns.indexOf("strategy.objections.0.response")).toBeLessThan(
      columns.indexOf("strategy.objections.1.objection"),
    );
  });

  test("text cells stay text", () => {
    const row = { ...recordToRow(childGroup), name: "0012", description: "3/4", owner: "1e3" };
    const { input } = rowToRecordInput("targetGroup", row);

    expect(input.name).toBe("0012");
    expect(input.description).toBe("3/4");
    expect(input.owner).toBe("1e3");
  });

  test("number cells parsed from text", () => {
    const row = { ...recordToRow(childGroup), priority: " 3 ", estimatedPotential: "1.5e3" };
    const { input } = rowToRecordInput("targetGroup", row);

    expect(input.priority).toBe(3);
    expect(input.estimatedPotential).toBe(1500);
  });

  test("bad number text left for validation", () => {
    const row = { ...recordToRow(childGroup), priority: "high" };
    const { input } = rowToRecordInput("targetGroup", row);
    const result = validateRecord("targetGroup", input);

    expect(result.ok ? "" : result.issues[0].message).toBe(
      'priority is "high" but must be a number.',
    );
  });

  test.each(["12,5", "1 234", "1,234.5"])("number %j gets separator advice", (text) => {
    const result = validateRecord("targetGroup", { ...childGroup, currentSharePercent: text });

    expect(result.ok ? "" : result.issues[0].message).toBe(
      `currentSharePercent is "${text}" but must be a number. ` +
        "Write it with a decimal point and no thousands separators, such as 1234.5.",
    );
  });

  test("empty cells fall back to defaults", () => {
    const row = { ...recordToRow(childGroup), description: "", parentId: "" };
    const { input } = rowToRecordInput("targetGroup", row);
    const result = validateRecord("targetGroup", input);

    const group = validValue(result);
    expect(group.description).toBe("");
    expect(group.parentId).toBeUndefined();
  });

  test("empty list items dropped", () => {
    const row = {
      ...recordToRow(childGroup),
      "strategy.objections.0.objection": "",
      "strategy.objections.0.response": "",
    };
    const { input } = rowToRecordInput("targetGroup", row);
    const result = validateRecord("targetGroup", input);

    expect(validValue(result).strategy.objections).toEqual([
      { objection: "No shelf space", response: "Offer a planogram" },
    ]);
  });

  test("unknown columns kept apart", () => {
    const row = { ...recordToRow(childGroup), "Region (mine)": "North", "strategy.mood": "good" };
    const { input, extraColumns } = rowToRecordInput("targetGroup", row);

    expect(extraColumns).toEqual({ "Region (mine)": "North", "strategy.mood": "good" });
    expect(validateRecord("targetGroup", input).ok).toBe(true);
  });
});
