/**
 * `npm start`. On Windows and macOS it sideloads the add-in into desktop Excel
 * (`npm run start:desktop`). Elsewhere (Linux, CI), where there is no desktop Excel, it builds the
 * `spm` command, recalculates examples/sales-example.xlsx into
 * out/sales-example-calculated.xlsx and prints the forecasts it computed. Then it builds the
 * standalone browser host (the grid with the example workbook and the task pane) and serves it
 * on 127.0.0.1 until Ctrl+C, printing the URL. Any failure ends with a non-zero exit code.
 *
 *   npm start                  as above
 *   npm start -- --once        builds everything, prints the forecasts and exits without serving
 *   SPM_START_ONCE=1 npm start the same as --once
 *   SPM_STANDALONE_PORT=N      serves on port N instead of 3100
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { isStale, touch } = require("./modification-times");
const { portFromArguments, startStaticServer } = require("./serve");

const root = path.resolve(__dirname, "..");
const exampleWorkbook = path.join(root, "examples", "sales-example.xlsx");
const calculatedWorkbook = path.join(root, "out", "sales-example-calculated.xlsx");
const standaloneFolder = path.join(root, "out", "standalone");

/** Platforms where desktop Excel can sideload the add-in. */
const DESKTOP_EXCEL_PLATFORMS = ["win32", "darwin"];

/** Runs a command with inherited output and throws when it fails. */
function run(description, command, args, options = {}) {
  process.stdout.write(`${description}...\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) {
    throw new Error(`${description} failed: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(`${description} failed with exit code ${result.status}.`);
  }
}

/** Runs `spm calc` on the example and fails when it reports formulas it could not evaluate. */
function recalculateExample() {
  process.stdout.write("Recalculating the example workbook...\n");
  const started = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    [path.join(root, "bin", "spm.js"), "calc", exampleWorkbook, calculatedWorkbook],
    { cwd: root, encoding: "utf8" },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(result.stdout ?? "");
  process.stderr.write(result.stderr ?? "");
  if (result.status !== 0) {
    throw new Error(`spm calc failed with exit code ${result.status}.`);
  }
  if ((result.stderr ?? "").includes("Warning:")) {
    throw new Error("spm calc could not evaluate every formula of the example (see the warnings).");
  }
  process.stdout.write(`spm calc took ${seconds.toFixed(1)} s.\n`);
}

/** Formats a number for the summary tables: whole units, or three decimals below 100. */
function formatNumber(value) {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(3);
}

/** Returns a cell's value, or its result for a formula cell; throws on an error value. */
function cellResult(cell, where) {
  const value = cell.value;
  const result =
    value !== null && typeof value === "object" && "formula" in value ? value.result : value;
  if (result !== null && typeof result === "object" && "error" in result) {
    throw new Error(`${where} is ${result.error} in the calculated workbook.`);
  }
  return result;
}

/** Lays out rows as a text table, the first column left-aligned and the others right-aligned. */
function formatTable(rows) {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => String(row[col]).length)));
  return rows
    .map((row) =>
      row
        .map((text, col) =>
          col === 0 ? String(text).padEnd(widths[col]) : String(text).padStart(widths[col]),
        )
        .join("  "),
    )
    .join("\n");
}

/** Reads the Forecasts sheet of the calculated workbook and prints forecasts and accuracy. */
async function printForecasts() {
  const ExcelJS = require("exceljs");
  const layout = require(path.join(root, "dist-node", "src", "examples", "salesExample.js"));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(calculatedWorkbook);
  const sheet = workbook.getWorksheet(layout.FORECAST_SHEET);

  const header = sheet.getRow(layout.FORECAST_HEADER_ROW);
  const months = [];
  for (
    let row = layout.FORECAST_HEADER_ROW + 1;
    sheet.getCell(row, 1).value instanceof Date;
    row++
  ) {
    months.push(row);
  }
  const seriesColumns = [];
  header.eachCell((cell, col) => col > 1 && seriesColumns.push(col));

  const forecastRows = [
    ["Forecast", ...months.map((row) => sheet.getCell(row, 1).value.toISOString().slice(0, 7))],
    ...seriesColumns.map((col) => [
      header.getCell(col).value,
      ...months.map((row) =>
        formatNumber(cellResult(sheet.getCell(row, col), `Forecasts!R${row}C${col}`)),
      ),
    ]),
  ];
  process.stdout.write(`\nForecasts (EUR thousands):\n${formatTable(forecastRows)}\n`);

  const accuracyHeader = sheet.getRow(layout.ACCURACY_HEADER_ROW);
  const accuracyRows = [accuracyHeader.values.slice(1)];
  for (let row = layout.ACCURACY_HEADER_ROW + 1; sheet.getCell(row, 1).value; row++) {
    const cells = sheet.getRow(row).values.slice(1);
    accuracyRows.push(
      cells.map((_, i) =>
        i === 0
          ? cells[0]
          : formatNumber(cellResult(sheet.getCell(row, i + 1), `Forecasts!R${row}C${i + 1}`)),
      ),
    );
  }
  process.stdout.write(`\nAccuracy on the 2025 holdout:\n${formatTable(accuracyRows)}\n`);
  process.stdout.write(
    `\nCalculated workbook: ${path.relative(process.cwd(), calculatedWorkbook)}\n`,
  );
}

/** True when `npm start` should exit after building instead of serving the standalone host. */
function startsOnce(args, env) {
  return args.includes("--once") || env.SPM_START_ONCE === "1";
}

/** Inputs of the standalone build. A change to any of them makes `npm start` build it again. */
const STANDALONE_INPUTS = [
  "src",
  "assets",
  "examples/sales-example.xlsx",
  "scripts/function-sources.js",
  "webpack.config.js",
  "tsconfig.json",
  "package-lock.json",
  "node_modules/.package-lock.json",
].map((file) => path.join(root, file));

/** Marker of a finished standalone build. When an input is newer, the build is out of date. */
const standaloneStamp = path.join(standaloneFolder, ".built");

/** Files of a standalone build; when one is missing, the build is made again. */
const STANDALONE_OUTPUTS = ["index.html", "standalone.js", "sales-example.xlsx"].map((file) =>
  path.join(standaloneFolder, file),
);

/**
 * Builds the standalone host into out/standalone in webpack's development mode, unless the last
 * build is newer than every input. The page is served locally, so minifying its 7 MB of
 * HyperFormula, ExcelJS and Fluent UI gains little: the production build took about 4 minutes and
 * the development build about 15 s (measured once each, on one busy machine).
 */
function buildStandalone() {
  const complete = STANDALONE_OUTPUTS.every((file) => fs.existsSync(file));
  if (complete && !isStale(standaloneStamp, STANDALONE_INPUTS)) {
    process.stdout.write("The standalone host is up to date.\n");
    return;
  }
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  run("Building the standalone host", process.execPath, [
    webpackCli,
    "--mode",
    "development",
    "--env",
    "standalone",
    "--no-stats",
  ]);
  touch(standaloneStamp);
}

/** Serves the standalone host until Ctrl+C (SIGINT) or SIGTERM, then closes the server. */
async function serveStandalone(port) {
  const { server, url } = await startStaticServer({ root: standaloneFolder, port });
  process.stdout.write(
    `\nThe standalone host (grid with the example workbook, and the task pane) is at:\n\n` +
      `  ${url}\n\nOpen it in a browser. Press Ctrl+C to stop.\n`,
  );
  const stop = () => {
    process.stdout.write("\nStopping the standalone host.\n");
    server.close();
    server.closeAllConnections();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

async function startHeadless() {
  if (!fs.existsSync(exampleWorkbook)) {
    throw new Error(
      `The example workbook does not exist: ${exampleWorkbook}. Run npm run examples.`,
    );
  }
  const args = process.argv.slice(2);
  const port = portFromArguments(args, process.env);
  run("Building the spm command", process.execPath, [path.join(root, "scripts", "build-cli.js")]);
  recalculateExample();
  await printForecasts();
  buildStandalone();
  if (startsOnce(args, process.env)) {
    process.stdout.write(`The standalone host is in ${path.relative(root, standaloneFolder)}.\n`);
    return;
  }
  await serveStandalone(port);
}

function startDesktop() {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  run("Starting desktop Excel with the add-in", npm, ["run", "start:desktop"], {
    shell: process.platform === "win32",
  });
}

async function main() {
  if (DESKTOP_EXCEL_PLATFORMS.includes(process.platform)) {
    startDesktop();
  } else {
    process.stdout.write("No desktop Excel on this platform: running the example headless.\n");
    await startHeadless();
  }
}

main().catch((error) => {
  process.stderr.write(`npm start failed: ${error.message}\n`);
  process.exitCode = 1;
});
