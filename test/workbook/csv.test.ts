import {
  formatCsvField,
  formatCsvRow,
  neutraliseFormula,
  parseCsv,
  restoreFormula,
} from "../../src/workbook/csv";

describe("parseCsv", () => {
  // Examples from RFC 4180, section 2, rules 1, 2, 5, 6 and 7.
  test.each([
    {
      rule: "1: CRLF ends a record",
      text: "aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n",
      rows: [
        ["aaa", "bbb", "ccc"],
        ["zzz", "yyy", "xxx"],
      ],
    },
    {
      rule: "2: last line without CRLF",
      text: "aaa,bbb,ccc\r\nzzz,yyy,xxx",
      rows: [
        ["aaa", "bbb", "ccc"],
        ["zzz", "yyy", "xxx"],
      ],
    },
    {
      rule: "5: quoted fields",
      text: '"aaa","bbb","ccc"\r\nzzz,yyy,xxx',
      rows: [
        ["aaa", "bbb", "ccc"],
        ["zzz", "yyy", "xxx"],
      ],
    },
    {
      rule: "6: line break in quotes",
      text: '"aaa","b\r\nbb","ccc"\r\nzzz,yyy,xxx',
      rows: [
        ["aaa", "b\r\nbb", "ccc"],
        ["zzz", "yyy", "xxx"],
      ],
    },
    { rule: "7: doubled quote", text: '"aaa","b""bb","ccc"', rows: [["aaa", 'b"bb', "ccc"]] },
  ])("RFC 4180 rule $rule", ({ text, rows }) => {
    expect(parseCsv(text).rows.map((row) => row.fields)).toEqual(rows);
  });

  test("empty and trailing fields", () => {
    expect(parseCsv("a,,c\r\nd,\r\n").rows.map((row) => row.fields)).toEqual([
      ["a", "", "c"],
      ["d", ""],
    ]);
  });

  test("LF and CR line ends", () => {
    expect(parseCsv("a\nb\rc").rows.map((row) => row.fields)).toEqual([["a"], ["b"], ["c"]]);
  });

  test("byte order mark skipped", () => {
    expect(parseCsv("\uFEFFname\r\nx").rows[0].fields).toEqual(["name"]);
  });

  test("empty lines skipped", () => {
    const { rows } = parseCsv("a\r\n\r\n\r\nb\r\n");

    expect(rows.map((row) => row.fields)).toEqual([["a"], ["b"]]);
    expect(rows.map((row) => row.line)).toEqual([1, 4]);
  });

  test("lines counted across quoted breaks", () => {
    const { rows } = parseCsv('h1,h2\r\n"one\r\ntwo\nthree",x\r\nnext,y\r\n');

    expect(rows.map((row) => row.line)).toEqual([1, 2, 5]);
    expect(rows[1].fields[0]).toBe("one\r\ntwo\nthree");
  });

  test("unterminated quote reported", () => {
    const result = parseCsv('name\r\nok\r\n"broken\r\nrest');

    expect(result.rows.map((row) => row.fields)).toEqual([["name"], ["ok"]]);
    expect(result.unterminatedQuoteLine).toBe(3);
  });

  test("text after closing quote", () => {
    const [row] = parseCsv('"abc"def,x').rows;

    expect(row.fields).toEqual(["abcdef", "x"]);
    expect(row.problem).toContain('text "def" follows a closing quote');
  });

  test("quote inside plain field kept", () => {
    expect(parseCsv('5" screen,x').rows[0].fields).toEqual(['5" screen', "x"]);
  });
});

describe("formatCsvField", () => {
  test.each([
    { value: "plain", formatted: "plain" },
    { value: "a,b", formatted: '"a,b"' },
    { value: 'say "hi"', formatted: '"say ""hi"""' },
    { value: "two\r\nlines", formatted: '"two\r\nlines"' },
    { value: "lf\nonly", formatted: '"lf\nonly"' },
    { value: "", formatted: "" },
    { value: " padded ", formatted: " padded " },
  ])("formats $value", ({ value, formatted }) => {
    expect(formatCsvField(value)).toBe(formatted);
  });

  test("row round trip", () => {
    const fields = ['=HYPERLINK("x")', "a,b", "", "line\r\nbreak", 'q"', "مرحبا", "👩🏽‍💼"];

    expect(parseCsv(formatCsvRow(fields)).rows[0].fields).toEqual(fields);
  });
});

describe("formula neutralisation", () => {
  // Triggers: =, +, -, @, tab, CR and NUL at the start of a cell (OWASP ASVS 5.0, 1.2.10).
  test.each(
    [
      { text: "=1+1", exported: "'=1+1" },
      { text: '=HYPERLINK("x")', exported: `'=HYPERLINK("x")` },
      { text: "+1", exported: "'+1" },
      { text: "-5", exported: "'-5" },
      { text: "@A1", exported: "'@A1" },
      { text: "\t=1", exported: "'\t=1" },
      { text: "\r=1", exported: "'\r=1" },
      { text: "\0x", exported: "'\0x" },
      { text: "'=1", exported: "''=1" },
      { text: "''+1", exported: "'''+1" },
      { text: "'quoted", exported: "'quoted" },
      { text: "a=b", exported: "a=b" },
      { text: "0012", exported: "0012" },
      { text: "", exported: "" },
    ].map((example) => ({ ...example, label: JSON.stringify(example.text) })),
  )("exports $label", ({ text, exported }) => {
    expect(neutraliseFormula(text)).toBe(exported);
    expect(restoreFormula(exported)).toBe(text);
  });

  test("plain apostrophe text kept", () => {
    expect(restoreFormula("'quoted")).toBe("'quoted");
    expect(restoreFormula("'")).toBe("'");
  });
});
