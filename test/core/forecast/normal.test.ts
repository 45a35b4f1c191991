import { normalUpperQuantile, normalUpperTail } from "../../../src/core/forecast/normal";
import { readComputedCases } from "./referenceCases";

// The erfc approximation has an absolute error below 1.5e-7, so Q(z) is off by at most 7.5e-8
// and z by at most 7.5e-8 / φ(z). At the smallest p tested (z ≈ 3.81, φ(z) ≈ 2.8e-4) that
// bound is 2.7e-4, ample for a significance threshold.
const QUANTILE_TOLERANCE = 3e-4;

describe("normalUpperQuantile vs R", () => {
  // Source: reference/r-cases.json, qnorm(p, lower.tail = FALSE) in R 4.2.2.
  test.each(readComputedCases().normal_quantiles.map((c) => [c.p, c] as const))(
    "p = %p matches qnorm",
    (_p, c) => {
      expect(Math.abs(normalUpperQuantile(c.p) - c.quantile)).toBeLessThan(QUANTILE_TOLERANCE);
    },
  );
});

describe("normalUpperTail", () => {
  test("is one half at zero", () => {
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 7);
  });

  test("is symmetric", () => {
    expect(normalUpperTail(-1.3) + normalUpperTail(1.3)).toBeCloseTo(1, 12);
  });
});
