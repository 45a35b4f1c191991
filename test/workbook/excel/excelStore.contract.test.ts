import { SCHEMA_VERSION } from "../../../src/model";
import { ExcelStore } from "../../../src/workbook/excel/excelStore";
import { excelContext, MockExcelWorkbook } from "../../support/excelMock";
import { runStoreContract } from "../contract/storeContract";

/**
 * Two stores on one mocked workbook, as two co-authors, once with each change event's handlers
 * run before the writer's sync resolves ("immediate" delivery) and once with events delivered
 * later on a timer ("automatic"), as Excel delivers a co-author's changes. The tests in
 * excelStore.coauthoring.test.ts deliver events late and out of order by hand.
 */
for (const delivery of ["immediate", "automatic"] as const) {
  runStoreContract(`excel store, ${delivery} events`, {
    createStores: async () => {
      const workbook = new MockExcelWorkbook({ delivery });
      const first = await ExcelStore.open(excelContext(workbook.openSession("first")));
      const second = await ExcelStore.open(excelContext(workbook.openSession("second")));
      return {
        first,
        second,
        settle: async () => {
          await workbook.settled();
          await Promise.all([first.settled(), second.settled()]);
          await workbook.settled();
          await Promise.all([first.settled(), second.settled()]);
        },
      };
    },
    createNewerLayoutStore: async () => {
      const workbook = new MockExcelWorkbook();
      const writer = await ExcelStore.open(excelContext(workbook.openSession("writer")));
      await writer.create("targetGroup", { name: "Clinics", kind: "segment" });
      const meta = workbook.readTable("SPM_Meta");
      expect(meta?.rows).toEqual([["schemaVersion", SCHEMA_VERSION]]);
      workbook.writeCell("SPM_Meta", 1, 1, SCHEMA_VERSION + 1);
      return ExcelStore.open(excelContext(workbook.openSession("reader")));
    },
  });
}
