#!/usr/bin/env node
/**
 * The `spm` command: evaluates formulas and recalculates .xlsx workbooks with the SPM custom
 * functions. It runs the compiled command of `dist-node/`, built by `npm run build:cli`.
 */
const fs = require("fs");
const path = require("path");

const compiledCli = path.join(__dirname, "..", "dist-node", "src", "cli", "cli.js");
if (!fs.existsSync(compiledCli)) {
  process.stderr.write(
    `The spm command is not built: ${compiledCli} does not exist. Run npm run build:cli first.\n`,
  );
  process.exit(1);
}

// A reader that stops early, such as `spm forecast ... | head`, closes the pipe: that is not an
// error of spm, so it ends quietly instead of printing a stack trace.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") {
    throw error;
  }
  process.exit(process.exitCode ?? 0);
});

require(compiledCli)
  .main(process.argv.slice(2))
  .then((exitCode) => {
    process.exitCode = exitCode;
  });
