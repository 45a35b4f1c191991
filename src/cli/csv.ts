/**
 * Reading CSV data for `spm eval` and `spm forecast`: RFC 4180 fields (quoted fields may contain
 * separators, doubled quotes and line breaks), the header row kept as text, numbers, booleans
 * and ISO dates parsed. Besides commas, the fields may be separated by semicolons, as Excel
 * saves CSV where the comma is the decimal separator, or by tabs.
 */
import type { LiteralText } from "../headless/engine";
import { toSerialDate } from "../headless/serialDates";
import { CsvRow, parseCsv as parseCsvText } from "../workbook/csv";
import { UsageError } from "./errors";

/** One CSV record: its raw fields, the line it starts on (1-based) and any syntax problem. */
export type CsvRecord = CsvRow;

/** A number as CSV exports write it: optional sign, digits, decimals, exponent. */
const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number written with a decimal comma, as in files whose fields are separated by semicolons. */
const DECIMAL_COMMA_PATTERN = /^[+-]?(\d+,?\d*|,\d+)([eE][+-]?\d+)?$/;

/**
 * A number such as "1.234" or "12.345.678": in a file with decimal commas the points are
 * more likely thousands separators than a decimal point, so it is not read as a number.
 */
const POINT_GROUPED_PATTERN = /^[+-]?\d{1,3}(\.\d{3})+$/;

/** An ISO 8601 calendar date, stored as its Excel serial number as Excel does when opening CSV. */
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Format of a CSV file: its field separator, and whether its numbers use a decimal comma. */
export interface CsvDialect {
  separator: "," | ";" | "\t";
  decimalComma: boolean;
}

const COMMA_DIALECT: CsvDialect = { separator: ",", decimalComma: false };

/**
 * Finds the separator from the first line: the comma, semicolon or tab that occurs most often
 * outside quotes, the comma when none does or on a tie. Excel saves semicolon-separated CSV
 * where the comma is the decimal separator, so numbers in such a file may use a decimal comma.
 */
export function detectDialect(text: string): CsvDialect {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, "")) {
    if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && (ch === "\n" || ch === "\r")) {
      break;
    } else if (!quoted && ch in counts) {
      counts[ch as keyof typeof counts] += 1;
    }
  }
  const separator = ([";", "\t"] as const).reduce<CsvDialect["separator"]>(
    (best, candidate) => (counts[candidate] > counts[best] ? candidate : best),
    ",",
  );
  return { separator, decimalComma: separator === ";" };
}

/** Splits CSV text into rows of raw field strings. */
export function parseCsvFields(text: string, dialect = detectDialect(text)): string[][] {
  return parseCsvRecords(text, dialect).map((record) => record.fields);
}

/**
 * Splits CSV text into records with the line each starts on, so messages can point at the line
 * a user sees in an editor. A quoted line break continues the record but still counts as a line,
 * and an empty line is a record of one empty field. A quote inside an unquoted field is text, as
 * in `12" pipe`.
 *
 * @throws UsageError when a quoted field is never closed, since the rest of the file would then
 *   be read as that one field.
 */
export function parseCsvRecords(text: string, dialect = detectDialect(text)): CsvRecord[] {
  const parsed = parseCsvText(text, { separator: dialect.separator, keepEmptyLines: true });
  if (parsed.unterminatedQuoteLine !== undefined) {
    throw new UsageError(
      `Line ${parsed.unterminatedQuoteLine} opens a quoted field that is never closed. ` +
        "Add the closing quote, or remove the opening one.",
    );
  }
  return parsed.rows;
}

/**
 * Reads a trimmed field as a number: "1.5" in any file, and "1,5" too in a file with decimal
 * commas. Returns null for anything else, thousands separators included, and for "1.234" in a
 * file with decimal commas, where the point is probably a thousands separator.
 */
export function parseCsvNumber(text: string, dialect: CsvDialect = COMMA_DIALECT): number | null {
  if (dialect.decimalComma && POINT_GROUPED_PATTERN.test(text)) {
    return null;
  }
  if (NUMBER_PATTERN.test(text)) {
    return Number(text);
  }
  if (dialect.decimalComma && DECIMAL_COMMA_PATTERN.test(text)) {
    return Number(text.replace(",", "."));
  }
  return null;
}

/** Converts a data field into a cell value: number, boolean, date serial, text, or null. */
export function parseCsvValue(
  field: string,
  dialect: CsvDialect = COMMA_DIALECT,
): string | number | boolean | null {
  const text = field.trim();
  if (text === "") {
    return null;
  }
  const number = parseCsvNumber(text, dialect);
  if (number !== null) {
    return number;
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

/**
 * Parses CSV text into sheet rows: the first row as text, the others converted. Text that
 * starts with "=" is marked as literal text, so the engine shows it and never runs it.
 */
export function parseCsv(text: string): unknown[][] {
  const dialect = detectDialect(text);
  const records = parseCsvRecords(text, dialect);
  const damaged = records.find((record) => record.problem !== undefined);
  if (damaged !== undefined) {
    throw new UsageError(`Line ${damaged.line} of the data file is invalid: ${damaged.problem}.`);
  }
  const [header, ...data] = records.map((record) => record.fields);
  if (header === undefined) {
    return [];
  }
  const headerRow = header.map((field) => (field.trim() === "" ? null : literal(field)));
  return [
    headerRow,
    ...data.map((fields) => fields.map((field) => literal(parseCsvValue(field, dialect)))),
  ];
}

function literal<T>(value: T): T | LiteralText {
  return typeof value === "string" && value.startsWith("=") ? { text: value } : value;
}
