import {
  Theme,
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";

/** Colours of the Office theme that decide between the light and dark Fluent themes. */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  isDarkTheme?: boolean;
}

/** The kinds of Office theme that the task pane distinguishes, each with its own Fluent theme. */
export type OfficeThemeKind = "light" | "dark" | "highContrast";

/**
 * Media query that matches while the operating system forces a high contrast palette (Windows
 * contrast themes). Office.js has no high contrast flag of its own.
 */
export const FORCED_COLORS_QUERY = "(forced-colors: active)";

/**
 * Interval of the check for a changed Office theme where Office.js has no change event. Office.js
 * on Windows caches `officeTheme` for 5,000 ms (OfficeThemeManager in excel-win32-16.01.js of
 * @microsoft/office-js 1.1.110), so checking more often finds nothing new.
 */
export const THEME_POLL_INTERVAL_MS = 5_000;

/** The part of a MediaQueryList the theme watcher reads. */
export type ForcedColorsQuery = Pick<
  MediaQueryList,
  "matches" | "addEventListener" | "removeEventListener"
>;

/**
 * Computes the relative luminance (WCAG 2.x) of a "#RRGGBB" colour, from 0 (black) to
 * 1 (white), or returns undefined for any other format.
 */
function relativeLuminance(hexColor: string | undefined): number | undefined {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hexColor ?? "");
  if (!match) {
    return undefined;
  }

  // Linearise each sRGB channel, then weight by the eye's sensitivity.
  const [r, g, b] = match.slice(1).map((hex) => {
    const channel = parseInt(hex, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Tells whether the Office theme is dark: `isDarkTheme` where Office provides it, otherwise a
 * body background darker than the body text.
 */
export function isDarkOfficeTheme(colors: OfficeThemeColors | undefined): boolean {
  if (typeof colors?.isDarkTheme === "boolean") {
    return colors.isDarkTheme;
  }
  const background = relativeLuminance(colors?.bodyBackgroundColor);
  const foreground = relativeLuminance(colors?.bodyForegroundColor);
  return background !== undefined && foreground !== undefined && background < foreground;
}

/**
 * Classifies the theme: high contrast while the system forces colours, whatever Office reports,
 * otherwise dark or light from the Office theme colours.
 */
export function officeThemeKind(
  colors: OfficeThemeColors | undefined,
  forcedColors: boolean,
): OfficeThemeKind {
  if (forcedColors) {
    return "highContrast";
  }
  return isDarkOfficeTheme(colors) ? "dark" : "light";
}

/** Returns the Fluent UI v9 theme for a kind of Office theme. */
export function fluentThemeFor(kind: OfficeThemeKind): Theme {
  switch (kind) {
    case "highContrast":
      return teamsHighContrastTheme;
    case "dark":
      return webDarkTheme;
    case "light":
      return webLightTheme;
  }
}

/** Returns Office.js once it is ready inside an Office host, or undefined in a plain browser. */
export async function officeHost(): Promise<typeof Office | undefined> {
  if (typeof Office === "undefined") {
    return undefined;
  }
  const info = await Office.onReady();
  return info.host === null ? undefined : Office;
}

/** Returns the forced-colours media query of the page, or undefined outside a browser. */
export function forcedColorsQuery(): ForcedColorsQuery | undefined {
  return typeof window === "undefined" || typeof window.matchMedia !== "function"
    ? undefined
    : window.matchMedia(FORCED_COLORS_QUERY);
}

/** Reads the current kind of theme from Office.js (when loaded) and the forced-colours query. */
export function currentThemeKind(
  office: typeof Office | undefined,
  forcedColors: ForcedColorsQuery | undefined,
): OfficeThemeKind {
  return officeThemeKind(office?.context?.officeTheme, forcedColors?.matches ?? false);
}

/**
 * Subscribes to Office's OfficeThemeChanged event and reports whether the host accepted the
 * handler. Microsoft documents the event for Outlook (Mailbox 1.14) only, so Excel may reject
 * it through the callback or throw for an unsupported event type, and both count as rejected.
 */
function subscribeToThemeChanged(
  office: typeof Office,
  handler: () => void,
  onResult: (subscribed: boolean) => void,
): void {
  const eventType = office.EventType?.OfficeThemeChanged;
  const document = office.context?.document;
  if (eventType === undefined || typeof document?.addHandlerAsync !== "function") {
    onResult(false);
    return;
  }
  try {
    document.addHandlerAsync(eventType, handler, (result) =>
      onResult(result.status === office.AsyncResultStatus.Succeeded),
    );
  } catch {
    onResult(false);
  }
}

/**
 * Calls `onChange` with the new Fluent theme whenever the kind of theme changes: on Office's
 * OfficeThemeChanged event where the host supports it, otherwise on a check every
 * THEME_POLL_INTERVAL_MS, and on a change of the forced-colours query. Returns a function that
 * stops watching; an OfficeThemeChanged handler stays registered but does nothing after it.
 */
export function watchOfficeTheme(
  office: typeof Office | undefined,
  forcedColors: ForcedColorsQuery | undefined,
  onChange: (theme: Theme) => void,
): () => void {
  let current = currentThemeKind(office, forcedColors);
  let stopped = false;
  const update = (): void => {
    if (stopped) {
      return;
    }
    const next = currentThemeKind(office, forcedColors);
    if (next !== current) {
      current = next;
      onChange(fluentThemeFor(next));
    }
  };

  forcedColors?.addEventListener("change", update);
  let poll: ReturnType<typeof setInterval> | undefined;
  if (office !== undefined) {
    poll = setInterval(update, THEME_POLL_INTERVAL_MS);
    subscribeToThemeChanged(office, update, (subscribed) => {
      if (subscribed) {
        clearInterval(poll);
      }
    });
  }

  return () => {
    stopped = true;
    forcedColors?.removeEventListener("change", update);
    clearInterval(poll);
  };
}
