/**
 * The up-to-date check of `npm start` and the spm build: a build is skipped only while its last
 * output is newer than every input.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const { isStale, touch } = require("../../scripts/modification-times") as {
  isStale(output: string, inputs: string[]): boolean;
  touch(file: string): void;
};

let workDir: string;

beforeEach(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "spm-mtime-"));
});

afterEach(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** Writes a file and sets its modification time to `secondsAgo` before now. */
function writeAged(name: string, secondsAgo: number): string {
  const file = path.join(workDir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, name);
  const time = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(file, time, time);
  return file;
}

test("missing output is stale", () => {
  expect(isStale(path.join(workDir, "never-built"), [writeAged("a.ts", 60)])).toBe(true);
});

test("output newer than inputs is current", () => {
  const input = writeAged("src/a.ts", 60);
  const output = path.join(workDir, "out", ".built");
  touch(output);
  expect(isStale(output, [input, path.join(workDir, "src")])).toBe(false);
});

test("file changed deep in a folder makes output stale", () => {
  writeAged("src/pages/a.ts", 60);
  const output = writeAged("out/.built", 30);
  writeAged("src/pages/deeper/b.ts", 10);
  expect(isStale(output, [path.join(workDir, "src")])).toBe(true);
});

test("missing inputs are ignored", () => {
  const output = writeAged("out/.built", 30);
  expect(isStale(output, [path.join(workDir, "absent"), writeAged("a.ts", 60)])).toBe(false);
});

test("touch makes a stale output current", () => {
  const output = writeAged("out/.built", 60);
  const input = writeAged("a.ts", 30);
  expect(isStale(output, [input])).toBe(true);
  touch(output);
  expect(isStale(output, [input])).toBe(false);
});
