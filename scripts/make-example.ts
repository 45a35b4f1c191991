/**
 * Writes examples/sales-example.xlsx from the seeded generator in src/examples. Run it with
 * `npm run examples`, which compiles it into dist-node/scripts/make-example.js first.
 */
import * as fs from "fs";
import * as path from "path";
import { buildSalesExample } from "../src/examples/salesExample";

/** Repository root, from scripts/ in the sources or dist-node/scripts/ once compiled. */
const root =
  path.extname(__filename) === ".ts"
    ? path.resolve(__dirname, "..")
    : path.resolve(__dirname, "..", "..");

/** Path of the example workbook in the repository. */
export const EXAMPLE_WORKBOOK = path.join(root, "examples", "sales-example.xlsx");

async function main(): Promise<void> {
  fs.mkdirSync(path.dirname(EXAMPLE_WORKBOOK), { recursive: true });
  await buildSalesExample().xlsx.writeFile(EXAMPLE_WORKBOOK);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), EXAMPLE_WORKBOOK)}.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Writing the example workbook failed: ${String(error)}\n`);
  process.exitCode = 1;
});
