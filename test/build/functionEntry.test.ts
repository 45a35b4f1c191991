import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");
const families = require(path.join(root, "scripts", "function-sources.js")) as string[];

describe("functions entry", () => {
  // The Excel bundle and the standalone host load only the families this entry imports, so a
  // family missing here has metadata in functions.json but no implementation at run time.
  test.each(families)("imports %s", (file) => {
    const entry = fs.readFileSync(path.join(root, "src", "functions", "index.ts"), "utf8");
    const name = path.basename(file, ".ts");

    expect(entry).toContain(`import "./${name}";`);
  });
});
