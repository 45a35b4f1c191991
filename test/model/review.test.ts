import {
  createReview,
  editIssues,
  REVIEW_AREAS,
  reviewEditIssues,
  startNextReview,
  validateInput,
} from "../../src/model";
import { buildFullModel, firstOf, FIXED_NOW } from "./fixtures";

function allAreasScored(score: number): Record<string, { score: number }> {
  return Object.fromEntries(REVIEW_AREAS.map((area) => [area, { score }]));
}

describe("review areas", () => {
  test("nine areas in review order", () => {
    expect(REVIEW_AREAS).toHaveLength(9);
    expect(REVIEW_AREAS[0]).toBe("targetGroups");
    expect(REVIEW_AREAS[8]).toBe("reviewProcess");
  });

  test("draft starts every area empty", () => {
    const review = createReview({ year: 2024 });

    for (const area of REVIEW_AREAS) {
      expect(review.areas[area]).toEqual({ findings: "" });
    }
  });

  test("final review with scores accepted", () => {
    const result = validateInput("review", {
      year: 2024,
      status: "final",
      areas: allAreasScored(4),
    });

    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  test("final review lists each unscored area", () => {
    const areas = allAreasScored(4);
    delete areas.salesEconomics;
    const result = validateInput("review", { year: 2024, status: "final", areas });

    expect(result.ok ? [] : result.issues.map((issue) => issue.field)).toEqual([
      "areas.salesEconomics.score",
    ]);
  });
});

describe("final review read-only", () => {
  test("draft may be edited", () => {
    const draft = createReview({ year: 2024 });

    expect(reviewEditIssues(draft)).toEqual([]);
    expect(editIssues("review", draft)).toEqual([]);
  });

  test("final review rejects edits", () => {
    const final = createReview({ year: 2024, status: "final", areas: allAreasScored(3) });
    const issues = editIssues("review", final);

    expect(issues).toHaveLength(1);
    expect(issues[0].field).toBe("status");
    expect(issues[0].message).toBe(
      "status is final, so the 2024 review is read-only; start the next review from it instead of editing it.",
    );
  });

  test("other types always editable", () => {
    const group = firstOf(buildFullModel(), "targetGroup");

    expect(editIssues("targetGroup", group)).toEqual([]);
  });
});

describe("startNextReview", () => {
  const previous = createReview(
    {
      year: 2024,
      status: "final",
      participants: ["Anna", "Jan"],
      areas: allAreasScored(2),
      actions: [
        { description: "Open one", owner: "Anna", dueDate: "2025-03-31", status: "open" },
        { description: "Running one", owner: "Jan", status: "inProgress" },
        { description: "Finished", status: "done" },
        { description: "Dropped", status: "cancelled" },
      ],
    },
    FIXED_NOW,
  );
  const next = startNextReview(previous, new Date("2026-01-10T00:00:00.000Z"));

  test("next year as a draft", () => {
    expect(next.year).toBe(2025);
    expect(next.status).toBe("draft");
    expect(next.id).not.toBe(previous.id);
    expect(next.createdAt).toBe("2026-01-10T00:00:00.000Z");
  });

  test("open actions carried over", () => {
    expect(next.actions.map((action) => action.description)).toEqual(["Open one", "Running one"]);
    expect(next.actions[0]).toMatchObject({ owner: "Anna", dueDate: "2025-03-31", status: "open" });
    expect(next.actions[1].status).toBe("inProgress");
  });

  test("carried actions get new ids", () => {
    const previousIds = new Set(previous.actions.map((action) => action.id));

    for (const action of next.actions) {
      expect(previousIds.has(action.id)).toBe(false);
    }
  });

  test("scores and findings start empty", () => {
    for (const area of REVIEW_AREAS) {
      expect(next.areas[area].score).toBeUndefined();
      expect(next.areas[area].findings).toBe("");
    }
    expect(next.participants).toEqual(["Anna", "Jan"]);
  });

  test("previous review left unchanged", () => {
    expect(previous.actions).toHaveLength(4);
    expect(previous.status).toBe("final");
  });
});
