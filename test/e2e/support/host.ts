/**
 * Helpers of the end-to-end tests for the standalone host's page: opening it, reaching grid
 * cells, evaluating formulas on the example workbook with the headless engine in Node, and the
 * page's handle to its store, workbook and actions.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { readSheetContent } from "../../../src/cli/workbookCells";
import { EngineValue } from "../../../src/headless/engine";
import { DISPLAY_SIGNIFICANT_DIGITS } from "../../../src/standalone/cellFormat";
import type { GridWorkbook } from "../../../src/standalone/gridWorkbook";
import type { WorkbookActions } from "../../../src/workbook/actions/workbookActions";
import type { SalesSystemStore } from "../../../src/workbook/store";
import { createTestEngine } from "../../support/engine";

const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..", "..");

/** The example workbook the page loads at start. */
export const EXAMPLE_FILE = path.join(REPOSITORY_ROOT, "examples", "sales-example.xlsx");

/** Sheet of monthly sales by channel in the example workbook (B2:B49 is 2021-2024). */
export const CHANNEL_SHEET = "Sales by channel";

/** Building the host (about 10 to 50 s, once per run) and starting Chromium. */
export const SESSION_TIMEOUT_MS = 120_000;

/** Time for the page to load the engine, the example workbook and the stored records. */
export const PAGE_READY_TIMEOUT_MS = 30_000;

/**
 * Largest relative difference between a cell's text and the engine's value: half a unit in the
 * last of the significant digits the grid shows.
 */
export const DISPLAY_RELATIVE_TOLERANCE = 0.5 * 10 ** (1 - DISPLAY_SIGNIFICANT_DIGITS);

/** The page's window with the handle the standalone host sets for the console and tests. */
export interface StandaloneWindow {
  spmStandalone: { store: SalesSystemStore; workbook: GridWorkbook; actions: WorkbookActions };
}

/** Reads the example workbook into engine content, as the page reads it. */
export async function exampleSheets(): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(EXAMPLE_FILE);
  return Object.fromEntries(
    workbook.worksheets.map((sheet) => [sheet.name, readSheetContent(sheet).rows]),
  );
}

/** Evaluates a formula on the example workbook with the headless engine in Node. */
export async function evaluateOnExample(formula: string): Promise<EngineValue> {
  const engine = await createTestEngine(await exampleSheets());
  return engine.evaluate(formula, CHANNEL_SHEET);
}

/** Returns the locator of a cell of the active sheet by its A1 address. */
export function cell(page: Page, address: string): Locator {
  return page.locator(`td[data-address="${address}"]`);
}

/** Types text into a cell of the active sheet and commits it with Enter. */
export async function typeIntoCell(page: Page, address: string, text: string): Promise<void> {
  await cell(page, address).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

/** Opens the page and waits until the grid shows the example workbook. */
export async function openHost(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole("grid").waitFor({ timeout: PAGE_READY_TIMEOUT_MS });
}

/** Texts of the cells of one column from `firstRow` to `lastRow` (1-based, inclusive). */
export async function columnTexts(
  page: Page,
  column: string,
  firstRow: number,
  lastRow: number,
): Promise<string[]> {
  const texts: string[] = [];
  for (let row = firstRow; row <= lastRow; row++) {
    texts.push(await cell(page, `${column}${row}`).innerText());
  }
  return texts;
}
