/**
 * Reading CSV data for `spm eval`: RFC 4180 fields (quoted fields may contain commas, doubled
 * quotes and line breaks), the header row kept as text, numbers, booleans and ISO dates parsed.
 */
import { toSerialDate } from "../headless/serialDates";

/** A number as CSV exports write it: optional sign, digits, decimals, exponent. */
export const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** An ISO 8601 calendar date, stored as its Excel serial number as Excel does when opening CSV. */
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** One CSV record: its raw fields and the line of the file it starts on (1-based). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** Splits CSV text into rows of raw field strings. */
export function parseCsvFields(text: string): string[][] {
  return parseCsvRecords(text).map((record) => record.fields);
}

/**
 * Splits CSV text into records with the line each starts on, so messages can point at the line
 * a user sees in an editor. A quoted line break continues the record but still counts as a line.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
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
        if (ch === "\n" || (ch === "\r" && input[i + 1] !== "\n")) {
          line += 1;
        }
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
      records.push({ fields: row, line: recordLine });
      row = [];
      field = "";
      line += 1;
      recordLine = line;
    } else {
      field += ch;
    }
  }

  if (field.length > 0 || row.length > 0) {
    row.push(field);
    records.push({ fields: row, line: recordLine });
  }
  return records;
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
