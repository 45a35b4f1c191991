import { InvalidInputError } from "../../../src/core/errors";
import { CommissionInput, computeCommission } from "../../../src/core/commission";

// Unit tests of the commission calculation. The plan is the product's worked example: quota
// 100,000, tiers 0-50 % at 5 %, 50-100 % at 10 %, 100 % and above at 15 %; marginal pay on
// sales of 140,000 is 2,500 + 5,000 + 6,000 = 13,500. Other expected values are that
// arithmetic written out next to each case.

const PLAN: CommissionInput = {
  sales: 140_000,
  quota: 100_000,
  tiers: [
    { threshold: 0, rate: 0.05, bonus: 0 },
    { threshold: 0.5, rate: 0.1, bonus: 0 },
    { threshold: 1, rate: 0.15, bonus: 0 },
  ],
  method: "marginal",
  minimumAttainment: null,
  cap: null,
  draw: 0,
};

describe("computeCommission worked example", () => {
  test("marginal bands", () => {
    const result = computeCommission(PLAN);
    expect(result.attainment).toBe(1.4);
    expect(result.lines.map((line) => line.salesInBand)).toEqual([50_000, 50_000, 40_000]);
    expect(result.lines.map((line) => line.commission)).toEqual([2_500, 5_000, 6_000]);
    expect(result.lines[2].to).toBeNull();
    expect(result.payout).toBe(13_500);
  });

  test("no adjustments are zero", () => {
    const result = computeCommission(PLAN);
    // Adjustments are +0, never −0, so they compare and display as plain zeros.
    expect(Object.is(result.minimumAttainmentAdjustment, 0)).toBe(true);
    expect(Object.is(result.capAdjustment, 0)).toBe(true);
    expect(Object.is(result.drawAdjustment, 0)).toBe(true);
  });

  test("sales exactly at a threshold", () => {
    // At 100,000 the third tier is reached: retroactive pays 15 % on all sales, and marginal
    // pays 2,500 + 5,000 with nothing yet in the third band.
    const result = computeCommission({ ...PLAN, sales: 100_000, method: "retroactive" });
    expect(result.payout).toBe(100_000 * 0.15);
    expect(computeCommission({ ...PLAN, sales: 100_000 }).payout).toBe(7_500);
  });
});

describe("computeCommission rejected plans", () => {
  const cases: [string, Partial<CommissionInput>, RegExp][] = [
    ["quota of 0", { quota: 0 }, /^quota is 0/],
    ["negative quota", { quota: -5 }, /^quota is -5/],
    ["empty rate table", { tiers: [] }, /^rate_table has no tiers/],
    [
      "bonus below 0",
      { tiers: [{ threshold: 0, rate: 0.1, bonus: -1 }] },
      /row 1 has the bonus -1/,
    ],
  ];

  test.each(cases)("%s", (_name, change, message) => {
    expect(() => computeCommission({ ...PLAN, ...change })).toThrow(InvalidInputError);
    expect(() => computeCommission({ ...PLAN, ...change })).toThrow(message);
  });
});
