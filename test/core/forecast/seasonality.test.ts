import * as fs from "fs";
import * as path from "path";
import { detectSeasonLength } from "../../../src/core/forecast/seasonality";
import { describeWithData, readReferenceCsv } from "../../support/referenceData";
import { readSeries } from "./referenceCases";

/** A synthetic series and the season length R's findfrequency() returns for it. */
interface SyntheticCase {
  id: string;
  input: number[];
  expected: number;
}

/** Contents of `reference/seasonality-cases.json`, written by `reference/seasonality.R`. */
interface SeasonalityCases {
  versions: { r: string; forecast: string };
  clean_pattern: SyntheticCase[];
  white_noise: SyntheticCase[];
  random_walk: SyntheticCase[];
  local_level: SyntheticCase[];
  air_passengers: { file: string; expected: number };
  m3_file: string;
  m3_monthly: { series: string; n: number; expected: number }[];
}

// Share of the 50 M3 monthly series on which detectSeasonLength returns what findfrequency()
// returns. Measured: 33 of 50 (0.66). A detection by Bartlett's limit alone agrees on 34.
// findfrequency() reads the highest peak of an autoregressive spectrum, so it often returns a
// harmonic of the yearly season (6, 4, 3) or a chance period where this detection returns 12
// or 1.
const MIN_M3_AGREEMENT = 0.66;

const cases: SeasonalityCases = JSON.parse(
  fs.readFileSync(path.join(__dirname, "reference", "seasonality-cases.json"), "utf8"),
);

/** Reads the history of one M3 series (one row, values in columns v1 … vn). */
function readM3Series(series: string): number[] {
  const row = readReferenceCsv(cases.m3_file).find((record) => record.series === series);
  if (row === undefined) {
    throw new Error(`M3 series ${series} not found in ${cases.m3_file}.`);
  }
  return Array.from({ length: Number(row.n) }, (_, i) => Number(row[`v${i + 1}`]));
}

/** The clean monthly pattern round(100 + 20 sin(2πt/12) + t, 2) has season 12 by construction. */
const cleanPattern = cases.clean_pattern.map((c) => [c.id, c] as const);
const cleanWhereRFindsTwelve = cleanPattern.filter(([, c]) => c.expected === 12);
const cleanWhereRMissesTwelve = cleanPattern.filter(([, c]) => c.expected !== 12);

/** Deterministic standard normal values: Park-Miller LCG and the Box-Muller transform. */
function whiteNoise(length: number, seed: number): number[] {
  let state = seed;
  const uniform = (): number => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  return Array.from({ length }, () => {
    return Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  });
}

describe("detectSeasonLength against findfrequency", () => {
  // Expected values: findfrequency() of R 4.2.2, forecast 8.20, in seasonality-cases.json.
  test("reference versions", () => {
    expect(cases.versions).toEqual({ r: "4.2.2", forecast: "8.20" });
  });

  test.each(cleanWhereRFindsTwelve)("clean pattern %s", (_, c) => {
    expect(detectSeasonLength(c.input)).toBe(c.expected);
  });

  // findfrequency() returns 11 for 7 of the 49 lengths (25 to 28, 33, 38, 40 values). It
  // returns floor(1/f + 0.5) for the frequency f of the highest peak of an autoregressive
  // spectrum, and for these short series that peak lies above 1/11.5.
  test.each(cleanWhereRMissesTwelve)("clean pattern %s, R off", (_, c) => {
    expect(c.expected).toBe(11);
    expect(detectSeasonLength(c.input)).toBe(12);
  });

  test.each(cases.white_noise.map((c) => [c.id, c] as const))("white noise %s", (_, c) => {
    expect(detectSeasonLength(c.input)).toBe(c.expected);
  });

  test.each(cases.random_walk.map((c) => [c.id, c] as const))("random walk %s", (_, c) => {
    expect(detectSeasonLength(c.input)).toBe(c.expected);
  });

  // A random walk observed with noise has no season by construction. findfrequency() returns 3
  // or 26 on 10 of these 20 series, from a chance peak of the spectrum. The detection returns 1.
  test.each(cases.local_level.map((c) => [c.id, c] as const))("local level %s", (_, c) => {
    expect(detectSeasonLength(c.input)).toBe(1);
  });
});

describeWithData("detectSeasonLength on reference data", () => {
  test("AirPassengers matches findfrequency", () => {
    const y = readSeries(cases.air_passengers.file, null, null, "passengers");

    expect(y).toHaveLength(144);
    expect(detectSeasonLength(y)).toBe(cases.air_passengers.expected);
  });

  test("M3 monthly agreement rate", () => {
    const agreeing = cases.m3_monthly.filter(
      (c) => detectSeasonLength(readM3Series(c.series)) === c.expected,
    );

    expect(cases.m3_monthly).toHaveLength(50);
    expect(agreeing.length / cases.m3_monthly.length).toBeGreaterThanOrEqual(MIN_M3_AGREEMENT);
  });
});

describe("detectSeasonLength", () => {
  // The period of each constructed series is known by construction.
  test("sine with period 7", () => {
    const y = Array.from({ length: 140 }, (_, t) => 50 + 10 * Math.sin((2 * Math.PI * t) / 7));

    expect(detectSeasonLength(y)).toBe(7);
  });

  test("noisy quarterly season with trend", () => {
    const noise = whiteNoise(80, 7);
    const pattern = [10, -4, -8, 2];
    const y = noise.map((e, t) => 100 + 0.5 * t + pattern[t % 4] + 2 * e);

    expect(detectSeasonLength(y)).toBe(4);
  });

  test.each([1, 2, 3, 42, 2024])("white noise seed %p", (seed) => {
    expect(detectSeasonLength(whiteNoise(200, seed))).toBe(1);
  });

  test("full Excel column reads the last values", () => {
    const y = Array.from(
      { length: 1_048_576 },
      (_, t) => 100 + 10 * Math.sin((2 * Math.PI * t) / 7),
    );

    expect(detectSeasonLength(y)).toBe(7);
  });

  test("random walk has none", () => {
    let level = 0;
    const y = whiteNoise(300, 11).map((e) => (level += e));

    expect(detectSeasonLength(y)).toBe(1);
  });

  test("linear trend has none", () => {
    expect(detectSeasonLength(Array.from({ length: 100 }, (_, t) => 3 + 2 * t))).toBe(1);
  });

  test("constant has none", () => {
    expect(detectSeasonLength(new Array<number>(60).fill(42))).toBe(1);
  });

  test("short series has none", () => {
    expect(detectSeasonLength([1, 2, 3])).toBe(1);
    expect(detectSeasonLength([])).toBe(1);
  });

  test("clean quarterly pattern, two seasons", () => {
    const pattern = [10, -4, -8, 2];
    const y = Array.from({ length: 8 }, (_, t) => 100 + 0.5 * t + pattern[t % 4]);

    expect(detectSeasonLength(y)).toBe(4);
  });

  test("multiple of season not chosen", () => {
    // Period 12 by construction. With this noise r_24 is above r_12, so taking the lag of the
    // largest autocorrelation alone returns 24.
    const noise = whiteNoise(300, 1);
    const y = noise.map((e, t) => 3 * Math.sin((2 * Math.PI * t) / 12) + 2 * e);

    expect(detectSeasonLength(y)).toBe(12);
  });
});
