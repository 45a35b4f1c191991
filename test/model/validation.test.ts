import {
  lookupFromSnapshot,
  MAX_TEXT_LENGTH,
  RecordType,
  validateInput,
  validateRecord,
} from "../../src/model";
import { buildFullModel, firstOf, validValue } from "./fixtures";

/**
 * Every rule is checked with a minimal valid input changed in one field. The expected field
 * and message fragment come from the rule itself: the ranges (percent 0..100, priority and
 * score 1..5, money 0 or more), ISO 8601 dates, and Excel's 32,767-character cell limit
 * (Microsoft KB 211878).
 */

const GROUP = { name: "Clinics", kind: "segment" };
const CHANNEL = { name: "Web shop", type: "eCommerce" };
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

function actionInput(): Record<string, unknown> {
  return { name: "Promo", channelId: firstOf(buildFullModel(), "channel").id, kind: "promotion" };
}

function targetInput(): Record<string, unknown> {
  const person = firstOf(buildFullModel(), "person");
  return {
    subjectType: "person",
    subjectId: person.id,
    period: "2025",
    metric: "revenue",
    value: 1,
  };
}

interface RuleCase {
  rule: string;
  type: RecordType;
  input: Record<string, unknown>;
  field: string;
  fragment: string;
}

const INVALID_CASES: RuleCase[] = [
  {
    rule: "name missing",
    type: "targetGroup",
    input: { kind: "segment" },
    field: "name",
    fragment: "is required",
  },
  {
    rule: "name blank",
    type: "targetGroup",
    input: { ...GROUP, name: "   " },
    field: "name",
    fragment: "is empty; enter a value",
  },
  {
    rule: "name not text",
    type: "targetGroup",
    input: { ...GROUP, name: 12 },
    field: "name",
    fragment: "must be text",
  },
  {
    rule: "kind unknown",
    type: "targetGroup",
    input: { ...GROUP, kind: "vip" },
    field: "kind",
    fragment: 'is "vip" but must be one of: client, targetGroup',
  },
  {
    rule: "priority below 1",
    type: "targetGroup",
    input: { ...GROUP, priority: 0 },
    field: "priority",
    fragment: "between 1 and 5",
  },
  {
    rule: "priority above 5",
    type: "targetGroup",
    input: { ...GROUP, priority: 6 },
    field: "priority",
    fragment: "between 1 and 5",
  },
  {
    rule: "priority fraction",
    type: "targetGroup",
    input: { ...GROUP, priority: 2.5 },
    field: "priority",
    fragment: "whole number from 1 to 5",
  },
  {
    rule: "share above 100",
    type: "targetGroup",
    input: { ...GROUP, currentSharePercent: 100.5 },
    field: "currentSharePercent",
    fragment: "between 0% and 100%",
  },
  {
    rule: "share negative",
    type: "targetGroup",
    input: { ...GROUP, currentSharePercent: -1 },
    field: "currentSharePercent",
    fragment: "between 0% and 100%",
  },
  {
    rule: "potential negative",
    type: "targetGroup",
    input: { ...GROUP, estimatedPotential: -0.01 },
    field: "estimatedPotential",
    fragment: "must be 0 or more",
  },
  {
    rule: "potential text",
    type: "targetGroup",
    input: { ...GROUP, estimatedPotential: "lots" },
    field: "estimatedPotential",
    fragment: 'is "lots" but must be a number',
  },
  {
    rule: "potential NaN",
    type: "targetGroup",
    input: { ...GROUP, estimatedPotential: NaN },
    field: "estimatedPotential",
    fragment: "must be a number",
  },
  {
    rule: "potential infinite",
    type: "targetGroup",
    input: { ...GROUP, estimatedPotential: Infinity },
    field: "estimatedPotential",
    fragment: "must be a finite number",
  },
  {
    rule: "parent not a UUID",
    type: "targetGroup",
    input: { ...GROUP, parentId: "42" },
    field: "parentId",
    fragment: "must be a record id (a UUID)",
  },
  {
    rule: "unknown field",
    type: "targetGroup",
    input: { ...GROUP, nmae: "x" },
    field: "nmae",
    fragment: "is not a known field; remove it or check its spelling",
  },
  {
    rule: "unknown strategy field",
    type: "targetGroup",
    input: { ...GROUP, strategy: { tactics: "x" } },
    field: "strategy.tactics",
    fragment: "is not a known field",
  },
  {
    rule: "time frame reversed",
    type: "targetGroup",
    input: { ...GROUP, strategy: { timeFrameStart: "2025-06-01", timeFrameEnd: "2025-05-31" } },
    field: "strategy.timeFrameEnd",
    fragment:
      "is 2025-05-31, before strategy.timeFrameStart 2025-06-01; choose an end on or after the start",
  },
  {
    rule: "impossible date",
    type: "targetGroup",
    input: { ...GROUP, strategy: { timeFrameStart: "2025-02-30" } },
    field: "strategy.timeFrameStart",
    fragment: "must be a date written as YYYY-MM-DD",
  },
  {
    rule: "date in local format",
    type: "targetGroup",
    input: { ...GROUP, strategy: { timeFrameEnd: "3/4/2025" } },
    field: "strategy.timeFrameEnd",
    fragment: "YYYY-MM-DD",
  },
  {
    rule: "objection missing text",
    type: "targetGroup",
    input: { ...GROUP, strategy: { objections: [{ response: "x" }] } },
    field: "strategy.objections.0.objection",
    fragment: "is required",
  },
  {
    rule: "text over cell limit",
    type: "targetGroup",
    input: { ...GROUP, description: "x".repeat(MAX_TEXT_LENGTH + 1) },
    field: "description",
    fragment: "has 32,768 characters but an Excel cell holds at most 32,767; shorten it",
  },
  {
    rule: "name over cell limit",
    type: "targetGroup",
    input: { ...GROUP, name: "é".repeat(MAX_TEXT_LENGTH + 1) },
    field: "name",
    fragment: "has 32,768 characters",
  },
  {
    rule: "channel type unknown",
    type: "channel",
    input: { ...CHANNEL, type: "shop" },
    field: "type",
    fragment: "must be one of: directSales",
  },
  {
    rule: "history start month 13",
    type: "channel",
    input: { ...CHANNEL, salesHistoryStart: "2021-13" },
    field: "salesHistoryStart",
    fragment: "must be a month written as YYYY-MM",
  },
  {
    rule: "history start a date",
    type: "channel",
    input: { ...CHANNEL, salesHistoryStart: "2021-01-01" },
    field: "salesHistoryStart",
    fragment: "such as 2021-01",
  },
  {
    rule: "discount above 100",
    type: "channel",
    input: { ...CHANNEL, conditions: { discountPercent: 120 } },
    field: "conditions.discountPercent",
    fragment: "is 120% but must be between 0% and 100%",
  },
  {
    rule: "margin negative",
    type: "channel",
    input: { ...CHANNEL, conditions: { marginPercent: -5 } },
    field: "conditions.marginPercent",
    fragment: "between 0% and 100%",
  },
  {
    rule: "payment days negative",
    type: "channel",
    input: { ...CHANNEL, conditions: { paymentTermsDays: -1 } },
    field: "conditions.paymentTermsDays",
    fragment: "is -1 days but must be 0 days or more",
  },
  {
    rule: "payment days fraction",
    type: "channel",
    input: { ...CHANNEL, conditions: { paymentTermsDays: 1.5 } },
    field: "conditions.paymentTermsDays",
    fragment: "whole number of 0 or more",
  },
  {
    rule: "minimum order negative",
    type: "channel",
    input: { ...CHANNEL, conditions: { minimumOrder: -1 } },
    field: "conditions.minimumOrder",
    fragment: "0 or more",
  },
  {
    rule: "channel cost negative",
    type: "channel",
    input: { ...CHANNEL, effectiveness: { channelCost: -1 } },
    field: "effectiveness.channelCost",
    fragment: "0 or more",
  },
  {
    rule: "outlets fraction",
    type: "channel",
    input: { ...CHANNEL, effectiveness: { outletsCovered: 2.5 } },
    field: "effectiveness.outletsCovered",
    fragment: "whole number",
  },
  {
    rule: "forecast method unknown",
    type: "channel",
    input: { ...CHANNEL, forecastMethod: "arima" },
    field: "forecastMethod",
    fragment: "must be one of: linear",
  },
  {
    rule: "target group repeated",
    type: "channel",
    input: { ...CHANNEL, targetGroupIds: [UNKNOWN_ID, UNKNOWN_ID] },
    field: "targetGroupIds.1",
    fragment: "repeats the id",
  },
  {
    rule: "action dates reversed",
    type: "stimulationAction",
    input: { ...actionInput(), startDate: "2025-05-02", endDate: "2025-05-01" },
    field: "endDate",
    fragment: "before startDate 2025-05-02",
  },
  {
    rule: "action budget negative",
    type: "stimulationAction",
    input: { ...actionInput(), budget: -100 },
    field: "budget",
    fragment: "0 or more",
  },
  {
    rule: "action cost negative",
    type: "stimulationAction",
    input: { ...actionInput(), actualCost: -1 },
    field: "actualCost",
    fragment: "0 or more",
  },
  {
    rule: "uplift below -100",
    type: "stimulationAction",
    input: { ...actionInput(), measuredUpliftPercent: -101 },
    field: "measuredUpliftPercent",
    fragment: "must be -100% or more",
  },
  {
    rule: "action status unknown",
    type: "stimulationAction",
    input: { ...actionInput(), status: "paused" },
    field: "status",
    fragment: "planned, running, done, cancelled",
  },
  {
    rule: "action channel missing",
    type: "stimulationAction",
    input: { name: "Promo", kind: "promotion" },
    field: "channelId",
    fragment: "is required",
  },
  {
    rule: "role name missing",
    type: "role",
    input: { tasks: "x" },
    field: "name",
    fragment: "is required",
  },
  {
    rule: "unit parent invalid",
    type: "organisationUnit",
    input: { name: "North", parentId: "north" },
    field: "parentId",
    fragment: "UUID",
  },
  {
    rule: "person stage unknown",
    type: "person",
    input: { name: "Eva", stage: "retired" },
    field: "stage",
    fragment: "hiring, selection, adaptation, active, leaving",
  },
  {
    rule: "hire date invalid",
    type: "person",
    input: { name: "Eva", hireDate: "2025-13-01" },
    field: "hireDate",
    fragment: "YYYY-MM-DD",
  },
  {
    rule: "quota negative",
    type: "person",
    input: { name: "Eva", quota: -1 },
    field: "quota",
    fragment: "0 or more",
  },
  {
    rule: "period malformed",
    type: "target",
    input: { ...targetInput(), period: "Q1 2025" },
    field: "period",
    fragment: "must be a year (2025), half-year (2025-H1), quarter (2025-Q1)",
  },
  {
    rule: "period month 13",
    type: "target",
    input: { ...targetInput(), period: "2025-13" },
    field: "period",
    fragment: "month (2025-03)",
  },
  {
    rule: "target value negative",
    type: "target",
    input: { ...targetInput(), value: -1 },
    field: "value",
    fragment: "0 or more",
  },
  {
    rule: "custom metric unnamed",
    type: "target",
    input: { ...targetInput(), metric: "custom" },
    field: "customMetricName",
    fragment: "name the custom metric",
  },
  {
    rule: "distribution above 100",
    type: "target",
    input: { ...targetInput(), metric: "distribution", value: 101 },
    field: "value",
    fragment: "percentage from 0 to 100",
  },
  {
    rule: "subject type unknown",
    type: "target",
    input: { ...targetInput(), subjectType: "region" },
    field: "subjectType",
    fragment: "person, channel, targetGroup",
  },
  {
    rule: "review year early",
    type: "review",
    input: { year: 1899 },
    field: "year",
    fragment: "between 1900 and 9999",
  },
  {
    rule: "review year fraction",
    type: "review",
    input: { year: 2024.5 },
    field: "year",
    fragment: "whole number from 1900 to 9999",
  },
  {
    rule: "score above 5",
    type: "review",
    input: { year: 2024, areas: { channels: { score: 6 } } },
    field: "areas.channels.score",
    fragment: "between 1 and 5",
  },
  {
    rule: "score below 1",
    type: "review",
    input: { year: 2024, areas: { tradeMarketing: { score: 0 } } },
    field: "areas.tradeMarketing.score",
    fragment: "between 1 and 5",
  },
  {
    rule: "unknown review area",
    type: "review",
    input: { year: 2024, areas: { logistics: {} } },
    field: "areas.logistics",
    fragment: "is not a known field",
  },
  {
    rule: "final without scores",
    type: "review",
    input: { year: 2024, status: "final" },
    field: "areas.targetGroups.score",
    fragment: "a final review scores every area; enter a score from 1 to 5",
  },
  {
    rule: "action due date invalid",
    type: "review",
    input: { year: 2024, actions: [{ description: "x", dueDate: "soon" }] },
    field: "actions.0.dueDate",
    fragment: "YYYY-MM-DD",
  },
  {
    rule: "action status unknown",
    type: "review",
    input: { year: 2024, actions: [{ description: "x", status: "late" }] },
    field: "actions.0.status",
    fragment: "open, inProgress, done, cancelled",
  },
  {
    rule: "participant blank",
    type: "review",
    input: { year: 2024, participants: ["Anna", ""] },
    field: "participants.1",
    fragment: "is empty",
  },
];

describe("validateInput rules", () => {
  test.each(INVALID_CASES)("$type rejects $rule", ({ type, input, field, fragment }) => {
    const result = validateInput(type, input);

    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    const issue = issues.find((candidate) => candidate.field === field);
    expect(issue).toBeDefined();
    expect(issue?.message.startsWith(field)).toBe(true);
    expect(issue?.message).toContain(fragment);
  });
});

interface BoundaryCase {
  rule: string;
  type: RecordType;
  input: Record<string, unknown>;
}

const VALID_BOUNDARY_CASES: BoundaryCase[] = [
  { rule: "priority 1", type: "targetGroup", input: { ...GROUP, priority: 1 } },
  {
    rule: "history start 2021-12",
    type: "channel",
    input: { ...CHANNEL, salesHistoryStart: "2021-12" },
  },
  { rule: "priority 5", type: "targetGroup", input: { ...GROUP, priority: 5 } },
  { rule: "share 0", type: "targetGroup", input: { ...GROUP, currentSharePercent: 0 } },
  { rule: "share 100", type: "targetGroup", input: { ...GROUP, currentSharePercent: 100 } },
  { rule: "potential 0", type: "targetGroup", input: { ...GROUP, estimatedPotential: 0 } },
  {
    rule: "text at cell limit",
    type: "targetGroup",
    input: { ...GROUP, description: "x".repeat(MAX_TEXT_LENGTH) },
  },
  {
    rule: "one-day time frame",
    type: "targetGroup",
    input: { ...GROUP, strategy: { timeFrameStart: "2024-02-29", timeFrameEnd: "2024-02-29" } },
  },
  {
    rule: "uplift -100",
    type: "stimulationAction",
    input: { ...actionInput(), measuredUpliftPercent: -100 },
  },
  {
    rule: "uplift above 100",
    type: "stimulationAction",
    input: { ...actionInput(), expectedUpliftPercent: 250 },
  },
  {
    rule: "distribution 100",
    type: "target",
    input: { ...targetInput(), metric: "distribution", value: 100 },
  },
  { rule: "half-year period", type: "target", input: { ...targetInput(), period: "2025-H2" } },
  { rule: "ISO week period", type: "target", input: { ...targetInput(), period: "2025-W53" } },
  { rule: "year 1900", type: "review", input: { year: 1900 } },
  {
    rule: "payment days 0",
    type: "channel",
    input: { ...CHANNEL, conditions: { paymentTermsDays: 0 } },
  },
];

describe("validateInput boundaries", () => {
  test.each(VALID_BOUNDARY_CASES)("$type accepts $rule", ({ type, input }) => {
    const result = validateInput(type, input);

    expect(result.ok ? [] : result.issues).toEqual([]);
  });
});

describe("validateInput defaults", () => {
  test("target group fills defaults", () => {
    const result = validateInput("targetGroup", GROUP);

    expect(result.ok).toBe(true);
    const group = result.ok ? result.value : undefined;
    expect(group?.description).toBe("");
    expect(group?.strategy.objections).toEqual([]);
    expect(group?.strategy.entryApproach).toBe("");
    expect(group?.parentId).toBeUndefined();
  });

  test("text kept exactly as entered", () => {
    const name = '  =HYPERLINK("x")  ';
    const result = validateInput("targetGroup", { ...GROUP, name });

    expect(validValue(result).name).toBe(name);
  });

  test("every issue reported at once", () => {
    const result = validateInput("targetGroup", {
      name: "",
      kind: "segment",
      priority: 9,
      currentSharePercent: 200,
    });

    const fields = result.ok ? [] : result.issues.map((issue) => issue.field);
    expect(fields).toEqual(["name", "priority", "currentSharePercent"]);
  });
});

describe("validateRecord metadata", () => {
  const group = firstOf(buildFullModel(), "targetGroup");

  test("stored record accepted", () => {
    expect(validateRecord("targetGroup", group).ok).toBe(true);
  });

  test("missing id rejected", () => {
    const { id: _id, ...withoutId } = group;
    const result = validateRecord("targetGroup", withoutId);

    expect(result.ok ? [] : result.issues.map((issue) => issue.field)).toEqual(["id"]);
  });

  test("malformed timestamp rejected", () => {
    const result = validateRecord("targetGroup", { ...group, updatedAt: "yesterday" });

    const issue = result.ok ? undefined : result.issues[0];
    expect(issue?.field).toBe("updatedAt");
    expect(issue?.message).toContain("ISO 8601 timestamp");
  });
});

describe("reference checks", () => {
  const model = buildFullModel();
  const lookup = lookupFromSnapshot(model);
  const [parentGroup, childGroup] = model.targetGroup;
  const person = firstOf(model, "person");
  const channel = firstOf(model, "channel");

  const REFERENCE_CASES: RuleCase[] = [
    {
      rule: "unknown parent",
      type: "targetGroup",
      input: { ...GROUP, parentId: UNKNOWN_ID },
      field: "parentId",
      fragment: `refers to target group ${UNKNOWN_ID}, which does not exist; choose an existing target group`,
    },
    {
      rule: "unknown served group",
      type: "channel",
      input: { ...CHANNEL, targetGroupIds: [childGroup.id, UNKNOWN_ID] },
      field: "targetGroupIds.1",
      fragment: "does not exist",
    },
    {
      rule: "unknown channel",
      type: "stimulationAction",
      input: { ...actionInput(), channelId: UNKNOWN_ID },
      field: "channelId",
      fragment: "refers to channel",
    },
    {
      rule: "unknown role",
      type: "person",
      input: { name: "Eva", roleId: UNKNOWN_ID },
      field: "roleId",
      fragment: "refers to role",
    },
    {
      rule: "unknown unit",
      type: "person",
      input: { name: "Eva", unitId: UNKNOWN_ID },
      field: "unitId",
      fragment: "refers to organisation unit",
    },
    {
      rule: "unknown assigned channel",
      type: "person",
      input: { name: "Eva", channelIds: [UNKNOWN_ID] },
      field: "channelIds.0",
      fragment: "refers to channel",
    },
    {
      rule: "unknown assigned group",
      type: "person",
      input: { name: "Eva", targetGroupIds: [UNKNOWN_ID] },
      field: "targetGroupIds.0",
      fragment: "refers to target group",
    },
    {
      rule: "unknown subject",
      type: "target",
      input: { ...targetInput(), subjectId: UNKNOWN_ID },
      field: "subjectId",
      fragment: "refers to person",
    },
    {
      rule: "subject of wrong type",
      type: "target",
      input: { ...targetInput(), subjectType: "channel", subjectId: person.id },
      field: "subjectId",
      fragment: "refers to channel",
    },
    {
      rule: "unknown parent unit",
      type: "organisationUnit",
      input: { name: "South", parentId: UNKNOWN_ID },
      field: "parentId",
      fragment: "refers to organisation unit",
    },
  ];

  test.each(REFERENCE_CASES)("$type rejects $rule", ({ type, input, field, fragment }) => {
    const result = validateInput(type, input, lookup);

    const issue = result.ok ? undefined : result.issues.find((item) => item.field === field);
    expect(issue?.message).toContain(fragment);
  });

  test("existing references accepted", () => {
    const result = validateInput(
      "person",
      {
        name: "Eva",
        roleId: person.roleId,
        channelIds: [channel.id],
        targetGroupIds: [parentGroup.id],
      },
      lookup,
    );

    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  test("own id as parent", () => {
    const result = validateRecord(
      "targetGroup",
      { ...parentGroup, parentId: parentGroup.id },
      lookup,
    );

    const issue = result.ok ? undefined : result.issues[0];
    expect(issue?.field).toBe("parentId");
    expect(issue?.message).toContain("cannot be its own parent");
  });

  test("parent cycle through child", () => {
    const result = validateRecord(
      "targetGroup",
      { ...parentGroup, parentId: childGroup.id },
      lookup,
    );

    const issue = result.ok ? undefined : result.issues[0];
    expect(issue?.field).toBe("parentId");
    expect(issue?.message).toContain('would make a cycle, because target group "Pharmacy chains"');
    expect(issue?.message).toContain("choose a parent outside");
  });

  test("unit cycle of three", () => {
    const units = buildFullModel();
    const top = { ...units.organisationUnit[0] };
    const middle = {
      ...top,
      id: "11111111-1111-4111-8111-111111111111",
      name: "Middle",
      parentId: top.id,
    };
    const bottom = {
      ...top,
      id: "22222222-2222-4222-8222-222222222222",
      name: "Bottom",
      parentId: middle.id,
    };
    units.organisationUnit = [top, middle, bottom];
    const result = validateRecord(
      "organisationUnit",
      { ...top, parentId: bottom.id },
      lookupFromSnapshot(units),
    );

    const issue = result.ok ? undefined : result.issues[0];
    expect(issue?.message).toContain(
      'organisation unit "Bottom" is inside organisation unit "Middle"',
    );
  });

  test("existing cycle does not hang", () => {
    const looped = buildFullModel();
    const [a, b] = looped.targetGroup;
    looped.targetGroup = [
      { ...a, parentId: b.id },
      { ...b, parentId: a.id },
    ];
    const newcomer = { ...GROUP, parentId: a.id };

    expect(validateInput("targetGroup", newcomer, lookupFromSnapshot(looped)).ok).toBe(true);
  });
});
