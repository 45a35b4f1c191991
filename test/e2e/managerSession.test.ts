/**
 * A sales manager's session in the standalone host, driven only through the task pane as a user
 * works it: labelled fields, buttons and tabs. It records a target group with its strategy, a
 * channel with conditions and a stimulation action, a person with a target and an annual review,
 * finalises the review, and finds everything again after a reload. It types forecast formulas
 * into the grid, builds a forecast sheet and a KPI dashboard, and compares their values with the
 * headless engine in Node. The bad inputs a user makes get a message at the field, and the
 * store, read through the page's handle after each, contains no invalid record.
 */
import * as fs from "fs";
import type { Locator, Page } from "playwright-core";
import { EngineValue, SpreadsheetEngine } from "../../src/headless/engine";
import { REVIEW_AREAS, SalesSystemSnapshot } from "../../src/model";
import { REVIEW_AREA_LABELS } from "../../src/taskpane/labels";
import { testCatalog } from "../support/engine";
import { BrowserSession, startBrowserSession } from "./browserSession";
import {
  CHANNEL_SHEET,
  DISPLAY_RELATIVE_TOLERANCE,
  SESSION_TIMEOUT_MS,
  StandaloneWindow,
  columnTexts,
  evaluateOnExample,
  openHost,
  typeIntoCell,
} from "./support/host";

/** The channel's sales history: monthly sales of 2021-2024 on the example workbook. */
const HISTORY_RANGE = `'${CHANNEL_SHEET}'!B2:B49`;

/** Month of the first value of {@link HISTORY_RANGE}, as the channel stores it. */
const HISTORY_START = "2021-01";

/** Number of months in {@link HISTORY_RANGE}. */
const HISTORY_LENGTH = 48;

/** Forecast horizon and season length of the forecast sheet: a year of months. */
const HORIZON = 12;

/**
 * Largest relative difference between the page's engine and the Node engine on the same cells.
 * Both run the same code, so only the last bits of the platform's Math functions can differ.
 */
const SAME_ENGINE_RELATIVE_TOLERANCE = 1e-9;

/** Formulas typed into the grid, each in its own column of the channel sheet. */
const GRID_FORMULAS = [
  { column: "H", formula: `=SPM.FORECAST.SES(B2:B49,${HORIZON})` },
  { column: "I", formula: `=SPM.FORECAST.LINEAR(B2:B49,${HORIZON})` },
];

/**
 * Maximum wait for an element or a page action. The pane responds within a second here, so a
 * missing control fails its test with the locator named instead of the test timing out.
 */
const ACTION_TIMEOUT_MS = 5_000;

/** Tabs of the task pane, each checked with axe-core once it shows the session's records. */
const PANE_PAGES = ["Overview", "Target groups", "Channels", "People", "Reviews", "Functions"];

/** Impact levels of axe-core findings that fail the accessibility check. */
const BLOCKING_IMPACTS = ["serious", "critical"];

/**
 * Elements axe-core skips: Tabster's focus sentinels, which Fluent UI's TabList adds. They are
 * focusable and aria-hidden on purpose, so axe's aria-hidden-focus rule flags them falsely.
 */
const TABSTER_SENTINELS = [["[data-tabster-dummy]"]];

/** A finding of axe-core, as far as the test reads it. */
interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the task pane and returns its serious and critical findings. */
async function blockingAxeFindings(page: Page): Promise<{ id: string; targets: string[] }[]> {
  // Fluent buttons fade their colours over a few milliseconds, for example when a save
  // re-enables them. Contrast is checked on the settled colours, not halfway through a fade.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const violations = (await page.evaluate(async (excluded) => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: object): Promise<{ violations: unknown[] }>;
        };
      }
    ).axe;
    return (await axe.run({ include: [["[aria-label='Task pane']"]], exclude: excluded }))
      .violations;
  }, TABSTER_SENTINELS)) as AxeViolation[];
  return violations
    .filter((violation) => BLOCKING_IMPACTS.includes(violation.impact ?? ""))
    .map((violation) => ({
      id: violation.id,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}

/** The year of the first review, which the pane proposes as the current year. */
const REVIEW_YEAR = new Date().getFullYear();

/**
 * Returns the control labelled `label` inside `container`. Fluent UI adds "*" to the label of a
 * required field, so that ending is allowed.
 */
function labelled(container: Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return container.getByLabel(new RegExp(`^${escaped}\\s*\\*?$`));
}

/** Reads every record of the page's store. */
function readSnapshot(page: Page): Promise<SalesSystemSnapshot> {
  return page.evaluate(() => (window as unknown as StandaloneWindow).spmStandalone.store.load());
}

/**
 * Returns the message shown at a field: the text of what describes the control, and whether the
 * control is marked invalid.
 */
async function fieldMessage(control: Locator): Promise<{ invalid: boolean; text: string }> {
  return control.evaluate((element) => {
    const ids = (element.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
    const text = ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
    return { invalid: element.getAttribute("aria-invalid") === "true", text };
  });
}

/** Maximum wait for the focus to reach a control after a save. */
const FOCUS_WAIT_MS = 2_000;

/** Resolves true once `control` has the keyboard focus, or false after `FOCUS_WAIT_MS`. */
function receivesFocus(control: Locator): Promise<boolean> {
  return control.evaluate(
    (element, waitMs) =>
      new Promise<boolean>((resolve) => {
        const deadline = Date.now() + waitMs;
        const check = (): void => {
          if (document.activeElement === element || Date.now() > deadline) {
            resolve(document.activeElement === element);
          } else {
            requestAnimationFrame(check);
          }
        };
        check();
      }),
    FOCUS_WAIT_MS,
  );
}

/** Returns the difference of two numbers relative to the expected one. */
function relativeDifference(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
}

/** Reads the content of every sheet of the page's workbook, as typed, and its values. */
function readWorkbook(page: Page) {
  return page.evaluate(() => {
    const { workbook } = (window as unknown as StandaloneWindow).spmStandalone;
    return workbook.sheetNames().map((name) => ({
      name,
      rows: workbook.sheet(name).rows as unknown[][],
      values: workbook.values(name),
    }));
  });
}

/** Evaluates the page's sheets in a fresh Node engine, each sheet created before any is filled. */
async function evaluateInNode(
  sheets: readonly { name: string; rows: unknown[][] }[],
): Promise<SpreadsheetEngine> {
  const engine = SpreadsheetEngine.create(await testCatalog());
  sheets.forEach((sheet) => engine.setSheetContent(sheet.name, []));
  sheets.forEach((sheet) => engine.setSheetContent(sheet.name, sheet.rows));
  return engine;
}

/** Expects the page's values of a sheet to match the Node engine's, number by number. */
function expectSameValues(shown: EngineValue[][], expected: EngineValue[][]): void {
  expect(shown.length).toBe(expected.length);
  shown.forEach((row, r) =>
    row.forEach((value, c) => {
      const reference = expected[r][c];
      if (typeof value === "number" && typeof reference === "number") {
        expect(relativeDifference(value, reference)).toBeLessThanOrEqual(
          SAME_ENGINE_RELATIVE_TOLERANCE,
        );
      } else {
        expect(value).toEqual(reference);
      }
    }),
  );
}

describe("manager session in the task pane", () => {
  let session: BrowserSession;
  let page: Page;
  let pane: Locator;
  const pageErrors: string[] = [];

  /** Opens a page of the task pane by its tab. */
  const openPage = (name: string): Promise<void> =>
    pane.getByRole("tab", { name, exact: true }).click();

  /** Returns a titled section of the pane, such as an editor. */
  const section = (name: string): Locator =>
    pane.getByRole("region", { name, exact: true }).first();

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.context.pages()[0] ?? (await session.context.newPage());
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await openHost(page, session.url);
    pane = page.getByRole("region", { name: "Task pane" });
  }, SESSION_TIMEOUT_MS);

  afterEach(() => {
    expect(session.foreignRequests).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
  });

  test("target group rejects empty name", async () => {
    await openPage("Target groups");
    await pane.getByRole("button", { name: "New target group" }).click();
    const editor = section("New target group");

    await editor.getByRole("button", { name: "Save", exact: true }).click();

    const message = await fieldMessage(labelled(editor, "Name"));
    expect(message.invalid).toBe(true);
    expect(message.text).toMatch(/^Name /);
    await expect(receivesFocus(labelled(editor, "Name"))).resolves.toBe(true);
    expect((await readSnapshot(page)).targetGroup).toEqual([]);
  });

  test("target group rejects backward time frame", async () => {
    const editor = section("New target group");
    await labelled(editor, "Name").fill("Key accounts");
    await labelled(editor, "Time frame start").fill("2025-12-31");
    await labelled(editor, "Time frame end").fill("2025-01-01");

    await editor.getByRole("button", { name: "Save", exact: true }).click();

    const message = await fieldMessage(labelled(editor, "Time frame end"));
    expect(message.invalid).toBe(true);
    expect(message.text).toMatch(/^Time frame end /);
    expect((await readSnapshot(page)).targetGroup).toEqual([]);
  });

  test("target group saves its strategy", async () => {
    const editor = section("New target group");
    await labelled(editor, "Kind").selectOption({ label: "Segment" });
    await labelled(editor, "Time frame start").fill("2025-01-01");
    await labelled(editor, "Time frame end").fill("2025-12-31");
    await labelled(editor, "Entry approach").fill("Account planning with the buying centre");
    await editor.getByRole("button", { name: "Add objection" }).click();
    await labelled(editor, "Objection 1").fill("Your prices are higher");
    await labelled(editor, "Response 1").fill("Total cost over three years is lower");
    await labelled(editor, "Retention tactics").fill("Quarterly business reviews");

    await editor.getByRole("button", { name: "Save", exact: true }).click();
    await section("Key accounts").waitFor();
    const save = section("Key accounts").getByRole("button", { name: "Save", exact: true });
    await expect(receivesFocus(save)).resolves.toBe(true);

    const [group] = (await readSnapshot(page)).targetGroup;
    expect(group).toMatchObject({
      name: "Key accounts",
      kind: "segment",
      strategy: {
        timeFrameStart: "2025-01-01",
        timeFrameEnd: "2025-12-31",
        entryApproach: "Account planning with the buying centre",
        retentionTactics: "Quarterly business reviews",
        objections: [
          { objection: "Your prices are higher", response: "Total cost over three years is lower" },
        ],
      },
    });
  });

  test("name starting with = is text", async () => {
    const name = "=Top 20 accounts";
    await pane.getByRole("button", { name: "New target group" }).click();
    const editor = section("New target group");
    const nameField = labelled(editor, "Name");
    await nameField.fill(name);

    const hint = await fieldMessage(nameField);
    await editor.getByRole("button", { name: "Save", exact: true }).click();
    await section(name).waitFor();

    expect(hint).toEqual({
      invalid: false,
      text: "Starts with =, so it is stored as text, not as a formula.",
    });
    const names = (await readSnapshot(page)).targetGroup.map((group) => group.name);
    expect(names).toEqual(["Key accounts", name]);
    await expect(
      pane.getByRole("list", { name: "Target groups" }).getByRole("button").allInnerTexts(),
    ).resolves.toEqual(["Key accounts (Segment)", `${name} (Segment)`]);
  });

  test("channel saves its conditions", async () => {
    await openPage("Channels");
    await pane.getByRole("button", { name: "New channel" }).click();
    const editor = section("New channel");
    await labelled(editor, "Name").fill("Direct");
    await labelled(editor, "Type").selectOption({ label: "Direct sales" });
    await editor
      .getByRole("group", { name: "Target groups served" })
      .getByRole("checkbox", { name: "Key accounts" })
      .check();
    await labelled(editor, "Discount %").fill("5");
    await labelled(editor, "Payment terms (days)").fill("30");
    const forecast = editor.getByRole("region", { name: "Forecast", exact: true });
    await labelled(forecast, "Sales history range").fill(HISTORY_RANGE);
    await labelled(forecast, "Month of the first value").fill(HISTORY_START);
    await forecast
      .getByLabel("Forecast method")
      .selectOption({ label: "Holt-Winters (trend and season)" });

    await editor.getByRole("button", { name: "Save", exact: true }).click();
    await section("Direct").waitFor();

    const snapshot = await readSnapshot(page);
    const keyAccounts = snapshot.targetGroup.find((group) => group.name === "Key accounts");
    expect(snapshot.channel).toHaveLength(1);
    expect(snapshot.channel[0]).toMatchObject({
      name: "Direct",
      type: "directSales",
      targetGroupIds: [keyAccounts?.id],
      salesHistorySource: HISTORY_RANGE,
      forecastMethod: "holtWinters",
      conditions: { discountPercent: 5, paymentTermsDays: 30 },
    });
  });

  test("stimulation action rejects budget abc", async () => {
    const actions = section("Stimulation actions");
    await actions.getByRole("button", { name: "New stimulation action" }).click();
    await labelled(actions, "Action name").fill("Spring promotion");
    await labelled(actions, "Budget").fill("abc");

    await actions.getByRole("button", { name: "Save action" }).click();

    const budget = await fieldMessage(labelled(actions, "Budget"));
    expect(budget.invalid).toBe(true);
    expect(budget.text).toMatch(/^Budget .*abc/);
    await expect(receivesFocus(labelled(actions, "Budget"))).resolves.toBe(true);
    expect((await readSnapshot(page)).stimulationAction).toEqual([]);
  });

  test("stimulation action rejects backward dates", async () => {
    const actions = section("Stimulation actions");
    await labelled(actions, "Budget").fill("15000");
    await labelled(actions, "Start date").fill("2025-06-30");
    await labelled(actions, "End date").fill("2025-06-01");

    await actions.getByRole("button", { name: "Save action" }).click();

    const endDate = await fieldMessage(labelled(actions, "End date"));
    expect(endDate.invalid).toBe(true);
    expect(endDate.text).toMatch(/^End date /);
    expect((await readSnapshot(page)).stimulationAction).toEqual([]);
  });

  test("stimulation action saves budget, dates", async () => {
    const actions = section("Stimulation actions");
    await labelled(actions, "Start date").fill("2025-04-01");
    await labelled(actions, "End date").fill("2025-05-31");
    await labelled(actions, "Status").selectOption({ label: "Planned" });

    await actions.getByRole("button", { name: "Save action" }).click();
    await actions.getByRole("button", { name: "Delete action" }).waitFor();

    const snapshot = await readSnapshot(page);
    expect(snapshot.stimulationAction).toHaveLength(1);
    expect(snapshot.stimulationAction[0]).toMatchObject({
      name: "Spring promotion",
      channelId: snapshot.channel[0].id,
      status: "planned",
      startDate: "2025-04-01",
      endDate: "2025-05-31",
      budget: 15000,
    });
  });

  test("person saves with a target", async () => {
    await openPage("People");
    await pane.getByRole("button", { name: "New person" }).click();
    const people = section("People");
    await labelled(people, "Name").fill("Anna Berger");
    await labelled(people, "Stage").selectOption({ label: "Active" });
    await people.getByRole("button", { name: "Save person" }).click();

    const targets = section("Scorecard");
    await labelled(targets, "Period").fill("2025");
    await labelled(targets, "Metric").selectOption({ label: "Revenue" });
    await labelled(targets, "Target value").fill("120000");
    await targets.getByRole("button", { name: "Add target" }).click();
    await targets.getByRole("button", { name: "Delete the 2025 Revenue target" }).waitFor();

    const snapshot = await readSnapshot(page);
    expect(snapshot.person).toHaveLength(1);
    expect(snapshot.person[0]).toMatchObject({ name: "Anna Berger", stage: "active" });
    expect(snapshot.target).toEqual([
      expect.objectContaining({
        subjectType: "person",
        subjectId: snapshot.person[0].id,
        period: "2025",
        metric: "revenue",
        value: 120000,
      }),
    ]);
  });

  test("scorecard scores entered actuals", async () => {
    await openPage("People");
    await section("People")
      .getByRole("button", { name: /Anna Berger/ })
      .click();
    const targets = section("Scorecard");
    const actual = targets.getByRole("textbox", { name: "Actual of the 2025 Revenue target" });
    await actual.fill("90000");
    await actual.blur();

    // 90,000 of a 120,000 target, the only metric of 2025.
    const scores = targets.getByRole("table", { name: "Scorecard scores" });
    await scores.getByRole("cell", { name: "75.0 %" }).waitFor();
    const snapshot = await readSnapshot(page);
    expect(snapshot.target[0].actual).toBe(90000);
  });

  test("review scores areas and actions", async () => {
    await openPage("Reviews");
    await pane.getByRole("button", { name: `Start the ${REVIEW_YEAR} review` }).click();
    const editor = section(`Review ${REVIEW_YEAR}`);
    await labelled(editor, "Review date").fill(`${REVIEW_YEAR}-03-15`);
    await labelled(editor, "Participants (comma-separated)").fill("Anna Berger, Jan Novak");

    for (const [index, area] of REVIEW_AREAS.entries()) {
      const label = REVIEW_AREA_LABELS[area];
      await editor
        .getByRole("radiogroup", { name: `Score of ${label} (1 poor, 5 excellent)` })
        .getByRole("radio", { name: String((index % 5) + 1) })
        .check();
      await labelled(editor, `Findings on ${label}`).fill(`Findings on ${label} in the review.`);
      if (index < REVIEW_AREAS.length - 1) {
        await editor.getByRole("button", { name: "Next area" }).click();
      }
    }
    await editor.getByRole("button", { name: "Add adjustment action" }).click();
    await labelled(editor, "Action 1").fill("Train the team on objections");
    await labelled(editor, "Owner of action 1").fill("Anna Berger");
    await labelled(editor, "Due date of action 1").fill(`${REVIEW_YEAR}-06-30`);
    await editor.getByRole("button", { name: "Save draft" }).click();
    await editor.getByText("The draft is saved.").waitFor();

    const [review] = (await readSnapshot(page)).review;
    expect(review).toMatchObject({
      year: REVIEW_YEAR,
      status: "draft",
      date: `${REVIEW_YEAR}-03-15`,
      participants: ["Anna Berger", "Jan Novak"],
      actions: [
        expect.objectContaining({
          description: "Train the team on objections",
          owner: "Anna Berger",
          dueDate: `${REVIEW_YEAR}-06-30`,
        }),
      ],
    });
    REVIEW_AREAS.forEach((area, index) => {
      expect(review.areas[area].score).toBe((index % 5) + 1);
      expect(review.areas[area].findings).toBe(
        `Findings on ${REVIEW_AREA_LABELS[area]} in the review.`,
      );
    });
  });

  test("finalised review is locked", async () => {
    await section(`Review ${REVIEW_YEAR}`)
      .getByRole("button", { name: "Finalise and lock" })
      .click();
    const editor = section(`Review ${REVIEW_YEAR} (final)`);
    await editor.getByText("This review is final and read-only.").waitFor();

    await expect(labelled(editor, "Review date").isDisabled()).resolves.toBe(true);
    await expect(labelled(editor, "Action 1").isDisabled()).resolves.toBe(true);
    await expect(editor.getByRole("button", { name: "Save draft" }).count()).resolves.toBe(0);
    const rejected = await page.evaluate(async () => {
      const { store } = (window as unknown as StandaloneWindow).spmStandalone;
      const [review] = await store.list("review");
      return store.update("review", review.id, { participants: [] }).then(
        () => "stored",
        (error: Error) => error.name,
      );
    });
    expect(rejected).toBe("StoreValidationError");
    const [review] = (await readSnapshot(page)).review;
    expect(review.status).toBe("final");
    expect(review.participants).toEqual(["Anna Berger", "Jan Novak"]);
  });

  test("reload keeps every record", async () => {
    const before = await readSnapshot(page);

    await openHost(page, session.url);

    await expect(readSnapshot(page)).resolves.toEqual(before);
    await openPage("Target groups");
    await pane.getByRole("button", { name: "Key accounts (Segment)" }).click();
    const group = section("Key accounts");
    await expect(labelled(group, "Entry approach").inputValue()).resolves.toBe(
      "Account planning with the buying centre",
    );
    await expect(labelled(group, "Response 1").inputValue()).resolves.toBe(
      "Total cost over three years is lower",
    );
    await openPage("Channels");
    await pane.getByRole("button", { name: "Direct (Direct sales)" }).click();
    const channel = section("Direct");
    await expect(labelled(channel, "Discount %").inputValue()).resolves.toBe("5");
    await expect(channel.getByRole("checkbox", { name: "Key accounts" }).isChecked()).resolves.toBe(
      true,
    );
    await expect(
      section("Stimulation actions")
        .getByRole("button", { name: /^Spring promotion/ })
        .count(),
    ).resolves.toBe(1);
    await openPage("Reviews");
    await expect(
      pane.getByRole("button", { name: `${REVIEW_YEAR} (final)` }).count(),
    ).resolves.toBe(1);
  });

  test("grid spills typed forecast formulas", async () => {
    for (const { column, formula } of GRID_FORMULAS) {
      const expected = (await evaluateOnExample(formula)) as number[][];
      expect(expected).toHaveLength(HORIZON);

      await typeIntoCell(page, `${column}2`, formula);
      const shown = (await columnTexts(page, column, 2, HORIZON + 1)).map(Number);

      shown.forEach((value, i) =>
        expect(relativeDifference(value, expected[i][0])).toBeLessThanOrEqual(
          DISPLAY_RELATIVE_TOLERANCE,
        ),
      );
    }
  });

  test("forecast sheet matches the engine", async () => {
    await openPage("Channels");
    await pane.getByRole("button", { name: "Direct (Direct sales)" }).click();
    const panel = section("Forecast sheet");
    await labelled(panel, "Season length").fill(String(HORIZON));
    await panel.getByRole("button", { name: "Build forecast sheet" }).click();
    const notice = await panel.getByText(/^The sheet ".+" is up to date\.$/).innerText();
    const sheetName = /"(.+)"/.exec(notice)![1];

    const sheets = await readWorkbook(page);
    const built = sheets.find((sheet) => sheet.name === sheetName)!;
    const engine = await evaluateInNode(sheets);
    const expected = (await evaluateOnExample(
      `=SPM.FORECAST.HOLTWINTERS(B2:B49,${HORIZON},${HORIZON})`,
    )) as number[][];

    expectSameValues(built.values, engine.getSheetValues(sheetName));
    // The forecast spills down column D from the period after the history (forecastSheet.ts).
    const forecastRows = built.values.slice(11 + HISTORY_LENGTH, 11 + HISTORY_LENGTH + HORIZON);
    forecastRows.forEach((row, i) =>
      expect(relativeDifference(row[3] as number, expected[i][0])).toBeLessThanOrEqual(
        SAME_ENGINE_RELATIVE_TOLERANCE,
      ),
    );
    await expect(page.getByRole("tab", { name: sheetName }).count()).resolves.toBe(1);
  });

  test("KPI dashboard matches the engine", async () => {
    await openPage("Overview");
    const workbookSection = section("Workbook");
    await workbookSection.getByRole("button", { name: "Build KPI dashboard" }).click();
    const notice = await workbookSection.getByText(/^The sheet ".+" is up to date\.$/).innerText();
    const sheetName = /"(.+)"/.exec(notice)![1];

    const sheets = await readWorkbook(page);
    const dashboard = sheets.find((sheet) => sheet.name === sheetName)!;
    const engine = await evaluateInNode(sheets);

    expectSameValues(dashboard.values, engine.getSheetValues(sheetName));
    const numbers = dashboard.values.flat().filter((value) => typeof value === "number");
    expect(numbers.length).toBeGreaterThan(0);
  });

  test("overview shows channel actuals", async () => {
    await openPage("Overview");
    const plan = section("Channel plan and actuals");
    await labelled(plan, "Year").fill("2024");

    const row = plan.getByRole("row").filter({ hasText: "Direct" });
    const actual = row.getByRole("cell").nth(2);
    await expect(actual.getByText("(12 months to 2024-12)").waitFor()).resolves.toBeUndefined();
    // 2024 is months 37 to 48 of a history that starts in 2021-01: rows 38 to 49 of the sheet.
    const expected = await evaluateOnExample(`=SUM('${CHANNEL_SHEET}'!B38:B49)`);
    const shown = Number((await actual.innerText()).split(" (")[0].replace(/[^0-9.-]/g, ""));
    expect(shown).toBeCloseTo(expected as number, 2);
  });

  test("pane pages pass axe-core checks", async () => {
    // Evaluated through the DevTools protocol, so the page's Content-Security-Policy, which
    // allows only its own scripts, does not block the injected checker.
    await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));

    for (const name of PANE_PAGES) {
      await openPage(name);
      await expect(blockingAxeFindings(page)).resolves.toEqual([]);
    }
  });

  test("pane editors pass axe-core checks", async () => {
    await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    // Earlier tests stored the review of REVIEW_YEAR, so starting a review opens the next year's.
    const nextReview = `Review ${REVIEW_YEAR + 1}`;
    const editors = [
      {
        page: "Target groups",
        open: "New target group",
        editorLocator: section("New target group"),
      },
      { page: "Channels", open: "New channel", editorLocator: section("New channel") },
      {
        page: "People",
        open: "New person",
        editorLocator: pane.getByRole("button", { name: "Save person" }),
      },
      {
        page: "Reviews",
        open: `Start the ${REVIEW_YEAR + 1} review`,
        editorLocator: section(nextReview),
      },
    ];

    for (const editor of editors) {
      await openPage(editor.page);
      await pane.getByRole("button", { name: editor.open }).click();
      await editor.editorLocator.waitFor();

      await expect(blockingAxeFindings(page)).resolves.toEqual([]);
    }
  });

  test("session runs without script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
