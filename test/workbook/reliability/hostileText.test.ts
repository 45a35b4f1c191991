/**
 * Text that a spreadsheet would run, convert or truncate, stored in every free-text field of
 * every record type through both adapters, CSV and JSON, and read back exactly.
 */
import {
  AnyRecord,
  MAX_TEXT_LENGTH,
  RecordType,
  RECORD_TYPES,
  SalesSystemSnapshot,
  validateRecord,
} from "../../../src/model";
import { parseCsv } from "../../../src/workbook/csv";
import {
  exportRecordsCsv,
  exportRecordsJson,
  importRecords,
  parseRecordsCsv,
  parseRecordsJson,
} from "../../../src/workbook/importExport";
import { MemoryStore, MemoryWorkbook } from "../../../src/workbook/memoryStore";
import { SalesSystemStore, StoreValidationError } from "../../../src/workbook/store";
import { ADAPTERS, storeTemplate } from "./support/adapters";
import { inputOf, TEXT_FIELDS, valueAt, withValueAt } from "./support/textFields";

/**
 * An emoji outside the Basic Multilingual Plane: one character on screen, two UTF-16 code
 * units in JavaScript's `String.length`, which is what `MAX_TEXT_LENGTH` counts.
 */
const EMOJI = "😀";

/** Text a spreadsheet would evaluate, convert or mangle unless it is stored as text. */
const HOSTILE_TEXTS: readonly { label: string; text: string }[] = [
  { label: "leading equals", text: "=1+1" },
  { label: "leading plus", text: "+1" },
  { label: "leading minus", text: "-5" },
  { label: "leading at", text: "@SUM(A1)" },
  { label: "leading tab", text: "\t=1+1" },
  { label: "leading carriage return", text: "\r=1+1" },
  { label: "leading line feed", text: "\nline 2\r\nline 3" },
  { label: "hyperlink formula", text: '=HYPERLINK("x")' },
  { label: "apostrophe prefix", text: "'=1" },
  { label: "right-to-left", text: "مرحبا \u202Eevil" },
  { label: "combining characters", text: "Cafe\u0301 n\u0303 Z\u0324\u0354" },
  { label: "emoji", text: `👩🏽‍💼 Sales 🚀 ${EMOJI}` },
  { label: "script tag", text: "<script>alert(1)</script>" },
  { label: "image onerror", text: "<img src=x onerror=alert(1)>" },
  { label: "leading zeros", text: "0012" },
  { label: "date-like slash", text: "3/4" },
  { label: "date-like ISO", text: "2025-01-01" },
  { label: "boolean-like", text: "TRUE" },
  { label: "exponent-like", text: "1E5" },
  { label: "spaces only", text: "  " },
  { label: "cell limit", text: "x".repeat(MAX_TEXT_LENGTH - 1) + "é" },
  { label: "cell limit in emoji", text: EMOJI.repeat((MAX_TEXT_LENGTH - 1) / 2) + "x" },
];

/** Characters that make a spreadsheet run a CSV cell as a formula (OWASP CSV injection). */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * Builds the template record of `type` with `text` in every text field where the record stays
 * valid:
 * spaces only are rejected in required text, and in `customMetricName` of a custom metric.
 */
function hostileRecord(template: AnyRecord, type: RecordType, text: string): AnyRecord {
  let record = template;
  for (const field of TEXT_FIELDS.filter((candidate) => candidate.type === type)) {
    const candidate = withValueAt(record, field.path, text);
    if (validateRecord(type, candidate).ok) {
      record = candidate;
    }
  }
  return record;
}

/**
 * Returns the template record of `type` with the most fields filled: the last one, because the
 * template's first target group is a parent without a strategy.
 */
function fullest(template: SalesSystemSnapshot, type: RecordType): AnyRecord {
  const records = template[type] as AnyRecord[];
  return records[records.length - 1];
}

/** Lists the top-level fields of `record` that differ from `before`, as changes for `update`. */
function changedTopLevel(before: AnyRecord, record: AnyRecord): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(inputOf(record))) {
    if (JSON.stringify(value) !== JSON.stringify((before as Record<string, unknown>)[key])) {
      changes[key] = value;
    }
  }
  return changes;
}

/**
 * Asserts that `stored` contains `text` in every text field where `expected` contains it, and
 * returns the number of such fields.
 */
function expectTextKept(
  type: RecordType,
  expected: AnyRecord,
  stored: AnyRecord | undefined,
  text: string,
): number {
  const fields = TEXT_FIELDS.filter((field) => field.type === type);
  const hostilePaths = fields
    .map((field) => field.path)
    .filter((path) => valueAt(expected, path) === text);
  for (const path of hostilePaths) {
    expect({ field: path, value: valueAt(stored, path) }).toEqual({ field: path, value: text });
  }
  return hostilePaths.length;
}

/** Stores the template, then a new record of every type with `text` and an edit to it. */
async function storeHostile(
  store: SalesSystemStore,
  text: string,
): Promise<{ created: AnyRecord[]; updated: AnyRecord[] }> {
  const template = await storeTemplate(store);
  const created: AnyRecord[] = [];
  const updated: AnyRecord[] = [];
  for (const type of RECORD_TYPES) {
    const base = fullest(template, type);
    const record = hostileRecord(base, type, text);
    created.push(await store.create(type, inputOf(record) as never));
    const changes = changedTopLevel(base, record);
    updated.push((await store.update(type, base.id, changes as never)).record);
  }
  return { created, updated };
}

describe("text field list", () => {
  test("schemas yield known fields", () => {
    const paths = TEXT_FIELDS.map((field) => `${field.type}:${field.path}`);

    expect(paths).toContain("targetGroup:name");
    expect(paths).toContain("targetGroup:strategy.objections.0.response");
    expect(paths).toContain("channel:conditions.notes");
    expect(paths).toContain("review:participants.0");
    expect(paths).toContain("review:actions.0.owner");
    expect(paths).not.toContain("targetGroup:strategy.timeFrameStart");
    expect(paths).not.toContain("person:roleId");
  });

  test("every type has text fields", () => {
    const typesWithText = new Set(TEXT_FIELDS.map((field) => field.type));

    expect(RECORD_TYPES.filter((type) => !typesWithText.has(type))).toEqual([]);
  });
});

describe("text length counting", () => {
  test("emoji count as two units", () => {
    const field = TEXT_FIELDS.find((candidate) => candidate.path === "description");
    const limit = EMOJI.repeat((MAX_TEXT_LENGTH - 1) / 2) + "x";
    const over = EMOJI.repeat((MAX_TEXT_LENGTH + 1) / 2);

    expect(limit.length).toBe(MAX_TEXT_LENGTH);
    expect(field?.schema.safeParse(limit).success).toBe(true);
    expect(over.length).toBe(MAX_TEXT_LENGTH + 1);
    expect(field?.schema.safeParse(over).success).toBe(false);
  });
});

describe.each(ADAPTERS)("$name store hostile text", (adapter) => {
  test.each(HOSTILE_TEXTS)("$label read back exactly", async ({ text }) => {
    const opened = await adapter.open();
    const { created, updated } = await storeHostile(opened.store, text);

    const fresh = await opened.reopen();
    let checkedFields = 0;
    for (const [index, type] of RECORD_TYPES.entries()) {
      const createdBack = await fresh.get(type, created[index].id);
      const updatedBack = await fresh.get(type, updated[index].id);
      checkedFields += expectTextKept(type, created[index], createdBack, text);
      checkedFields += expectTextKept(type, updated[index], updatedBack, text);
      expect(createdBack).toEqual(created[index]);
      expect(updatedBack).toEqual(updated[index]);
    }
    expect(checkedFields).toBeGreaterThan(0);
  });

  test("spaces only rejected when required", async () => {
    const opened = await adapter.open();
    const template = await storeTemplate(opened.store);

    for (const field of TEXT_FIELDS.filter((candidate) => candidate.required)) {
      const base = fullest(template, field.type);
      const attempt = opened.store.create(
        field.type,
        inputOf(withValueAt(base, field.path, "  ")) as never,
      );
      await expect(attempt).rejects.toThrow(`${field.path} is empty; enter a value.`);
    }
  });
});

describe.each(ADAPTERS)("$name store over-long text", (adapter) => {
  const tooLong = "y".repeat(MAX_TEXT_LENGTH) + "z";
  const expectedMessage = (path: string): string =>
    `${path} has 32,768 characters but an Excel cell holds at most 32,767; ` +
    "shorten it or split it across fields.";

  test.each(TEXT_FIELDS.map((field) => ({ ...field, name: `${field.type}:${field.path}` })))(
    "$name rejected, nothing stored",
    async (field) => {
      const opened = await adapter.open();
      const template = await storeTemplate(opened.store);
      const base = fullest(template, field.type);
      const record = withValueAt(base, field.path, tooLong);
      const writesBefore = opened.writeCount();

      const create = opened.store.create(field.type, inputOf(record) as never);
      const update = opened.store.update(
        field.type,
        base.id,
        changedTopLevel(base, record) as never,
      );

      await expect(create).rejects.toBeInstanceOf(StoreValidationError);
      await expect(create).rejects.toThrow(expectedMessage(field.path));
      await expect(update).rejects.toBeInstanceOf(StoreValidationError);
      await expect(update).rejects.toThrow(expectedMessage(field.path));
      expect(opened.writeCount()).toBe(writesBefore);
      const fresh = await opened.reopen();
      expect(await fresh.list(field.type)).toEqual(template[field.type]);
    },
  );
});

/** Copies every record of `source` into a new memory store through `transfer`, type by type. */
async function copyThrough(
  source: SalesSystemStore,
  transfer: (type: RecordType, records: AnyRecord[]) => string,
  parse: typeof parseRecordsCsv,
): Promise<{ target: SalesSystemStore; files: string[] }> {
  const target = new MemoryStore(new MemoryWorkbook({ delivery: "manual" }));
  const files: string[] = [];
  for (const type of RECORD_TYPES) {
    const file = transfer(type, await source.list(type));
    files.push(file);
    const report = await importRecords(target, parse(type, file));
    expect({ type, issues: report.issues }).toEqual({ type, issues: [] });
  }
  return { target, files };
}

/** Asserts that `target` contains the records of `source` with their fields, ignoring timestamps. */
async function expectSameRecords(
  source: SalesSystemStore,
  target: SalesSystemStore,
): Promise<void> {
  for (const type of RECORD_TYPES) {
    const expected = (await source.list(type)).map((record) => ({
      id: record.id,
      ...inputOf(record),
    }));
    const actual = (await target.list(type)).map((record) => ({
      id: record.id,
      ...inputOf(record),
    }));
    expect(actual).toEqual(expected);
  }
}

/** Cells of text columns in a CSV file of `type` that a spreadsheet would run as a formula. */
function formulaCells(type: RecordType, file: string): string[] {
  const textColumns = new Set(
    TEXT_FIELDS.filter((field) => field.type === type).map((field) => field.path),
  );
  const [header, ...rows] = parseCsv(file).rows.map((row) => row.fields);
  return rows.flatMap((cells) =>
    cells.filter((cell, index) => textColumns.has(header[index]) && FORMULA_TRIGGER.test(cell)),
  );
}

describe("hostile text through files", () => {
  test.each(HOSTILE_TEXTS)("$label survives CSV", async ({ text }) => {
    const source = new MemoryStore(new MemoryWorkbook({ delivery: "manual" }));
    await storeHostile(source, text);

    const { target, files } = await copyThrough(
      source,
      (type, records) => exportRecordsCsv(type, records),
      parseRecordsCsv,
    );

    RECORD_TYPES.forEach((type, index) => {
      expect({ type, cells: formulaCells(type, files[index]) }).toEqual({ type, cells: [] });
    });
    await expectSameRecords(source, target);
  });

  test.each(HOSTILE_TEXTS)("$label survives JSON", async ({ text }) => {
    const source = new MemoryStore(new MemoryWorkbook({ delivery: "manual" }));
    await storeHostile(source, text);

    const { target } = await copyThrough(
      source,
      (_type, records) => exportRecordsJson(records),
      parseRecordsJson,
    );

    await expectSameRecords(source, target);
  });

  test("formula cell gets apostrophe", async () => {
    const source = new MemoryStore(new MemoryWorkbook({ delivery: "manual" }));
    await source.create("role", { name: '=HYPERLINK("x")', tasks: "-5" });

    const file = exportRecordsCsv("role", await source.list("role"));

    const [header, row] = parseCsv(file).rows.map((parsed) => parsed.fields);
    expect(row[header.indexOf("name")]).toBe('\'=HYPERLINK("x")');
    expect(row[header.indexOf("tasks")]).toBe("'-5");
  });
});
