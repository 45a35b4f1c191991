/**
 * The production build of what Excel loads (task pane page, functions.js, functions.json,
 * manifest), made once per run and shared on disk by the security tests. The manifest is
 * rewritten to {@link PUBLIC_URL}, as a deployment build rewrites it.
 */
import * as path from "path";
import webpack from "webpack";
import { sharedBuild } from "../../e2e/support/standaloneBuild";

const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..", "..");

/** Base URL the production manifest is built for; a reserved example domain, never contacted. */
export const PUBLIC_URL = "https://addins.example.com/spm/";

/** A production build with minification: about 55 s on 2 vCPUs, longer while other tests run. */
export const EXCEL_BUILD_TIMEOUT_MS = 300_000;

type ConfigFactory = (
  env: Record<string, unknown>,
  argv: { mode: string },
) => Promise<webpack.Configuration>;

const createConfig = require("../../../webpack.config.js") as ConfigFactory;

/** Runs the production build into `outputDir` with SPM_PUBLIC_URL set to {@link PUBLIC_URL}. */
async function buildExcel(outputDir: string): Promise<void> {
  const previousUrl = process.env.SPM_PUBLIC_URL;
  process.env.SPM_PUBLIC_URL = PUBLIC_URL;
  let config: webpack.Configuration;
  try {
    config = await createConfig({}, { mode: "production" });
  } finally {
    if (previousUrl === undefined) {
      delete process.env.SPM_PUBLIC_URL;
    } else {
      process.env.SPM_PUBLIC_URL = previousUrl;
    }
  }
  config.context = REPOSITORY_ROOT;
  config.output = { ...config.output, path: outputDir };
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (error, result) =>
      error || !result ? reject(error ?? new Error("webpack returned no stats.")) : resolve(result),
    ),
  );
  if (stats.hasErrors()) {
    const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
    throw new Error(`The production build failed:\n${errors.map((e) => e.message).join("\n")}`);
  }
}

/** Returns the folder of the shared production build, building it first when needed. */
export function sharedExcelBuild(): Promise<string> {
  return sharedBuild("excel", buildExcel);
}
