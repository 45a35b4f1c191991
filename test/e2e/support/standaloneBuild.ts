/**
 * Builds shared on disk by all test files of a run. Jest runs each test file in its own worker,
 * so a build goes to a temporary folder named after the build's kind and a digest of its inputs.
 * The first worker builds it under a lock folder and the others wait for it, so a run builds each
 * kind once, and a rerun with unchanged sources reuses it. The end-to-end tests use the
 * development build of the standalone host; other suites may add their own kinds.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";

const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..", "..");

/** Files and folders whose content goes into the build, relative to the repository root. */
const BUILD_INPUTS = [
  "src",
  "examples",
  "assets",
  "scripts",
  "manifest.xml",
  "webpack.config.js",
  "package-lock.json",
  "tsconfig.json",
];

/** Prefix of the build folders in the system's temporary folder. */
const BUILD_FOLDER_PREFIX = "spm-e2e-build-";

/** File written into a build folder once the build is complete. */
const COMPLETE_MARKER = "complete";

/** Pause between two looks at a build another worker is making. */
const LOCK_POLL_MS = 250;

/**
 * Age after which a lock counts as left behind by a worker that died. A development build takes
 * 10 to 50 s here, so a lock older than this has no live builder.
 */
const STALE_LOCK_MS = 180_000;

/** Age after which an unused build folder is removed: builds of sources long since changed. */
const OLD_BUILD_MS = 24 * 60 * 60 * 1000;

type ConfigFactory = (
  env: Record<string, unknown>,
  argv: { mode: string },
) => Promise<webpack.Configuration>;

const createConfig = require("../../../webpack.config.js") as ConfigFactory;

/** Lists the files under `entry` (a file or a folder), relative to the repository root. */
function inputFiles(entry: string): string[] {
  const absolute = path.join(REPOSITORY_ROOT, entry);
  if (!fs.existsSync(absolute)) {
    return [];
  }
  if (!fs.statSync(absolute).isDirectory()) {
    return [entry];
  }
  return fs
    .readdirSync(absolute)
    .sort()
    .flatMap((name) => inputFiles(path.join(entry, name)));
}

/** Returns a SHA-256 digest of the paths and contents of the build's inputs. */
function inputDigest(): string {
  const hash = createHash("sha256");
  for (const file of BUILD_INPUTS.flatMap(inputFiles)) {
    hash.update(file);
    hash.update(fs.readFileSync(path.join(REPOSITORY_ROOT, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

/** Builds the standalone host (development mode, which builds fastest) into `outputDir`. */
async function buildStandalone(outputDir: string): Promise<void> {
  const config = await createConfig({ standalone: true }, { mode: "development" });
  config.context = REPOSITORY_ROOT;
  config.output = { ...config.output, path: outputDir };
  config.devtool = false;
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (error, result) =>
      error || !result ? reject(error ?? new Error("webpack returned no stats.")) : resolve(result),
    ),
  );
  if (stats.hasErrors()) {
    const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
    throw new Error(`The standalone build failed:\n${errors.map((e) => e.message).join("\n")}`);
  }
}

/** Removes build folders not used for {@link OLD_BUILD_MS}, keeping `current`. */
function removeOldBuilds(current: string): void {
  const now = Date.now();
  for (const name of fs.readdirSync(os.tmpdir())) {
    const folder = path.join(os.tmpdir(), name);
    if (!name.startsWith(BUILD_FOLDER_PREFIX) || folder === current) {
      continue;
    }
    if (now - fs.statSync(folder).mtimeMs > OLD_BUILD_MS) {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
}

/** Tries to take the lock folder; returns false when another worker holds a live lock. */
function takeLock(lockDir: string): boolean {
  try {
    fs.mkdirSync(lockDir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      throw error;
    }
  }
  const lock = fs.statSync(lockDir, { throwIfNoEntry: false });
  if (lock !== undefined && Date.now() - lock.mtimeMs > STALE_LOCK_MS) {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
  return false;
}

/**
 * Returns the folder of a complete build of one kind for the current sources, running `build`
 * into it first unless another worker has built it or is building it.
 * @param kind name of the build in its folder name, or "" for the standalone host
 * @param build writes the build into the folder it is given
 */
export async function sharedBuild(
  kind: string,
  build: (outputDir: string) => Promise<void>,
): Promise<string> {
  const prefix = kind === "" ? BUILD_FOLDER_PREFIX : `${BUILD_FOLDER_PREFIX}${kind}-`;
  const buildDir = path.join(os.tmpdir(), `${prefix}${inputDigest()}`);
  const siteDir = path.join(buildDir, "site");
  const lockDir = `${buildDir}.lock`;

  while (!fs.existsSync(path.join(buildDir, COMPLETE_MARKER))) {
    if (!takeLock(lockDir)) {
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
      continue;
    }
    try {
      fs.rmSync(buildDir, { recursive: true, force: true });
      await build(siteDir);
      fs.writeFileSync(path.join(buildDir, COMPLETE_MARKER), "");
    } finally {
      fs.rmSync(lockDir, { recursive: true, force: true });
    }
  }

  // Touching the folder marks it as used, so removeOldBuilds keeps it.
  const now = new Date();
  fs.utimesSync(buildDir, now, now);
  removeOldBuilds(buildDir);
  return siteDir;
}

/**
 * Returns the folder of a complete development build of the standalone host for the current
 * sources, building it first unless another worker has built it or is building it.
 */
export function sharedStandaloneBuild(): Promise<string> {
  return sharedBuild("", buildStandalone);
}
