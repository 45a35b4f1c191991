/**
 * The headless engine with the fixture family of `fixtures/sampleFunctions.ts`: TEST.ECHO returns
 * its arguments as JSON, TEST.SEQUENCE spills 1..count, TEST.TOTAL sums a range or throws #N/A,
 * TEST.ADDRESS returns the caller's address from the invocation object.
 * Expected values follow from those definitions, or from HyperFormula's own DATE function.
 */
import { EngineValue, FunctionCatalog, SpreadsheetEngine } from "../../src/headless/engine";
import { fixtureCatalog } from "../support/engine";

let catalog: FunctionCatalog;

beforeAll(async () => {
  catalog = await fixtureCatalog();
});

/** Evaluates TEST.ECHO's formula and parses the JSON of the arguments it received. */
function echo(engine: SpreadsheetEngine, formula: string): unknown[] {
  const result = engine.evaluate(formula);
  if (typeof result !== "string") {
    throw new Error(`Expected JSON text, got ${JSON.stringify(result)}`);
  }
  return JSON.parse(result) as unknown[];
}

describe("argument marshalling", () => {
  const sheet = [
    [1, 2, "text", true],
    [3, null, "12", "=1/0"],
  ];

  test("range arrives as 2-D array", () => {
    const engine = SpreadsheetEngine.create(catalog, { Sheet1: sheet });
    expect(echo(engine, "=SPM.TEST.ECHO(A1:D1)")[0]).toEqual([[1, 2, "text", true]]);
    expect(echo(engine, "=SPM.TEST.ECHO(A1:A2)")[0]).toEqual([[1], [3]]);
  });

  test("single cell range is wrapped", () => {
    const engine = SpreadsheetEngine.create(catalog, { Sheet1: sheet });
    expect(echo(engine, "=SPM.TEST.ECHO(A2)")[0]).toEqual([[3]]);
    expect(echo(engine, "=SPM.TEST.ECHO(7)")[0]).toEqual([[7]]);
  });

  test("omitted optionals arrive as null", () => {
    const engine = SpreadsheetEngine.create(catalog, { Sheet1: sheet });
    expect(echo(engine, "=SPM.TEST.ECHO(A1)")).toEqual([[[1]], null, null]);
    expect(echo(engine, "=SPM.TEST.ECHO(A1,,5)")).toEqual([[[1]], null, 5]);
    expect(echo(engine, "=SPM.TEST.ECHO(A1,4,)")).toEqual([[[1]], 4, null]);
  });

  test("blanks as zero by default", () => {
    const engine = SpreadsheetEngine.create(catalog, { Sheet1: sheet });
    expect(echo(engine, "=SPM.TEST.ECHO(A2:B2, B2)")).toEqual([[[3, 0]], 0, null]);
  });

  test("blanks as null on request", () => {
    const engine = SpreadsheetEngine.create(catalog, { Sheet1: sheet }, { blanks: "null" });
    expect(echo(engine, "=SPM.TEST.ECHO(A2:B2, B2)")).toEqual([[[3, null]], null, null]);
  });

  test("text stays text", () => {
    const engine = SpreadsheetEngine.create(catalog, { Sheet1: sheet });
    expect(echo(engine, "=SPM.TEST.ECHO(C1:C2)")[0]).toEqual([["text"], ["12"]]);
  });

  test("literal text starting with = stays text", () => {
    const engine = SpreadsheetEngine.create(catalog, { Sheet1: [[{ text: "=1/0" }]] });
    expect(echo(engine, "=SPM.TEST.ECHO(A1)")[0]).toEqual([["=1/0"]]);
  });

  test("error cells arrive as CustomFunctions.Error", () => {
    const engine = SpreadsheetEngine.create(catalog, { Sheet1: sheet });
    const [range, scalar] = echo(engine, "=SPM.TEST.ECHO(D2, D2)") as [unknown[][], unknown];
    expect(range[0][0]).toMatchObject({ code: "#DIV/0!" });
    expect(scalar).toMatchObject({ code: "#DIV/0!" });
  });

  test("dates arrive as serial numbers", () => {
    const date = new Date(Date.UTC(2024, 0, 31));
    const engine = SpreadsheetEngine.create(catalog, { Sheet1: [[date]] });
    // Source: HyperFormula's DATE, which counts days in Excel's 1900 date system.
    const serial = engine.evaluate("=DATE(2024,1,31)");
    expect(echo(engine, "=SPM.TEST.ECHO(A1)")[0]).toEqual([[serial]]);
  });

  test("range for scalar parameter rejected", () => {
    const engine = SpreadsheetEngine.create(catalog, { Sheet1: sheet });
    const result = engine.evaluate("=SPM.TEST.ECHO(A1, A1:B1)");
    expect(result).toMatchObject({ error: "#VALUE!" });
    expect((result as { message: string }).message).toContain("scalar takes a single value");
  });

  test("wrong argument count gives N/A", () => {
    const engine = SpreadsheetEngine.create(catalog, { Sheet1: sheet });
    expect(engine.evaluate("=SPM.TEST.ECHO(A1, 1, 2, 3)")).toMatchObject({ error: "#N/A" });
    expect(engine.evaluate("=SPM.TEST.TOTAL()")).toMatchObject({ error: "#N/A" });
  });
});

describe("results and errors", () => {
  test("thrown error keeps code and message", () => {
    const engine = SpreadsheetEngine.create(catalog, { Sheet1: [[1], ["a"]] });
    expect(engine.evaluate("=SPM.TEST.TOTAL(A1:A2)")).toEqual({
      error: "#N/A",
      message: 'values contains "a", which is not a number.',
    });
  });

  test("spilled result as 2-D array", () => {
    const engine = SpreadsheetEngine.create(catalog, {});
    expect(engine.evaluate("=SPM.TEST.SEQUENCE(3)")).toEqual([[1], [2], [3]]);
  });

  test("single cell result is scalar", () => {
    const engine = SpreadsheetEngine.create(catalog, {});
    expect(engine.evaluate("=SPM.TEST.SEQUENCE(1)")).toBe(1);
  });

  test("invocation gives caller address", () => {
    const engine = SpreadsheetEngine.create(catalog, { Data: [[null, "=SPM.TEST.ADDRESS()"]] });
    expect(engine.getSheetValues("Data")[0][1]).toBe("Data!B1");
  });

  test("function names are case-insensitive", () => {
    const engine = SpreadsheetEngine.create(catalog, { Sheet1: [[2], [5]] });
    expect(engine.evaluate("=spm.test.total(A1:A2)")).toBe(7);
  });

  test("stored xldudf and xlfn prefixes", () => {
    const engine = SpreadsheetEngine.create(catalog, { Sheet1: [[2], [5]] });
    expect(engine.evaluate("=_xldudf_SPM_TEST_TOTAL(A1:A2)")).toBe(7);
    expect(engine.evaluate("=_xlfn.STDEV.S(A1:A2)")).toBe(engine.evaluate("=STDEV.S(A1:A2)"));
    expect(engine.evaluate('=CONCATENATE("_xlfn.IFS(", A1)')).toBe("_xlfn.IFS(2");
  });
});

describe("spilled results in sheets", () => {
  /** Values of column B, rows 1 to `rows`. */
  function columnB(engine: SpreadsheetEngine, rows: number): EngineValue[] {
    const values = engine.getSheetValues("Sheet1");
    return Array.from({ length: rows }, (_, row) => values[row]?.[1] ?? null);
  }

  test("spill sized by referenced cell", () => {
    const engine = SpreadsheetEngine.create(catalog, {
      Sheet1: [[3, "=SPM.TEST.SEQUENCE(A1)"]],
    });
    expect(columnB(engine, 4)).toEqual([1, 2, 3, null]);
    expect(engine.getFormulaResult("Sheet1", 0, 1)).toEqual([[1], [2], [3]]);
  });

  test("spill resizes when input changes", () => {
    const engine = SpreadsheetEngine.create(catalog, {
      Sheet1: [[4, "=SPM.TEST.SEQUENCE(A1)"]],
    });
    expect(columnB(engine, 5)).toEqual([1, 2, 3, 4, null]);

    engine.setSheetContent("Sheet1", [[2, "=SPM.TEST.SEQUENCE(A1)"]]);
    expect(columnB(engine, 5)).toEqual([1, 2, null, null, null]);
  });

  test("one cell edit resizes spill", () => {
    const engine = SpreadsheetEngine.create(catalog, {
      Sheet1: [[4, "=SPM.TEST.SEQUENCE(A1)", "=SUM(B1:B5)"]],
    });

    engine.setCellContent("Sheet1", 0, 0, 2);

    expect(columnB(engine, 5)).toEqual([1, 2, null, null, null]);
    expect(engine.getSheetValues("Sheet1")[0][2]).toBe(3);
  });

  test("one cell edit replaces formula", () => {
    const engine = SpreadsheetEngine.create(catalog, {
      Sheet1: [[3, "=SPM.TEST.SEQUENCE(A1)"]],
    });

    engine.setCellContent("Sheet1", 0, 1, "=A1*10");

    expect(columnB(engine, 4)).toEqual([30, null, null, null]);
  });

  test("spill sized by another formula", () => {
    const engine = SpreadsheetEngine.create(catalog, {
      Sheet1: [["=A2*2", "=SPM.TEST.SEQUENCE(A1)"], [2]],
    });
    expect(columnB(engine, 5)).toEqual([1, 2, 3, 4, null]);
  });

  test("spill feeds dependent formulas", () => {
    const engine = SpreadsheetEngine.create(catalog, {
      Sheet1: [[3, "=SPM.TEST.SEQUENCE(A1)", "=SPM.TEST.TOTAL(B1:B3)", "=SUM(B1:B3)"]],
    });
    const firstRow = engine.getSheetValues("Sheet1")[0];
    expect(firstRow[2]).toBe(6);
    expect(firstRow[3]).toBe(6);
  });

  test("nested spill as argument", () => {
    const engine = SpreadsheetEngine.create(catalog, {
      Sheet1: [[4, "=SPM.TEST.TOTAL(SPM.TEST.SEQUENCE(A1))", "=SUM(SPM.TEST.SEQUENCE(A1))"]],
    });
    const firstRow = engine.getSheetValues("Sheet1")[0];
    expect(firstRow[1]).toBe(10);
    expect(firstRow[2]).toBe(10);
  });

  test("blocked spill gives SPILL error", () => {
    const engine = SpreadsheetEngine.create(catalog, {
      Sheet1: [
        [3, "=SPM.TEST.SEQUENCE(A1)"],
        [null, "in the way"],
      ],
    });
    expect(engine.getSheetValues("Sheet1")[0][1]).toMatchObject({ error: "#SPILL!" });
  });

  test("error result in formula cell", () => {
    const engine = SpreadsheetEngine.create(catalog, {
      Sheet1: [[0, "=SPM.TEST.SEQUENCE(A1)"]],
    });
    expect(engine.getSheetValues("Sheet1")[0][1]).toEqual({
      error: "#VALUE!",
      message: "count must be a whole number of at least 1.",
    });
  });
});
