import {
  detectDialect,
  parseCsv,
  parseCsvFields,
  parseCsvNumber,
  parseCsvRecords,
} from "../../src/cli/csv";

describe("parseCsvFields", () => {
  test("quoted fields with separators", () => {
    expect(parseCsvFields('a,"b, c","say ""hi"""\r\n1,"two\nlines",3\n')).toEqual([
      ["a", "b, c", 'say "hi"'],
      ["1", "two\nlines", "3"],
    ]);
  });
});

describe("parseCsvRecords", () => {
  test("records keep starting lines", () => {
    const records = parseCsvRecords('id,v1\r\na,"x\ny"\n\nb,2\rc,3');
    expect(records.map((record) => record.line)).toEqual([1, 2, 4, 5, 6]);
    expect(records[1].fields).toEqual(["a", "x\ny"]);
    expect(records[2].fields).toEqual([""]);
    expect(records[4].fields).toEqual(["c", "3"]);
  });
});

describe("parseCsv", () => {
  test("header row stays text", () => {
    expect(parseCsv("Month,2024,TRUE\n")[0]).toEqual(["Month", "2024", "TRUE"]);
  });

  test("data values are typed", () => {
    const [, row] = parseCsv("h1,h2,h3,h4,h5,h6\n1.5,-2e3,true,,text, 7 \n");
    expect(row).toEqual([1.5, -2000, true, null, "text", 7]);
  });

  // Sources: Microsoft's DATE function documentation (2008-01-01 is 39448) and ECMA-376
  // (Office Open XML) DATEVALUE examples for the 1900 date system (1910-02-03 and 2006-02-01).
  const serialCases: [string, number][] = [
    ["2008-01-01", 39448],
    ["1910-02-03", 3687],
    ["2006-02-01", 38749],
  ];

  test.each(serialCases)("ISO date %s as serial", (text, serial) => {
    expect(parseCsv(`Month\n${text}\n`)[1]).toEqual([serial]);
  });
});

describe("detectDialect", () => {
  test.each([
    ["id,v1,v2\n1;2;3;4\n", ","],
    ["id;v1;v2\na;1,5;2\n", ";"],
    ["id\tv1\tv2\n", "\t"],
    ['"a;b;c",v1\n', ","],
    ["single\n", ","],
    ["a;b,c\n", ","],
  ])("%j separates with %j", (text, separator) => {
    expect(detectDialect(text).separator).toBe(separator);
  });

  test("semicolon files read decimal commas", () => {
    expect(detectDialect("id;v1").decimalComma).toBe(true);
    expect(detectDialect("id,v1").decimalComma).toBe(false);
    expect(detectDialect("id\tv1").decimalComma).toBe(false);
  });
});

describe("parseCsvNumber", () => {
  const semicolon = detectDialect("a;b");
  test.each([
    ["1,5", 1.5],
    ["-0,25", -0.25],
    [",5", 0.5],
    ["1,5e3", 1500],
    ["1.5", 1.5],
    ["1.234,5", null],
    ["1,2,3", null],
    ["1 234", null],
  ])("semicolon file reads %j as %j", (text, value) => {
    expect(parseCsvNumber(text, semicolon)).toBe(value);
  });

  test("comma files keep the decimal point only", () => {
    expect(parseCsvNumber("1,5")).toBeNull();
    expect(parseCsvNumber("2.5")).toBe(2.5);
  });
});

describe("parseCsv dialects", () => {
  test("semicolon file with decimal commas", () => {
    expect(parseCsv("Month;Sales\n2024-01-01;1234,5\n")).toEqual([
      ["Month", "Sales"],
      [45292, 1234.5],
    ]);
  });

  test("tab-separated file", () => {
    expect(parseCsv("a\tb\n1.5\ttext\n")).toEqual([
      ["a", "b"],
      [1.5, "text"],
    ]);
  });
});
