import * as formulajs from "@formulajs/formulajs";
import { createTestEngine, evaluate } from "../support/engine";
import {
  column,
  expectError,
  expectNumber,
  expectSameAs,
  numberOf,
  rowsOf,
} from "../core/kpi/formulaChecks";

// Formula tests of the SPM.KPI functions and of SPM.FORECAST.PIPELINE and SPM.FORECAST.RUNRATE,
// typed as a user would type them. Each expected value is a published worked example (named next
// to the case) or a formula of Excel's own functions written out in the test and evaluated in the
// same sheet.

/** Tolerance for a published example that prints its result rounded to a whole number. */
const WHOLE_NUMBER = 0.5;

/**
 * Deals: A amount, B created, C closed (blank while open), D outcome, E probability, F forecast
 * category, G expected close date. Dates are serial numbers, as Excel passes them: 45658 is
 * 2025-01-01.
 */
const DEALS = {
  Sheet1: [
    [12000, 45658, 45700, "won", 1, "closed", 45700],
    [8500, 45660, 45731, "lost", 0, "omitted", 45731],
    [23000, 45670, null, "open", 0.6, "commit", 45760],
    [4000, 45675, 45690, "Closed Won", 1, "closed", 45690],
    [15500, 45680, null, null, 0.25, "pipeline", 45800],
    [31000, 45690, 45745.5, "LOST", 0, "omitted", 45745.5],
    [9800, 45700, null, "open", 0.4, "best case", 45820],
    [17250, 45702, 45790, "won", 1, "Closed", 45790],
  ],
};

describe("KPI sales formulas", () => {
  const cases: [string, string][] = [
    ["=SPM.KPI.ATTAINMENT(A1, 10000)", "=A1/10000"],
    ["=SPM.KPI.WINRATE(12, 36)", "=12/(12+36)"],
    // COUNTIF matches text regardless of case but not "Closed Won", which counts as won too.
    [
      "=SPM.KPI.WINRATE(D1:D8)",
      '=(COUNTIF(D1:D8,"won")+1)/(COUNTIF(D1:D8,"won")+1+COUNTIF(D1:D8,"lost"))',
    ],
    ["=SPM.KPI.AVGDEAL(A1:A8)", "=AVERAGE(A1:A8)"],
    ["=SPM.KPI.AVGDEAL(A1:A8, D1:D8)", '=(SUMIF(D1:D8,"won",A1:A8)+A4)/(COUNTIF(D1:D8,"won")+1)'],
    [
      "=SPM.KPI.SALESCYCLE(B1:B8, C1:C8)",
      '=SUMPRODUCT((C1:C8>0)*(C1:C8-B1:B8))/COUNTIF(C1:C8,">0")',
    ],
    ['=SPM.KPI.SALESCYCLE(B1:B8, C1:C8, "median")', "=MEDIAN(C1-B1,C2-B2,C4-B4,C6-B6,C8-B8)"],
    ["=SPM.KPI.VELOCITY(40, 25%, 25000, 90)", "=40*0.25*25000/90"],
    ["=SPM.KPI.COVERAGE(A3:A8, 150000, 60000)", "=SUM(A3:A8)/(150000-60000)"],
    ["=SPM.KPI.COVERAGE(80000, 50000)", "=80000/50000"],
    ["=SPM.FORECAST.PIPELINE(A1:A8, E1:E8)", "=SUMPRODUCT(A1:A8,E1:E8)"],
    [
      "=SPM.FORECAST.PIPELINE(A1:A8, E1:E8, G1:G8, DATE(2025,3,1), DATE(2025,4,30))",
      "=SUMPRODUCT(A1:A8,E1:E8,(G1:G8>=DATE(2025,3,1))*(G1:G8<=DATE(2025,4,30)))",
    ],
    [
      "=SPM.FORECAST.PIPELINE(A1:A8, E1:E8, G1:G8, , DATE(2025,3,31))",
      "=SUMPRODUCT(A1:A8,E1:E8,(G1:G8<=DATE(2025,3,31))*1)",
    ],
    ["=SPM.FORECAST.RUNRATE(A8, 12/21)", "=A8/(12/21)"],
    ['=SPM.FORECAST.RUNRATE(A8, "40%")', "=A8/0.4"],
    ["=SPM.KPI.CAGR(1200000, 1650000, 3)", "=RRI(3,1200000,1650000)"],
    ["=SPM.KPI.CAGR(100, 80, 2.5)", "=RRI(2.5,100,80)"],
    ["=SPM.KPI.CHURN(500, 20)", "=20/500"],
    ["=SPM.KPI.SHELFSHARE(12, 40)", "=12/40"],
    ["=SPM.KPI.OOSRATE(9, 120)", "=9/120"],
    ["=SPM.KPI.UPLIFT(A1:A2, A3:A4)", "=SUM(A1:A2)/SUM(A3:A4)-1"],
    ["=SPM.KPI.UPLIFT(125, 100)", "=125/100-1"],
  ];

  test.each(cases)("%s", async (formula, reference) => {
    expectSameAs(await createTestEngine(DEALS), formula, reference);
  });

  test("web blanks give same results", async () => {
    const engine = await createTestEngine(DEALS, { blanks: "null" });
    expectSameAs(engine, "=SPM.KPI.SALESCYCLE(B1:B8, C1:C8)", "=(42+71+15+55.5+88)/5");
    expectSameAs(engine, "=SPM.KPI.WINRATE(D1:D8)", "=3/5");
  });
});

describe("KPI published examples", () => {
  const cases: [string, string, number, number | undefined][] = [
    // winsabove.pages.dev sales velocity glossary: 18 opportunities, $42K, 24 %, 78 days gives
    // $2,326 per day.
    ["velocity", "=SPM.KPI.VELOCITY(18, 24%, 42000, 78)", 2326, WHOLE_NUMBER],
    // askedwell.com "What is sales velocity?": 50 × 25 % × $12,000 ÷ 90 days ≈ $1,667 per day.
    ["velocity second", "=SPM.KPI.VELOCITY(50, 0.25, 12000, 90)", 1667, WHOLE_NUMBER],
    // dnoise.online NRR article: (200,000 − 6,000 − 4,000 + 20,000) ÷ 200,000 = 105 %.
    ["net revenue retention", "=SPM.KPI.NRR(200000, 20000, 4000, 6000)", 1.05, undefined],
    // Circana CPG dictionary, % ACV distribution: stores with $800 million of a $1 billion
    // market ACV give 80.
    ["ACV distribution", "=SPM.KPI.WEIGHTEDDIST({1;0}, {800;200})", 80, undefined],
  ];

  test.each(cases)("%s", async (_name, formula, expected, tolerance) => {
    expectNumber(await evaluate(formula), expected, tolerance);
  });

  test("numeric and weighted distribution", async () => {
    // blurtit.com, numeric vs weighted distribution (Nielsen audits): selling in 1 outlet of 10
    // is a numeric distribution of 10; when that outlet sells 50 % of the market, the weighted
    // distribution is 50.
    const sheet = {
      Sheet1: [
        ["yes", 450],
        ["no", 70],
        ["no", 60],
        ["no", 40],
        ["no", 55],
        ["no", 45],
        ["no", 50],
        ["no", 30],
        ["no", 50],
        ["no", 50],
      ],
    };
    const engine = await createTestEngine(sheet);
    expectNumber(engine.evaluate("=SPM.KPI.NUMERICDIST(A1:A10)"), 10);
    expectNumber(engine.evaluate("=SPM.KPI.NUMERICDIST(1, 10)"), 10);
    expectNumber(engine.evaluate("=SPM.KPI.WEIGHTEDDIST(A1:A10, B1:B10)"), 50);
  });
});

describe("KPI flag and outcome ranges", () => {
  // Outlets: A stocking flag in the spellings a store audit export uses, B category turnover.
  const outlets = {
    Sheet1: [
      [true, 1200],
      ["Yes", 800],
      [0, 300],
      ["n", 450],
      [1, 950],
      ["x", 100],
      [false, 200],
    ],
  };

  test.each([
    ["=SPM.KPI.NUMERICDIST(A1:A7)", "=4/7*100"],
    ["=SPM.KPI.WEIGHTEDDIST(A1:A7, B1:B7)", "=(B1+B2+B5+B6)/SUM(B1:B7)*100"],
    ["=SPM.KPI.OOSRATE(A1:A7)", "=4/7"],
  ])("%s", async (formula, reference) => {
    expectSameAs(await createTestEngine(outlets), formula, reference);
  });
});

describe("KPI spilled results", () => {
  test("forecast category roll-up", async () => {
    const engine = await createTestEngine(DEALS);
    const rows = rowsOf(engine.evaluate("=SPM.KPI.FORECASTROLLUP(A1:A8, F1:F8)"));
    expect(rows[0]).toEqual(["Category", "Deals", "Amount", "Forecast"]);
    expect(rows.map((row) => row[0])).toEqual([
      "Category",
      "Closed",
      "Commit",
      "Best case",
      "Pipeline",
    ]);

    // SUMIF and COUNTIF per category; the forecast adds up the more certain categories.
    const categories = ["closed", "commit", "best case", "pipeline"];
    let cumulative = 0;
    categories.forEach((category, i) => {
      const amount = numberOf(engine.evaluate(`=SUMIF(F1:F8,"${category}",A1:A8)`));
      cumulative += amount;
      expect(rows[i + 1][1]).toBe(engine.evaluate(`=COUNTIF(F1:F8,"${category}")`));
      expectNumber(rows[i + 1][2], amount);
      expectNumber(rows[i + 1][3], cumulative);
    });
  });

  test("growth period and year", async () => {
    // Fourteen months; growth is B(t)/B(t−lag) − 1 for an earlier value above 0.
    const values = [100, 120, 90, 0, 45, 60, 80, 75, 110, 95, 130, 140, 150, 108];
    const engine = await createTestEngine({ Sheet1: column(values) });

    const period = rowsOf(engine.evaluate("=SPM.KPI.GROWTH(A1:A14)"));
    expect(period).toHaveLength(14);
    expect(period[0][0]).toBe("");
    // April is 0, so May has no growth over it.
    expect(period[4][0]).toBe("");
    expectNumber(period[1][0], numberOf(engine.evaluate("=A2/A1-1")));
    expectNumber(period[3][0], numberOf(engine.evaluate("=A4/A3-1")));

    const year = rowsOf(engine.evaluate('=SPM.KPI.GROWTH(A1:A14, "year")'));
    expect(year.slice(0, 12).every((row) => row[0] === "")).toBe(true);
    expectNumber(year[12][0], numberOf(engine.evaluate("=A13/A1-1")));
    expectNumber(year[13][0], numberOf(engine.evaluate("=A14/A2-1")));

    const quarterly = rowsOf(engine.evaluate('=SPM.KPI.GROWTH(A1:A14, "yoy", 4)'));
    expectNumber(quarterly[4][0], numberOf(engine.evaluate("=A5/A1-1")));
  });

  test("growth from a loss", async () => {
    // From −100 to 50 the change is +150 on a base of 100: (50 − (−100)) ÷ ABS(−100).
    const engine = await createTestEngine({ Sheet1: column([-100, 50]) });
    const rows = rowsOf(engine.evaluate("=SPM.KPI.GROWTH(A1:A2)"));
    expectNumber(rows[1][0], numberOf(engine.evaluate("=(A2-A1)/ABS(A1)")));
  });

  test("score summary", async () => {
    const scores = [0.72, 0.95, 1.04, 1.31, 0.88, 1.0, 1.19, 0.79, 1.2];
    const engine = await createTestEngine({ Sheet1: column(scores) });
    const rows = rowsOf(engine.evaluate("=SPM.KPI.SCORESUMMARY(A1:A9)"));
    expect(rows.map((row) => row[0])).toEqual([
      "Statistic",
      "Count",
      "Mean",
      "Median",
      "Min",
      "Max",
      "< 80%",
      "80% to < 100%",
      "100% to < 120%",
      ">= 120%",
    ]);

    const statistics = ["=COUNT(A1:A9)", "=AVERAGE(A1:A9)", "=MEDIAN(A1:A9)", "=MIN(A1:A9)"];
    statistics.push("=MAX(A1:A9)");
    statistics.forEach((reference, i) => {
      expectNumber(rows[i + 1][1], numberOf(engine.evaluate(reference)));
    });
    const bands = [
      '=COUNTIF(A1:A9,"<0.8")',
      '=COUNTIFS(A1:A9,">=0.8",A1:A9,"<1")',
      '=COUNTIFS(A1:A9,">=1",A1:A9,"<1.2")',
      '=COUNTIF(A1:A9,">=1.2")',
    ];
    bands.forEach((reference, i) => {
      const count = numberOf(engine.evaluate(reference));
      expect(rows[i + 6][1]).toBe(count);
      expectNumber(rows[i + 6][2], count / scores.length);
    });
  });

  test("score summary custom bands", async () => {
    const engine = await createTestEngine({ Sheet1: column([0.4, 0.6, 0.9]) });
    const rows = rowsOf(engine.evaluate("=SPM.KPI.SCORESUMMARY(A1:A3, {0.5,0.75})"));
    expect(rows.slice(6).map((row) => [row[0], row[1]])).toEqual([
      ["< 50%", 1],
      ["50% to < 75%", 1],
      [">= 75%", 1],
    ]);
  });
});

describe("KPI.SCORE formulas", () => {
  // Metrics in rows: A actual, B target, C weight (percent or points).
  const sheet = {
    Sheet1: [
      [540000, 500000, 0.4, 40],
      [42, 60, 0.3, 30],
      [18, 12, 0.2, 20],
      [0.92, 0.9, 0.1, 10],
    ],
  };

  test.each([
    ["=SPM.KPI.SCORE(A1:A4, B1:B4, C1:C4)", "=SUMPRODUCT(A1:A4/B1:B4,C1:C4)/SUM(C1:C4)"],
    ["=SPM.KPI.SCORE(A1:A4, B1:B4, D1:D4)", "=SUMPRODUCT(A1:A4/B1:B4,C1:C4)/SUM(C1:C4)"],
    [
      "=SPM.KPI.SCORE(A1:A4, B1:B4, C1:C4, 120%)",
      "=(C1*MIN(A1/B1,1.2)+C2*MIN(A2/B2,1.2)+C3*MIN(A3/B3,1.2)+C4*MIN(A4/B4,1.2))/SUM(C1:C4)",
    ],
  ])("%s", async (formula, reference) => {
    expectSameAs(await createTestEngine(sheet), formula, reference);
  });
});

describe("KPI bad input", () => {
  const cases: [string, string, string, RegExp][] = [
    ["quota of 0", "=SPM.KPI.ATTAINMENT(A1, 0)", "#VALUE!", /^quota is 0; give the quota/],
    ["negative won", "=SPM.KPI.WINRATE(-1, 3)", "#VALUE!", /^won is -1 but must be a whole/],
    ["no closed deals", "=SPM.KPI.WINRATE(0, 0)", "#DIV/0!", /won \+ lost is 0/],
    [
      "lost missing",
      "=SPM.KPI.WINRATE(5)",
      "#VALUE!",
      /^lost is missing; give the number of deals lost/,
    ],
    [
      "unknown outcome",
      "=SPM.KPI.WINRATE(F1:F8)",
      "#VALUE!",
      /^won: cell 1 contains text "closed"; use "won", "lost" or "open"/,
    ],
    ["amount text", "=SPM.KPI.AVGDEAL(D1:D8)", "#VALUE!", /^amounts: cell 1 contains text "won"/],
    [
      "outcomes shorter",
      "=SPM.KPI.AVGDEAL(A1:A8, D1:D6)",
      "#VALUE!",
      /^outcomes has 6 values but amounts has 8/,
    ],
    ["no won deal", "=SPM.KPI.AVGDEAL(A2:A3, D2:D3)", "#DIV/0!", /the number of won deals is 0/],
    [
      "close before created",
      "=SPM.KPI.SALESCYCLE(C1:C2, B1:B2)",
      "#VALUE!",
      /^closed: cell 1 \(serial 45658\) is before created \(serial 45700\)/,
    ],
    [
      "dates of different length",
      "=SPM.KPI.SALESCYCLE(B1:B8, C1:C7)",
      "#VALUE!",
      /^closed has 7 values but created has 8/,
    ],
    [
      "text among dates",
      "=SPM.KPI.SALESCYCLE(B1:B8, D1:D8)",
      "#VALUE!",
      /^closed: cell 1 contains text "won", not a date. Excel did not recognise it/,
    ],
    ["no closed deal", "=SPM.KPI.SALESCYCLE(B3, C3)", "#DIV/0!", /closed has no close dates/],
    [
      "unknown statistic",
      '=SPM.KPI.SALESCYCLE(B1:B8, C1:C8, "mode")',
      "#VALUE!",
      /^statistic is "mode"; use one of "mean" \(or "average"\), "median"/,
    ],
    [
      "win rate as points",
      "=SPM.KPI.VELOCITY(10, 25, 1000, 30)",
      "#VALUE!",
      /^win_rate is 25 \(2500%\) .* If you mean 25 %, enter 25% or 0.25/,
    ],
    ["cycle of 0 days", "=SPM.KPI.VELOCITY(10, 25%, 1000, 0)", "#DIV/0!", /cycle_days is 0/],
    [
      "quota already met",
      "=SPM.KPI.COVERAGE(A3:A8, 100, 150)",
      "#N/A",
      /^closed_to_date \(150\) already reaches quota \(100\)/,
    ],
    [
      "probability above 100 %",
      "=SPM.FORECAST.PIPELINE(A1:A2, {0.5;60})",
      "#VALUE!",
      /^probabilities: cell 2 is 60 \(6000%\) .* If you mean 60 %, enter 60% or 0.6/,
    ],
    [
      "negative probability",
      "=SPM.FORECAST.PIPELINE(A1:A2, {0.5;-0.1})",
      "#VALUE!",
      /^probabilities: cell 2 is -0.1 \(-10%\) but must be a percentage from 0% to 100%/,
    ],
    [
      "probabilities shorter",
      "=SPM.FORECAST.PIPELINE(A1:A8, E1:E7)",
      "#VALUE!",
      /^probabilities has 7 values but amounts has 8/,
    ],
    [
      "period without dates",
      "=SPM.FORECAST.PIPELINE(A1:A8, E1:E8, , DATE(2025,3,1))",
      "#VALUE!",
      /^close_dates is missing; give the close date of each deal/,
    ],
    [
      "period end before start",
      "=SPM.FORECAST.PIPELINE(A1:A8, E1:E8, G1:G8, DATE(2025,4,1), DATE(2025,3,1))",
      "#VALUE!",
      /^period_end \(serial 45717\) is before period_start \(serial 45748\)/,
    ],
    [
      "unknown category",
      '=SPM.KPI.FORECASTROLLUP(A1:A2, {"commit";"likely"})',
      "#VALUE!",
      /^categories: cell 2 contains text "likely"; use one of "closed"/,
    ],
    ["elapsed share of 0", "=SPM.FORECAST.RUNRATE(1000, 0)", "#DIV/0!", /elapsed_share is 0/],
    [
      "elapsed share above 100 %",
      "=SPM.FORECAST.RUNRATE(1000, 1.5)",
      "#VALUE!",
      /^elapsed_share is 1.5 \(150%\) but must be a percentage from 0% to 100%/,
    ],
    [
      "unknown comparison",
      '=SPM.KPI.GROWTH(A1:A8, "quarter")',
      "#VALUE!",
      /^comparison is "quarter"; use one of "period"/,
    ],
    ["CAGR from 0", "=SPM.KPI.CAGR(0, 100, 3)", "#VALUE!", /^begin_value is 0; CAGR needs/],
    ["CAGR over 0 years", "=SPM.KPI.CAGR(10, 100, 0)", "#VALUE!", /^years is 0 but must be/],
    [
      "more lost than customers",
      "=SPM.KPI.CHURN(20, 25)",
      "#VALUE!",
      /^customers_lost \(25\) is more than customers_start \(20\)/,
    ],
    ["negative churn count", "=SPM.KPI.CHURN(20, -1)", "#VALUE!", /^customers_lost is -1/],
    ["no customers at start", "=SPM.KPI.CHURN(0, 0)", "#DIV/0!", /customers_start is 0/],
    [
      "losses above start revenue",
      "=SPM.KPI.NRR(1000, 0, 600, 500)",
      "#VALUE!",
      /^contraction \+ churned \(1100\) is more than start_revenue \(1000\)/,
    ],
    ["no start revenue", "=SPM.KPI.GRR(0, 0, 0)", "#DIV/0!", /start_revenue is 0/],
    [
      "target of 0",
      "=SPM.KPI.SCORE({1;2}, {1;0}, {1;1})",
      "#VALUE!",
      /^targets: cell 2 is 0, so the metric has no attainment/,
    ],
    [
      "weights shorter",
      "=SPM.KPI.SCORE({1;2}, {1;2}, {1})",
      "#VALUE!",
      /^weights has 1 values but actuals has 2/,
    ],
    ["all weights 0", "=SPM.KPI.SCORE({1;2}, {1;2}, {0;0})", "#VALUE!", /^weights are all 0/],
    [
      "bands not ascending",
      "=SPM.KPI.SCORESUMMARY({1;2}, {1;0.8})",
      "#VALUE!",
      /^bands: cell 2 \(0.8\) is not above cell 1 \(1\)/,
    ],
    [
      "more stocking than outlets",
      "=SPM.KPI.NUMERICDIST(12, 10)",
      "#VALUE!",
      /^stocking \(12\) is more than outlets \(10\)/,
    ],
    [
      "negative outlets",
      "=SPM.KPI.NUMERICDIST(1, -10)",
      "#VALUE!",
      /^outlets is -10 but must be a whole number of 0 or more/,
    ],
    [
      "outlets missing",
      "=SPM.KPI.NUMERICDIST(3)",
      "#VALUE!",
      /^outlets is missing; give the number of outlets/,
    ],
    ["no outlets", "=SPM.KPI.NUMERICDIST(0, 0)", "#DIV/0!", /outlets is 0/],
    [
      "flags in two columns",
      "=SPM.KPI.NUMERICDIST({1,0;0,1})",
      "#VALUE!",
      /^stocking is a range of 2 rows and 2 columns; select a single row or a single column/,
    ],
    [
      "checks in two columns",
      "=SPM.KPI.OOSRATE({1,0;0,1})",
      "#VALUE!",
      /^out_of_stock is a range of 2 rows and 2 columns; select a single row or a single/,
    ],
    [
      "unknown flag",
      '=SPM.KPI.NUMERICDIST({"yes";"maybe"})',
      "#VALUE!",
      /^stocking: cell 2 contains text "maybe"; use TRUE or FALSE, 1 or 0, or yes or no/,
    ],
    [
      "flags and turnover differ",
      "=SPM.KPI.WEIGHTEDDIST({1;0}, {1;2;3})",
      "#VALUE!",
      /^turnover has 3 values but stocking has 2/,
    ],
    [
      "negative turnover",
      "=SPM.KPI.WEIGHTEDDIST({1;0}, {1;-2})",
      "#VALUE!",
      /^turnover: cell 2 is -2/,
    ],
    [
      "brand above total",
      "=SPM.KPI.SHELFSHARE(50, 40)",
      "#VALUE!",
      /^brand_facings \(50\) is more than total_facings \(40\)/,
    ],
    [
      "checks missing",
      "=SPM.KPI.OOSRATE(4)",
      "#VALUE!",
      /^checks is missing; give the number of checks/,
    ],
    ["baseline of 0", "=SPM.KPI.UPLIFT(10, 0)", "#DIV/0!", /baseline is 0/],
    [
      "uplift ranges differ",
      "=SPM.KPI.UPLIFT(A1:A3, A4:A5)",
      "#VALUE!",
      /^baseline has 2 values but actual has 3/,
    ],
  ];

  test.each(cases)("%s", async (_name, formula, code, message) => {
    expectError(await evaluate(formula, DEALS), code, message);
  });
});

describe("KPI.SALESCYCLE without closed deals", () => {
  // Row 3 is an open deal, so B3 and C3 give no cycle length. The expected errors are those of
  // Excel's statistics over no numbers. AVERAGE is evaluated in the same engine. HyperFormula
  // 3.5.0 returns 0 for MEDIAN of a blank cell where Excel returns #NUM!, so the median's
  // reference is formulajs 4.6.1's MEDIAN, which follows Excel.
  const noCycleLengths: number[] = [];
  const medianError = formulajs.MEDIAN(noCycleLengths) as unknown as Error;

  test("mean matches AVERAGE", async () => {
    const engine = await createTestEngine(DEALS);
    const reference = engine.evaluate("=AVERAGE(C3)") as { error: string };
    const result = engine.evaluate("=SPM.KPI.SALESCYCLE(B3, C3)");
    expectError(result, reference.error, /^closed has no close dates/);
  });

  test("median matches MEDIAN", async () => {
    const result = await evaluate('=SPM.KPI.SALESCYCLE(B3, C3, "median")', DEALS);
    expect(medianError.message).toBe("#NUM!");
    expectError(result, medianError.message, /^closed has no close dates/);
  });
});
