import { createTarget, Target } from "../../src/model";
import { scoresByPeriod, targetAttainment } from "../../src/taskpane/scorecard";
import { evaluate } from "../support/engine";

const PERSON = "6f1c1b0e-9a53-4c39-9a43-0b5b6a4f4a01";

function target(period: string, value: number, actual?: number, weight?: number): Target {
  return createTarget({
    subjectType: "person",
    subjectId: PERSON,
    period,
    metric: "revenue",
    value,
    actual,
    weight,
  });
}

describe("scoresByPeriod", () => {
  test("weighted score per period", async () => {
    const targets = [
      target("2025", 100_000, 90_000, 3),
      target("2025", 40, 50, 1),
      target("2025", 10, undefined, 5),
      target("2024", 80_000, 84_000),
    ];

    const scores = scoresByPeriod(targets);

    // The scorecard formula written out in a spreadsheet: Σ weight × actual ÷ target ÷ Σ weight.
    const expected2025 = await evaluate("=SUMPRODUCT({3;1}, {90000;50} / {100000;40}) / SUM(3, 1)");
    const expected2024 = await evaluate("=84000 / 80000");
    expect(scores.map((row) => [row.period, row.metrics])).toEqual([
      ["2024", 1],
      ["2025", 2],
    ]);
    expect(scores[0].score).toBeCloseTo(expected2024 as number, 12);
    expect(scores[1].score).toBeCloseTo(expected2025 as number, 12);
  });

  test("target of zero explained", () => {
    const [score] = scoresByPeriod([target("2025", 0, 5)]);

    expect(score.score).toBeUndefined();
    expect(score.problem).toBe("A target of 0 has no attainment; change its value or remove it.");
  });

  test("all weights zero explained", () => {
    const [score] = scoresByPeriod([target("2025", 10, 5, 0)]);

    expect(score.problem).toBe("Every weight is 0; give at least one target a weight.");
  });

  test("no actuals no scores", () => {
    expect(scoresByPeriod([target("2025", 10)])).toEqual([]);
  });
});

describe("targetAttainment", () => {
  test.each([
    [target("2025", 200, 150), 0.75],
    [target("2025", 200), undefined],
    [target("2025", 0, 10), undefined],
  ])("attainment case %#", (input, expected) => {
    expect(targetAttainment(input)).toBe(expected);
  });
});
