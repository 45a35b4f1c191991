import * as fs from "fs";
import * as path from "path";
import { EngineValue } from "../../src/headless/engine";
import { createTestEngine } from "../support/engine";
import { describeWithData, readReferenceCsv, readReferenceText } from "../support/referenceData";
import { column, expectNumber, rowsOf } from "../core/kpi/formulaChecks";

// SPM.KPI formulas on the Superstore sample data, against base R results computed by
// test/core/kpi/reference/make-cases.R (R 4.2.2) and stored in r-cases.json.

interface RCases {
  sales_cycle: {
    rows: number;
    all: { mean: number; median: number };
    corporate_open: { mean: number; median: number; closed: number };
  };
  growth: { months: string[]; period: (number | null)[]; year: (number | null)[] };
  cagr: { begin: number; end: number; years: number; value: number };
}

const R_CASES = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "core", "kpi", "reference", "r-cases.json"), "utf8"),
) as RCases;

/**
 * Time limit of a test on 2,000 order lines. Alone it takes about 3 s, most of it loading the
 * function catalog, which is above Jest's default of 5 s on a loaded machine.
 */
const ORDER_LINES_TIMEOUT_MS = 30_000;

/** Excel's serial number of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;
const MILLISECONDS_PER_DAY = 86_400_000;

/** Converts a M/D/YYYY date of the Superstore file into an Excel serial number. */
function serialOf(text: string): number {
  const [month, day, year] = text.split("/").map(Number);
  return Date.UTC(year, month - 1, day) / MILLISECONDS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** Splits one CSV line into fields, honouring quoted fields with commas and doubled quotes. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === "," && !quoted) {
      fields.push(field);
      field = "";
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
}

/** Reads order date, ship date and segment of the first `count` Superstore order lines. */
function readOrders(count: number): { created: number; closed: number; segment: string }[] {
  const lines = readReferenceText("superstore_sample.csv")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/);
  const header = splitCsvLine(lines[0]);
  const [orderDate, shipDate, segment] = ["Order Date", "Ship Date", "Segment"].map((name) =>
    header.indexOf(name),
  );
  return lines.slice(1, count + 1).map((line) => {
    const fields = splitCsvLine(line);
    return {
      created: serialOf(fields[orderDate]),
      closed: serialOf(fields[shipDate]),
      segment: fields[segment],
    };
  });
}

/** Checks a spilled growth column against R, where R's NA is a blank result cell. */
function expectGrowth(value: EngineValue, expected: (number | null)[]): void {
  const rows = rowsOf(value);
  expect(rows).toHaveLength(expected.length);
  expected.forEach((rate, i) => {
    if (rate === null) {
      expect(rows[i][0]).toBe("");
    } else {
      expectNumber(rows[i][0], rate);
    }
  });
}

describeWithData("KPI.SALESCYCLE on Superstore orders", () => {
  const cases = R_CASES.sales_cycle;
  const orders = readOrders(cases.rows);
  const last = cases.rows;

  test.each(["zero", "null"] as const)(
    "all orders closed, %s blanks",
    async (blanks) => {
      const rows = orders.map((order) => [order.created, order.closed]);
      const engine = await createTestEngine({ Sheet1: rows }, { blanks });
      expectNumber(
        engine.evaluate(`=SPM.KPI.SALESCYCLE(A1:A${last}, B1:B${last})`),
        cases.all.mean,
      );
      expectNumber(
        engine.evaluate(`=SPM.KPI.SALESCYCLE(A1:A${last}, B1:B${last}, "median")`),
        cases.all.median,
      );
    },
    ORDER_LINES_TIMEOUT_MS,
  );

  test.each(["zero", "null"] as const)(
    "corporate deals open, %s blanks",
    async (blanks) => {
      // Corporate order lines stand for open deals: their close date cell is blank.
      const rows = orders.map((order) => [
        order.created,
        order.segment === "Corporate" ? null : order.closed,
      ]);
      expect(rows.filter((row) => row[1] !== null)).toHaveLength(cases.corporate_open.closed);
      const engine = await createTestEngine({ Sheet1: rows }, { blanks });
      expectNumber(
        engine.evaluate(`=SPM.KPI.SALESCYCLE(A1:A${last}, B1:B${last})`),
        cases.corporate_open.mean,
      );
      expectNumber(
        engine.evaluate(`=SPM.KPI.SALESCYCLE(A1:A${last}, B1:B${last}, "median")`),
        cases.corporate_open.median,
      );
    },
    ORDER_LINES_TIMEOUT_MS,
  );
});

describeWithData("KPI.GROWTH on Superstore sales", () => {
  const consumer = readReferenceCsv("superstore_monthly_by_segment.csv")
    .filter((row) => row.segment === "Consumer")
    .sort((a, b) => a.month.localeCompare(b.month));

  test("months match R input", () => {
    expect(consumer.map((row) => row.month)).toEqual(R_CASES.growth.months);
  });

  test("period and year growth", async () => {
    const engine = await createTestEngine({
      Sheet1: column(consumer.map((row) => Number(row.sales))),
    });
    expectGrowth(engine.evaluate("=SPM.KPI.GROWTH(A1:A48)"), R_CASES.growth.period);
    expectGrowth(engine.evaluate('=SPM.KPI.GROWTH(A1:A48, "year")'), R_CASES.growth.year);
  });

  test("CAGR 2016 to 2019", async () => {
    const { begin, end, years, value } = R_CASES.cagr;
    const engine = await createTestEngine({ Sheet1: [[begin, end, years]] });
    expectNumber(engine.evaluate("=SPM.KPI.CAGR(A1, B1, C1)"), value);
  });
});
