/**
 * Size and start-up benchmark of the task pane, part of `npm run bench`; on its own:
 *
 *   node bench/bundle.js [--runs N]
 *
 * 1. Builds the production Excel bundle (webpack.config.js) and, with the same webpack rules and
 *    mode, a minimal Fluent UI v9 page (bench/minimal-fluent), each into a temporary folder.
 * 2. Prints the raw and gzip sizes of taskpane.js and functions.js against the goals: the
 *    functions script under 100 KB gzip and the task pane under 350 KB gzip.
 * 3. Serves both folders on 127.0.0.1 and loads each page N times (default 7, alternating) in
 *    Debian's Chromium, headless, with a fresh profile per load. It reports the median time from
 *    navigation start to the page being interactive: the moment React has rendered the page's
 *    <main> element. The goal is the task pane within 1.5 times the minimal page.
 *
 * Requests outside the page's origin are aborted and counted, as in the end-to-end tests.
 */
/* global window, document, MutationObserver -- in the functions evaluated inside the page */
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");
const { chromium } = require("playwright-core");
const createConfig = require("../webpack.config.js");
const { startStaticServer } = require("../scripts/serve.js");

const ROOT = path.resolve(__dirname, "..");
const CHROMIUM_PATH = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Goals of the size and start-up checks. */
const FUNCTIONS_GZIP_GOAL_KB = 100;
const TASK_PANE_GZIP_GOAL_KB = 350;
const INTERACTIVE_RATIO_GOAL = 1.5;

const DEFAULT_RUNS = 7;

/** Maximum wait for a page to become interactive before the run fails. */
const INTERACTIVE_TIMEOUT_MS = 30_000;

/** Runs one webpack build and rejects with its errors. */
function runWebpack(config) {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error || !stats) {
        reject(error ?? new Error("webpack returned no stats."));
      } else if (stats.hasErrors()) {
        const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
        reject(new Error(`The build failed:\n${errors.map((e) => e.message).join("\n")}`));
      } else {
        resolve(stats);
      }
    });
  });
}

/** Builds the production Excel bundle into `outputDir`. */
async function buildTaskPane(outputDir) {
  const config = await createConfig({}, { mode: "production" });
  config.context = ROOT;
  config.output = { ...config.output, path: outputDir };
  await runWebpack(config);
}

/** Builds the minimal Fluent page with the Excel bundle's rules and mode into `outputDir`. */
async function buildMinimalPage(outputDir) {
  const base = await createConfig({}, { mode: "production" });
  await runWebpack({
    mode: base.mode,
    devtool: base.devtool,
    context: ROOT,
    entry: { minimal: "./bench/minimal-fluent/index.tsx" },
    output: { path: outputDir, filename: "[name].js", clean: true },
    resolve: base.resolve,
    module: base.module,
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./bench/minimal-fluent/index.html",
      }),
    ],
    performance: { hints: false },
  });
}

/** Returns the raw and gzip (zlib's default level 6) sizes of a file in KB (1,024 bytes). */
function fileSizes(file) {
  const content = fs.readFileSync(file);
  return { rawKb: content.length / 1024, gzipKb: zlib.gzipSync(content).length / 1024 };
}

/**
 * Loads `url` in a new Chromium with a fresh profile and returns the milliseconds from
 * navigation start until <main> exists, measured in the page with a MutationObserver.
 */
async function timeToInteractive(url, foreignRequests) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "spm-bench-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const origin = new URL(url).origin;
    await context.route("**/*", (route) => {
      const requestUrl = route.request().url();
      if (new URL(requestUrl).origin === origin) {
        return route.continue();
      }
      foreignRequests.add(requestUrl);
      return route.abort("blockedbyclient");
    });
    // Runs before the page's scripts; performance.now() counts from navigation start.
    await context.addInitScript(() => {
      const record = () => {
        if (window.interactiveAt === undefined && document.querySelector("main")) {
          window.interactiveAt = performance.now();
        }
      };
      new MutationObserver(record).observe(document, { childList: true, subtree: true });
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.waitForFunction(() => window.interactiveAt !== undefined, null, {
      timeout: INTERACTIVE_TIMEOUT_MS,
    });
    return await page.evaluate(() => window.interactiveAt);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function readRuns(args) {
  const index = args.indexOf("--runs");
  const runs = index >= 0 ? Number(args[index + 1]) : DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`--runs must be a whole number of at least 1, not "${args[index + 1]}".`);
  }
  return runs;
}

function printSizes(outputDir) {
  const rows = [
    ["functions.js", FUNCTIONS_GZIP_GOAL_KB],
    ["taskpane.js", TASK_PANE_GZIP_GOAL_KB],
  ];
  process.stdout.write("\nProduction bundle sizes (KB = 1,024 bytes, gzip level 6):\n");
  for (const [file, goal] of rows) {
    const { rawKb, gzipKb } = fileSizes(path.join(outputDir, file));
    const verdict = gzipKb < goal ? "meets" : "misses";
    process.stdout.write(
      `  ${file.padEnd(14)} ${rawKb.toFixed(1).padStart(8)} KB raw ` +
        `${gzipKb.toFixed(1).padStart(7)} KB gzip  (${verdict} the goal of < ${goal} KB)\n`,
    );
  }
}

async function measureTimes(paneUrl, minimalUrl, runs) {
  const foreignRequests = new Set();
  const pane = [];
  const minimal = [];
  for (let run = 0; run < runs; run++) {
    minimal.push(await timeToInteractive(minimalUrl, foreignRequests));
    pane.push(await timeToInteractive(paneUrl, foreignRequests));
  }
  return { pane, minimal, foreignRequests };
}

function printTimes({ pane, minimal, foreignRequests }) {
  const paneMedian = median(pane);
  const minimalMedian = median(minimal);
  const ratio = paneMedian / minimalMedian;
  const format = (values) => values.map((value) => value.toFixed(0)).join(", ");
  process.stdout.write(
    `\nNavigation start to interactive (<main> rendered), headless Chromium, ${pane.length} runs:\n` +
      `  task pane     median ${paneMedian.toFixed(0).padStart(5)} ms  (${format(pane)})\n` +
      `  minimal page  median ${minimalMedian.toFixed(0).padStart(5)} ms  (${format(minimal)})\n` +
      `  ratio ${ratio.toFixed(2)} (${ratio <= INTERACTIVE_RATIO_GOAL ? "meets" : "misses"} the ` +
      `goal of <= ${INTERACTIVE_RATIO_GOAL})\n`,
  );
  if (foreignRequests.size > 0) {
    process.stdout.write(
      `  Aborted requests outside the origin: ${[...foreignRequests].join(", ")}\n`,
    );
  }
}

async function main() {
  const runs = readRuns(process.argv.slice(2));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "spm-bench-bundle-"));
  const paneDir = path.join(workDir, "taskpane");
  const minimalDir = path.join(workDir, "minimal");
  const servers = [];
  try {
    process.stdout.write("Building the production task pane and the minimal Fluent page...\n");
    await buildTaskPane(paneDir);
    await buildMinimalPage(minimalDir);
    printSizes(paneDir);

    const paneServer = await startStaticServer({ root: paneDir });
    const minimalServer = await startStaticServer({ root: minimalDir });
    servers.push(paneServer.server, minimalServer.server);
    printTimes(await measureTimes(`${paneServer.url}taskpane.html`, minimalServer.url, runs));
  } finally {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`The bundle benchmark failed: ${error.message}\n`);
  process.exitCode = 1;
});
