import { SmoothingFit } from "../../../src/core/forecast/exponentialSmoothing";
import { forecastHolt } from "../../../src/core/forecast/holt";
import { forecastHoltWinters } from "../../../src/core/forecast/holtWinters";
import { forecastSes } from "../../../src/core/forecast/ses";
import { describeWithData } from "../../support/referenceData";
import { OptimisedCase, readComputedCases, readSeries } from "./referenceCases";

// Required quality of an optimised fit: an SSE at most 0.1 % above the one R's optimiser reaches.
const MAX_SSE_RATIO = 1.001;

function fitOptimised(testCase: OptimisedCase, y: number[]): SmoothingFit {
  const h = testCase.horizon;
  const m = testCase.season_length;
  switch (testCase.method) {
    case "ses":
      return forecastSes(y, h, null);
    case "holt":
      return forecastHolt(y, h, null, null, null);
    case "hw-add":
      return forecastHoltWinters(y, h, m, "additive", null, null, null);
    case "hw-mult":
      return forecastHoltWinters(y, h, m, "multiplicative", null, null, null);
  }
}

describeWithData("optimised smoothing on Superstore sales", () => {
  const cases = readComputedCases().optimised;

  // Source: reference/r-cases.json, written by reference/make-cases.R with R 4.2.2 and
  // forecast 8.20 (ses, holt and hw with initial = "simple" and optimised parameters).
  test.each(cases.map((c) => [c.id, c] as const))("%s SSE within 0.1 % of R", (_id, c) => {
    const y = readSeries(c.file, c.key_column, c.key, c.value_column);
    const fit = fitOptimised(c, y);

    expect(y).toHaveLength(48);
    expect(fit.sse / c.expected_sse).toBeLessThanOrEqual(MAX_SSE_RATIO);
  });

  test("every method has cases", () => {
    const methods = new Set(cases.map((c) => c.method));

    expect([...methods].sort()).toEqual(["holt", "hw-add", "hw-mult", "ses"]);
  });
});
