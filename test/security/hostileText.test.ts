/**
 * Hostile text in the task pane of the standalone host, in Debian's Chromium. Records have names
 * and text fields of markup, right-to-left text, emoji and a text of the maximum length. Each
 * page that lists or edits them must show them as text: the DOM contains the literal characters,
 * as text nodes in lists and as values in editors, no element is injected, and no injected
 * handler runs.
 */
import type { Locator, Page } from "playwright-core";
import { MAX_TEXT_LENGTH } from "../../src/model/fields";
import { BrowserSession, startBrowserSession } from "../e2e/browserSession";
import { SESSION_TIMEOUT_MS, StandaloneWindow, openHost } from "../e2e/support/host";

const SCRIPT_TEXT = "<script>alert(1)</script>";
const IMAGE_TEXT = "<img src=x onerror=window.__hit=1>";
/** Arabic and Hebrew, with a right-to-left override (U+202E) closed by U+202C. */
const RTL_TEXT = "مبيعات \u202Eabc\u202C שלום";
/** An office worker with a skin tone (a ZWJ sequence), and a rocket outside the BMP. */
const EMOJI_TEXT = "👩🏽‍💼 Sales 🚀";
/** Markup repeated up to the longest text a field accepts, the 32,767 characters of a cell. */
const LONG_TEXT = "<b>bold</b> &amp; ".repeat(2000).slice(0, MAX_TEXT_LENGTH);

const SHORT_TEXTS = [SCRIPT_TEXT, IMAGE_TEXT, RTL_TEXT, EMOJI_TEXT];

/** Maximum wait for an element, so a missing control fails with its locator named. */
const ACTION_TIMEOUT_MS = 5_000;

/** What the page shows: its text nodes, the values of its fields, and signs of injection. */
interface PaneContent {
  texts: string[];
  values: string[];
  /** Elements the hostile texts would create if parsed as HTML, as tag names. */
  injectedElements: string[];
  /** `window.__hit`, which the onerror handler of the image text would set. */
  hit: unknown;
}

/** Reads the task pane's text nodes and field values, and looks for injected elements. */
function readPane(page: Page): Promise<PaneContent> {
  return page.evaluate(() => {
    const pane = document.querySelector("[aria-label='Task pane']") ?? document.body;
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      texts.push((node as Text).data);
    }
    const fields = pane.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea");
    const injected = document.querySelectorAll("script:not([src]), img[src='x'], [onerror], b");
    return {
      texts,
      values: [...fields].map((field) => field.value),
      injectedElements: [...injected].map((element) => element.tagName),
      hit: (window as unknown as { __hit?: unknown }).__hit,
    };
  });
}

/** Expects no injected element and no sign of a run handler, then returns the pane's content. */
async function expectNoInjection(page: Page): Promise<PaneContent> {
  const content = await readPane(page);
  expect(content.injectedElements).toEqual([]);
  expect(content.hit).toBeUndefined();
  return content;
}

/** Returns the texts among `expected` that no text node of the pane contains. */
function missingFromTexts(content: PaneContent, expected: readonly string[]): string[] {
  return expected.filter((text) => !content.texts.some((node) => node.includes(text)));
}

/** Returns the texts among `expected` that no field of the pane has as its whole value. */
function missingFromValues(content: PaneContent, expected: readonly string[]): string[] {
  return expected.filter((text) => !content.values.includes(text));
}

/** Stores records with hostile names and texts through the page's store handle. */
function seedHostileRecords(page: Page): Promise<void> {
  const texts = { SCRIPT_TEXT, IMAGE_TEXT, RTL_TEXT, EMOJI_TEXT, LONG_TEXT };
  return page.evaluate(async (t) => {
    const { store } = (window as unknown as StandaloneWindow).spmStandalone;
    const groups = [];
    for (const name of [t.SCRIPT_TEXT, t.IMAGE_TEXT, t.RTL_TEXT, t.EMOJI_TEXT, t.LONG_TEXT]) {
      groups.push(
        await store.create("targetGroup", {
          name,
          kind: "segment",
          description: name,
          owner: t.IMAGE_TEXT,
          strategy: { entryApproach: t.LONG_TEXT },
        }),
      );
    }
    const targetGroupIds = groups.map((group) => group.id);
    const channel = await store.create("channel", {
      name: t.SCRIPT_TEXT,
      type: "directSales",
      targetGroupIds,
      conditions: { notes: t.IMAGE_TEXT, listingTerms: t.LONG_TEXT },
    });
    await store.create("channel", { name: t.IMAGE_TEXT, type: "retail" });
    await store.create("stimulationAction", {
      name: t.IMAGE_TEXT,
      channelId: channel.id,
      kind: "promotion",
      description: t.SCRIPT_TEXT,
    });
    const unit = await store.create("organisationUnit", {
      name: t.RTL_TEXT,
      description: t.IMAGE_TEXT,
    });
    const role = await store.create("role", { name: t.EMOJI_TEXT, tasks: t.SCRIPT_TEXT });
    await store.create("person", {
      name: t.IMAGE_TEXT,
      unitId: unit.id,
      roleId: role.id,
      channelIds: [channel.id],
      targetGroupIds,
    });
    await store.create("review", {
      year: 2024,
      participants: [t.SCRIPT_TEXT, t.IMAGE_TEXT, t.RTL_TEXT, t.EMOJI_TEXT],
      areas: { targetGroups: { findings: t.LONG_TEXT } },
      actions: [{ description: t.IMAGE_TEXT, owner: t.SCRIPT_TEXT }],
    });
  }, texts);
}

describe("hostile text in the task pane", () => {
  let session: BrowserSession;
  let page: Page;
  let pane: Locator;
  const pageErrors: string[] = [];

  /** Opens a page of the task pane by its tab. */
  const openPage = (name: string): Promise<void> =>
    pane.getByRole("tab", { name, exact: true }).click();

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.context.pages()[0] ?? (await session.context.newPage());
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("dialog", (dialog) => pageErrors.push(`dialog opened: ${dialog.message()}`));
    await openHost(page, session.url);
    await seedHostileRecords(page);
    // Reloading shows the records as a user finds them when opening the workbook.
    await openHost(page, session.url);
    pane = page.getByRole("region", { name: "Task pane" });
  }, SESSION_TIMEOUT_MS);

  afterEach(() => {
    expect(session.foreignRequests).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
  });

  test("long text has maximum length", () => {
    expect(LONG_TEXT).toHaveLength(MAX_TEXT_LENGTH);
  });

  test("overview shows channel names", async () => {
    await openPage("Overview");
    await pane.getByText(SCRIPT_TEXT).first().waitFor();

    const content = await expectNoInjection(page);
    expect(missingFromTexts(content, [SCRIPT_TEXT, IMAGE_TEXT])).toEqual([]);
  });

  test("target groups list and edit", async () => {
    await openPage("Target groups");
    await pane.getByRole("button", { name: `${SCRIPT_TEXT} (Segment)` }).click();
    await pane.getByRole("region", { name: SCRIPT_TEXT, exact: true }).waitFor();

    const content = await expectNoInjection(page);
    expect(missingFromTexts(content, [...SHORT_TEXTS, LONG_TEXT])).toEqual([]);
    expect(missingFromValues(content, [SCRIPT_TEXT, IMAGE_TEXT, LONG_TEXT])).toEqual([]);
  });

  test("channels list and edit", async () => {
    await openPage("Channels");
    await pane.getByRole("button", { name: `${SCRIPT_TEXT} (Direct sales)` }).click();
    await pane.getByRole("region", { name: SCRIPT_TEXT, exact: true }).waitFor();

    const content = await expectNoInjection(page);
    // The list, the editor's title, the target groups served and the stimulation actions.
    expect(missingFromTexts(content, [...SHORT_TEXTS, LONG_TEXT])).toEqual([]);
    expect(missingFromValues(content, [SCRIPT_TEXT, IMAGE_TEXT, LONG_TEXT])).toEqual([]);
  });

  test("people list and edit", async () => {
    await openPage("People");
    await pane.getByRole("button", { name: `${IMAGE_TEXT} (Active)` }).click();
    await pane.getByRole("button", { name: "Save person" }).waitFor();
    await pane.getByRole("button", { name: RTL_TEXT, exact: true }).click();
    await pane.getByRole("button", { name: EMOJI_TEXT, exact: true }).click();

    const content = await expectNoInjection(page);
    // The person, the unit and the role in their lists and in the person's choices.
    expect(missingFromTexts(content, [IMAGE_TEXT, RTL_TEXT, EMOJI_TEXT, SCRIPT_TEXT])).toEqual([]);
    // The person's name, the unit's name and description, the role's name and tasks.
    expect(missingFromValues(content, [IMAGE_TEXT, RTL_TEXT, EMOJI_TEXT, SCRIPT_TEXT])).toEqual([]);
  });

  test("reviews list and edit", async () => {
    await openPage("Reviews");
    await pane.getByRole("button", { name: /^2024/ }).click();
    await pane.getByRole("region", { name: /^Review 2024/ }).waitFor();

    const content = await expectNoInjection(page);
    const participants = [SCRIPT_TEXT, IMAGE_TEXT, RTL_TEXT, EMOJI_TEXT].join(", ");
    expect(missingFromValues(content, [participants, LONG_TEXT, IMAGE_TEXT, SCRIPT_TEXT])).toEqual(
      [],
    );
  });

  test("check flags injected element", async () => {
    // A case the check must catch, so the tests above cannot pass by finding nothing. The
    // page's policy blocks inline handlers, so the image's onerror does not run even here.
    await page.evaluate((html) => {
      const holder = document.createElement("div");
      holder.id = "injection-probe";
      holder.innerHTML = html;
      document.querySelector("[aria-label='Task pane']")?.append(holder);
    }, IMAGE_TEXT);

    const content = await readPane(page);
    await page.evaluate(() => document.getElementById("injection-probe")?.remove());

    expect(content.injectedElements).toEqual(["IMG"]);
    expect(content.hit).toBeUndefined();
  });

  test("session runs without script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
