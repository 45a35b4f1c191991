import { createTestEngine } from "../support/engine";
import { expectError, expectSameAs } from "../core/kpi/formulaChecks";

// Formula tests of the directions argument of SPM.KPI.SCORE. Each expected value is a formula of
// Excel's own functions written out in the test and evaluated in the same sheet: the attainment
// is IF(direction="lower", target/actual, actual/target), limited to the cap with IF, weighted
// with SUMPRODUCT. Excel compares text with = regardless of case, as the directions are read.

/**
 * Metrics in rows: A actual, B target, C weight, D direction, E direction with every metric
 * higher-is-better spelled out or blank, F direction with a lower-is-better actual of 0 in row 6.
 */
const SHEET = {
  Sheet1: [
    // Revenue in currency.
    [540000, 500000, 0.3, null, "higher", "higher"],
    // Days sales outstanding: 80 days against 100 days.
    [80, 100, 0.2, "lower", "HIGHER", "lower"],
    // Cost-of-sales ratio.
    [0.12, 0.1, 0.2, "Lower", null, "lower"],
    // Sales cycle days.
    [45, 60, 0.1, "LOWER", "Higher", "lower"],
    // Win rate.
    [0.28, 0.25, 0.1, "higher", null, "higher"],
    // Discount rate given to customers, none this period.
    [0, 0.05, 0.1, "lower", null, "lower"],
  ],
};

/** Returns the attainment of each metric of rows 1 to `end`, by the direction in `column`. */
function attainments(column: string, end: number): string {
  const rows = (letter: string): string => `${letter}1:${letter}${end}`;
  return `IF(${rows(column)}="lower",${rows("B")}/${rows("A")},${rows("A")}/${rows("B")})`;
}

/** Returns the attainment of rows 1-6 by column F, where a lower-is-better actual of 0 is `cap`. */
function attainmentsWithZero(cap: number): string {
  return `IF(F1:F6="lower",IF(A1:A6=0,${cap},B1:B6/A1:A6),A1:A6/B1:B6)`;
}

/** Returns `attainment` limited to `cap`, element by element. */
function capped(attainment: string, cap: number): string {
  return `IF(${attainment}>${cap},${cap},${attainment})`;
}

describe("KPI.SCORE directions", () => {
  test.each([
    [
      "=SPM.KPI.SCORE(A1:A5, B1:B5, C1:C5, , D1:D5)",
      `=SUMPRODUCT(C1:C5,${attainments("D", 5)})/SUM(C1:C5)`,
    ],
    [
      "=SPM.KPI.SCORE(A1:A5, B1:B5, C1:C5, 120%, D1:D5)",
      `=SUMPRODUCT(C1:C5,${capped(attainments("D", 5), 1.2)})/SUM(C1:C5)`,
    ],
    ["=SPM.KPI.SCORE(A1:A5, B1:B5, C1:C5, , E1:E5)", "=SUMPRODUCT(C1:C5,A1:A5/B1:B5)/SUM(C1:C5)"],
    [
      "=SPM.KPI.SCORE(A1:A6, B1:B6, C1:C6, 150%, F1:F6)",
      `=SUMPRODUCT(C1:C6,${capped(attainmentsWithZero(1.5), 1.5)})/SUM(C1:C6)`,
    ],
    ["=SPM.KPI.SCORE(A2, B2, C2, , D2)", "=B2/A2"],
    // Blank directions past the last metric are dropped, as blank actuals at the end are.
    ["=SPM.KPI.SCORE(A1:A4, B1:B4, C1:C4, , E1:E6)", "=SUMPRODUCT(C1:C4,A1:A4/B1:B4)/SUM(C1:C4)"],
  ])("%s", async (formula, reference) => {
    expectSameAs(await createTestEngine(SHEET), formula, reference);
  });
});

describe("KPI.SCORE directions bad input", () => {
  const cases: [string, string, RegExp][] = [
    [
      "unknown direction",
      '=SPM.KPI.SCORE(A1:A2, B1:B2, C1:C2, , {"higher";"less"})',
      /^directions: cell 2 contains text "less"; use one of "higher", "lower"\.$/,
    ],
    [
      "number as direction",
      "=SPM.KPI.SCORE(A1:A2, B1:B2, C1:C2, , {1;2})",
      /^directions: cell 1 contains the value 1; use one of "higher", "lower"\.$/,
    ],
    [
      "directions shorter",
      "=SPM.KPI.SCORE(A1:A5, B1:B5, C1:C5, , D1:D4)",
      /^directions has 4 values but actuals has 5; select ranges of the same size/,
    ],
    [
      "directions longer",
      "=SPM.KPI.SCORE(A1:A4, B1:B4, C1:C4, , D1:D5)",
      /^directions has 5 values but actuals has 4; select ranges of the same size/,
    ],
    [
      "lower actual 0 uncapped",
      "=SPM.KPI.SCORE(A1:A6, B1:B6, C1:C6, , F1:F6)",
      /^actuals: cell 6 is 0 on a lower-is-better metric, .* give a cap, such as 150%\.$/,
    ],
    [
      "lower negative actual",
      '=SPM.KPI.SCORE({100;-5}, {100;10}, {1;1}, , {"higher";"lower"})',
      /^actuals: cell 2 is -5 on a lower-is-better metric; target ÷ actual needs/,
    ],
    [
      "lower negative target",
      '=SPM.KPI.SCORE({100;5}, {100;-10}, {1;1}, , {"higher";"lower"})',
      /^targets: cell 2 is -10 on a lower-is-better metric; target ÷ actual needs/,
    ],
    [
      "lower target of 0",
      '=SPM.KPI.SCORE({100;5}, {100;0}, {1;1}, , {"higher";"lower"})',
      /^targets: cell 2 is 0, so the metric has no attainment/,
    ],
  ];

  test.each(cases)("%s", async (_name, formula, message) => {
    const engine = await createTestEngine(SHEET);
    expectError(engine.evaluate(formula), "#VALUE!", message);
  });
});
