import { detectSeasonLength } from "../../../src/core/forecast/seasonality";
import { describeWithData } from "../../support/referenceData";
import { readSeries } from "./referenceCases";

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

describeWithData("detectSeasonLength on AirPassengers", () => {
  // Source: AirPassengers is monthly with a yearly season (Box and Jenkins), period 12.
  test("finds the yearly season", () => {
    const y = readSeries("airpassengers.csv", null, null, "passengers");

    expect(y).toHaveLength(144);
    expect(detectSeasonLength(y)).toBe(12);
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
});
