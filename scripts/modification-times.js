/**
 * Modification times for the build scripts, which skip a build whose inputs are all older than
 * its last output.
 */
const fs = require("fs");
const path = require("path");

/** Returns the newest modification time among a file or the files of a folder tree, 0 if absent. */
function newestModification(file) {
  if (!fs.existsSync(file)) {
    return 0;
  }
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  const entries = fs.readdirSync(file).map((name) => newestModification(path.join(file, name)));
  return Math.max(stat.mtimeMs, ...entries);
}

/** True when `output` is missing or one of `inputs` (files or folders) changed after it. */
function isStale(output, inputs) {
  if (!fs.existsSync(output)) {
    return true;
  }
  return Math.max(...inputs.map(newestModification)) > fs.statSync(output).mtimeMs;
}

/** Sets a file's modification time to now, creating it when needed. */
function touch(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.closeSync(fs.openSync(file, "a"));
  const now = new Date();
  fs.utimesSync(file, now, now);
}

module.exports = { isStale, newestModification, touch };
