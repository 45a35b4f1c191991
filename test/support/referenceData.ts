import * as fs from "fs";
import * as path from "path";

/**
 * Folder of the shared reference data (real data sets and R results), which lives beside the
 * repository and is never copied into it. `SPM_DATA_DIR` overrides the location.
 */
export const referenceDataDir: string = process.env.SPM_DATA_DIR
  ? path.resolve(process.env.SPM_DATA_DIR)
  : path.resolve(__dirname, "..", "..", "..", "shared", "data");

/** True when the reference data folder exists on this machine. */
export const hasReferenceData: boolean = fs.existsSync(referenceDataDir);

/**
 * Runs `body` as a describe block when the reference data exists. Without it the block is
 * skipped with a visible notice, unless `SPM_REQUIRE_DATA=1` (set by the CI script), where a
 * missing folder fails the run.
 */
export function describeWithData(name: string, body: () => void): void {
  if (hasReferenceData) {
    describe(name, body);
    return;
  }
  if (process.env.SPM_REQUIRE_DATA === "1") {
    throw new Error(
      `Reference data not found at ${referenceDataDir}. ` +
        "Place the shared data folder beside the repository or set SPM_DATA_DIR.",
    );
  }
  process.stderr.write(
    `NOTICE: skipping "${name}": reference data not found at ${referenceDataDir}\n`,
  );
  describe.skip(name, body);
}

/** Reads a file of the reference data folder as text. */
export function readReferenceText(relativePath: string): string {
  return fs.readFileSync(path.join(referenceDataDir, relativePath), "utf8");
}

/** Reads and parses a JSON file of the reference data folder. */
export function readReferenceJson<T>(relativePath: string): T {
  return JSON.parse(readReferenceText(relativePath)) as T;
}

/** Parses a small CSV file with a header row and no quoted fields into records. */
export function readReferenceCsv(relativePath: string): Record<string, string>[] {
  const lines = readReferenceText(relativePath)
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const header = lines[0].split(",");
  return lines.slice(1).map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""]));
  });
}
