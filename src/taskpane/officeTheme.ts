import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** Colours of the Office theme that decide between the light and dark Fluent themes. */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  isDarkTheme?: boolean;
}

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
 * Waits for Office.js and picks the Fluent theme that matches the Office theme. Outside Office
 * (a plain browser, or Office.js not loaded) it returns webLightTheme.
 *
 * NOTE: the theme is read once at start, so a change of Office theme shows after the task pane
 * page reloads.
 */
export async function detectFluentTheme(): Promise<Theme> {
  if (typeof Office === "undefined") {
    return webLightTheme;
  }
  const info = await Office.onReady();
  if (info.host === null) {
    return webLightTheme;
  }
  return isDarkOfficeTheme(Office.context?.officeTheme) ? webDarkTheme : webLightTheme;
}
