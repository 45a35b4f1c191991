/**
 * Builds the production bundle once (about 20 to 60 seconds) and checks what Excel would load:
 * no HyperFormula (GPL-3.0, for the headless engine only), every custom function in
 * functions.json and associated in functions.js, Office.js served locally, and a manifest
 * rewritten to the production URL.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";

type ConfigFactory = (
  env: Record<string, unknown>,
  argv: { mode: string },
) => Promise<webpack.Configuration>;

/** Module entry of webpack's JSON stats, with the modules concatenated into it. */
interface ModuleStats {
  name?: string;
  identifier?: string;
  modules?: ModuleStats[];
}

const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..");
const PUBLIC_URL = "https://addins.example.com/spm/";
const BUILD_TIMEOUT_MS = 180_000;

const createConfig = require("../../webpack.config.js") as ConfigFactory;
const functionSources = require("../../scripts/function-sources") as string[];

/** Runs one webpack build of `config` and resolves with its stats, even when it has errors. */
function runWebpack(config: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error || !stats) {
        reject(error ?? new Error("webpack returned no stats."));
        return;
      }
      resolve(stats);
    });
  });
}

/** Builds the production bundle into a new temporary folder, with SPM_PUBLIC_URL set. */
async function buildProduction(): Promise<{ outputDir: string; stats: webpack.Stats }> {
  const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), "spm-build-"));
  const previousUrl = process.env.SPM_PUBLIC_URL;
  process.env.SPM_PUBLIC_URL = PUBLIC_URL;
  try {
    const config = await createConfig({}, { mode: "production" });
    config.context = REPOSITORY_ROOT;
    config.output = { ...config.output, path: outputDir };
    return { outputDir, stats: await runWebpack(config) };
  } finally {
    if (previousUrl === undefined) {
      delete process.env.SPM_PUBLIC_URL;
    } else {
      process.env.SPM_PUBLIC_URL = previousUrl;
    }
  }
}

/** Lists the names of all modules in the stats, including those concatenated into others. */
function moduleNames(modules: ModuleStats[] = []): string[] {
  return modules.flatMap((module) => [
    module.identifier ?? module.name ?? "",
    ...moduleNames(module.modules),
  ]);
}

/** Reads the ids of the `@customfunction` tags in the function family files. */
function customFunctionIdsInSources(): string[] {
  return functionSources.flatMap((file) => {
    const text = fs.readFileSync(path.join(REPOSITORY_ROOT, file), "utf8");
    return [...text.matchAll(/@customfunction\s+([A-Z0-9._]+)/g)].map((match) => match[1]);
  });
}

describe("production bundle", () => {
  let outputDir = "";
  let stats: webpack.Stats;
  const readOutput = (file: string): string => fs.readFileSync(path.join(outputDir, file), "utf8");

  beforeAll(async () => {
    ({ outputDir, stats } = await buildProduction());
  }, BUILD_TIMEOUT_MS);

  afterAll(() => {
    if (outputDir) {
      fs.rmSync(outputDir, { recursive: true, force: true });
    }
  });

  test("build has no errors", () => {
    const errors = stats.toJson({ all: false, errors: true }).errors ?? [];

    expect(errors.map((error) => error.message)).toEqual([]);
  });

  test("bundle excludes HyperFormula modules", () => {
    const json = stats.toJson({ all: false, modules: true, nestedModules: true });
    const names = moduleNames(json.modules as ModuleStats[]);
    const isPackage = (name: string) => (file: string) =>
      file.includes(`node_modules${path.sep}${name}${path.sep}`) ||
      file.includes(`node_modules/${name}/`);

    // react-dom is concatenated into the task pane bundle, so finding it shows that the list
    // reaches into concatenated modules, where a HyperFormula import would also land.
    expect(names.some(isPackage("react-dom"))).toBe(true);
    expect(names.filter(isPackage("hyperformula"))).toEqual([]);
  });

  test("bundle text omits HyperFormula", () => {
    // Counting keeps the failure message short; printing a minified bundle would not be.
    const mentions = ["taskpane.js", "functions.js"].map((file) => ({
      file,
      count: readOutput(file).toLowerCase().split("hyperformula").length - 1,
    }));

    expect(mentions).toEqual([
      { file: "taskpane.js", count: 0 },
      { file: "functions.js", count: 0 },
    ]);
  });

  test("functions.json lists every function", () => {
    const metadata = JSON.parse(readOutput("functions.json")) as { functions: { id: string }[] };
    const sourceIds = customFunctionIdsInSources();

    expect(sourceIds.length).toBeGreaterThan(0);
    expect(metadata.functions.map((fn) => fn.id).sort()).toEqual([...sourceIds].sort());
  });

  test("functions.js associates every function", () => {
    const bundle = readOutput("functions.js");

    for (const id of customFunctionIdsInSources()) {
      expect(bundle).toContain(`CustomFunctions.associate("${id}"`);
    }
  });

  test("task pane loads local scripts", () => {
    const html = readOutput("taskpane.html");
    const scriptSources = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);

    expect(scriptSources).toEqual(["office-js/office.js", "taskpane.js", "functions.js"]);
    expect(fs.existsSync(path.join(outputDir, "office-js", "office.js"))).toBe(true);
    expect(html).toMatch(/http-equiv="?Content-Security-Policy/);
    expect(html).toContain("script-src 'self';");
  });

  test("manifest uses production URL", () => {
    const manifest = readOutput("manifest.xml");
    const devManifest = fs.readFileSync(path.join(REPOSITORY_ROOT, "manifest.xml"), "utf8");
    const devUrlCount = devManifest.split("https://localhost:3000/").length - 1;

    expect(manifest).not.toContain("localhost");
    expect(manifest.split(PUBLIC_URL).length - 1).toBe(devUrlCount);
  });
});
