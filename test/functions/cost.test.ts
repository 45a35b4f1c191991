import { createTestEngine, evaluate } from "../support/engine";
import { column, expectError, expectNumber, expectSameAs, rowsOf } from "../core/kpi/formulaChecks";

// Formula tests of the SPM.COST functions, typed as a user would type them. Each expected value
// is a published worked example (named next to the case) or a formula of Excel's own functions
// written out in the test and evaluated in the same sheet.

/**
 * Tolerance for published examples that print their result rounded to two decimals, such as
 * "8.55 months": half a unit in the last printed place.
 */
const TWO_DECIMALS = 0.005;

/** Cost lines (salaries, variable pay, travel, tools, overhead) with revenue and counts. */
const COST_SHEET = {
  Sheet1: [
    [182000, 950000, 410, 236, 12800],
    [64500, null, null, null, null],
    [21300, null, null, null, null],
    [8900, null, null, null, null],
    [15250, null, null, null, null],
  ],
};

describe("COST ratio formulas", () => {
  const cases: [string, string][] = [
    ["=SPM.COST.RATIO(A1:A5, B1)", "=SUM(A1:A5)/B1"],
    ["=SPM.COST.RATIO(A1, B1)", "=A1/B1"],
    ["=SPM.COST.PERORDER(A1:A5, C1)", "=SUM(A1:A5)/C1"],
    ["=SPM.COST.PERCUSTOMER(A1:A5, D1)", "=SUM(A1:A5)/D1"],
    ["=SPM.COST.PERUNIT(A1:A5, E1)", "=SUM(A1:A5)/E1"],
    ["=SPM.COST.CAC(A1:A5, C1)", "=SUM(A1:A5)/C1"],
    ["=SPM.COST.LTVCAC(1750, 350)", "=1750/350"],
  ];

  test.each(cases)("%s", async (formula, reference) => {
    expectSameAs(await createTestEngine(COST_SHEET), formula, reference);
  });

  test("blank cells end the cost range", async () => {
    // B1:B5 contains 950000 and four blank cells; desktop Excel passes them as 0 and the web as
    // null, and both are ignored at the end of a range.
    for (const blanks of ["zero", "null"] as const) {
      const engine = await createTestEngine(COST_SHEET, { blanks });
      expectSameAs(engine, "=SPM.COST.RATIO(B1:B5, 1900000)", "=B1/1900000");
    }
  });
});

describe("COST published examples", () => {
  const cases: [string, string, number, number][] = [
    // geratools.com CAC payback calculator: £50,000 spent, 200 customers won, CAC £250.
    ["CAC", "=SPM.COST.CAC(50000, 200)", 250, 0],
    // theprimecalculator.com CAC payback formula page: $600 CAC, $100 a month, 75 % margin.
    ["CAC payback", "=SPM.COST.CACPAYBACK(600, 100, 75%)", 8, 0],
    // calcsimpler.com CAC payback calculator: $8,000 CAC, $1,200 a month, 78 % gives 8.55.
    ["CAC payback rounded", "=SPM.COST.CACPAYBACK(8000, 1200, 0.78)", 8.55, TWO_DECIMALS],
    // tinytoolkit.net "What is customer lifetime value": $50 ARPU, 70 % margin, 4 % churn.
    ["LTV", "=SPM.COST.LTV(50, 70%, 4%)", 875, 0],
    // abracalc.com LTV calculator: $2,000 ARPA, 60 % margin, 0.5 % churn gives $240,000.
    ["LTV low churn", "=SPM.COST.LTV(2000, 60%, 0.5%)", 240000, 0],
    // accountingcoach.com "What is the break-even formula": $300,000 fixed, $10 price, $6
    // variable cost per unit gives 75,000 units; $100 an hour less $60 gives 7,500 hours.
    ["break-even units", "=SPM.COST.BREAKEVENUNITS(300000, 10, 6)", 75000, 0],
    ["break-even hours", "=SPM.COST.BREAKEVENUNITS(300000, 100, 60)", 7500, 0],
    // accountingcoach.com, same page: $300,000 fixed and a 40 % margin ratio give $750,000.
    ["break-even revenue", "=SPM.COST.BREAKEVENREVENUE(300000, 40%)", 750000, 0],
  ];

  test.each(cases)("%s", async (_name, formula, expected, tolerance) => {
    expectNumber(await evaluate(formula), expected, tolerance === 0 ? undefined : tolerance);
  });

  test("percent text reads as fraction", async () => {
    // "40%" as text, as sales-system exports bring percentages in, equals 40%.
    expectNumber(await evaluate('=SPM.COST.BREAKEVENREVENUE(300000, "40%")'), 750000);
  });
});

describe("COST.VARIANCE table", () => {
  const sheet = {
    Sheet1: [
      [100000, 104500],
      [20000, 18000],
      [0, 1200],
    ],
  };

  test("lines and total", async () => {
    const engine = await createTestEngine(sheet);
    const rows = rowsOf(engine.evaluate("=SPM.COST.VARIANCE(B1:B3, A1:A3)"));
    expect(rows).toHaveLength(4);

    // Spreadsheet formulas: B−A and (B−A)/ABS(A) per line, then the same on the sums.
    const references: [string, string | null][] = [
      ["=B1-A1", "=(B1-A1)/ABS(A1)"],
      ["=B2-A2", "=(B2-A2)/ABS(A2)"],
      ["=B3-A3", null],
      ["=SUM(B1:B3)-SUM(A1:A3)", "=(SUM(B1:B3)-SUM(A1:A3))/SUM(A1:A3)"],
    ];
    references.forEach(([variance, percent], i) => {
      expectNumber(rows[i][0], engine.evaluate(variance) as number);
      if (percent === null) {
        // A budget of 0 has no percentage variance, shown as a blank cell.
        expect(rows[i][1]).toBe("");
      } else {
        expectNumber(rows[i][1], engine.evaluate(percent) as number);
      }
    });
  });

  test("one line has no total", async () => {
    const rows = rowsOf(await evaluate("=SPM.COST.VARIANCE(B1:B2, A1:A2)", sheet));
    expect(rows).toHaveLength(3);
    const single = await evaluate("=SPM.COST.VARIANCE(B1, A1)", sheet);
    expect(rowsOf(single)[0]).toHaveLength(2);
  });
});

describe("COST.CHANNELMARGIN table", () => {
  // Channels in rows: revenue, cost of goods, then discounts, rebates, listing fees, logistics;
  // a blank channel cost counts as 0.
  const sheet = {
    Sheet1: [
      [520000, 310000, 26000, 10400, 8000, 15600],
      [240000, 150000, 7200, null, 0, 9600],
      [0, 0, 0, 0, 1500, 0],
    ],
  };

  test("rows match spreadsheet formulas", async () => {
    for (const blanks of ["zero", "null"] as const) {
      const engine = await createTestEngine(sheet, { blanks });
      const rows = rowsOf(engine.evaluate("=SPM.COST.CHANNELMARGIN(A1:A3, B1:B3, C1:F3)"));
      expect(rows).toHaveLength(3);
      for (let r = 1; r <= 3; r++) {
        const row = rows[r - 1];
        expectNumber(row[0], engine.evaluate(`=SUM(C${r}:F${r})`) as number);
        expectNumber(row[1], engine.evaluate(`=A${r}-B${r}-SUM(C${r}:F${r})`) as number);
        if (r < 3) {
          expectNumber(row[2], engine.evaluate(`=(A${r}-B${r}-SUM(C${r}:F${r}))/A${r}`) as number);
        } else {
          // Revenue of 0 leaves the margin ratio blank.
          expect(row[2]).toBe("");
        }
      }
    }
  });

  test("channel count mismatch", async () => {
    const result = await evaluate("=SPM.COST.CHANNELMARGIN(A1:A3, B1:B2, C1:F3)", sheet);
    expectError(result, "#VALUE!", /^cost_of_goods has 2 values but revenue has 3/);
  });
});

describe("COST bad input", () => {
  const cases: [string, string, unknown[][], string, RegExp][] = [
    ["revenue of 0", "=SPM.COST.RATIO(A1:A2, 0)", column([5, 6]), "#DIV/0!", /revenue is 0/],
    [
      "negative revenue",
      "=SPM.COST.RATIO(A1:A2, -10)",
      column([5, 6]),
      "#VALUE!",
      /^revenue is -10; give the revenue of the period, 0 or more/,
    ],
    [
      "text among cost lines",
      "=SPM.COST.RATIO(A1:A3, 100)",
      column([5, "travel", 6]),
      "#VALUE!",
      /^costs: cell 2 contains text "travel"/,
    ],
    ["no orders", "=SPM.COST.PERORDER(A1, 0)", column([5]), "#DIV/0!", /orders is 0/],
    [
      "negative customers",
      "=SPM.COST.PERCUSTOMER(A1, -3)",
      column([5]),
      "#VALUE!",
      /^customers is -3 but must be a number of 0 or more/,
    ],
    ["no new customers", "=SPM.COST.CAC(A1, 0)", column([5]), "#DIV/0!", /new_customers is 0/],
    [
      "margin as points",
      "=SPM.COST.CACPAYBACK(600, 100, 75)",
      [[]],
      "#VALUE!",
      /^gross_margin is 75 \(7500%\) .* If you mean 75 %, enter 75% or 0.75/,
    ],
    ["churn of 0", "=SPM.COST.LTV(50, 70%, 0)", [[]], "#DIV/0!", /churn_rate is 0/],
    [
      "margin as word",
      '=SPM.COST.LTV(50, "high", 4%)',
      [[]],
      "#VALUE!",
      /^gross_margin is text "high", not a percentage; enter it as 25% or 0.25/,
    ],
    [
      "price below variable cost",
      "=SPM.COST.BREAKEVENUNITS(1000, 5, 6)",
      [[]],
      "#VALUE!",
      /^price \(5\) is below variable_cost \(6\)/,
    ],
    [
      "price equals variable cost",
      "=SPM.COST.BREAKEVENUNITS(1000, 6, 6)",
      [[]],
      "#DIV/0!",
      /price − variable_cost is 0/,
    ],
    ["margin ratio of 0", "=SPM.COST.BREAKEVENREVENUE(1000, 0)", [[]], "#DIV/0!", /margin_ratio/],
    [
      "variance ranges differ",
      "=SPM.COST.VARIANCE(A1:A3, A1:A2)",
      column([1, 2, 3]),
      "#VALUE!",
      /^budget has 2 values but actual has 3/,
    ],
    [
      "error cell in costs",
      "=SPM.COST.RATIO(A1:A2, 10)",
      column([1, "=1/0"]),
      "#VALUE!",
      /^costs: cell 2 contains the error #DIV\/0!/,
    ],
  ];

  test.each(cases)("%s", async (_name, formula, rows, code, message) => {
    expectError(await evaluate(formula, { Sheet1: rows }), code, message);
  });
});
