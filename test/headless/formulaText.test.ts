import { calledFunctionNames, normalizeFormula } from "../../src/headless/formulaText";

/** Stored custom function names as the engine registers them for the SPM functions. */
const STORED_NAMES = new Map([["SPM_FORECAST_SES", "SPM.FORECAST.SES"]]);

describe("normalizeFormula", () => {
  // Source: the prefixes as Excel writes them in files (`_xlfn.`, `_xlws.`, `_xldudf_`).
  const cases: [string, string][] = [
    ["=_xlfn.STDEV.S(A1:A3)", "=STDEV.S(A1:A3)"],
    ["=_xlws.FILTER(A1:A3,B1:B3)", "=FILTER(A1:A3,B1:B3)"],
    ["=_xldudf_SPM_FORECAST_SES(A1:A9,3)", "=SPM.FORECAST.SES(A1:A9,3)"],
    ["=_XLDUDF_spm_forecast_ses(A1:A9,3)", "=SPM.FORECAST.SES(A1:A9,3)"],
    ["=_xldudf_OTHER_ADDIN(1)", "=_xldudf_OTHER_ADDIN(1)"],
    ['="_xlfn.IFS(" & _xlfn.IFS(A1,1)', '="_xlfn.IFS(" & IFS(A1,1)'],
    ["='_xlfn.X(1)'!A1+SUM(1)", "='_xlfn.X(1)'!A1+SUM(1)"],
  ];

  test.each(cases)("rewrites %s", (stored, expected) => {
    expect(normalizeFormula(stored, STORED_NAMES)).toBe(expected);
  });
});

describe("calledFunctionNames", () => {
  test("lists calls outside strings", () => {
    expect(calledFunctionNames('=SUM(A1, spm.forecast.ses(B1:B9, 2), "MAX(")')).toEqual([
      "SUM",
      "SPM.FORECAST.SES",
    ]);
  });

  test("ignores sheet names and cells", () => {
    expect(calledFunctionNames("='Data (2024)'!A1+Data!B2")).toEqual([]);
  });
});
