import * as fs from "fs";
import * as path from "path";
import { readReferenceCsv } from "../../../support/referenceData";

/** R's forecast::ets results for one series, written by `reference/ets-cases.R`. */
export interface EtsCase {
  id: string;
  /** Shared data file and the row filter that select the series. */
  file: string;
  key_column?: string;
  key?: string;
  /** Column of the values; absent for the M3 files, which hold one series per row. */
  value_column?: string;
  season_length: number;
  horizon: number;
  expected: {
    model: string;
    aicc: number;
    loglik: number;
    sigma2: number;
    parameters: { alpha: number; beta?: number; gamma?: number; phi?: number };
    initial: { level: number; trend?: number; seasonal: number[] };
    mean: number[];
    lower80: number[];
    upper80: number[];
    lower95: number[];
    upper95: number[];
  };
  /** AICc of every default model R could fit, by model code. */
  model_aicc: Record<string, number>;
  /** For a multiplicative season: R's point forecasts and intervals from simulated paths. */
  simulated?: {
    paths: number;
    mean: number[];
    lower80: number[];
    upper80: number[];
    lower95: number[];
    upper95: number[];
  };
}

/** Reads the cases of `reference/ets-cases.json` (R 4.2.2, forecast 8.20). */
export function readEtsCases(): EtsCase[] {
  const file = path.join(__dirname, "..", "reference", "ets-cases.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { cases: EtsCase[] }).cases;
}

/** Reads the series of a case from the shared data folder. */
export function readCaseSeries(testCase: EtsCase): number[] {
  const rows = readReferenceCsv(testCase.file).filter(
    (row) => testCase.key_column === undefined || row[testCase.key_column] === testCase.key,
  );
  if (testCase.value_column !== undefined) {
    return rows.map((row) => Number(row[testCase.value_column as string]));
  }
  const row = rows[0];
  return Array.from({ length: Number(row.n) }, (_, i) => Number(row[`v${i + 1}`]));
}

/** Largest relative difference |a - e| / |e| over two arrays of equal length. */
export function maxRelativeError(actual: readonly number[], expected: readonly number[]): number {
  let worst = 0;
  expected.forEach((value, i) => {
    worst = Math.max(worst, Math.abs(actual[i] - value) / Math.abs(value));
  });
  return worst;
}
