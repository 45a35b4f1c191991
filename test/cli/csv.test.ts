import { parseCsv, parseCsvFields, parseCsvRecords } from "../../src/cli/csv";

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
