/**
 * Writes examples/sales-example.xlsx, and its monthly sales as examples/sales-history.csv, from
 * the seeded generator in src/examples. Run it with
 * `npm run examples`, which compiles it into dist-node/scripts/make-example.js first.
 */
import * as fs from "fs";
import * as path from "path";
import { buildSalesExample, salesHistoryCsv } from "../src/examples/salesExample";

/** Repository root, from scripts/ in the sources or dist-node/scripts/ once compiled. */
const root =
  path.extname(__filename) === ".ts"
    ? path.resolve(__dirname, "..")
    : path.resolve(__dirname, "..", "..");

/** Path of the example workbook in the repository. */
export const EXAMPLE_WORKBOOK = path.join(root, "examples", "sales-example.xlsx");

/** Path of the example's series table for `spm forecast`. */
export const EXAMPLE_HISTORY = path.join(root, "examples", "sales-history.csv");

async function main(): Promise<void> {
  fs.mkdirSync(path.dirname(EXAMPLE_WORKBOOK), { recursive: true });
  const workbook = buildSalesExample();
  await workbook.xlsx.writeFile(EXAMPLE_WORKBOOK);
  fs.writeFileSync(EXAMPLE_HISTORY, salesHistoryCsv(workbook));
  for (const file of [EXAMPLE_WORKBOOK, EXAMPLE_HISTORY]) {
    process.stdout.write(`Wrote ${path.relative(process.cwd(), file)}.\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Writing the example workbook failed: ${String(error)}\n`);
  process.exitCode = 1;
});
