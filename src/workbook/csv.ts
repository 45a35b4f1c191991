/**
 * CSV reading and writing as RFC 4180 defines it: fields separated by commas, records by CRLF,
 * and a field that contains a comma, quote, CR or LF enclosed in double quotes with inner
 * quotes doubled. Reading also accepts LF or a lone CR as the record separator, and another
 * field separator such as the semicolon of CSV saved where the comma is the decimal separator.
 */

/** One parsed record and the line of the file on which it starts (1 for the first line). */
export interface CsvRow {
  line: number;
  fields: string[];
  /** A syntax problem in this record, e.g. text after a closing quote; the fields may be wrong. */
  problem?: string;
}

/** Result of parsing a CSV text. */
export interface CsvParseResult {
  rows: CsvRow[];
  /**
   * A quoted field that never closes. Everything from its line to the end of the file was
   * read as that one field, so those records are left out of `rows`.
   */
  unterminatedQuoteLine?: number;
}

/** Options of `parseCsv`. */
export interface CsvParseOptions {
  /** Field separator, "," unless given. */
  separator?: string;
  /** Whether an empty line becomes a record of one empty field instead of being left out. */
  keepEmptyLines?: boolean;
}

const BYTE_ORDER_MARK = "\uFEFF";

/** Tracks the position of a parse in the text and in its lines. */
class CsvCursor {
  index = 0;
  line = 1;

  constructor(
    readonly text: string,
    readonly separator: string,
  ) {}

  get done(): boolean {
    return this.index >= this.text.length;
  }

  peek(offset = 0): string {
    return this.text.charAt(this.index + offset);
  }

  /** Consumes one line break (CRLF, LF or CR) at the cursor; false when there is none. */
  consumeLineBreak(): boolean {
    const char = this.peek();
    if (char === "\r" && this.peek(1) === "\n") {
      this.index += 2;
    } else if (char === "\n" || char === "\r") {
      this.index += 1;
    } else {
      return false;
    }
    this.line += 1;
    return true;
  }
}

/**
 * Parses CSV text into records with their starting line numbers. A leading UTF-8 byte order
 * mark is skipped, and empty lines are left out unless `keepEmptyLines` is set.
 */
export function parseCsv(text: string, options: CsvParseOptions = {}): CsvParseResult {
  const cursor = new CsvCursor(
    text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text,
    options.separator ?? ",",
  );
  const rows: CsvRow[] = [];
  while (!cursor.done) {
    const emptyLine = cursor.line;
    if (cursor.consumeLineBreak()) {
      if (options.keepEmptyLines) {
        rows.push({ line: emptyLine, fields: [""] });
      }
      continue;
    }
    const line = cursor.line;
    const row = readRecord(cursor);
    if (row === undefined) {
      return { rows, unterminatedQuoteLine: line };
    }
    rows.push({ line, ...row });
  }
  return { rows };
}

/** Reads fields up to the end of the record; undefined when a quoted field never closes. */
function readRecord(cursor: CsvCursor): { fields: string[]; problem?: string } | undefined {
  const fields: string[] = [];
  let problem: string | undefined;
  for (;;) {
    const field = cursor.peek() === '"' ? readQuotedField(cursor) : readPlainField(cursor);
    if (field === undefined) {
      return undefined;
    }
    fields.push(field.value);
    problem = problem ?? field.problem;
    if (cursor.peek() === cursor.separator) {
      cursor.index += 1;
      continue;
    }
    cursor.consumeLineBreak();
    return problem === undefined ? { fields } : { fields, problem };
  }
}

function readPlainField(cursor: CsvCursor): { value: string; problem?: string } {
  const start = cursor.index;
  while (!cursor.done && !`${cursor.separator}\r\n`.includes(cursor.peek())) {
    cursor.index += 1;
  }
  return { value: cursor.text.slice(start, cursor.index) };
}

/** Reads a quoted field whose opening quote is at the cursor; "" inside stands for one quote. */
function readQuotedField(cursor: CsvCursor): { value: string; problem?: string } | undefined {
  cursor.index += 1;
  let value = "";
  for (;;) {
    if (cursor.done) {
      return undefined;
    }
    const char = cursor.peek();
    if (char === '"' && cursor.peek(1) === '"') {
      value += '"';
      cursor.index += 2;
    } else if (char === '"') {
      cursor.index += 1;
      break;
    } else {
      value += char;
      cursor.index += 1;
      // A CRLF inside the field counts as one line, at its LF.
      if (char === "\n" || (char === "\r" && cursor.peek() !== "\n")) {
        cursor.line += 1;
      }
    }
  }
  const trailing = readPlainField(cursor).value;
  if (trailing.length > 0) {
    return {
      value: value + trailing,
      problem: `text "${trailing.slice(0, 20)}" follows a closing quote; enclose the whole field in quotes`,
    };
  }
  return { value };
}

/** Quotes a field when it contains a comma, double quote, CR or LF, doubling inner quotes. */
export function formatCsvField(value: string): string {
  if (/[",\r\n]/.test(value)) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

/** Formats one record as a CSV line without its line break. */
export function formatCsvRow(fields: readonly string[]): string {
  return fields.map(formatCsvField).join(",");
}

/**
 * Text that a spreadsheet would run as a formula when it opens a CSV file: a cell starting
 * with =, +, -, @, tab, CR or the null character. OWASP ASVS 5.0 requirement 1.2.10 lists all
 * but CR, which is neutralised too as a precaution. Leading apostrophes are matched as well, so
 * text that already starts with an apostrophe also round-trips.
 */
const FORMULA_TRIGGER = /^'*[=+\-@\t\r\0]/;

/** Text that `neutraliseFormula` prefixed: one apostrophe, then a formula trigger. */
const NEUTRALISED_FORMULA = /^'+[=+\-@\t\r\0]/;

/**
 * Prefixes an apostrophe to text that a spreadsheet would run as a formula, so `=1+1` is
 * exported as `'=1+1`. `restoreFormula` reverses exactly this.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/** Removes the apostrophe `neutraliseFormula` added; other text is returned unchanged. */
export function restoreFormula(text: string): string {
  return NEUTRALISED_FORMULA.test(text) ? text.slice(1) : text;
}
