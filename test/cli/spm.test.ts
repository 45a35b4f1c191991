/**
 * The `spm` command end to end: `node bin/spm.js` on temporary files, after `npm run build:cli`.
 */
import { execFileSync, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/cli";

const root = path.resolve(__dirname, "..", "..");
const spm = path.join(root, "bin", "spm.js");

/** Time for the compiled build: tsc needs up to about a minute on a loaded machine. */
const BUILD_TIMEOUT_MS = 180_000;

let workDir: string;

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, "scripts", "build-cli.js")], { cwd: root });
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "spm-cli-"));
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** Runs spm with arguments and returns its exit code and output. */
function runSpm(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [spm, ...args], { cwd: workDir, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeFile(name: string, text: string): string {
  const file = path.join(workDir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe("spm forecast jobs", () => {
  test("worker threads keep rows in order", () => {
    // Enough series for the worker threads, with invalid rows among them.
    const rows = Array.from({ length: 150 }, (_, i) =>
      i % 37 === 5 ? `s${i},x,1,2,3` : `s${i},${i + 1},${i + 3},${2 * i + 1},${i + 7}`,
    );
    const input = writeFile("jobs.csv", ["id,v1,v2,v3,v4", ...rows].join("\n") + "\n");
    const options = ["forecast", "--method", "theta", "--horizon", "3", "--level", "80"];

    const oneThread = runSpm(...options, "--jobs", "1", input);
    const workers = runSpm(...options, "--jobs", "3", input);

    expect(oneThread.status).toBe(3);
    expect(workers.status).toBe(3);
    expect(workers.stdout).toBe(oneThread.stdout);
    expect(workers.stderr).toBe(oneThread.stderr);
    expect(workers.stderr).toContain("Skipped series s5 on line 7");
  });

  test("jobs must be a whole number", () => {
    const input = writeFile("jobs-bad.csv", "id,v1\na,1\n");
    const result = runSpm("forecast", "--method", "naive", "--horizon", "1", "--jobs", "0", input);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      "The --jobs option must be a whole number of 1 or more, not 0.",
    );
  });
});

describe("spm standard streams", () => {
  test("input from standard input", () => {
    const result = spawnSync(
      process.execPath,
      [spm, "forecast", "--method", "naive", "--horizon", "1", "--out", "-", "-"],
      { cwd: workDir, encoding: "utf8", input: "id,v1\na,4\n" },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("id,method,h1\na,naive,4\n");
  });

  test("data formulas stay text", () => {
    const data = writeFile("formula-data.csv", 'name\n=1+1\n"=HYPERLINK(""x"")"\n');
    expect(runSpm("eval", "--data", data, "=A2").stdout).toBe("=1+1\n");
    expect(runSpm("eval", "--data", data, "=ISTEXT(A3)").stdout).toBe("true\n");
  });
});

describe("spm output pipe", () => {
  test("closed pipe ends quietly", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `s${i},${i},${i + 1}`);
    const input = writeFile("many.csv", ["id,v1,v2", ...rows].join("\n") + "\n");
    const child = spawn(process.execPath, [
      spm,
      "forecast",
      "--method",
      "naive",
      "--horizon",
      "1",
      input,
    ]);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // A reader such as `head -1` closes the pipe after the first chunk.
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(status).toBe(0);
  });
});

describe("spm eval", () => {
  test("CSV data and scalar result", () => {
    const data = writeFile("sales.csv", "Month,Sales\n2024-01-31,10\n2024-02-29,20.5\n");
    const result = runSpm("eval", "--data", data, "=SUM(B2:B3)");
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("30.5\n");
    expect(result.status).toBe(0);
  });

  test("spilled result as JSON", () => {
    const data = writeFile("series.csv", "Sales\n1\n2\n3\n4\n");
    const direct = runSpm("eval", "--json", "=SPM.FORECAST.SES({1;2;3;4}, 2, 0.5)");
    const fromData = runSpm("eval", "--data", data, "--json", "=SPM.FORECAST.SES(A2:A5, 2, 0.5)");
    const values = JSON.parse(fromData.stdout) as number[][];
    expect(fromData.status).toBe(0);
    expect(values).toHaveLength(2);
    expect(values).toEqual(JSON.parse(direct.stdout));
  });

  test("spilled result as table", () => {
    const result = runSpm("eval", "=SPM.FORECAST.MOVINGAVG({2;4;6}, 2, 3)");
    expect(result.stdout).toBe("4\n4\n");
    expect(result.status).toBe(0);
  });

  test("error result on stderr", () => {
    const result = runSpm("eval", "=SPM.FORECAST.SES({1;2;3}, 0)");
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^#VALUE! .*horizon/);
  });

  test("xlsx data dates as serials", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Data").addRow([new Date(Date.UTC(2024, 0, 31)), 5]);
    const file = path.join(workDir, "dates.xlsx");
    await workbook.xlsx.writeFile(file);

    // Source: HyperFormula's DATE, which counts days in Excel's 1900 date system.
    const expected = runSpm("eval", "=DATE(2024,1,31)").stdout;
    const result = runSpm("eval", "--data", file, "=A1");
    expect(result.stdout).toBe(expected);
    expect(result.status).toBe(0);
  });

  test("blanks option reaches functions", () => {
    const data = writeFile("blanks.csv", "Sales\n1\n\n3\n");
    const zero = runSpm("eval", "--data", data, "=SPM.FORECAST.MOVINGAVG(A2:A4, 1, 3)");
    const nulls = runSpm(
      "eval",
      "--data",
      data,
      "--blanks",
      "null",
      "=SPM.FORECAST.MOVINGAVG(A2:A4, 1, 3)",
    );
    expect(zero.stdout).not.toBe(nulls.stdout);
  });
});

describe("spm calc", () => {
  /** Writes a workbook with data, an SPM spill, a dependent formula and an unknown function. */
  async function writeInputWorkbook(file: string): Promise<void> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Data");
    [10, 12, 14, 16].forEach((value, i) => {
      sheet.getCell(i + 1, 1).value = value;
    });
    sheet.getCell("B1").value = 3;
    sheet.getCell("C1").value = {
      formula: "SPM.FORECAST.MOVINGAVG(A1:A4, B1, 2)",
    } as ExcelJS.CellValue;
    sheet.getCell("D1").value = { formula: "SUM(C1:C3)" } as ExcelJS.CellValue;
    sheet.getCell("E1").value = { formula: "NOSUCHFUNCTION(A1)", result: 42 } as ExcelJS.CellValue;
    sheet.getCell("F1").value = { formula: "E1*2" } as ExcelJS.CellValue;
    sheet.getCell("G1").value = "=SUM(1,2)";
    sheet.getCell("H1").value = { formula: "LEN(G1)" } as ExcelJS.CellValue;
    await workbook.xlsx.writeFile(file);
  }

  async function readCell(file: string, address: string): Promise<ExcelJS.CellValue> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    return workbook.getWorksheet("Data")!.getCell(address).value;
  }

  let input: string;
  let output: string;
  let calc: { status: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    input = path.join(workDir, "in.xlsx");
    output = path.join(workDir, "out.xlsx");
    await writeInputWorkbook(input);
    calc = runSpm("calc", input, output);
  });

  test("recalculates and keeps formulas", async () => {
    expect(calc.status).toBe(0);
    expect(calc.stdout).toContain("Recalculated 4 formulas in 1 sheets");

    // Source: the moving average of the last 2 values (14, 16) is 15, repeated for 3 months.
    expect(await readCell(output, "C1")).toMatchObject({
      formula: "SPM.FORECAST.MOVINGAVG(A1:A4, B1, 2)",
      result: 15,
      shareType: "array",
      ref: "C1:C3",
    });
    expect(await readCell(output, "C2")).toBe(15);
    expect(await readCell(output, "C3")).toBe(15);
    expect(await readCell(output, "D1")).toMatchObject({ formula: "SUM(C1:C3)", result: 45 });
  });

  test("unknown function keeps stored value", async () => {
    expect(calc.stderr).toContain("Warning: Data!E1 keeps its stored value");
    expect(calc.stderr).toContain("NOSUCHFUNCTION");
    expect(await readCell(output, "E1")).toMatchObject({
      formula: "NOSUCHFUNCTION(A1)",
      result: 42,
    });
    // The dependent formula is computed from the stored value.
    expect(await readCell(output, "F1")).toMatchObject({ formula: "E1*2", result: 84 });
  });

  test("text starting with = stays text", async () => {
    expect(await readCell(output, "G1")).toBe("=SUM(1,2)");
    // Source: "=SUM(1,2)" has 9 characters, so the text reached the engine unevaluated.
    expect(await readCell(output, "H1")).toMatchObject({ formula: "LEN(G1)", result: 9 });
  });

  test("recalculating its output is stable", async () => {
    const twice = path.join(workDir, "twice.xlsx");
    const result = runSpm("calc", output, twice);
    expect(result.status).toBe(0);
    expect(await readCell(twice, "C1")).toMatchObject({ result: 15, ref: "C1:C3" });
    expect(await readCell(twice, "D1")).toMatchObject({ result: 45 });
  });
});

describe("spm usage", () => {
  /** Runs the command in this process, capturing what it writes. */
  async function runInProcess(
    ...args: string[]
  ): Promise<{ status: number; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    const out = jest.spyOn(process.stdout, "write").mockImplementation((text) => {
      stdout += String(text);
      return true;
    });
    const err = jest.spyOn(process.stderr, "write").mockImplementation((text) => {
      stderr += String(text);
      return true;
    });
    try {
      const status = await main(args);
      return { status, stdout, stderr };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }

  test("help exits zero", async () => {
    const result = await runInProcess("--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("--blanks MODE");
  });

  test("missing input file", async () => {
    const result = await runInProcess("calc", "missing.xlsx", "out.xlsx");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("The input file does not exist: missing.xlsx.");
  });

  test("missing data file", async () => {
    const result = await runInProcess("eval", "--data", "missing.csv", "=1");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("The data file does not exist: missing.csv.");
  });

  test("damaged xlsx data file", async () => {
    const damaged = path.join(workDir, "damaged.xlsx");
    fs.writeFileSync(damaged, "not a zip");
    const result = await runInProcess("eval", "--data", damaged, "=1");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`The data file is not a readable .xlsx workbook: ${damaged}`);
  });

  test("folder as output workbook", async () => {
    const input = path.join(workDir, "any.xlsx");
    fs.writeFileSync(input, "");
    const result = await runInProcess("calc", input, workDir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`The output file is a folder: ${workDir}.`);
  });

  test("invalid data file line", async () => {
    const data = path.join(workDir, "trailing.csv");
    fs.writeFileSync(data, 'name,value\n"a"b,1\n');
    const result = await runInProcess("eval", "--data", data, "=1");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'Line 2 of the data file is invalid: text "b" follows a closing quote',
    );
  });

  test("data file wider than a sheet", async () => {
    const data = path.join(workDir, "wide.csv");
    fs.writeFileSync(data, Array.from({ length: 16_385 }, (_, i) => `c${i}`).join(",") + "\n");
    const result = await runInProcess("eval", "--data", data, "=1");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      "The data file has 1 row of up to 16385 columns, more than an Excel sheet",
    );
  });

  test("unknown command is rejected", async () => {
    const result = await runInProcess("frobnicate");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("The command is unknown: frobnicate.");
  });

  test("invalid blanks value is rejected", async () => {
    const result = await runInProcess("eval", "--blanks", "empty", "=1");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("The --blanks option must be zero or null, not empty.");
  });

  test("missing operand is rejected", async () => {
    const result = await runInProcess("calc", "in.xlsx");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      "spm calc takes IN.xlsx and OUT.xlsx, but 1 operands were given.",
    );
  });
});
