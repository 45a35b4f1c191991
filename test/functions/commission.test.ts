import { EngineValue } from "../../src/headless/engine";
import { createTestEngine, evaluate } from "../support/engine";
import { expectError, expectNumber, rowsOf } from "../core/kpi/formulaChecks";

// Formula tests of SPM.COMMISSION and SPM.COMMISSION.DETAIL. The rate table is the worked
// example of the product's commission specification: quota 100,000, tiers 0-50 % at 5 %,
// 50-100 % at 10 %, 100 % and above at 15 %; marginal pay on sales of 140,000 is
// 2,500 + 5,000 + 6,000 = 13,500. Other expected values are spreadsheet formulas written out
// next to each case and evaluated in the same engine.

/** Rate table in A1:C3 (threshold, rate, bonus), a percent-text copy in E1:F3. */
const PLAN_SHEET = {
  Sheet1: [
    [0, 0.05, null, null, "0%", "5%"],
    [0.5, 0.1, 500, null, "50%", "10%"],
    [1, 0.15, 2000, null, "100%", "15%"],
  ],
};

/** Evaluates a commission formula and a reference formula in the same sheet. */
async function payoutAndReference(
  formula: string,
  reference: string,
): Promise<[EngineValue, number]> {
  const engine = await createTestEngine(PLAN_SHEET);
  return [engine.evaluate(formula), engine.evaluate(reference) as number];
}

describe("COMMISSION payouts", () => {
  const cases: [string, string, string][] = [
    // The worked example: marginal pay without bonuses gives 13,500.
    ["marginal example", "=SPM.COMMISSION(140000, 100000, A1:B3)", "=13500"],
    ["marginal named", '=SPM.COMMISSION(140000, 100000, A1:B3, "marginal")', "=13500"],
    ["percent text table", "=SPM.COMMISSION(140000, 100000, E1:F3)", "=13500"],
    // Retroactive: the highest tier reached (15 %) on all sales.
    ["retroactive", '=SPM.COMMISSION(140000, 100000, A1:B3, "retroactive")', "=140000*15%"],
    // Below the second tier: only the first band pays.
    ["first band only", "=SPM.COMMISSION(30000, 100000, A1:B3)", "=30000*5%"],
    ["retroactive mid tier", '=SPM.COMMISSION(80000, 100000, A1:B3, "retro")', "=80000*10%"],
    // Bonuses: marginal pays every tier reached, retroactive the highest tier's bonus only.
    ["marginal bonuses", "=SPM.COMMISSION(140000, 100000, A1:C3)", "=13500+500+2000"],
    [
      "retroactive bonus",
      '=SPM.COMMISSION(140000, 100000, A1:C3, "retroactive")',
      "=140000*15%+2000",
    ],
    // Minimum attainment of 50 %: 40 % attainment earns nothing, 60 % earns as usual.
    ["below minimum", "=SPM.COMMISSION(40000, 100000, A1:B3, , 50%)", "=0"],
    ["above minimum", "=SPM.COMMISSION(60000, 100000, A1:B3, , 50%)", "=50000*5%+10000*10%"],
    // Cap of 10,000 on the 13,500 earned; the draw of 4,000 comes after the cap.
    ["cap", "=SPM.COMMISSION(140000, 100000, A1:B3, , , 10000)", "=10000"],
    ["cap and draw", "=SPM.COMMISSION(140000, 100000, A1:B3, , , 10000, 4000)", "=10000-4000"],
    // A draw above the earnings leaves a balance owed back.
    ["draw above earnings", "=SPM.COMMISSION(30000, 100000, A1:B3, , , , 2000)", "=30000*5%-2000"],
    ["no sales", "=SPM.COMMISSION(0, 100000, A1:B3)", "=0"],
  ];

  test.each(cases)("%s", async (_name, formula, reference) => {
    const [payout, expected] = await payoutAndReference(formula, reference);
    expectNumber(payout, expected);
  });

  test("first tier above zero", async () => {
    // Tiers from 50 % (A2:B3): sales below half the quota earn nothing.
    const [payout, expected] = await payoutAndReference(
      "=SPM.COMMISSION(140000, 100000, A2:B3)",
      "=50000*10%+40000*15%",
    );
    expectNumber(payout, expected);
  });
});

describe("COMMISSION.DETAIL table", () => {
  test("worked example lines", async () => {
    const rows = rowsOf(
      await evaluate("=SPM.COMMISSION.DETAIL(140000, 100000, A1:B3)", PLAN_SHEET),
    );
    expect(rows).toEqual([
      ["Band", "From", "To", "Sales in band", "Rate", "Amount", "Bonus"],
      ["Tier 1", 0, 50000, 50000, 0.05, 2500, 0],
      ["Tier 2", 50000, 100000, 50000, 0.1, 5000, 0],
      ["Tier 3", 100000, "", 40000, 0.15, 6000, 0],
      ["Below minimum attainment", "", "", "", "", 0, ""],
      ["Cap", "", "", "", "", 0, ""],
      ["Draw", "", "", "", "", 0, ""],
      ["Payout", "", "", "", "", 13500, ""],
    ]);
  });

  test("adjustments sum to payout", async () => {
    const formula = '=SPM.COMMISSION.DETAIL(140000, 100000, A1:C3, "marginal", 50%, 15000, 2500)';
    const rows = rowsOf(await evaluate(formula, PLAN_SHEET));
    const amounts = rows.slice(1, -1).map((row) => Number(row[5]) + Number(row[6] || 0));
    const payout = rows[rows.length - 1][5] as number;

    // 13,500 + 500 + 2,000 earned, capped at 15,000 (−1,000), less the draw of 2,500.
    expect(rows[4][5]).toBe(0);
    expectNumber(rows[5][5], 15000 - 16000);
    expectNumber(rows[6][5], -2500);
    expectNumber(payout, 12500);
    expectNumber(
      payout,
      amounts.reduce((a, b) => a + b, 0),
    );
  });

  test("retroactive lines", async () => {
    const rows = rowsOf(
      await evaluate('=SPM.COMMISSION.DETAIL(80000, 100000, A1:B3, "retroactive")', PLAN_SHEET),
    );
    // Tier 2 (50-100 %) is the highest reached, so it carries all 80,000 of sales at 10 %.
    expect(rows.slice(1, 4).map((row) => row[3])).toEqual([0, 80000, 0]);
    expect(rows.slice(1, 4).map((row) => row[5])).toEqual([0, 8000, 0]);
  });

  test("below minimum attainment row", async () => {
    const rows = rowsOf(
      await evaluate("=SPM.COMMISSION.DETAIL(40000, 100000, A1:B3, , 50%)", PLAN_SHEET),
    );
    // 40,000 earns 2,000 in tier 1, which the minimum attainment of 50 % takes back.
    expect(rows[1][5]).toBe(2000);
    expect(rows[4][5]).toBe(-2000);
    expect(rows[7][5]).toBe(0);
  });
});

describe("COMMISSION bad input", () => {
  const cases: [string, string, unknown[][], RegExp][] = [
    ["quota of 0", "=SPM.COMMISSION(1000, 0, A1:B3)", PLAN_SHEET.Sheet1, /^quota is 0; give/],
    ["negative sales", "=SPM.COMMISSION(-5, 100, A1:B3)", PLAN_SHEET.Sheet1, /^sales is -5/],
    [
      "table not ascending",
      "=SPM.COMMISSION(1000, 100, A1:B3)",
      [
        [0, 0.05],
        [1, 0.1],
        [0.5, 0.15],
      ],
      /^rate_table: row 3 starts at attainment 0.5, which is not above row 2's 1; sort/,
    ],
    [
      "repeated threshold",
      "=SPM.COMMISSION(1000, 100, A1:B2)",
      [
        [0.5, 0.05],
        [0.5, 0.1],
      ],
      /^rate_table: row 2 starts at attainment 0.5, which is not above row 1's 0.5/,
    ],
    [
      "rate as points",
      "=SPM.COMMISSION(1000, 100, A1:B1)",
      [[0, 5]],
      /^rate_table: row 1 has the rate 5; rates are fractions from 0 to 1, such as 5% or 0.05/,
    ],
    [
      "negative threshold",
      "=SPM.COMMISSION(1000, 100, A1:B1)",
      [[-0.1, 0.05]],
      /^rate_table: row 1 starts at attainment -0.1/,
    ],
    [
      "text rate",
      "=SPM.COMMISSION(1000, 100, A1:B1)",
      [[0, "five"]],
      /^rate_table: row 1, column 2 contains text "five"; only numbers/,
    ],
    [
      "one-column table",
      "=SPM.COMMISSION(1000, 100, A1:A2)",
      [[0], [0.5]],
      /^rate_table has 1 columns but needs 2 to 3/,
    ],
    [
      "unknown method",
      '=SPM.COMMISSION(1000, 100, A1:B1, "linear")',
      [[0, 0.05]],
      /^method is "linear"; use one of "marginal"/,
    ],
    ["negative cap", "=SPM.COMMISSION(1000, 100, A1:B1, , , -1)", [[0, 0.05]], /^cap is -1/],
    ["negative draw", "=SPM.COMMISSION(1000, 100, A1:B1, , , , -1)", [[0, 0.05]], /^draw is -1/],
    [
      "text sales",
      '=SPM.COMMISSION("lots", 100, A1:B1)',
      [[0, 0.05]],
      /^sales is text "lots", not a number/,
    ],
  ];

  test.each(cases)("%s", async (_name, formula, rows, message) => {
    expectError(await evaluate(formula, { Sheet1: rows }), "#VALUE!", message);
  });

  test("blank rate on the web", async () => {
    // Excel on the web passes a blank cell as null; desktop Excel passes 0, a valid rate.
    const sheet = {
      Sheet1: [
        [0, 0.05],
        [0.5, null],
      ],
    };
    const result = await evaluate("=SPM.COMMISSION(1000, 100, A1:B2)", sheet, { blanks: "null" });
    expectError(result, "#VALUE!", /^rate_table: row 2, column 2 is blank; enter a number/);
  });

  test("detail rejects the same input", async () => {
    const result = await evaluate("=SPM.COMMISSION.DETAIL(1000, 0, A1:B3)", PLAN_SHEET);
    expectError(result, "#VALUE!", /^quota is 0/);
  });
});
