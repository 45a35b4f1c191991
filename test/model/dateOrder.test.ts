import { RecordType, validateInput, validateRecord } from "../../src/model";
import { buildFullModel, firstOf } from "./fixtures";

/**
 * A form with a field of the wrong type and dates in the wrong order must report both at once.
 * The expected fields and message fragments come from the rules themselves: money and percent
 * are numbers, the status is one of the listed values, and an end date may not be before its
 * start date.
 */

const GROUP = { name: "Clinics", kind: "segment" };
const BACKWARDS_TIME_FRAME = { timeFrameStart: "2025-06-30", timeFrameEnd: "2025-01-01" };
const BACKWARDS_DATES = { startDate: "2025-06-30", endDate: "2025-01-01" };
const GROUP_DATE_FRAGMENT = "is 2025-01-01, before strategy.timeFrameStart 2025-06-30";
const ACTION_DATE_FRAGMENT = "is 2025-01-01, before startDate 2025-06-30";

function actionInput(): Record<string, unknown> {
  return { name: "Promo", channelId: firstOf(buildFullModel(), "channel").id, kind: "promotion" };
}

interface ExpectedIssue {
  field: string;
  fragment: string;
}

interface TwoMistakeCase {
  mistakes: string;
  type: RecordType;
  input: Record<string, unknown>;
  expected: ExpectedIssue[];
}

const TWO_MISTAKE_CASES: TwoMistakeCase[] = [
  {
    mistakes: "target group potential text",
    type: "targetGroup",
    input: { ...GROUP, estimatedPotential: "abc", strategy: BACKWARDS_TIME_FRAME },
    expected: [
      { field: "estimatedPotential", fragment: 'estimatedPotential is "abc" but must be a number' },
      { field: "strategy.timeFrameEnd", fragment: `strategy.timeFrameEnd ${GROUP_DATE_FRAGMENT}` },
    ],
  },
  {
    mistakes: "target group kind unknown",
    type: "targetGroup",
    input: { ...GROUP, kind: "market", strategy: BACKWARDS_TIME_FRAME },
    expected: [
      { field: "kind", fragment: 'kind is "market" but must be one of' },
      { field: "strategy.timeFrameEnd", fragment: `strategy.timeFrameEnd ${GROUP_DATE_FRAGMENT}` },
    ],
  },
  {
    mistakes: "target group share text",
    type: "targetGroup",
    input: { ...GROUP, currentSharePercent: "ten", strategy: BACKWARDS_TIME_FRAME },
    expected: [
      {
        field: "currentSharePercent",
        fragment: 'currentSharePercent is "ten" but must be a number',
      },
      { field: "strategy.timeFrameEnd", fragment: `strategy.timeFrameEnd ${GROUP_DATE_FRAGMENT}` },
    ],
  },
  {
    mistakes: "action budget text",
    type: "stimulationAction",
    input: { ...actionInput(), budget: "abc", ...BACKWARDS_DATES },
    expected: [
      { field: "budget", fragment: 'budget is "abc" but must be a number' },
      { field: "endDate", fragment: `endDate ${ACTION_DATE_FRAGMENT}` },
    ],
  },
  {
    mistakes: "action status unknown",
    type: "stimulationAction",
    input: { ...actionInput(), status: "paused", ...BACKWARDS_DATES },
    expected: [
      { field: "status", fragment: 'status is "paused" but must be one of' },
      { field: "endDate", fragment: `endDate ${ACTION_DATE_FRAGMENT}` },
    ],
  },
  {
    mistakes: "action budget negative",
    type: "stimulationAction",
    input: { ...actionInput(), budget: -5, ...BACKWARDS_DATES },
    expected: [
      { field: "budget", fragment: "budget is -5 but must be 0 or more" },
      { field: "endDate", fragment: `endDate ${ACTION_DATE_FRAGMENT}` },
    ],
  },
];

/** Returns the issues of a failed validation, or fails the test when it passed. */
function issuesOf(result: ReturnType<typeof validateInput>): { field: string; message: string }[] {
  if (result.ok) {
    throw new Error("Expected validation to fail, but it passed.");
  }
  return result.issues;
}

describe.each(TWO_MISTAKE_CASES)("two mistakes: $mistakes", ({ type, input, expected }) => {
  test("input reports each mistake once", () => {
    const issues = issuesOf(validateInput(type, input));

    for (const { field, fragment } of expected) {
      const matching = issues.filter((issue) => issue.field === field);
      expect(matching).toHaveLength(1);
      expect(matching[0].message).toContain(fragment);
    }
    expect(issues).toHaveLength(expected.length);
  });

  test("record reports the date order", () => {
    const record = {
      ...input,
      id: "00000000-0000-4000-8000-000000000001",
      createdAt: "2025-01-01T00:00:00.000Z",
      updatedAt: "2025-01-01T00:00:00.000Z",
    };
    const issues = issuesOf(validateRecord(type, record));

    const dateIssue = expected[expected.length - 1];
    const matching = issues.filter((issue) => issue.field === dateIssue.field);
    expect(matching).toHaveLength(1);
    expect(matching[0].message).toContain(dateIssue.fragment);
  });
});

describe("date order on raw input", () => {
  test("wrong-typed date skips the order check", () => {
    const input = { ...actionInput(), budget: "abc", startDate: 20250630, endDate: "2025-01-01" };
    const issues = issuesOf(validateInput("stimulationAction", input));

    expect(issues.map((issue) => issue.field).sort()).toEqual(["budget", "startDate"]);
  });

  test("strategy not an object skips it", () => {
    const input = { ...GROUP, estimatedPotential: "abc", strategy: "soon" };
    const issues = issuesOf(validateInput("targetGroup", input));

    expect(issues.map((issue) => issue.field).sort()).toEqual(["estimatedPotential", "strategy"]);
  });
});
