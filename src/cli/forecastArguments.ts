/** Checks and converts the command-line options of `spm forecast`. */
import * as os from "os";
import { forecastMethodNames } from "../core/forecast/methods";
import { MAX_HORIZON } from "../functions/arguments";
import { ForecastOptions } from "./commands";
import { UsageError } from "./errors";
import { STANDARD_STREAM } from "./files";

/** The option values `spm forecast` reads, as `util.parseArgs` returns them. */
export interface ForecastArgumentValues {
  method?: string;
  horizon?: string;
  "season-length"?: string;
  level?: string;
  out?: string;
  "id-column"?: string;
  "skip-columns"?: string;
  jobs?: string;
}

/** Most worker threads `spm forecast` starts unless --jobs requests more. */
const MAX_DEFAULT_JOBS = 8;

/** Most worker threads --jobs accepts. */
const MAX_JOBS = 64;

/** Names of the options only `spm forecast` takes, for the other commands to reject. */
export const FORECAST_ONLY_OPTIONS: readonly (keyof ForecastArgumentValues)[] = [
  "method",
  "horizon",
  "season-length",
  "level",
  "out",
  "id-column",
  "skip-columns",
  "jobs",
];

/**
 * Builds the options of `spm forecast` from its input file and option values.
 *
 * @throws UsageError for a missing --method or --horizon, an unknown method or an invalid number.
 */
export function forecastOptionsFrom(
  input: string,
  values: ForecastArgumentValues,
): ForecastOptions {
  return {
    input,
    // "-" writes to standard output, as when --out is left out.
    output: values.out === STANDARD_STREAM ? undefined : values.out,
    layout: {
      idColumn: values["id-column"],
      skipColumns: parseSkipColumns(values["skip-columns"]),
    },
    settings: {
      method: parseMethod(values.method),
      horizon: parseHorizon(requireOption("--horizon", values.horizon)),
      seasonLength:
        values["season-length"] === undefined
          ? undefined
          : parseWholeNumber("--season-length", values["season-length"], 1),
      level: values.level === undefined ? undefined : parseLevel(values.level),
    },
    jobs: values.jobs === undefined ? defaultJobs() : parseJobs(values.jobs),
  };
}

/**
 * Returns the default number of worker threads: one per processor the process may use, at most
 * `MAX_DEFAULT_JOBS`.
 */
function defaultJobs(): number {
  return Math.min(os.availableParallelism(), MAX_DEFAULT_JOBS);
}

/** Parses --jobs: a whole number from 1 to `MAX_JOBS`. */
function parseJobs(text: string): number {
  const jobs = parseWholeNumber("--jobs", text, 1);
  if (jobs > MAX_JOBS) {
    throw new UsageError(
      `The --jobs option must be at most ${MAX_JOBS}, not ${text}. More threads than processors ` +
        "only add memory, about 13 MB each.",
    );
  }
  return jobs;
}

function requireOption(option: string, value: string | undefined): string {
  if (value === undefined) {
    throw new UsageError(`spm forecast needs the ${option} option.`);
  }
  return value;
}

function parseMethod(value: string | undefined): string {
  const method = requireOption("--method", value);
  const names = forecastMethodNames();
  if (!names.includes(method)) {
    throw new UsageError(
      `The forecast method is unknown: ${method}. The methods are ${names.join(", ")}.`,
    );
  }
  return method;
}

/** Parses --horizon: a whole number from 1 to the maximum horizon of the SPM.FORECAST functions. */
function parseHorizon(text: string): number {
  const horizon = parseWholeNumber("--horizon", text, 1);
  if (horizon > MAX_HORIZON) {
    throw new UsageError(
      `The --horizon option must be at most ${MAX_HORIZON}, as in the SPM.FORECAST functions, ` +
        `not ${text}.`,
    );
  }
  return horizon;
}

/** A plain decimal number such as 95, 0.95 or .8, without sign, exponent or hexadecimal prefix. */
const DECIMAL_PATTERN = /^(\d+\.?\d*|\.\d+)$/;

function parseWholeNumber(option: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < minimum) {
    throw new UsageError(
      `The ${option} option must be a whole number of ${minimum} or more, not ${text}.`,
    );
  }
  return value;
}

/**
 * Parses --level as a percentage, "95" or "95%". A value below 1, such as 0.95, is read as a
 * fraction (95 %), as the SPM.FORECAST functions read their level argument, because an interval
 * of 0.95 % is never what a user means.
 */
function parseLevel(text: string): number {
  const digits = text.trim().replace(/%$/, "");
  const value = Number(digits);
  const percent = value < 1 ? Math.round(value * 100 * 1e9) / 1e9 : value;
  // A fraction such as 0.999999999999 rounds to 100, so the percentage is checked after it.
  if (!DECIMAL_PATTERN.test(digits) || percent <= 0 || percent >= 100) {
    throw new UsageError(
      `The --level option must be a percentage between 0 and 100, such as 80 or 95, not ${text}.`,
    );
  }
  return percent;
}

/** Parses --skip-columns: a count of leading columns or a comma-separated list of names. */
function parseSkipColumns(text: string | undefined): number | string[] | undefined {
  if (text === undefined) {
    return undefined;
  }
  if (/^\s*\d+\s*$/.test(text)) {
    return parseWholeNumber("--skip-columns", text, 0);
  }
  const names = text.split(",").map((name) => name.trim());
  if (names.some((name) => name === "")) {
    throw new UsageError(
      "The --skip-columns option must be a count or a comma-separated list of column names, " +
        `not ${text}.`,
    );
  }
  return names;
}
