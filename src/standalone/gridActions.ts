/**
 * The task pane's workbook actions in the standalone host: the shared implementation over the
 * engine sheet writer, writing into the grid's workbook. Built sheets appear as new sheet tabs,
 * and the writer keeps their charts for the page to draw.
 */
import { EngineSheetWriter, EngineSheets } from "../workbook/actions/engineSheetWriter";
import { SheetWorkbookActions } from "../workbook/actions/workbookActions";
import type { LineChartSpec } from "../workbook/actions/sheetWriter";
import type { SalesSystemStore } from "../workbook/store";
import type { CellContent } from "./cellInput";
import { GridWorkbook } from "./gridWorkbook";

/** Adapts the grid's workbook to the sheet operations of the engine sheet writer. */
function gridSheets(workbook: GridWorkbook): EngineSheets {
  return {
    getSheetNames: () => workbook.sheetNames(),
    getSheetValues: (sheet) => workbook.values(sheet),
    setSheetContent: (sheet, rows) => workbook.replaceSheet(sheet, rows as CellContent[][]),
  };
}

/** Workbook actions writing into one grid workbook, and the charts they drew. */
export interface GridActions {
  actions: SheetWorkbookActions;
  /** Returns the charts the actions put on a sheet. */
  chartsOf(sheet: string): LineChartSpec[];
}

/** Creates the workbook actions for a grid workbook and the store of the records. */
export function createGridActions(workbook: GridWorkbook, store: SalesSystemStore): GridActions {
  const writer = new EngineSheetWriter(gridSheets(workbook), {
    // Formulas of sheets the user typed into come from the grid, so a rebuild keeps them.
    readContent: (sheet) => workbook.sheet(sheet).rows,
    onChange: () => workbook.changed(),
  });
  return {
    actions: new SheetWorkbookActions(store, writer),
    chartsOf: (sheet) => writer.getCharts(sheet),
  };
}
