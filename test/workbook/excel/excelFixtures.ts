import { createTarget, createTargetGroup, RecordOf } from "../../../src/model";
import { ExcelStore, ExcelStoreOptions } from "../../../src/workbook/excel/excelStore";
import {
  excelContext,
  MockEventDelivery,
  MockExcelSession,
  MockExcelWorkbook,
} from "../../support/excelMock";

/** Fixed clock for records built in these tests. */
const FIXED_NOW = new Date("2025-02-03T04:05:06.789Z");

/** Builds `count` target groups, each with two objections so the child table has rows. */
export function buildTargetGroups(count: number, description = ""): RecordOf<"targetGroup">[] {
  return Array.from({ length: count }, (_, index) =>
    createTargetGroup(
      {
        name: `Group ${index}`,
        kind: "segment",
        priority: (index % 5) + 1,
        description,
        strategy: {
          objections: [
            { objection: `Price ${index}`, response: "Show the total cost" },
            { objection: "0012", response: "=1+1" },
          ],
        },
      },
      FIXED_NOW,
    ),
  );
}

/** Builds `count` revenue targets spread over `groups`. */
export function buildTargets(
  count: number,
  groups: readonly RecordOf<"targetGroup">[],
): RecordOf<"target">[] {
  return Array.from({ length: count }, (_, index) =>
    createTarget(
      {
        subjectType: "targetGroup",
        subjectId: groups[index % groups.length].id,
        period: `${2020 + (index % 10)}-Q${(index % 4) + 1}`,
        metric: "revenue",
        value: 1000 + index,
      },
      FIXED_NOW,
    ),
  );
}

/** A mocked workbook with one store session per co-author name. */
export interface OpenedWorkbook {
  workbook: MockExcelWorkbook;
  sessions: Map<string, MockExcelSession>;
  stores: Map<string, ExcelStore>;
}

/** Opens a mocked workbook and an `ExcelStore` for each name, in order. */
export async function openWorkbook(
  names: readonly string[],
  delivery: MockEventDelivery = "manual",
  options: ExcelStoreOptions = {},
  workbook: MockExcelWorkbook = new MockExcelWorkbook({ delivery }),
): Promise<OpenedWorkbook> {
  const sessions = new Map<string, MockExcelSession>();
  const stores = new Map<string, ExcelStore>();
  for (const name of names) {
    const session = workbook.openSession(name);
    sessions.set(name, session);
    stores.set(name, await ExcelStore.open(excelContext(session), options));
  }
  return { workbook, sessions, stores };
}

/** Returns the value, failing the test when it is undefined. */
export function defined<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new Error("Expected a value.");
  }
  return value;
}
