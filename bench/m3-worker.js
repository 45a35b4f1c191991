/**
 * Runs one registered forecast method on the M3 series in a process of its own, so its time and
 * peak memory are not mixed with other methods. Started by bench/m3.js.
 *
 * Usage: node bench/m3-worker.js METHOD SERIES.json HORIZON SEASON_LENGTH OUT.json
 * SERIES.json is an array of { id, values }. OUT.json receives the forecasts by id (mean and,
 * when the method gives them, 80 % and 95 % bounds), the failures, the seconds of the timed pass
 * and the peak resident set size.
 */
const fs = require("fs");
const path = require("path");

const compiled = path.join(__dirname, "..", "dist-node");
const { runForecastMethod } = require(path.join(compiled, "src/core/forecast/methods"));

const [method, seriesFile, horizonText, seasonLengthText, outFile] = process.argv.slice(2);
const horizon = Number(horizonText);
const seasonLength = Number(seasonLengthText);

/** Forecasts every series at one level and returns the results and failures by id. */
function forecastAll(series, level) {
  const results = {};
  const failures = [];
  for (const { id, values } of series) {
    try {
      results[id] = runForecastMethod(method, values, horizon, { seasonLength, level });
    } catch (error) {
      failures.push({ id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { results, failures };
}

function main() {
  const series = JSON.parse(fs.readFileSync(seriesFile, "utf8"));

  // Timed pass: point forecasts with 95 % intervals.
  const started = process.hrtime.bigint();
  const at95 = forecastAll(series, 95);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  // Untimed pass for the 80 % bounds, only when the method gives intervals.
  const hasIntervals = Object.values(at95.results).some((result) => result.lower !== undefined);
  const at80 = hasIntervals ? forecastAll(series, 80) : undefined;

  const forecasts = {};
  for (const [id, result] of Object.entries(at95.results)) {
    forecasts[id] = {
      mean: result.mean,
      lower95: result.lower,
      upper95: result.upper,
      lower80: at80?.results[id]?.lower,
      upper80: at80?.results[id]?.upper,
    };
  }
  // resourceUsage().maxRSS is the process's peak resident set size in kilobytes.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  fs.writeFileSync(
    outFile,
    JSON.stringify({ forecasts, failures: at95.failures, seconds, peakRssMb }),
  );
}

main();
