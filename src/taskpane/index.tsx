import { Theme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { OfficeSheetWriter } from "../workbook/actions/officeSheetWriter";
import { SheetWorkbookActions } from "../workbook/actions/workbookActions";
import { ExcelStore } from "../workbook/excel/excelStore";
import { App } from "./App";
import { logFailure } from "./logger";
import {
  currentThemeKind,
  fluentThemeFor,
  forcedColorsQuery,
  officeHost,
  watchOfficeTheme,
} from "./officeTheme";
import { TaskPaneServices } from "./services";

/**
 * Opens the store on the workbook's tables and the workbook actions, when running inside
 * Excel. Returns undefined in a plain browser, or when the store cannot open (logged), so the
 * pane still lists the functions.
 */
async function openExcelServices(): Promise<TaskPaneServices | undefined> {
  if (typeof Office === "undefined" || typeof Excel === "undefined") {
    return undefined;
  }
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) {
    return undefined;
  }
  try {
    const store = await ExcelStore.open(new Excel.RequestContext());
    return { store, workbook: new SheetWorkbookActions(store, new OfficeSheetWriter()) };
  } catch (error) {
    logFailure("Opening the sales system tables", error);
    return undefined;
  }
}

/**
 * Renders the task pane once Office.js is ready (or at once outside Office), in the Fluent theme
 * that matches the Office theme, and renders it again when that theme changes.
 */
async function startTaskPane(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) {
    throw new Error("The task pane page has no element with id 'root'.");
  }
  const [office, services] = await Promise.all([officeHost(), openExcelServices()]);
  const forcedColors = forcedColorsQuery();
  const root = createRoot(container);
  const render = (theme: Theme): void => root.render(<App theme={theme} services={services} />);

  render(fluentThemeFor(currentThemeKind(office, forcedColors)));
  watchOfficeTheme(office, forcedColors, render);
}

void startTaskPane();
