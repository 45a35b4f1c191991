/**
 * What a user types into a cell, and the text the formula bar shows for a cell's content. As in
 * Excel, "=" starts a formula and a leading apostrophe keeps the rest as text. Numbers, TRUE,
 * FALSE and ISO dates become values, and anything else is text.
 */
import type { LiteralText } from "../headless/engine";
import { isLiteralText } from "../headless/engine";

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const BOOLEAN_PATTERN = /^(true|false)$/i;

/** Cell content as the engine takes it (see `SpreadsheetEngine.setSheetContent`). */
export type CellContent = string | number | boolean | Date | LiteralText | null;

/** Converts typed text into cell content. */
export function parseCellInput(input: string): CellContent {
  if (input === "") {
    return null;
  }
  if (input.startsWith("'")) {
    return textContent(input.slice(1));
  }
  if (input.startsWith("=") && input.length > 1) {
    return input;
  }
  if (NUMBER_PATTERN.test(input.trim())) {
    return Number(input.trim());
  }
  if (BOOLEAN_PATTERN.test(input.trim())) {
    return input.trim().toUpperCase() === "TRUE";
  }
  const date = parseIsoDate(input.trim());
  return date ?? textContent(input);
}

/** Text stays text even when it starts with "=", as in a workbook's text cell. */
function textContent(text: string): string | LiteralText {
  return text.startsWith("=") ? { text } : text;
}

/** Parses yyyy-mm-dd into a `Date` whose UTC fields are that date, or returns undefined. */
function parseIsoDate(text: string): Date | undefined {
  const match = ISO_DATE_PATTERN.exec(text);
  if (!match) {
    return undefined;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/** Returns the text the formula bar shows for cell content, which parses back to it. */
export function formatCellInput(content: unknown): string {
  if (content === null || content === undefined) {
    return "";
  }
  if (content instanceof Date) {
    return content.toISOString().slice(0, 10);
  }
  if (isLiteralText(content)) {
    return `'${content.text}`;
  }
  if (typeof content === "boolean") {
    return content ? "TRUE" : "FALSE";
  }
  if (typeof content === "number") {
    return String(content);
  }
  const text = String(content);
  if (text.startsWith("=")) {
    return text;
  }
  // Text that would parse as a value or a formula keeps it as text with an apostrophe.
  const reparsed = parseCellInput(text);
  return reparsed === text ? text : `'${text}`;
}
