import {
  addColumn,
  checkSchemaVersion,
  migrateRows,
  renameColumn,
  Row,
  RowMigration,
  SCHEMA_VERSION,
} from "../../src/model";

/** Example migrations from layout 1 to 3, exercising the registry with real-looking steps. */
const EXAMPLE_MIGRATIONS: RowMigration[] = [
  {
    fromVersion: 1,
    description: "Rename owner to ownerName on target groups",
    replacedColumns: { targetGroup: ["owner"] },
    migrate: (type, row) =>
      type === "targetGroup" ? renameColumn(row, "owner", "ownerName") : row,
  },
  {
    fromVersion: 2,
    description: "Add a segment code",
    migrate: (_type, row) => addColumn(row, "segmentCode", ""),
  },
];

describe("checkSchemaVersion", () => {
  test("current version", () => {
    expect(checkSchemaVersion(SCHEMA_VERSION)).toEqual({ status: "current" });
  });

  test("newer version opens read-only", () => {
    const check = checkSchemaVersion(SCHEMA_VERSION + 1);

    const message = check.status === "newer" ? check.message : "";
    expect(check.status).toBe("newer");
    expect(message).toContain("open read-only");
    expect(message).toContain("update the add-in");
  });

  test.each([{ found: 0 }, { found: 1.5 }, { found: NaN }])(
    "invalid version $found",
    ({ found }) => {
      expect(checkSchemaVersion(found).status).toBe("invalid");
    },
  );
});

describe("migrateRows", () => {
  const rows: Row[] = [
    { id: "a", name: "Clinics", owner: "Anna", "My notes": "keep me", priority: 2 },
    { id: "b", name: "Shops", owner: "", Budget2025: 1200 },
  ];

  test("current layout unchanged", () => {
    expect(migrateRows("targetGroup", rows, SCHEMA_VERSION)).toEqual(rows);
  });

  test("steps applied in order", () => {
    const migrated = migrateRows("targetGroup", rows, 1, EXAMPLE_MIGRATIONS, 3);

    expect(migrated[0]).toEqual({
      id: "a",
      name: "Clinics",
      ownerName: "Anna",
      "My notes": "keep me",
      priority: 2,
      segmentCode: "",
    });
  });

  test("user columns survive", () => {
    const migrated = migrateRows("targetGroup", rows, 1, EXAMPLE_MIGRATIONS, 3);

    expect(migrated[0]["My notes"]).toBe("keep me");
    expect(migrated[1].Budget2025).toBe(1200);
  });

  test("renamed column keeps position", () => {
    const migrated = migrateRows("targetGroup", rows, 1, EXAMPLE_MIGRATIONS, 2);

    expect(Object.keys(migrated[0])).toEqual(["id", "name", "ownerName", "My notes", "priority"]);
  });

  test("input rows not modified", () => {
    migrateRows("targetGroup", rows, 1, EXAMPLE_MIGRATIONS, 3);

    expect(rows[0].owner).toBe("Anna");
  });

  test("undeclared column loss rejected", () => {
    const careless: RowMigration[] = [
      { fromVersion: 1, description: "Drops every column", migrate: () => ({ id: "x" }) },
    ];

    expect(() => migrateRows("channel", rows, 1, careless, 2)).toThrow(
      'The migration from data layout 1 dropped the column "name" of channel rows without declaring it.',
    );
  });

  test("missing step reported", () => {
    expect(() => migrateRows("channel", rows, 1, [], 2)).toThrow(
      "No migration of the data layout from version 1 is registered.",
    );
  });
});
