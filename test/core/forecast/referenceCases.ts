import * as fs from "fs";
import * as path from "path";
import { readReferenceCsv, readReferenceJson } from "../../support/referenceData";

/** A case of the shared `reference/r-forecast-cases.json` (R 4.2.2, forecast 8.20). */
export interface RForecastCase {
  id: string;
  method: string;
  source: string;
  season_length: number;
  horizon: number;
  params: Record<string, number | string | boolean>;
  input: number[];
  expected_forecast: number[];
  expected_sse?: number;
  expected?: Record<string, unknown>;
}

/** A case of the shared `reference/forecast-cases.json`. */
export interface PublishedCase {
  id: string;
  source: string;
  method: string;
  params: Record<string, unknown> | string;
  input: { series: number[] | null };
  input_xy?: { known_y: number[]; known_x: number[] };
  horizon: number;
  expected: {
    forecasts: number[];
    fitted?: number[];
    sse?: number;
    alpha?: number;
    beta?: number;
    other?: Record<string, number>;
  };
  expected_scalar?: Record<string, number>;
  tolerance: { abs?: number; rel?: number };
  notes?: string;
}

/** A case computed by `reference/make-cases.R` on the Superstore monthly sales. */
export interface OptimisedCase {
  id: string;
  method: "ses" | "holt" | "hw-add" | "hw-mult";
  file: string;
  key_column: string;
  key: string;
  value_column: string;
  season_length: number;
  horizon: number;
  expected_sse: number;
  expected_parameters: Record<string, number>;
  expected_forecast: number[];
}

/** Contents of `reference/r-cases.json`, written by `reference/make-cases.R`. */
export interface ComputedCases {
  versions: { r: string; forecast: string };
  croston: {
    id: string;
    input: number[];
    alpha: number;
    horizon: number;
    expected_forecast: number[];
  }[];
  optimised: OptimisedCase[];
  no_trend: {
    id: string;
    file: string;
    value_column: string;
    season: "additive" | "multiplicative";
    season_length: number;
    alpha: number;
    gamma: number;
    horizon: number;
    expected_sse: number;
    expected_forecast: number[];
  }[];
  accuracy: {
    id: string;
    history: number[];
    actual: number[];
    forecast: number[];
    season_length: number;
    expected: Record<string, number>;
  }[];
  normal_quantiles: { p: number; quantile: number }[];
  linear_example: { y: number[]; x: number[]; slope: number; intercept: number };
}

/** Reads the shared R cases. */
export function readRForecastCases(): RForecastCase[] {
  return readReferenceJson<RForecastCase[]>("reference/r-forecast-cases.json");
}

/** Reads the shared published and R cases. */
export function readPublishedCases(): PublishedCase[] {
  return readReferenceJson<{ cases: PublishedCase[] }>("reference/forecast-cases.json").cases;
}

/** Reads the cases this repository computes with R (no shared data needed). */
export function readComputedCases(): ComputedCases {
  const file = path.join(__dirname, "reference", "r-cases.json");
  return JSON.parse(fs.readFileSync(file, "utf8")) as ComputedCases;
}

/** Reads one column of a shared CSV, keeping the rows whose `keyColumn` equals `key`. */
export function readSeries(
  file: string,
  keyColumn: string | null,
  key: string | null,
  valueColumn: string,
): number[] {
  return readReferenceCsv(file)
    .filter((row) => keyColumn === null || row[keyColumn] === key)
    .map((row) => Number(row[valueColumn]));
}

/** Largest relative difference |a - e| / max(|e|, 1e-300) over two arrays of equal length. */
export function maxRelativeError(actual: readonly number[], expected: readonly number[]): number {
  let worst = 0;
  expected.forEach((value, i) => {
    const error = Math.abs(actual[i] - value) / Math.max(Math.abs(value), 1e-300);
    worst = Math.max(worst, error);
  });
  return worst;
}
