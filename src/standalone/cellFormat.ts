/**
 * Display text of grid cells: numbers in Excel's General style, dates for cells whose number
 * format is a date format, and error codes.
 */
import type { EngineValue } from "../headless/engine";
import { isEngineError } from "../headless/engine";
import { fromSerialDate } from "../headless/serialDates";

/**
 * Significant digits of a number shown in a cell. Excel's General format shows at most 11
 * characters in a standard-width column; 10 digits keep the sign and decimal point within that.
 */
export const DISPLAY_SIGNIFICANT_DIGITS = 10;

/** True when an Excel number format shows a date: it has y, m or d outside quotes and brackets. */
export function isDateFormat(numberFormat: string | undefined): numberFormat is string {
  if (numberFormat === undefined) {
    return false;
  }
  const codes = numberFormat.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[ymd]/i.test(codes);
}

/**
 * Formats a serial date as ISO text. "yyyy-mm" (a month, as in the example workbook) shows the
 * year and month; every other date format shows the full date.
 *
 * NOTE: only these two layouts are rendered; other date formats of a file show as yyyy-mm-dd.
 */
function formatSerialDate(serial: number, numberFormat: string): string {
  const iso = fromSerialDate(serial).toISOString();
  return numberFormat.toLowerCase() === "yyyy-mm" ? iso.slice(0, 7) : iso.slice(0, 10);
}

/** Formats a number as Excel's General format does, to {@link DISPLAY_SIGNIFICANT_DIGITS}. */
export function formatGeneralNumber(value: number): string {
  return String(Number(value.toPrecision(DISPLAY_SIGNIFICANT_DIGITS)));
}

/** Returns the text a cell shows for its value and number format. */
export function formatCellValue(value: EngineValue, numberFormat?: string): string {
  if (value === null) {
    return "";
  }
  if (isEngineError(value)) {
    return value.error;
  }
  if (Array.isArray(value)) {
    return formatCellValue(value[0]?.[0] ?? null, numberFormat);
  }
  if (typeof value === "boolean") {
    return value ? "TRUE" : "FALSE";
  }
  if (typeof value === "number") {
    return isDateFormat(numberFormat)
      ? formatSerialDate(value, numberFormat)
      : formatGeneralNumber(value);
  }
  return value;
}
