import { MAX_TEXT_LENGTH, RECORD_TYPES, SCHEMA_VERSION } from "../../../src/model";
import { LAYOUTS, listColumns, META_TABLE_NAME } from "../../../src/workbook/excel/layout";
import { defined, openWorkbook } from "./excelFixtures";

const GROUP = { name: "Clinics", kind: "segment" } as const;

/** Every table the adapter creates, by name; each has a sheet of the same name. */
const EXPECTED_TABLES = [
  "SPM_ChannelTargetGroups",
  "SPM_Channels",
  "SPM_Meta",
  "SPM_OrganisationUnits",
  "SPM_People",
  "SPM_PersonChannels",
  "SPM_PersonTargetGroups",
  "SPM_ReviewActions",
  "SPM_ReviewParticipants",
  "SPM_Reviews",
  "SPM_Roles",
  "SPM_StimulationActions",
  "SPM_TargetGroupObjections",
  "SPM_TargetGroups",
  "SPM_Targets",
];

describe("ExcelStore layout", () => {
  test("first save creates every table", async () => {
    const { workbook, stores } = await openWorkbook(["alice"]);
    const alice = defined(stores.get("alice"));
    expect(workbook.tables).toEqual([]);

    await alice.create("targetGroup", GROUP);
    const afterFirst = workbook.tables.map((table) => table.name).sort();
    await alice.create("channel", { name: "Retail", type: "retail" });

    expect(afterFirst).toEqual(EXPECTED_TABLES);
    expect(workbook.tables.map((table) => table.name).sort()).toEqual(EXPECTED_TABLES);
    expect(workbook.sheets.map((sheet) => sheet.name).sort()).toEqual(EXPECTED_TABLES);
  });

  test("main tables start with id", async () => {
    const { workbook, stores } = await openWorkbook(["alice"]);
    await defined(stores.get("alice")).create("targetGroup", GROUP);

    for (const type of RECORD_TYPES) {
      const header = defined(workbook.readTable(LAYOUTS[type].tableName)).header;
      expect(header[0]).toBe("id");
      expect(header).toEqual(LAYOUTS[type].columns);
    }
  });

  test("columns are readable field paths", () => {
    expect(LAYOUTS.channel.columns).toContain("conditions.discountPercent");
    expect(LAYOUTS.targetGroup.columns).toContain("strategy.entryApproach");
    for (const type of RECORD_TYPES) {
      expect(LAYOUTS[type].columns.some((column) => /\.\d+(\.|$)/.test(column))).toBe(false);
    }
  });

  test("list fields have child tables", () => {
    const lists = RECORD_TYPES.flatMap((type) =>
      LAYOUTS[type].lists.map((list) => [type, list.path, list.tableName]),
    );

    expect(lists).toEqual([
      ["targetGroup", "strategy.objections", "SPM_TargetGroupObjections"],
      ["channel", "targetGroupIds", "SPM_ChannelTargetGroups"],
      ["person", "channelIds", "SPM_PersonChannels"],
      ["person", "targetGroupIds", "SPM_PersonTargetGroups"],
      ["review", "participants", "SPM_ReviewParticipants"],
      ["review", "actions", "SPM_ReviewActions"],
    ]);
  });

  test("objections stored one per row", async () => {
    const { workbook, stores } = await openWorkbook(["alice"]);
    const objections = [
      { objection: "Too expensive", response: "Show the cost per patient" },
      { objection: "No time", response: "" },
    ];
    const group = await defined(stores.get("alice")).create("targetGroup", {
      ...GROUP,
      strategy: { objections },
    });

    const table = defined(workbook.readTable("SPM_TargetGroupObjections"));
    expect(table.header).toEqual(listColumns(LAYOUTS.targetGroup.lists[0]));
    expect(table.rows).toEqual([
      [group.id, 0, "Too expensive", "Show the cost per patient", `${group.id}:0`],
      [group.id, 1, "No time", "", `${group.id}:1`],
    ]);
  });

  test("schema version in meta table", async () => {
    const { workbook, stores } = await openWorkbook(["alice"]);
    await defined(stores.get("alice")).create("targetGroup", GROUP);

    expect(workbook.readTable(META_TABLE_NAME)).toEqual({
      header: ["key", "value"],
      rows: [["schemaVersion", SCHEMA_VERSION]],
    });
  });

  test("text and number formats", async () => {
    const { workbook, stores } = await openWorkbook(["alice"]);
    await defined(stores.get("alice")).create("targetGroup", { ...GROUP, priority: 2 });

    const table = defined(workbook.readTable("SPM_TargetGroups"));
    const formats = workbook.readTableFormats("SPM_TargetGroups")[0];
    const formatOf = (column: string): string => formats[table.header.indexOf(column)];
    expect(formatOf("name")).toBe("@");
    expect(formatOf("strategy.timeFrameStart")).toBe("@");
    expect(formatOf("priority")).toBe("General");
  });
});

/** Text that Excel converts when typed into a cell that is not formatted as text. */
const HOSTILE_TEXT = [
  { label: "formula", text: '=HYPERLINK("x")' },
  { label: "plus sign", text: "+1" },
  { label: "at sign", text: "@A1" },
  { label: "leading zeros", text: "0012" },
  { label: "date-like", text: "3/4" },
  { label: "apostrophe prefix", text: "'=1" },
  { label: "boolean-like", text: "TRUE" },
  { label: "cell limit", text: "x".repeat(MAX_TEXT_LENGTH) },
];

describe("ExcelStore text fidelity", () => {
  test.each(HOSTILE_TEXT)("$label stored as text", async ({ text }) => {
    const { workbook, stores } = await openWorkbook(["alice", "bob"]);
    const created = await defined(stores.get("alice")).create("targetGroup", {
      ...GROUP,
      name: text,
      owner: text,
    });

    const table = defined(workbook.readTable("SPM_TargetGroups"));
    const cell = table.rows[0][table.header.indexOf("name")];
    expect(cell).toBe(text);
    const stored = defined(await defined(stores.get("bob")).get("targetGroup", created.id));
    expect(stored.name).toBe(text);
    expect(stored.owner).toBe(text);
  });

  test("edited text stays text", async () => {
    const { workbook, stores } = await openWorkbook(["alice"]);
    const alice = defined(stores.get("alice"));
    const created = await alice.create("targetGroup", GROUP);

    for (const { text } of HOSTILE_TEXT) {
      await alice.update("targetGroup", created.id, { description: text });
      const table = defined(workbook.readTable("SPM_TargetGroups"));
      expect(table.rows[0][table.header.indexOf("description")]).toBe(text);
    }
  });
});
