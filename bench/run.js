/**
 * Benchmarks the SPM.FORECAST.* functions against peers measured in the same run:
 * @formulajs/formulajs TREND and FORECAST for the linear trend, and R's forecast package
 * (when Rscript with forecast is installed) for the smoothing methods. Prints milliseconds
 * per call and the ratio peer / ours, so a ratio above 1 means we are faster.
 *
 * Run with `npm run bench`, which compiles the sources into dist-node/ first.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const formulajs = require("@formulajs/formulajs");

const root = path.resolve(__dirname, "..");
const compiled = path.join(root, "dist-node");
const { installCustomFunctionsRuntime } = require(
  path.join(compiled, "src/headless/customFunctionsRuntime"),
);
installCustomFunctionsRuntime();
const spm = require(path.join(compiled, "src/functions/forecast"));
const { makeBenchmarkSeries } = require("./series");
const { writeCalcWorkbook, CALC_FORMULA_COUNT } = require("./calcWorkbook");

const SEASON_LENGTH = 12;
const HORIZON = 12;
const MIN_SECONDS = 0.5;

/** Repeats `call` until MIN_SECONDS have passed and returns milliseconds per call. */
function timePerCall(call) {
  call();
  let runs = 0;
  const started = process.hrtime.bigint();
  let elapsedMs = 0;
  do {
    call();
    runs += 1;
    elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  } while (elapsedMs < MIN_SECONDS * 1000);
  return elapsedMs / runs;
}

/** True when Rscript exists and loads the forecast package. */
function hasRForecast() {
  const probe = spawnSync("Rscript", ["-e", "suppressPackageStartupMessages(library(forecast))"], {
    encoding: "utf8",
  });
  return probe.status === 0;
}

/** Cases of forecast-timing.R, named as in timeOurs. */
const R_CASES = [
  "ses_fixed",
  "ses_optimized",
  "holt_fixed",
  "holt_optimized",
  "hw_additive_fixed",
  "hw_additive_optimized",
  "hw_multiplicative_optimized",
  "croston",
  "snaive",
];

/**
 * R cases timed on the long series. R's forecast 8.20 runs the simple-initialisation
 * recursion of ses/holt/hw in an R-level loop. An optimised Holt or Holt-Winters fit of
 * 10,000 points therefore takes minutes there, so those cases are left out of the long run.
 */
const R_CASES_LONG_SERIES = [
  "ses_fixed",
  "holt_fixed",
  "hw_additive_fixed",
  "ses_optimized",
  "snaive",
];

/** Runs the R timing script on `values` and returns milliseconds per call by case name. */
function timeR(values, workDir, cases) {
  const csvPath = path.join(workDir, `series-${values.length}.csv`);
  const outPath = path.join(workDir, `r-${values.length}.json`);
  fs.writeFileSync(csvPath, "value\n" + values.join("\n") + "\n");
  const run = spawnSync(
    "Rscript",
    [
      path.join(__dirname, "forecast-timing.R"),
      csvPath,
      String(HORIZON),
      String(SEASON_LENGTH),
      outPath,
      ...(cases ? [cases.join(",")] : []),
    ],
    { encoding: "utf8" },
  );
  if (run.status !== 0) {
    throw new Error(`The R timing script failed: ${run.stderr}`);
  }
  return JSON.parse(fs.readFileSync(outPath, "utf8"));
}

/** Times our adapters the way Excel calls them: the history as a one-column 2-D range. */
function timeOurs(values) {
  const history = values.map((v) => [v]);
  const n = values.length;
  const knownX = values.map((_, i) => [i + 1]);
  const newX = Array.from({ length: HORIZON }, (_, i) => [n + i + 1]);
  return {
    linear: timePerCall(() => spm.linear(history, HORIZON, knownX, newX)),
    ses_fixed: timePerCall(() => spm.ses(history, HORIZON, 0.3)),
    ses_optimized: timePerCall(() => spm.ses(history, HORIZON, null)),
    holt_fixed: timePerCall(() => spm.holt(history, HORIZON, 0.3, 0.1, null)),
    holt_optimized: timePerCall(() => spm.holt(history, HORIZON, null, null, null)),
    hw_additive_fixed: timePerCall(() =>
      spm.holtWinters(history, HORIZON, SEASON_LENGTH, "additive", 0.3, 0.1, 0.1),
    ),
    hw_additive_optimized: timePerCall(() =>
      spm.holtWinters(history, HORIZON, SEASON_LENGTH, "additive", null, null, null),
    ),
    hw_multiplicative_optimized: timePerCall(() =>
      spm.holtWinters(history, HORIZON, SEASON_LENGTH, "multiplicative", null, null, null),
    ),
    croston: timePerCall(() => spm.croston(history, HORIZON, 0.1)),
    snaive: timePerCall(() => spm.seasonalNaive(history, HORIZON, SEASON_LENGTH)),
    moving_average: timePerCall(() => spm.movingAverage(history, HORIZON, 3)),
    seasonality: timePerCall(() => spm.seasonality(history)),
  };
}

/** Times formulajs TREND (one call for the horizon) and FORECAST (one call per period). */
function timeFormulajs(values) {
  const n = values.length;
  const knownX = values.map((_, i) => i + 1);
  const newX = Array.from({ length: HORIZON }, (_, i) => n + i + 1);
  return {
    trend: timePerCall(() => formulajs.TREND(values, knownX, newX)),
    forecast: timePerCall(() => newX.map((x) => formulajs.FORECAST(x, values, knownX))),
  };
}

function formatMs(ms) {
  if (ms >= 100) {
    return ms.toFixed(0);
  }
  return ms >= 1 ? ms.toFixed(2) : ms.toFixed(4);
}

function printRows(title, rows) {
  console.log(`\n${title}`);
  console.log(
    "case".padEnd(30) +
      "ours ms".padStart(12) +
      "peer ms".padStart(12) +
      "peer/ours".padStart(11) +
      "  peer",
  );
  for (const row of rows) {
    const ratio = row.peerMs === undefined ? "" : (row.peerMs / row.oursMs).toFixed(1) + "x";
    console.log(
      row.name.padEnd(30) +
        formatMs(row.oursMs).padStart(12) +
        (row.peerMs === undefined ? "-" : formatMs(row.peerMs)).padStart(12) +
        ratio.padStart(11) +
        "  " +
        (row.peer ?? ""),
    );
  }
}

/** Times `spm calc` on a workbook of CALC_FORMULA_COUNT forecast formulas. */
async function benchCalc(workDir, rTimings) {
  const input = path.join(workDir, "calc-input.xlsx");
  const output = path.join(workDir, "calc-output.xlsx");
  const mix = await writeCalcWorkbook(input);
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [path.join(root, "bin/spm.js"), "calc", input, output], {
    encoding: "utf8",
  });
  const oursMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) {
    throw new Error(`spm calc failed: ${run.stderr}`);
  }
  // The peer computes the same fits in R: per-call R times on the 120-point series, summed
  // over the formula mix. It leaves out reading and writing the file, which favours R.
  let peerMs;
  if (rTimings) {
    peerMs = mix.reduce((sum, entry) => sum + entry.count * rTimings[entry.rCase], 0);
  }
  return {
    name: `spm calc, ${CALC_FORMULA_COUNT} formulas`,
    oursMs,
    peerMs,
    peer: "R forecast, same fits",
  };
}

async function main() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "spm-bench-"));
  const withR = hasRForecast();
  console.log(`Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0].model})`);
  if (!withR) {
    console.log("NOTICE: Rscript with the forecast package not found; R ratios are left out.");
  }

  let rTimings120;
  for (const length of [120, 10000]) {
    const values = makeBenchmarkSeries(length, SEASON_LENGTH, 20240101 + length);
    const ours = timeOurs(values);
    const fjs = timeFormulajs(values);
    const r = withR
      ? timeR(values, workDir, length > 120 ? R_CASES_LONG_SERIES : undefined)
      : undefined;
    if (length === 120) rTimings120 = r;
    const rows = [
      {
        name: "LINEAR vs formulajs TREND",
        oursMs: ours.linear,
        peerMs: fjs.trend,
        peer: "formulajs TREND",
      },
      {
        name: "LINEAR vs formulajs FORECAST",
        oursMs: ours.linear,
        peerMs: fjs.forecast,
        peer: `formulajs FORECAST x${HORIZON}`,
      },
    ];
    for (const name of Object.keys(ours)) {
      if (name === "linear") continue;
      const peerMs = r?.[name] ?? undefined;
      const peer =
        !r || !R_CASES.includes(name)
          ? ""
          : !(name in r)
            ? "R not run (R-level loop, too slow here)"
            : peerMs === undefined
              ? "R failed on this series"
              : "R forecast";
      rows.push({ name, oursMs: ours[name], peerMs, peer });
    }
    printRows(`${length}-point monthly series, horizon ${HORIZON}`, rows);
  }

  printRows("Workbook recalculation", [await benchCalc(workDir, rTimings120)]);
  fs.rmSync(workDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
