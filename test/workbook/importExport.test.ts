import {
  AnyRecord,
  MAX_TEXT_LENGTH,
  RecordOf,
  RecordType,
  RECORD_TYPES,
  SCHEMA_VERSION,
} from "../../src/model";
import {
  exportRecordsCsv,
  exportRecordsJson,
  formatImportIssue,
  importRecords,
  parseRecordsCsv,
  parseRecordsJson,
} from "../../src/workbook/importExport";
import { MemoryStore, MemoryWorkbook } from "../../src/workbook/memoryStore";
import { StoreReadOnlyError } from "../../src/workbook/store";
import { buildFullModel } from "../model/fixtures";

/** Text a spreadsheet would evaluate, convert or mangle unless handled as plain text. */
const HOSTILE_TEXTS = [
  '=HYPERLINK("http://example.invalid","x")',
  "+1",
  "-5",
  "@A1",
  "\t=1",
  "\r=1",
  "'=already quoted",
  "'plain apostrophe",
  "0012",
  "3/4",
  "a,b;c",
  'say "hi"',
  "line 1\r\nline 2\nline 3",
  "  padded  ",
  "مرحبا بالعالم",
  "👩🏽‍💼 Sales 🚀",
  "x".repeat(MAX_TEXT_LENGTH),
];

function withoutTimestamps(record: AnyRecord): Omit<AnyRecord, "createdAt" | "updatedAt"> {
  const { createdAt: _created, updatedAt: _updated, ...fields } = record;
  return fields;
}

function hostileGroups(): RecordOf<"targetGroup">[] {
  const [template] = buildFullModel().targetGroup;
  return HOSTILE_TEXTS.map((text) => ({
    ...template,
    id: crypto.randomUUID(),
    name: text,
    description: text,
    strategy: { ...template.strategy, objections: [{ objection: text, response: text }] },
  }));
}

describe("exportRecordsCsv", () => {
  const model = buildFullModel();

  test("header names flat columns", () => {
    const csv = exportRecordsCsv("channel", model.channel);
    const header = csv.split("\r\n")[0];

    expect(header).toContain("id,createdAt,updatedAt,name,type,targetGroupIds.0");
    expect(header).toContain("conditions.discountPercent");
  });

  test("formula text prefixed", () => {
    const [group] = model.targetGroup;
    const csv = exportRecordsCsv("targetGroup", [
      { ...group, name: '=HYPERLINK("x")', owner: "-5" },
    ]);

    expect(csv).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(csv).toContain(",'-5,");
  });

  test("numbers written unprefixed", () => {
    const [action] = model.stimulationAction;
    const csv = exportRecordsCsv("stimulationAction", [action]);

    expect(csv).toContain(",-2.5,");
  });

  test("CRLF line ends", () => {
    const csv = exportRecordsCsv("role", model.role);

    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(3);
  });

  test("optional byte order mark", () => {
    expect(exportRecordsCsv("role", model.role, { byteOrderMark: true }).startsWith("\uFEFF")).toBe(
      true,
    );
    expect(exportRecordsCsv("role", model.role).startsWith("\uFEFF")).toBe(false);
  });
});

describe("CSV and JSON round trips", () => {
  const model = buildFullModel();

  test.each(RECORD_TYPES.map((type) => ({ type })))("$type through CSV", ({ type }) => {
    const parsed = parseRecordsCsv(
      type,
      exportRecordsCsv(type, model[type], { byteOrderMark: true }),
    );

    expect(parsed.issues).toEqual([]);
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.rows.map((row) => ({ id: row.id, ...row.input }))).toEqual(
      model[type].map(withoutTimestamps),
    );
  });

  test.each(RECORD_TYPES.map((type) => ({ type })))("$type through JSON", ({ type }) => {
    const parsed = parseRecordsJson(type, exportRecordsJson(model[type]));

    expect(parsed.issues).toEqual([]);
    expect(parsed.rows.map((row) => ({ id: row.id, ...row.input }))).toEqual(
      model[type].map(withoutTimestamps),
    );
  });

  test("hostile text through CSV", () => {
    const groups = hostileGroups();
    const parsed = parseRecordsCsv("targetGroup", exportRecordsCsv("targetGroup", groups));

    expect(parsed.issues).toEqual([]);
    parsed.rows.forEach((row, index) => {
      expect(row.input.name).toBe(HOSTILE_TEXTS[index]);
      expect(row.input.description).toBe(HOSTILE_TEXTS[index]);
      expect(row.input.strategy?.objections?.[0].response).toBe(HOSTILE_TEXTS[index]);
    });
  });

  test("hostile text through JSON", () => {
    const groups = hostileGroups();
    const parsed = parseRecordsJson("targetGroup", exportRecordsJson(groups));

    expect(parsed.rows.map((row) => row.input.name)).toEqual(HOSTILE_TEXTS);
  });
});

describe("parseRecordsCsv bad rows", () => {
  const csv = [
    "name,kind,priority,currentSharePercent",
    "Clinics,segment,1,10",
    "Shops,segment,9,10",
    ",client,,",
    '"Multi',
    'line",segment,2,5',
    "Too,many,fields,1,2",
    "Dental,niche,,",
    "Vets,supportingNiche,abc,",
    "Labs,client,,100",
  ].join("\r\n");
  const parsed = parseRecordsCsv("targetGroup", csv);

  test("good rows kept", () => {
    expect(parsed.rows.map((row) => [row.line, row.input.name])).toEqual([
      [2, "Clinics"],
      [5, "Multi\r\nline"],
      [10, "Labs"],
    ]);
  });

  test("bad rows reported by line", () => {
    expect(parsed.issues.map((issue) => [issue.line, issue.field])).toEqual([
      [3, "priority"],
      [4, "name"],
      [7, undefined],
      [8, "kind"],
      [9, "priority"],
    ]);
  });

  test("messages name field and fix", () => {
    expect(formatImportIssue(parsed.issues[0])).toBe(
      "Line 3: priority is 9 but must be between 1 and 5.",
    );
    expect(parsed.issues[2].message).toContain("The row has 5 fields but the header has 4");
    expect(parsed.issues[4].message).toBe('priority is "abc" but must be a number.');
  });

  test("unknown columns ignored", () => {
    const result = parseRecordsCsv("targetGroup", "name,kind,Region\r\nClinics,segment,North\r\n");

    expect(result.ignoredColumns).toEqual(["Region"]);
    expect(result.rows).toHaveLength(1);
    expect(result.issues).toEqual([]);
  });

  test("empty file reported", () => {
    expect(parseRecordsCsv("role", "").issues[0].message).toContain("The file is empty");
  });

  test("unterminated quote reported", () => {
    const result = parseRecordsCsv("role", 'name\r\nSeller\r\n"Broken\r\nmore');

    expect(result.rows).toHaveLength(1);
    expect(result.issues[0].line).toBe(3);
    expect(result.issues[0].message).toContain("never closes");
  });

  test("invalid id reported", () => {
    const result = parseRecordsCsv("role", "id,name\r\n42,Seller\r\n");

    expect(result.issues[0]).toMatchObject({ line: 2, field: "id" });
    expect(result.issues[0].message).toContain("must be a record id (a UUID)");
  });

  test("repeated id reported", () => {
    const id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    const result = parseRecordsCsv("role", `id,name\r\n${id},A\r\n${id},B\r\n`);

    expect(result.rows).toHaveLength(1);
    expect(result.issues[0].message).toBe(
      `id ${id} is already used on line 2; list each record once.`,
    );
  });
});

describe("parseRecordsJson bad elements", () => {
  test("invalid JSON reported", () => {
    const result = parseRecordsJson("role", "[{");

    expect(result.issues[0].message).toContain("The file is not valid JSON");
    expect(result.rows).toEqual([]);
  });

  test("non-array reported", () => {
    const result = parseRecordsJson("role", '{"name":"x"}');

    expect(result.issues[0].message).toContain("must contain a JSON array of role records");
  });

  test("elements reported by line", () => {
    const text = [
      "[",
      '  { "name": "Seller" },',
      '  { "name": "" },',
      "  42,",
      '  { "name": "Buyer, \\"senior\\" [lead]",',
      '    "tasks": "{ not nested }" },',
      '  { "nmae": "typo" }',
      "]",
    ].join("\n");
    const result = parseRecordsJson("role", text);

    expect(result.rows.map((row) => [row.line, row.input.name])).toEqual([
      [2, "Seller"],
      [5, 'Buyer, "senior" [lead]'],
    ]);
    expect(result.issues.map((issue) => [issue.line, issue.field])).toEqual([
      [3, "name"],
      [4, undefined],
      [7, "name"],
      [7, "nmae"],
    ]);
  });
});

describe("importRecords", () => {
  const GROUP_CSV = "name,kind\r\nClinics,segment\r\nShops,client\r\n";

  test("creates good rows", async () => {
    const store = new MemoryStore();
    const report = await importRecords(store, parseRecordsCsv("targetGroup", GROUP_CSV));

    expect(report).toEqual({ created: 2, updated: 0, issues: [], ignoredColumns: [] });
    expect((await store.list("targetGroup")).map((group) => group.name)).toEqual([
      "Clinics",
      "Shops",
    ]);
  });

  test("hostile text stored exactly", async () => {
    const store = new MemoryStore();
    const csv = exportRecordsCsv("targetGroup", hostileGroups());
    await importRecords(store, parseRecordsCsv("targetGroup", csv));

    expect((await store.list("targetGroup")).map((group) => group.name)).toEqual(HOSTILE_TEXTS);
  });

  test("existing id replaced", async () => {
    const store = new MemoryStore();
    const created = await store.create("targetGroup", {
      name: "Clinics",
      kind: "segment",
      priority: 2,
      strategy: { entryApproach: "Samples", timeFrameStart: "2025-01-01" },
    });
    const csv = `id,name,kind,strategy.retentionTactics\r\n${created.id},Clinics Plus,segment,Loyalty\r\n`;
    const report = await importRecords(store, parseRecordsCsv("targetGroup", csv));

    const stored = await store.get("targetGroup", created.id);
    expect(report.updated).toBe(1);
    expect(report.created).toBe(0);
    expect(stored?.name).toBe("Clinics Plus");
    expect(stored?.priority).toBeUndefined();
    expect(stored?.strategy.entryApproach).toBe("");
    expect(stored?.strategy.timeFrameStart).toBeUndefined();
    expect(stored?.strategy.retentionTactics).toBe("Loyalty");
    expect(stored?.createdAt).toBe(created.createdAt);
  });

  test("forward references resolved", async () => {
    const parent = "0f8fad5b-d9cb-469f-a165-70867728950e";
    const csv = `id,name,kind,parentId\r\n,Child,client,${parent}\r\n${parent},Parent,segment,\r\n`;
    const store = new MemoryStore();
    const report = await importRecords(store, parseRecordsCsv("targetGroup", csv));

    expect(report.created).toBe(2);
    expect(report.issues).toEqual([]);
    expect((await store.list("targetGroup")).map((group) => group.name)).toEqual([
      "Parent",
      "Child",
    ]);
  });

  test("unresolved reference reported", async () => {
    const missing = "0f8fad5b-d9cb-469f-a165-70867728950e";
    const csv = `name,kind,parentId\r\nOk,client,\r\nOrphan,client,${missing}\r\n`;
    const store = new MemoryStore();
    const report = await importRecords(store, parseRecordsCsv("targetGroup", csv));

    expect(report.created).toBe(1);
    expect(report.issues).toHaveLength(1);
    expect(formatImportIssue(report.issues[0])).toBe(
      `Line 3: parentId refers to target group ${missing}, which does not exist; ` +
        "choose an existing target group or remove the reference.",
    );
  });

  test("parse issues carried into report", async () => {
    const store = new MemoryStore();
    const csv = "name,kind\r\nClinics,segment\r\nBad,unknown\r\n";
    const report = await importRecords(store, parseRecordsCsv("targetGroup", csv));

    expect(report.created).toBe(1);
    expect(report.issues.map((issue) => issue.line)).toEqual([3]);
  });

  test("full model imported by type", async () => {
    const model = buildFullModel();
    const store = new MemoryStore();
    for (const type of RECORD_TYPES) {
      const csv = exportRecordsCsv(type, model[type]);
      const report = await importRecords(store, parseRecordsCsv(type as RecordType, csv));

      expect(report.issues).toEqual([]);
    }

    const snapshot = await store.load();
    for (const type of RECORD_TYPES) {
      expect(snapshot[type].map(withoutTimestamps)).toEqual(model[type].map(withoutTimestamps));
    }
  });

  test("read-only store rejected", async () => {
    const store = new MemoryStore(new MemoryWorkbook({ schemaVersion: SCHEMA_VERSION + 1 }));
    const attempt = importRecords(store, parseRecordsCsv("targetGroup", GROUP_CSV));

    await expect(attempt).rejects.toBeInstanceOf(StoreReadOnlyError);
  });
});
