/**
 * Benchmarks the registered forecast methods on the 714 odd-numbered monthly series of the M3
 * competition (horizon 18): sMAPE, MASE, interval coverage, time and peak memory, beside the
 * competition's original methods and, when Rscript with the forecast package is installed, R's
 * ets(), thetaf() and their mean on the same series, scored by the same code.
 *
 * Run with `npm run bench:m3`, which compiles the sources into dist-node/ first.
 * Options: --methods a,b (registered names), --limit N (the first N series), --no-r.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { parseArgs } = require("util");
const scoring = require("./m3Scoring");

const root = path.resolve(__dirname, "..");
const compiled = path.join(root, "dist-node");
const { readSeriesTable, isInvalidRow } = require(path.join(compiled, "src/cli/seriesCsv"));
const { forecastMethodNames } = require(path.join(compiled, "src/core/forecast/methods"));
const { forecastSeasonalNaive } = require(path.join(compiled, "src/core/forecast/seasonalNaive"));

/** Forecast horizon and season length of the M3 monthly series. */
const HORIZON = 18;
const SEASON_LENGTH = 12;

/** Columns of the M3 files between the id (series) and the values. */
const M3_SKIPPED_COLUMNS = ["m3_id", "category", "n", "h", "start_year", "start_period"];

/** Original M3 methods shown: the best few by sMAPE, plus the competition's naive baseline. */
const BEST_ORIGINAL_COUNT = 6;
const ORIGINAL_BASELINES = ["NAIVE2"];

/** R's runs, each scored like our methods. `peer` names our method whose time it is set against. */
const R_RUNS = [
  { name: "R ets()", file: "ets.csv", peer: "ets" },
  { name: "R thetaf()", file: "theta.csv", peer: "theta" },
  { name: "R mean of ets() and thetaf()", file: "mean.csv", peer: "auto" },
];

const USAGE = `Usage: node bench/m3.js [--methods NAME,NAME] [--limit N] [--no-r]
  --methods   Registered methods to run, comma-separated (all when omitted).
  --limit N   Runs the first N series only; the original methods' sMAPE stays on all series.
  --no-r      Leaves out R's ets() and thetaf() even when Rscript is installed.
`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      methods: { type: "string" },
      limit: { type: "string" },
      "no-r": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const known = forecastMethodNames();
  const methods = values.methods === undefined ? known : values.methods.split(",");
  const unknown = methods.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown methods: ${unknown.join(", ")}. The methods are ${known.join(", ")}.`);
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
    throw new Error(`--limit must be a whole number of 1 or more, not ${values.limit}.`);
  }
  return { help: values.help === true, methods, limit, withR: values["no-r"] !== true };
}

/** Folder of the shared data: SPM_DATA_DIR, or ../shared/data beside the repository. */
function dataDirectory() {
  return process.env.SPM_DATA_DIR
    ? path.resolve(process.env.SPM_DATA_DIR)
    : path.resolve(root, "..", "shared", "data");
}

/** Reads an M3 file into { id, values } in file order. */
function readM3File(file) {
  const table = readSeriesTable(fs.readFileSync(file, "utf8"), {
    idColumn: "series",
    skipColumns: M3_SKIPPED_COLUMNS,
  });
  const invalid = table.rows.find(isInvalidRow);
  if (invalid) {
    throw new Error(`${file} line ${invalid.line} is not a series: ${invalid.problem}`);
  }
  return table.rows.map((row) => ({ id: row.id, values: row.values }));
}

/** True when Rscript exists and loads the forecast package. */
function hasRForecast() {
  const probe = spawnSync("Rscript", ["-e", "suppressPackageStartupMessages(library(forecast))"], {
    encoding: "utf8",
  });
  return probe.status === 0;
}

/** Runs one method in its own Node process and returns its forecasts, time and peak memory. */
function runOurMethod(method, seriesFile, workDir) {
  const outFile = path.join(workDir, `ours-${method}.json`);
  const args = [seriesFile, String(HORIZON), String(SEASON_LENGTH), outFile];
  const run = spawnSync(process.execPath, [path.join(__dirname, "m3-worker.js"), method, ...args], {
    encoding: "utf8",
  });
  if (run.status !== 0) {
    return { error: `the worker failed: ${run.stderr.trim().split("\n")[0]}` };
  }
  return JSON.parse(fs.readFileSync(outFile, "utf8"));
}

/** Runs bench/m3-forecast.R on the series and returns R's forecasts by method and its times. */
function runR(series, workDir) {
  const csvFile = path.join(workDir, "series.csv");
  const width = Math.max(...series.map((s) => s.values.length));
  const header = ["id", ...Array.from({ length: width }, (_, i) => `v${i + 1}`)].join(",");
  const lines = series.map((s) => [s.id, ...s.values].join(","));
  fs.writeFileSync(csvFile, [header, ...lines].join("\n") + "\n");

  const run = spawnSync(
    "Rscript",
    [
      path.join(__dirname, "m3-forecast.R"),
      csvFile,
      String(HORIZON),
      String(SEASON_LENGTH),
      workDir,
    ],
    { encoding: "utf8" },
  );
  if (run.status !== 0) {
    throw new Error(`The R forecasting script failed: ${run.stderr}`);
  }
  const timing = JSON.parse(fs.readFileSync(path.join(workDir, "timing.json"), "utf8"));
  const seconds = { ets: timing.ets, theta: timing.theta, auto: timing.ets + timing.theta };
  return R_RUNS.map((r) => ({
    name: r.name,
    peer: r.peer,
    forecasts: readRForecasts(path.join(workDir, r.file)),
    failures: [],
    seconds: seconds[r.peer],
    peakRssMb: timing.peakRssMb,
  }));
}

/** Reads R's id,part,h1… rows into { id: { mean, lower80, … } }. */
function readRForecasts(file) {
  const [, ...lines] = fs.readFileSync(file, "utf8").trim().split("\n");
  const forecasts = {};
  for (const line of lines) {
    const [id, part, ...values] = line.split(",");
    forecasts[id] ??= {};
    forecasts[id][part] = values.map(Number);
  }
  return forecasts;
}

/**
 * Scores forecasts by series id against the actual values. A series the method failed on is
 * scored with the seasonal naive forecast, so every row covers the same series.
 */
function scoreForecasts(series, actuals, forecasts) {
  let smapeSum = 0;
  let maseSum = 0;
  let maseCount = 0;
  const covered = { 80: { inside: 0, total: 0 }, 95: { inside: 0, total: 0 } };

  for (const { id, values } of series) {
    const actual = actuals.get(id);
    const forecast = forecasts[id] ?? {
      mean: forecastSeasonalNaive(values, HORIZON, SEASON_LENGTH),
    };
    smapeSum += scoring.smape(actual, forecast.mean);
    const scaled = scoring.mase(actual, forecast.mean, values, SEASON_LENGTH);
    if (scaled !== null) {
      maseSum += scaled;
      maseCount += 1;
    }
    for (const level of [80, 95]) {
      const lower = forecast[`lower${level}`];
      const upper = forecast[`upper${level}`];
      if (lower && upper) {
        const count = scoring.countCovered(actual, lower, upper);
        covered[level].inside += count.inside;
        covered[level].total += count.total;
      }
    }
  }

  const share = (count) => (count.total === 0 ? undefined : count.inside / count.total);
  return {
    smape: smapeSum / series.length,
    mase: maseCount === 0 ? undefined : maseSum / maseCount,
    coverage80: share(covered[80]),
    coverage95: share(covered[95]),
  };
}

/** Reads the original methods' sMAPE and keeps the best few and the baselines. */
function readOriginalMethods(file) {
  const [, ...lines] = fs.readFileSync(file, "utf8").trim().split("\n");
  const all = lines
    .map((line) => line.split(","))
    .map(([name, smape]) => ({ name, smape: Number(smape) }))
    .sort((a, b) => a.smape - b.smape);
  return all.filter((m, i) => i < BEST_ORIGINAL_COUNT || ORIGINAL_BASELINES.includes(m.name));
}

function formatNumber(value, digits) {
  return value === undefined || value === null ? "-" : value.toFixed(digits);
}

function formatShare(value) {
  return value === undefined ? "-" : `${(100 * value).toFixed(1)} %`;
}

function printTable(rows) {
  const columns = [
    ["method", 34, (r) => r.name],
    ["sMAPE", 7, (r) => formatNumber(r.smape, 2)],
    ["MASE", 6, (r) => formatNumber(r.mase, 3)],
    ["cov 80", 8, (r) => formatShare(r.coverage80)],
    ["cov 95", 8, (r) => formatShare(r.coverage95)],
    ["failed", 7, (r) => (r.failed === undefined ? "" : String(r.failed))],
    ["seconds", 8, (r) => formatNumber(r.seconds, 2)],
    ["ms/series", 10, (r) => formatNumber(r.msPerSeries, 2)],
    ["peak MB", 8, (r) => formatNumber(r.peakRssMb, 0)],
    ["R/ours", 7, (r) => (r.ratio === undefined ? "" : `${r.ratio.toFixed(1)}x`)],
  ];
  const line = (cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(columns[i][1]) : cell.padStart(columns[i][1])));
  console.log(line(columns.map(([title]) => title)).join(" "));
  for (const row of rows) {
    console.log(
      line(columns.map(([, , cell]) => cell(row)))
        .join(" ")
        .trimEnd(),
    );
  }
}

/** Builds a table row from a run's forecasts, times and failures. */
function resultRow(name, run, series, actuals) {
  if (run.error) {
    return { name: `${name} (${run.error})`, smape: undefined };
  }
  return {
    name,
    ...scoreForecasts(series, actuals, run.forecasts),
    failed: run.failures.length,
    seconds: run.seconds,
    msPerSeries: (1000 * run.seconds) / series.length,
    peakRssMb: run.peakRssMb,
  };
}

function main() {
  const options = parseOptions();
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const folder = path.join(dataDirectory(), "m3-monthly-odd");
  if (!fs.existsSync(path.join(folder, "train.csv"))) {
    console.log(`NOTICE: M3 data not found at ${folder}; set SPM_DATA_DIR. Nothing was run.`);
    return;
  }

  const series = readM3File(path.join(folder, "train.csv")).slice(0, options.limit);
  const actuals = new Map(readM3File(path.join(folder, "test.csv")).map((s) => [s.id, s.values]));
  const withR = options.withR && hasRForecast();
  console.log(`Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0].model})`);
  console.log(`M3 monthly: ${series.length} series, horizon ${HORIZON}, MASE scale m = 12`);
  if (options.withR && !withR) {
    console.log("NOTICE: Rscript with the forecast package not found; R's rows are left out.");
  }

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "spm-m3-"));
  let rows;
  try {
    rows = benchmarkRows(series, actuals, options.methods, withR, workDir);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  for (const original of readOriginalMethods(path.join(folder, "original-methods-smape.csv"))) {
    rows.push({ name: `M3 original ${original.name}`, smape: original.smape });
  }

  rows.sort((a, b) => (a.smape ?? Infinity) - (b.smape ?? Infinity));
  console.log("");
  printTable(rows);
  console.log(
    "\nFailed series are scored with the seasonal naive forecast. R/ours = R's time for the " +
      "same method / ours (the R mean's time is ets() + thetaf(), against our auto).",
  );
  if (options.limit !== undefined) {
    console.log("The M3 original methods' sMAPE is over all 714 series, not the subset.");
  }
}

/** Runs our methods and, with `withR`, R's, and returns one scored table row per run. */
function benchmarkRows(series, actuals, methods, withR, workDir) {
  const seriesFile = path.join(workDir, "series.json");
  fs.writeFileSync(seriesFile, JSON.stringify(series));

  const ours = new Map();
  for (const method of methods) {
    process.stderr.write(`Running ${method} ...\n`);
    const run = runOurMethod(method, seriesFile, workDir);
    ours.set(method, run);
    for (const failure of (run.failures ?? []).slice(0, 3)) {
      console.log(`  ${method} failed on ${failure.id}: ${failure.message}`);
    }
  }
  const rows = [...ours].map(([method, run]) => resultRow(method, run, series, actuals));
  if (!withR) {
    return rows;
  }

  process.stderr.write("Running R's ets() and thetaf() ...\n");
  for (const run of runR(series, workDir)) {
    const peer = ours.get(run.peer);
    if (peer && !peer.error) {
      rows.find((row) => row.name === run.peer).ratio = run.seconds / peer.seconds;
    }
    rows.push(resultRow(run.name, run, series, actuals));
  }
  return rows;
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
