/**
 * End-to-end tests of the standalone host in Debian's Chromium. They compare formulas typed into
 * the grid with the headless engine in Node, and check records kept across a reload, .xlsx save
 * and open, accessibility with axe-core, and that no request leaves the page's own origin. The
 * run also takes the README's screenshot (docs/screenshot.png).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { EngineValue, isEngineError } from "../../src/headless/engine";
import { BrowserSession, startBrowserSession } from "./browserSession";
import {
  CHANNEL_SHEET,
  DISPLAY_RELATIVE_TOLERANCE,
  EXAMPLE_FILE,
  SESSION_TIMEOUT_MS,
  StandaloneWindow,
  cell,
  columnTexts,
  evaluateOnExample,
  exampleSheets,
  openHost,
  typeIntoCell,
} from "./support/host";

const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..");
const SCREENSHOT_FILE = path.join(REPOSITORY_ROOT, "docs", "screenshot.png");

/** Impact levels of axe-core findings that fail the accessibility check. */
const BLOCKING_IMPACTS = ["serious", "critical"];

/** The formula a user types, on the sheet of monthly sales by channel (B2:B49 is 2021-2024). */
const FORECAST_FORMULA = "=SPM.FORECAST.HOLTWINTERS(B2:B49,12,12)";

/**
 * Elements axe-core skips: Tabster's focus sentinels, which Fluent UI's Toolbar and TabList add.
 * They are focusable and aria-hidden on purpose, because they pass focus on at once and a screen
 * reader must not announce them (microsoft/tabster issue 288), so axe's aria-hidden-focus rule
 * flags them falsely.
 */
const TABSTER_SENTINELS = [["[data-tabster-dummy]"]];

/** The part of axe-core's API the test calls. */
interface AxeRunner {
  run(context: { exclude: string[][] }): Promise<{ violations: unknown[] }>;
}

/** A finding of axe-core, as far as the test reads it. */
interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

describe("standalone host", () => {
  let session: BrowserSession;
  let page: Page;
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.context.pages()[0] ?? (await session.context.newPage());
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) {
        cspViolations.push(message.text());
      }
    });
    await openHost(page, session.url);
  }, SESSION_TIMEOUT_MS);

  afterEach(() => {
    expect(session.foreignRequests).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
  });

  test("grid spills Holt-Winters forecast", async () => {
    const expected = await evaluateOnExample(FORECAST_FORMULA);
    expect(Array.isArray(expected)).toBe(true);
    const expectedValues = (expected as EngineValue[][]).map((row) => row[0] as number);
    expect(expectedValues).toHaveLength(12);

    await typeIntoCell(page, "H2", FORECAST_FORMULA);
    const shown = (await columnTexts(page, "H", 2, 13)).map(Number);

    shown.forEach((value, i) => {
      const relativeError = Math.abs(value - expectedValues[i]) / Math.abs(expectedValues[i]);
      expect(relativeError).toBeLessThanOrEqual(DISPLAY_RELATIVE_TOLERANCE);
    });
    expect(await cell(page, "H14").innerText()).toBe("");
  });

  test("formula bar shows cell formula", async () => {
    await cell(page, "H2").click();

    await expect(page.getByLabel("Formula bar").inputValue()).resolves.toBe(FORECAST_FORMULA);
    await expect(page.getByLabel("Active cell").inputValue()).resolves.toBe("H2");
  });

  test("error cell shows its message", async () => {
    // 12 months cannot fit a 12-month season, which needs two full seasons.
    const formula = "=SPM.FORECAST.HOLTWINTERS(B2:B13,12,12)";
    const expected = await evaluateOnExample(formula);
    expect(isEngineError(expected)).toBe(true);
    const { error, message } = expected as { error: string; message: string };
    expect(message).not.toBe("");

    await typeIntoCell(page, "J2", formula);
    await cell(page, "J2").click();

    await expect(cell(page, "J2").innerText()).resolves.toBe(error);
    await expect(cell(page, "J2").getAttribute("title")).resolves.toBe(`${error} ${message}`);
    await expect(page.getByRole("status", { name: "Cell message" }).innerText()).resolves.toBe(
      `${error} ${message}`,
    );
  });

  test("screenshot shows the spilled forecast", async () => {
    await cell(page, "H2").click();
    await page.getByRole("grid").evaluate((grid) => grid.parentElement?.scrollTo(0, 0));
    fs.mkdirSync(path.dirname(SCREENSHOT_FILE), { recursive: true });

    await page.screenshot({ path: SCREENSHOT_FILE });

    expect(fs.statSync(SCREENSHOT_FILE).size).toBeGreaterThan(0);
  });

  test("save writes formulas and results", async () => {
    const downloadStarted = page.waitForEvent("download");
    await page.getByRole("button", { name: "Save .xlsx" }).click();
    const download = await downloadStarted;
    const savedFile = await download.path();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(savedFile);
    const sheet = workbook.getWorksheet(CHANNEL_SHEET);
    const anchor = sheet?.getCell("H2").value as { formula?: string; result?: unknown } | null;
    const expected = (await evaluateOnExample(FORECAST_FORMULA)) as number[][];

    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      "Sales by channel",
      "Sales by segment",
      "Forecasts",
    ]);
    expect(anchor?.formula).toBe(FORECAST_FORMULA.slice(1));
    expect(anchor?.result).toBeCloseTo(expected[0][0], 9);
    expect(sheet?.getCell("H13").value).toBeCloseTo(expected[11][0], 9);
  });

  test("open reads a chosen workbook", async () => {
    const chosenFile = path.join(session.workDir, "chosen-example.xlsx");
    fs.copyFileSync(EXAMPLE_FILE, chosenFile);

    await page.getByLabel("Workbook file to open").setInputFiles(chosenFile);
    await page.getByRole("heading", { name: "chosen-example.xlsx" }).waitFor();

    const directSales = (await exampleSheets())[CHANNEL_SHEET][1][1];

    await expect(cell(page, "H2").innerText()).resolves.toBe("");
    await expect(cell(page, "B2").innerText()).resolves.toBe(String(directSales));
  });

  // The store's own checks, reached through the page's handle; managerSession.test.ts drives the
  // same records through the task pane pages.
  test("records survive page reload", async () => {
    const created = await page.evaluate(async () => {
      const { store } = (window as unknown as StandaloneWindow).spmStandalone;
      return store.create("targetGroup", {
        name: "Key accounts",
        kind: "segment",
        strategy: { entryApproach: "Account planning with the buying centre" },
      });
    });
    const rejected = await page.evaluate(async () => {
      const { store } = (window as unknown as StandaloneWindow).spmStandalone;
      return store.create("targetGroup", { name: "", kind: "segment" }).then(
        () => "stored",
        (error: Error) => error.name,
      );
    });

    await openHost(page, session.url);
    const listed = await page.evaluate(async () => {
      const { store } = (window as unknown as StandaloneWindow).spmStandalone;
      return store.list("targetGroup");
    });

    expect(rejected).toBe("StoreValidationError");
    expect(listed).toEqual([created]);
    expect(listed[0].strategy.entryApproach).toBe("Account planning with the buying centre");
  });

  test("forecast sheet action fills grid", async () => {
    const expected = (await evaluateOnExample(FORECAST_FORMULA)) as number[][];

    const built = await page.evaluate(async (historySource) => {
      const { store, workbook, actions } = (window as unknown as StandaloneWindow).spmStandalone;
      const channel = await store.create("channel", {
        name: "Direct",
        type: "directSales",
        salesHistorySource: historySource,
        forecastMethod: "holtWinters",
      });
      const result = await actions.buildForecastSheet(
        { type: "channel", id: channel.id },
        { horizon: 12, seasonLength: 12 },
      );
      return { sheetName: result.sheetName, values: workbook.values(result.sheetName) };
    }, `'${CHANNEL_SHEET}'!B2:B49`);
    const numbers = built.values.flat().filter((value) => typeof value === "number") as number[];

    await expect(page.getByRole("tab", { name: built.sheetName }).count()).resolves.toBe(1);
    for (const [forecast] of expected) {
      const closest = Math.min(...numbers.map((value) => Math.abs(value - forecast)));
      expect(closest / Math.abs(forecast)).toBeLessThanOrEqual(DISPLAY_RELATIVE_TOLERANCE);
    }
    await page.getByRole("tab", { name: built.sheetName }).click();
    await expect(page.getByRole("figure", { name: /^Line chart/ }).count()).resolves.toBe(1);
  });

  test("page passes axe-core checks", async () => {
    const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    // Evaluated through the DevTools protocol, so the page's Content-Security-Policy, which
    // allows only its own scripts, does not block the injected checker.
    await page.evaluate(axeSource);
    const violations = (await page.evaluate(async (excluded) => {
      const axe = (window as unknown as { axe: AxeRunner }).axe;
      return (await axe.run({ exclude: excluded })).violations;
    }, TABSTER_SENTINELS)) as AxeViolation[];

    const blocking = violations
      .filter((violation) => BLOCKING_IMPACTS.includes(violation.impact ?? ""))
      .map((violation) => ({
        id: violation.id,
        targets: violation.nodes.map((node) => node.target.join(" ")),
      }));
    expect(blocking).toEqual([]);
  });

  test("page runs without script errors", () => {
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  test("page requests only its origin", () => {
    expect(session.foreignRequests).toEqual([]);
  });
});
