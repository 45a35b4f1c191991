import { InsufficientDataError, InvalidInputError } from "../../../../src/core/errors";
import {
  ETS_MODELS,
  evaluateEts,
  fitEts,
  forecastEts,
  validModelCodes,
} from "../../../../src/core/forecast/ets";
import { hasRootsInsideCircle } from "../../../../src/core/forecast/ets/bounds";
import { parseModelCode } from "../../../../src/core/forecast/ets/model";

/** Builds a monthly series with a trend, a yearly season and a fixed irregular wobble. */
function seasonalSeries(n: number): number[] {
  return Array.from(
    { length: n },
    (_, t) => 100 + 0.5 * t + 15 * Math.sin((2 * Math.PI * t) / 12) + 3 * Math.sin(7.3 * t),
  );
}

/** Checks that every number is finite. */
function expectFinite(values: readonly number[]): void {
  for (const value of values) {
    expect(Number.isFinite(value)).toBe(true);
  }
}

describe("ETS model codes", () => {
  // The codes of R's forecast::ets default model set, as its print method spells them.
  test("fifteen default models", () => {
    expect(ETS_MODELS).toHaveLength(15);
    expect(validModelCodes()).toContain("MAdM");
    expect(validModelCodes()).toContain("ZZZ");
  });

  test.each([
    ["aadn", { error: "A", trend: "Ad", season: "N" }],
    ["MAdM", { error: "M", trend: "Ad", season: "M" }],
    ["ZZZ", { error: null, trend: null, season: null }],
    [" mzn ", { error: "M", trend: null, season: "N" }],
  ])("parses %s", (code, expected) => {
    expect(parseModelCode(code)).toEqual(expected);
  });

  test.each(["XYZ", "AMN", "ANM", "AAdd", ""])("rejects %p", (code) => {
    expect(() => parseModelCode(code)).toThrow(InvalidInputError);
    expect(() => parseModelCode(code)).toThrow(/use one of ANN, AAN, AAdN, ANA/);
  });
});

describe("ETS admissibility polynomial", () => {
  // Coefficients in increasing powers of polynomials built from their roots.
  test.each([
    ["(z - 0.5)(z + 0.9)", [-0.45, 0.4, 1], true],
    ["(z - 0.2)(z - 0.3)", [0.06, -0.5, 1], true],
    ["(z - 1.1)(z + 0.1)", [-0.11, -1, 1], false],
    ["z² + 1.21, roots ±1.1i", [1.21, 0, 1], false],
    ["z³ - 0.125, roots of modulus 0.5", [-0.125, 0, 0, 1], true],
  ] as const)("%s", (_name, coefficients, inside) => {
    expect(hasRootsInsideCircle(Float64Array.from(coefficients), 1)).toBe(inside);
  });
});

describe("ETS bad and unusual input", () => {
  test("fewer than four values", () => {
    expect(() => fitEts([1, 2, 3])).toThrow(InsufficientDataError);
    expect(() => fitEts([1, 2, 3])).toThrow(/history has 3 values but ETS needs at least 4/);
  });

  // ETS(A,Ad,A) with m = 12 estimates 17 parameters and needs two full seasons.
  test("too short for seasonal model", () => {
    const y = seasonalSeries(20);
    expect(() => fitEts(y, { seasonLength: 12, model: "AAdA" })).toThrow(InsufficientDataError);
    expect(() => fitEts(y, { seasonLength: 12, model: "AAdA" })).toThrow(
      /history has 20 values but ETS\(A,Ad,A\) with season_length 12 needs at least 24/,
    );
  });

  // ETS(A,Ad,N) estimates alpha, beta, phi, level and trend: 5 parameters, so 7 values.
  test("too short for damped trend", () => {
    expect(() => fitEts([1, 3, 2, 4, 5, 7], { model: "AAdN" })).toThrow(/needs at least 7/);
  });

  test("unknown model code", () => {
    expect(() => fitEts(seasonalSeries(30), { model: "QQQ" })).toThrow(
      /model is "QQQ", which is not a valid ETS model code; use one of ANN/,
    );
  });

  test("all zeros forecast zero", () => {
    const fit = fitEts(new Array<number>(24).fill(0), { seasonLength: 12 });
    const forecast = forecastEts(fit, 6, 95);

    expect(forecast.mean).toEqual(new Array<number>(6).fill(0));
    expect(forecast.lower).toEqual(new Array<number>(6).fill(0));
    expect(forecast.upper).toEqual(new Array<number>(6).fill(0));
  });

  test("constant history forecasts constant", () => {
    const fit = fitEts(new Array<number>(10).fill(5));

    expect(forecastEts(fit, 3).mean).toEqual([5, 5, 5]);
    expect(fit.sigma2).toBe(0);
  });

  test("one huge outlier stays finite", () => {
    const y = seasonalSeries(60);
    y[30] = 1e12;
    const fit = fitEts(y, { seasonLength: 12 });
    const forecast = forecastEts(fit, 12, 95);

    expectFinite(forecast.mean);
    expectFinite(forecast.lower ?? []);
    expectFinite(forecast.upper ?? []);
    expectFinite([fit.aicc, fit.sigma2, ...fit.fitted, ...fit.residuals]);
  });

  // One period far above the others makes the heuristic's first seasonal index negative
  // unless it is rescaled.
  test("spiky season still fits", () => {
    const y = Array.from({ length: 26 }, (_, t) => (t % 12 === 1 ? 60 : 1) + t * 0.01);
    const fit = fitEts(y, { seasonLength: 12, model: "MNM" });

    expect(fit.initialStates.seasonal.every((index) => index > 0)).toBe(true);
    expectFinite(forecastEts(fit, 12, 95).mean);
  });

  test("zeros exclude multiplicative models", () => {
    const y = seasonalSeries(48);
    y[5] = 0;
    const fit = fitEts(y, { seasonLength: 12 });

    expect(fit.components.error).toBe("A");
    expect(fit.components.season).not.toBe("M");
    expect(() => fitEts(y, { seasonLength: 12, model: "MNN" })).toThrow(
      /history: cell 6 is 0, but ETS\(M,N,N\) has a multiplicative error or season/,
    );
    expect(() => fitEts(y, { seasonLength: 12, model: "MZM" })).toThrow(
      /but model "MZM" has a multiplicative error or season.* such as "AZA"/,
    );
  });

  // Only the additive models of "ZZZ" remain, so a zero is no error there.
  test("zeros allowed with Z error", () => {
    const y = seasonalSeries(48);
    y[5] = 0;

    expect(fitEts(y, { seasonLength: 12, model: "ZAdZ" }).model).toMatch(/^AAd[NA]$/);
  });

  test("seasonal model needs season", () => {
    expect(() => fitEts(seasonalSeries(48), { seasonLength: 1, model: "ANA" })).toThrow(
      /season_length is 1, but ETS\(A,N,A\) needs a season length from 2 to 24/,
    );
  });

  test("no season detected", () => {
    const irregular = Array.from({ length: 30 }, (_, t) => 50 + t + 5 * Math.sin(t * t * 0.37));
    expect(() => fitEts(irregular, { model: "MNM" })).toThrow(
      /^season_length is omitted and the season length detected in history is 1, but ETS\(M,N,M\)/,
    );
  });

  // The models of "ZZM" all have a season, and the shortest, ETS(M,N,M), needs two seasons.
  test("too short for any requested", () => {
    expect(() => fitEts(seasonalSeries(20), { seasonLength: 12, model: "ZZM" })).toThrow(
      /^history has 20 values but ETS with season_length 12 needs at least 24\.$/,
    );
  });

  // R's ets ignores seasons longer than 24 in its automatic choice and rejects them otherwise.
  test("long season left out", () => {
    const y = seasonalSeries(160);
    expect(fitEts(y, { seasonLength: 52 }).components.season).toBe("N");
    expect(() => fitEts(y, { seasonLength: 52, model: "ANA" })).toThrow(InvalidInputError);
  });

  test("season length must be whole", () => {
    expect(() => fitEts(seasonalSeries(48), { seasonLength: 2.5 })).toThrow(/season_length/);
  });

  test("season detected when omitted", () => {
    const fit = fitEts(seasonalSeries(72));

    expect(fit.seasonLength).toBe(12);
    expect(fit.components.season).not.toBe("N");
  });
});

describe("ETS fit and forecast shape", () => {
  const y = seasonalSeries(72);
  const fit = fitEts(y, { seasonLength: 12, model: "MAM" });

  test("fitted and residuals per value", () => {
    expect(fit.fitted).toHaveLength(72);
    expect(fit.residuals).toHaveLength(72);
    // A multiplicative error is relative: y = ŷ·(1 + e).
    fit.fitted.forEach((value, t) => {
      expect(value * (1 + fit.residuals[t])).toBeCloseTo(y[t], 6);
    });
  });

  test("twelve seasonal indices", () => {
    expect(fit.initialStates.seasonal).toHaveLength(12);
    expect(fit.finalStates.seasonal).toHaveLength(12);
    const sum = fit.initialStates.seasonal.reduce((total, index) => total + index, 0);
    // R's normalisation: multiplicative initial indices sum to the season length.
    expect(sum).toBeCloseTo(12, 9);
  });

  test("simulated interval is repeatable", () => {
    const first = forecastEts(fit, 12, 90);
    const second = forecastEts(fit, 12, 0.9);

    expect(second).toEqual(first);
    first.mean.forEach((value, h) => {
      expect(first.lower?.[h]).toBeLessThan(value);
      expect(first.upper?.[h]).toBeGreaterThan(value);
    });
  });

  test("level out of range", () => {
    expect(() => forecastEts(fit, 3, 100)).toThrow(/level is 100/);
    expect(() => forecastEts(fit, 0)).toThrow(/horizon is 0/);
  });

  test("evaluateEts reproduces fit", () => {
    const again = evaluateEts(y, {
      model: fit.model,
      seasonLength: 12,
      parameters: fit.parameters,
      initialStates: fit.initialStates,
    });

    expect(again.aicc).toBeCloseTo(fit.aicc, 6);
    expect(forecastEts(again, 12).mean).toEqual(forecastEts(fit, 12).mean);
  });

  test("evaluateEts rejects automatic codes", () => {
    expect(() =>
      evaluateEts(y, { model: "ZZZ", parameters: { alpha: 0.5 }, initialStates: { level: 1 } }),
    ).toThrow(/needs one model/);
  });
});

describe("ETS speed", () => {
  // The goal is well under 100 ms for model selection on 120 monthly values. This guard only
  // catches a many-fold slowdown on a busy test machine. It reads the CPU time of the process,
  // because other processes sharing the machine inflate wall-clock time.
  const MAX_CPU_MILLISECONDS = 1000;

  test("120 monthly values", () => {
    const y = seasonalSeries(120);
    fitEts(y, { seasonLength: 12 });
    const start = process.cpuUsage();
    fitEts(
      y.map((value) => value * 1.01),
      { seasonLength: 12 },
    );
    const used = process.cpuUsage(start);

    expect((used.user + used.system) / 1000).toBeLessThan(MAX_CPU_MILLISECONDS);
  });
});
