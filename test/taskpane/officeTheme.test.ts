import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { OfficeApp } from "office-addin-manifest";
import { OfficeMockObject } from "office-addin-mock";
import {
  ForcedColorsQuery,
  OfficeThemeColors,
  OfficeThemeKind,
  THEME_POLL_INTERVAL_MS,
  fluentThemeFor,
  officeThemeKind,
  watchOfficeTheme,
} from "../../src/taskpane/officeTheme";

/**
 * Theme colours of the cases. The isDarkTheme cases follow Office.js's documentation of
 * OfficeTheme.isDarkTheme ("true if the Office theme that's currently selected is Black or Dark
 * Gray"). Where isDarkTheme is missing (Outlook), the darker of the two body colours by WCAG 2.x
 * relative luminance is the background of a dark theme: #000000 has luminance 0 and #FFFFFF 1
 * by that definition.
 */
const KIND_CASES: {
  name: string;
  colors: OfficeThemeColors | undefined;
  forcedColors: boolean;
  kind: OfficeThemeKind;
}[] = [
  { name: "isDarkTheme true", colors: { isDarkTheme: true }, forcedColors: false, kind: "dark" },
  { name: "isDarkTheme false", colors: { isDarkTheme: false }, forcedColors: false, kind: "light" },
  {
    name: "isDarkTheme wins over colours",
    colors: { isDarkTheme: false, bodyBackgroundColor: "#000000", bodyForegroundColor: "#FFFFFF" },
    forcedColors: false,
    kind: "light",
  },
  {
    name: "dark body colours",
    colors: { bodyBackgroundColor: "#000000", bodyForegroundColor: "#FFFFFF" },
    forcedColors: false,
    kind: "dark",
  },
  {
    name: "light body colours",
    colors: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" },
    forcedColors: false,
    kind: "light",
  },
  {
    name: "colour not #RRGGBB",
    colors: { bodyBackgroundColor: "black", bodyForegroundColor: "#FFFFFF" },
    forcedColors: false,
    kind: "light",
  },
  { name: "no Office theme", colors: undefined, forcedColors: false, kind: "light" },
  {
    name: "forced colours, dark",
    colors: { isDarkTheme: true },
    forcedColors: true,
    kind: "highContrast",
  },
  {
    name: "forced colours, no Office",
    colors: undefined,
    forcedColors: true,
    kind: "highContrast",
  },
];

/** A forced-colours media query whose state the test sets and whose change it fires. */
class FakeForcedColors implements ForcedColorsQuery {
  matches = false;
  private readonly listeners = new Set<() => void>();

  addEventListener(_type: string, listener: unknown): void {
    this.listeners.add(listener as () => void);
  }

  removeEventListener(_type: string, listener: unknown): void {
    this.listeners.delete(listener as () => void);
  }

  set(matches: boolean): void {
    this.matches = matches;
    this.listeners.forEach((listener) => listener());
  }
}

/** Office.js as the tests need it, built with office-addin-mock. */
interface OfficeMock {
  office: typeof Office;
  theme: OfficeThemeColors;
  /** The OfficeThemeChanged handler the watcher registered, if the host accepted one. */
  themeChangedHandler(): (() => void) | undefined;
}

/**
 * Builds Office.js with an Office theme and a document whose addHandlerAsync accepts the
 * OfficeThemeChanged event, fails it through the callback, or throws, as hosts do.
 */
async function mockOffice(
  isDarkTheme: boolean,
  themeChanged: "accepted" | "failed" | "throws",
): Promise<OfficeMock> {
  let handler: (() => void) | undefined;
  const mock = new OfficeMockObject(
    {
      context: {
        officeTheme: { isDarkTheme },
        document: {
          addHandlerAsync(
            _eventType: unknown,
            eventHandler: () => void,
            callback: (result: { status: string }) => void,
          ): void {
            if (themeChanged === "throws") {
              throw new Error("Event type not supported.");
            }
            if (themeChanged === "accepted") {
              handler = eventHandler;
            }
            callback({ status: themeChanged === "accepted" ? "succeeded" : "failed" });
          },
        },
      },
      EventType: { OfficeThemeChanged: "officeThemeChanged" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    },
    OfficeApp.Excel,
  );
  mock.load(["context/officeTheme", "EventType", "AsyncResultStatus"]);
  await mock.sync();

  const office = mock as unknown as typeof Office;
  return {
    office,
    theme: office.context.officeTheme,
    themeChangedHandler: () => handler,
  };
}

describe("officeThemeKind", () => {
  test.each(KIND_CASES)("kind for $name", ({ colors, forcedColors, kind }) => {
    expect(officeThemeKind(colors, forcedColors)).toBe(kind);
  });
});

describe("fluentThemeFor", () => {
  test.each([
    { kind: "light" as const, theme: webLightTheme },
    { kind: "dark" as const, theme: webDarkTheme },
    { kind: "highContrast" as const, theme: teamsHighContrastTheme },
  ])("Fluent theme for $kind", ({ kind, theme }) => {
    expect(fluentThemeFor(kind)).toBe(theme);
  });
});

describe("watchOfficeTheme", () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  test("poll finds dark theme", async () => {
    const { office, theme } = await mockOffice(false, "failed");
    const onChange = jest.fn();
    const stop = watchOfficeTheme(office, undefined, onChange);

    theme.isDarkTheme = true;
    jest.advanceTimersByTime(THEME_POLL_INTERVAL_MS);

    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith(webDarkTheme);
    stop();
  });

  test("poll ignores unchanged theme", async () => {
    const { office } = await mockOffice(true, "failed");
    const onChange = jest.fn();
    const stop = watchOfficeTheme(office, undefined, onChange);

    jest.advanceTimersByTime(3 * THEME_POLL_INTERVAL_MS);

    expect(onChange).not.toHaveBeenCalled();
    stop();
  });

  test("poll when subscribing throws", async () => {
    const { office, theme } = await mockOffice(true, "throws");
    const onChange = jest.fn();
    const stop = watchOfficeTheme(office, undefined, onChange);

    theme.isDarkTheme = false;
    jest.advanceTimersByTime(THEME_POLL_INTERVAL_MS);

    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith(webLightTheme);
    stop();
  });

  test("event replaces the poll", async () => {
    const { office, theme, themeChangedHandler } = await mockOffice(false, "accepted");
    const onChange = jest.fn();
    const stop = watchOfficeTheme(office, undefined, onChange);

    theme.isDarkTheme = true;
    jest.advanceTimersByTime(3 * THEME_POLL_INTERVAL_MS);
    expect(onChange).not.toHaveBeenCalled();

    expect(themeChangedHandler()).toBeDefined();
    themeChangedHandler()?.();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith(webDarkTheme);
    stop();
  });

  test("forced colours switch themes", async () => {
    const { office } = await mockOffice(true, "failed");
    const forcedColors = new FakeForcedColors();
    const onChange = jest.fn();
    const stop = watchOfficeTheme(office, forcedColors, onChange);

    forcedColors.set(true);
    expect(onChange).toHaveBeenLastCalledWith(teamsHighContrastTheme);

    forcedColors.set(false);
    expect(onChange).toHaveBeenLastCalledWith(webDarkTheme);
    expect(onChange).toHaveBeenCalledTimes(2);
    stop();
  });

  test("forced colours outside Office", () => {
    const forcedColors = new FakeForcedColors();
    const onChange = jest.fn();
    const stop = watchOfficeTheme(undefined, forcedColors, onChange);

    forcedColors.set(true);

    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith(teamsHighContrastTheme);
    stop();
  });

  test("stop ends every update", async () => {
    const { office, theme, themeChangedHandler } = await mockOffice(false, "accepted");
    const forcedColors = new FakeForcedColors();
    const onChange = jest.fn();
    const stop = watchOfficeTheme(office, forcedColors, onChange);

    stop();
    theme.isDarkTheme = true;
    themeChangedHandler()?.();
    forcedColors.set(true);
    jest.advanceTimersByTime(THEME_POLL_INTERVAL_MS);

    expect(onChange).not.toHaveBeenCalled();
  });
});
