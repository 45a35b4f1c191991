/**
 * Reading CSV data for `spm eval`: RFC 4180 fields (quoted fields may contain commas, doubled
 * quotes and line breaks), the header row kept as text, numbers, booleans and ISO dates parsed.
 */
import { toSerialDate } from "../headless/serialDates";

/** A number as CSV exports write it: optional sign, digits, decimals, exponent. */
const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** An ISO 8601 calendar date, stored as its Excel serial number as Excel does when opening CSV. */
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits CSV text into rows of raw field strings. */
export function parseCsvFields(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const input = text.replace(/^\uFEFF/, "");

  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && input[i + 1] === "\n") {
        i += 1;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += ch;
    }
  }

  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Converts a data field into a cell value: number, boolean, date serial, text, or null. */
export function parseCsvValue(field: string): string | number | boolean | null {
  const text = field.trim();
  if (text === "") {
    return null;
  }
  if (NUMBER_PATTERN.test(text)) {
    return Number(text);
  }
  if (/^(true|false)$/i.test(text)) {
    return text.toLowerCase() === "true";
  }
  const date = ISO_DATE_PATTERN.exec(text);
  if (date) {
    return toSerialDate(new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))));
  }
  return field;
}

/** Parses CSV text into sheet rows: the first row as text, the others converted. */
export function parseCsv(text: string): unknown[][] {
  const [header, ...data] = parseCsvFields(text);
  if (header === undefined) {
    return [];
  }
  const headerRow = header.map((field) => (field.trim() === "" ? null : field));
  return [headerRow, ...data.map((fields) => fields.map(parseCsvValue))];
}
