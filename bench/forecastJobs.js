/**
 * Benchmarks `spm forecast --jobs`: forecasts the M3 monthly series with the automatic method in
 * one thread and with worker threads, and prints each run's time and the ratio of the one-thread
 * time to it. Both runs read the same file in the same script, and their outputs must be equal.
 *
 * Run after compiling into dist-node/ (`node scripts/build-cli.js`): `node bench/forecastJobs.js`.
 * Needs the M3 data of the reference data folder the tests use (SPM_DATA_DIR). Without it the
 * script prints a notice and exits.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.resolve(__dirname, "..");
const dataDirectory = process.env.SPM_DATA_DIR
  ? path.resolve(process.env.SPM_DATA_DIR)
  : path.resolve(root, "..", "shared", "data");
const input = path.join(dataDirectory, "m3-monthly-odd", "train.csv");

const OPTIONS = [
  "--method",
  "auto",
  "--horizon",
  "18",
  "--season-length",
  "12",
  "--level",
  "95",
  "--id-column",
  "series",
  "--skip-columns",
  "m3_id,category,n,h,start_year,start_period",
];

/** Runs spm forecast with `jobs` threads and returns its output and wall time in seconds. */
function runForecast(jobs) {
  const started = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    [path.join(root, "bin", "spm.js"), "forecast", ...OPTIONS, "--jobs", String(jobs), input],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(`spm forecast --jobs ${jobs} failed: ${result.stderr}`);
  }
  return { output: result.stdout, seconds };
}

function main() {
  if (!fs.existsSync(input)) {
    console.log(`NOTICE: ${input} is missing, so the --jobs benchmark was skipped.`);
    return;
  }
  const processors = os.availableParallelism();
  const jobCounts = [...new Set([2, processors])].filter((jobs) => jobs > 1);
  const single = runForecast(1);
  console.log(
    `spm forecast --method auto on ${path.relative(process.cwd(), input)} (${processors} processors)`,
  );
  console.log(`jobs  seconds  ratio`);
  console.log(`   1  ${single.seconds.toFixed(2).padStart(7)}  1.00x`);
  for (const jobs of jobCounts) {
    const run = runForecast(jobs);
    if (run.output !== single.output) {
      throw new Error(`The output of --jobs ${jobs} differs from that of --jobs 1.`);
    }
    const ratio = single.seconds / run.seconds;
    console.log(
      `${String(jobs).padStart(4)}  ${run.seconds.toFixed(2).padStart(7)}  ${ratio.toFixed(2)}x`,
    );
  }
}

main();
