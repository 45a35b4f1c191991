import { SpreadsheetEngine } from "../../../src/headless/engine";
import { EngineSheetWriter } from "../../../src/workbook/actions/engineSheetWriter";
import { CellBlock, SheetWriter } from "../../../src/workbook/actions/sheetWriter";
import { SheetWorkbookActions } from "../../../src/workbook/actions/workbookActions";
import { MemoryStore, MemoryWorkbook } from "../../../src/workbook/memoryStore";
import { createTestEngine } from "../../support/engine";

/** Build time written on the sheets of the tests. */
export const BUILD_TIME = new Date("2025-06-30T09:15:00.000Z");

/** Months in the generated history: four years, so the holdout leaves two seasons and more. */
export const HISTORY_MONTHS = 48;

/**
 * A monthly sales series with trend and a yearly season: 200 + 1.5 t + 25 sin(2πt/12) plus a
 * small deterministic wiggle, rounded to cents. The expected values of the tests are computed
 * from it by calling the functions, never typed.
 */
export function monthlySales(count: number = HISTORY_MONTHS): number[] {
  return Array.from({ length: count }, (_, t) => {
    const value = 200 + 1.5 * t + 25 * Math.sin((2 * Math.PI * t) / 12) + 3 * Math.cos(t * 1.7);
    return Math.round(value * 100) / 100;
  });
}

/** Everything an action test works with. */
export interface ActionFixture {
  engine: SpreadsheetEngine;
  writer: EngineSheetWriter;
  store: MemoryStore;
  actions: SheetWorkbookActions;
  channelId: string;
}

/** An engine with a "Sales data" sheet of monthly sales in B2:B49 and a store with a channel. */
export async function createActionFixture(
  channelName = "Retail",
  wrapWriter: (writer: SheetWriter) => SheetWriter = (writer) => writer,
): Promise<ActionFixture> {
  const history = monthlySales();
  const engine = await createTestEngine({
    "Sales data": [["Month", "Revenue"], ...history.map((value, i) => [i + 1, value])],
  });
  const writer = new EngineSheetWriter(engine);
  const store = new MemoryStore(new MemoryWorkbook());
  const channel = await store.create("channel", {
    name: channelName,
    type: "retail",
    salesHistorySource: `'Sales data'!B2:B${HISTORY_MONTHS + 1}`,
    forecastMethod: "holtWinters",
  });
  const actions = new SheetWorkbookActions(store, wrapWriter(writer), { now: () => BUILD_TIME });
  return { engine, writer, store, actions, channelId: channel.id };
}

/**
 * Wraps a writer so that its `failAt`-th block write (counted from 1) throws, as a lost
 * connection to Excel would. Later writes succeed again.
 */
export function failingWriter(writer: SheetWriter, failAt: number): SheetWriter {
  let writes = 0;
  return {
    listSheets: () => writer.listSheets(),
    ensureSheet: (name) => writer.ensureSheet(name),
    clearFromRow: (sheet, row) => writer.clearFromRow(sheet, row),
    setLineChart: (sheet, chart) => writer.setLineChart(sheet, chart),
    readValues: (reference) => writer.readValues(reference),
    writeBlock: async (sheet: string, block: CellBlock) => {
      writes += 1;
      if (writes === failAt) {
        throw new Error("The connection to the workbook was lost.");
      }
      return writer.writeBlock(sheet, block);
    },
  };
}

/** Reads a column of a sheet's values from `firstRow` (counted from 0) for `count` rows. */
export function columnValues(
  engine: SpreadsheetEngine,
  sheet: string,
  column: number,
  firstRow: number,
  count: number,
): unknown[] {
  const values = engine.getSheetValues(sheet);
  return Array.from({ length: count }, (_, i) => values[firstRow + i]?.[column] ?? null);
}
