/**
 * Runs the property tests as a fuzz run: many more calls per function and property than the
 * normal suite, from a random seed that the tests print. SPM_FUZZ_RUNS sets the number of calls
 * (default 500) and SPM_FUZZ_SEED replays a run. Further arguments go to Jest.
 */
const path = require("path");
const { run } = require("jest");

const DEFAULT_FUZZ_RUNS = "500";

process.env.SPM_FUZZ_RUNS = process.env.SPM_FUZZ_RUNS || DEFAULT_FUZZ_RUNS;
run([path.relative(process.cwd(), __dirname), "--runInBand", ...process.argv.slice(2)]);
