/**
 * The example workbook: the committed file matches what the seeded generator writes, and every
 * formula of it evaluates in the engine.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { recalculateWorkbook } from "../../src/cli/recalculate";
import {
  FORECAST_HEADER_ROW,
  FORECAST_SHEET,
  buildSalesExample,
  createRandom,
  salesHistoryCsv,
} from "../../src/examples/salesExample";
import { testCatalog } from "../support/engine";

const committedExample = path.resolve(__dirname, "..", "..", "examples", "sales-example.xlsx");
const committedHistory = path.resolve(__dirname, "..", "..", "examples", "sales-history.csv");

/** Lists every non-empty cell as "Sheet!A1" with its value in JSON, dates as ISO text. */
function dumpCells(workbook: ExcelJS.Workbook): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        cells[`${sheet.name}!${cell.address}`] = JSON.stringify(cell.value);
      }),
    );
  }
  return cells;
}

async function readWorkbook(source: string | ExcelJS.Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (typeof source === "string") {
    await workbook.xlsx.readFile(source);
  } else {
    await workbook.xlsx.load(source);
  }
  return workbook;
}

describe("sales example generator", () => {
  test("random sequence is seeded", () => {
    const draw = (seed: number): number[] => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).every((value) => value >= 0 && value < 1)).toBe(true);
  });

  test("regenerated file matches committed", async () => {
    const buffer = await buildSalesExample().xlsx.writeBuffer();
    const regenerated = dumpCells(await readWorkbook(buffer));
    const committed = dumpCells(await readWorkbook(committedExample));
    expect(Object.keys(regenerated).length).toBeGreaterThan(500);
    expect(regenerated).toEqual(committed);
  });

  test("history CSV matches workbook", async () => {
    const workbook = await readWorkbook(committedExample);
    expect(fs.readFileSync(committedHistory, "utf8")).toBe(salesHistoryCsv(workbook));
  });

  test("history CSV has every series", () => {
    const [header, ...rows] = salesHistoryCsv(buildSalesExample())
      .trim()
      .split("\n")
      .map((line) => line.split(","));
    expect(header.slice(0, 3)).toEqual(["series", "2021-01", "2021-02"]);
    expect(header).toHaveLength(61);
    expect(rows.map((row) => row[0])).toEqual([
      "channel: Direct",
      "channel: Distributor",
      "channel: Retail",
      "channel: E-commerce",
      "segment: Consumer",
      "segment: Corporate",
      "segment: Small business",
    ]);
    expect(rows.every((row) => row.slice(1).every((value) => /^\d+$/.test(value)))).toBe(true);
  });
});

describe("sales example in the engine", () => {
  let workDir: string;

  beforeAll(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), "spm-example-"));
  });

  afterAll(() => {
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  test("every formula evaluates", async () => {
    const output = path.join(workDir, "calculated.xlsx");
    const report = await recalculateWorkbook(committedExample, output, await testCatalog());
    expect(report.warnings).toEqual([]);

    const sheet = (await readWorkbook(output)).getWorksheet(FORECAST_SHEET)!;
    const results: unknown[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as { formula?: string; result?: unknown } | null;
        if (value !== null && typeof value === "object" && "formula" in value) {
          results.push(value.result);
        }
      }),
    );
    expect(results.length).toBeGreaterThan(10);
    expect(
      results.filter((result) => typeof result !== "number" && typeof result !== "string"),
    ).toEqual([]);

    const forecastCell = sheet.getCell(FORECAST_HEADER_ROW + 12, 2).value;
    expect(typeof forecastCell).toBe("number");
  });
});
