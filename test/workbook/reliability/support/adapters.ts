/**
 * The two adapters of the store port behind one interface for the reliability tests. Each opens
 * a store on a new workbook, opens fresh stores on that workbook, and counts its writes.
 */
import { AnyRecord, RECORD_TYPES, SalesSystemSnapshot } from "../../../../src/model";
import { MemoryStore, MemoryWorkbook } from "../../../../src/workbook/memoryStore";
import { SalesSystemStore } from "../../../../src/workbook/store";
import { ExcelStore } from "../../../../src/workbook/excel/excelStore";
import { excelContext, MockExcelWorkbook } from "../../../support/excelMock";
import { templateModel } from "./textFields";

/** A store on a new workbook and access to that workbook. */
export interface OpenedStore {
  store: SalesSystemStore;
  /** Opens another store on the same workbook, which reads everything from the workbook. */
  reopen(): Promise<SalesSystemStore>;
  /** Number of cell writes and row deletions the workbook has received; 0 for memory. */
  writeCount(): number;
}

/** One adapter of the store port. */
export interface StoreAdapter {
  name: string;
  open(): Promise<OpenedStore>;
}

/** The memory adapter. */
export const MEMORY_ADAPTER: StoreAdapter = {
  name: "memory",
  open: async () => {
    const workbook = new MemoryWorkbook({ delivery: "manual" });
    return {
      store: new MemoryStore(workbook),
      reopen: async () => new MemoryStore(workbook),
      writeCount: () => 0,
    };
  },
};

let sessionCount = 0;

/** The Excel adapter on a mocked workbook whose events stay queued. */
export const EXCEL_ADAPTER: StoreAdapter = {
  name: "excel",
  open: async () => {
    const workbook = new MockExcelWorkbook({ delivery: "manual" });
    const openSession = (): Promise<ExcelStore> => {
      sessionCount += 1;
      return ExcelStore.open(excelContext(workbook.openSession(`session-${sessionCount}`)));
    };
    return {
      store: await openSession(),
      reopen: openSession,
      writeCount: () => workbook.writeLog.length,
    };
  },
};

/** Both adapters, for `describe.each`. */
export const ADAPTERS: readonly StoreAdapter[] = [MEMORY_ADAPTER, EXCEL_ADAPTER];

/**
 * Stores one record of every type from `templateModel`, keeping their ids so their references
 * hold, and returns what the store returned.
 */
export async function storeTemplate(store: SalesSystemStore): Promise<SalesSystemSnapshot> {
  const template = templateModel();
  const stored = {} as Record<string, AnyRecord[]>;
  for (const type of RECORD_TYPES) {
    stored[type] = [];
    for (const record of template[type]) {
      const { id, createdAt: _createdAt, updatedAt: _updatedAt, ...input } = record;
      stored[type].push(await store.create(type, input as never, { id }));
    }
  }
  return stored as unknown as SalesSystemSnapshot;
}
