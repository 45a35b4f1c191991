import { InvalidInputError } from "../../../src/core/errors";
import {
  MetricDirection,
  ScorecardInput,
  metricAttainments,
  weightedScore,
} from "../../../src/core/kpi/scorecard";

// Unit tests of the scorecard attainments by metric direction. Expected values are the
// attainment arithmetic written out next to each case: actual ÷ target for a higher-is-better
// metric, target ÷ actual for a lower-is-better one, min(attainment, cap) with a cap.

/** Returns the input of one metric of `direction` with `actual`, `target` and weight 1. */
function metric(
  actual: number,
  target: number,
  direction: MetricDirection,
  cap: number | null = null,
): ScorecardInput {
  return { actuals: [actual], targets: [target], weights: [1], cap, directions: [direction] };
}

describe("metricAttainments by direction", () => {
  const cases: [string, ScorecardInput, number][] = [
    ["higher above target", metric(540, 500, "higher"), 540 / 500],
    ["lower below target", metric(80, 100, "lower"), 100 / 80],
    ["lower above target", metric(0.12, 0.1, "lower"), 0.1 / 0.12],
    ["lower capped", metric(50, 100, "lower", 1.5), 1.5],
    ["lower actual 0 capped", metric(0, 100, "lower", 1.2), 1.2],
    ["lower cap not reached", metric(90, 100, "lower", 1.5), 100 / 90],
  ];

  test.each(cases)("%s", (_name, input, expected) => {
    expect(metricAttainments(input)[0]).toBeCloseTo(expected, 15);
  });

  test("directions omitted read higher", () => {
    const input: ScorecardInput = { actuals: [80], targets: [100], weights: [1], cap: null };
    expect(metricAttainments(input)).toEqual([80 / 100]);
  });
});

describe("weightedScore mixed directions", () => {
  test("weights both directions", () => {
    const input: ScorecardInput = {
      actuals: [540_000, 80],
      targets: [500_000, 100],
      weights: [0.6, 0.4],
      cap: null,
      directions: ["higher", "lower"],
    };
    const expected = (0.6 * (540_000 / 500_000) + 0.4 * (100 / 80)) / (0.6 + 0.4);
    expect(weightedScore(input)).toBeCloseTo(expected, 15);
  });
});

describe("metricAttainments rejected lower metrics", () => {
  const cases: [string, ScorecardInput, RegExp][] = [
    ["actual 0 uncapped", metric(0, 100, "lower"), /^actuals: cell 1 is 0 .* give a cap/],
    ["negative actual", metric(-5, 100, "lower"), /^actuals: cell 1 is -5 on a lower-is-better/],
    ["negative target", metric(5, -100, "lower"), /^targets: cell 1 is -100 on a lower-is/],
  ];

  test.each(cases)("%s", (_name, input, message) => {
    expect(() => metricAttainments(input)).toThrow(InvalidInputError);
    expect(() => metricAttainments(input)).toThrow(message);
  });
});
