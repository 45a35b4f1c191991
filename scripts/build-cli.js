/**
 * Builds the `spm` command into dist-node/: compiles the headless engine, the command, the
 * function families and the example generator with tsc (incremental), then writes the
 * functions' metadata to dist-node/functions.json so the command never parses TypeScript at run
 * time. The metadata is regenerated only when a family file is newer than it.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { isStale, touch } = require("./modification-times");

const root = path.resolve(__dirname, "..");
const distRoot = path.join(root, "dist-node");
const catalogFile = path.join(distRoot, "functions.json");
const functionSourcesList = path.join(root, "scripts", "function-sources.js");
const buildInfoFile = path.join(distRoot, ".tsbuildinfo");
const cliConfigFile = path.join(root, "tsconfig.cli.json");

/**
 * True when a compiled input is newer than the last build. tsc needs several seconds just to
 * load the type definitions even when nothing changed, so an unchanged tree skips it.
 */
function compiledOutputIsStale() {
  const config = JSON.parse(fs.readFileSync(cliConfigFile, "utf8"));
  return isStale(buildInfoFile, [
    cliConfigFile,
    path.join(root, "tsconfig.json"),
    ...config.include.map((entry) => path.join(root, entry)),
  ]);
}

/** Compiles with tsconfig.cli.json; tsc's incremental build skips unchanged files. */
function compile() {
  if (!compiledOutputIsStale()) {
    return;
  }
  const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  execFileSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.cli.json")], {
    cwd: root,
    stdio: "inherit",
  });
  // tsc leaves the build info untouched when no output changed, so mark this build's time.
  touch(buildInfoFile);
}

/** True when functions.json is missing or older than the family list or a family file. */
function catalogIsStale(sourceFiles) {
  return isStale(catalogFile, [
    functionSourcesList,
    ...sourceFiles.map((file) => path.resolve(root, file)),
  ]);
}

/** Runs the metadata generator through the compiled catalog module and writes functions.json. */
async function writeCatalog() {
  const catalog = require(path.join(distRoot, "src", "headless", "catalog.js"));
  const sourceFiles = catalog.functionSourceFiles(root);
  if (!catalogIsStale(sourceFiles)) {
    return;
  }
  const compiled = await catalog.generateCatalogMetadata(sourceFiles, root);
  fs.writeFileSync(catalogFile, JSON.stringify(compiled, null, 2) + "\n");
}

async function main() {
  compile();
  await writeCatalog();
}

main().catch((error) => {
  process.stderr.write(`The spm build failed: ${error.message}\n`);
  process.exitCode = 1;
});
