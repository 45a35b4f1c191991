/**
 * Import and export of the records of one type as CSV or JSON, so a manager can bring in a
 * list of clients or channels. A bad row is reported by its line and skipped; the good rows
 * are kept. CSV columns are the flat-row columns of `recordToRow` (`strategy.entryApproach`,
 * `targetGroupIds.0`).
 */
import {
  FieldIssue,
  RecordOf,
  RecordType,
  RECORD_LABELS,
  recordToRow,
  Row,
  rowColumns,
  rowToRecordInput,
  validateInput,
} from "../model";
import { formatCsvRow, neutraliseFormula, parseCsv, restoreFormula } from "./csv";
import {
  RecordChanges,
  RecordInput,
  SalesSystemStore,
  StoreReadOnlyError,
  StoreValidationError,
} from "./store";

/** A problem with one row of an imported file. */
export interface ImportIssue {
  /** Line of the file on which the row starts, counting from 1. */
  line: number;
  /** Dotted field path when the problem is in one field. */
  field?: string;
  message: string;
}

/** A row that passed validation of its own fields, ready to store. */
export interface ImportRow<T extends RecordType> {
  line: number;
  /** The record's id when the file has one; a stored record with this id is updated. */
  id?: string;
  input: RecordInput<T>;
}

/** The rows of an imported file, split into those ready to store and the problems found. */
export interface ParsedImport<T extends RecordType> {
  type: T;
  rows: ImportRow<T>[];
  issues: ImportIssue[];
  /** Columns that name no field of the record type; their cells were not imported. */
  ignoredColumns: string[];
}

/** Outcome of storing an import. */
export interface ImportReport {
  created: number;
  updated: number;
  /** Problems of rows that were skipped, ordered by line. */
  issues: ImportIssue[];
  ignoredColumns: string[];
}

/** Options of `exportRecordsCsv`. */
export interface CsvExportOptions {
  /** Starts the text with a UTF-8 byte order mark, for programs that detect the encoding by it. */
  byteOrderMark?: boolean;
}

/** Timestamps are set by the store, so an import ignores them. */
const IMPORT_IGNORED_FIELDS = new Set(["createdAt", "updatedAt"]);

/** Formats one line of a report: "Line 4: name is required; enter a value." */
export function formatImportIssue(issue: ImportIssue): string {
  return `Line ${issue.line}: ${issue.message}`;
}

function csvCell(value: Row[string] | undefined): string {
  if (value === undefined) {
    return "";
  }
  return typeof value === "string" ? neutraliseFormula(value) : String(value);
}

/**
 * Exports records as CSV with a header line and CRLF line ends (RFC 4180). Text that a
 * spreadsheet would run as a formula gets an apostrophe prefix, which the import removes.
 */
export function exportRecordsCsv<T extends RecordType>(
  type: T,
  records: readonly RecordOf<T>[],
  options: CsvExportOptions = {},
): string {
  const columns = rowColumns(type, records);
  const lines = [formatCsvRow(columns)];
  for (const record of records) {
    const row = recordToRow(record);
    lines.push(formatCsvRow(columns.map((column) => csvCell(row[column]))));
  }
  const prefix = options.byteOrderMark ? "\uFEFF" : "";
  return `${prefix}${lines.join("\r\n")}\r\n`;
}

/** Exports records as a JSON array, one object per record, indented for reading. */
export function exportRecordsJson<T extends RecordType>(records: readonly RecordOf<T>[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

/**
 * Reads CSV text exported by `exportRecordsCsv` or written by hand: a header line of field
 * columns, then one record per line. Each row is validated on its own; references to other
 * records are checked when the rows are stored.
 */
export function parseRecordsCsv<T extends RecordType>(type: T, text: string): ParsedImport<T> {
  const parsed = parseCsv(text);
  const result: ParsedImport<T> = { type, rows: [], issues: [], ignoredColumns: [] };
  const [header, ...records] = parsed.rows;
  if (header === undefined) {
    result.issues.push({
      line: 1,
      message: "The file is empty; the first line must name the columns.",
    });
    return result;
  }

  const columns = header.fields;
  for (const record of records) {
    if (record.problem !== undefined) {
      result.issues.push({
        line: record.line,
        message: `The row is not valid CSV: ${record.problem}.`,
      });
      continue;
    }
    if (record.fields.length !== columns.length) {
      result.issues.push({
        line: record.line,
        message:
          `The row has ${record.fields.length} fields but the header has ${columns.length}; ` +
          "check for a missing or extra comma, or quote fields that contain commas.",
      });
      continue;
    }
    const row: Row = {};
    columns.forEach((column, index) => {
      row[column] = restoreFormula(record.fields[index]);
    });
    addParsedRow(result, record.line, row);
  }
  if (parsed.unterminatedQuoteLine !== undefined) {
    result.issues.push({
      line: parsed.unterminatedQuoteLine,
      message:
        "A quoted field starting on this line never closes, so the rest of the file was not " +
        'read; add the closing double quote (") and import again.',
    });
  }
  result.ignoredColumns = unknownColumns(type, columns);
  return result;
}

/**
 * Reads a JSON array of records, as `exportRecordsJson` writes it. Each element is validated
 * on its own and reported by the line on which it starts.
 */
export function parseRecordsJson<T extends RecordType>(type: T, text: string): ParsedImport<T> {
  const result: ParsedImport<T> = { type, rows: [], issues: [], ignoredColumns: [] };
  let elements: unknown;
  try {
    elements = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    result.issues.push({
      line: 1,
      message: `The file is not valid JSON (${reason}); nothing was imported.`,
    });
    return result;
  }
  if (!Array.isArray(elements)) {
    result.issues.push({
      line: 1,
      message: `The file must contain a JSON array of ${RECORD_LABELS[type]} records, [ {...}, {...} ].`,
    });
    return result;
  }

  const lines = topLevelElementLines(text);
  elements.forEach((element, index) => {
    const line = lines[index] ?? 1;
    if (typeof element !== "object" || element === null || Array.isArray(element)) {
      result.issues.push({
        line,
        message: `Element ${index + 1} is not an object with record fields.`,
      });
      return;
    }
    addRecordInput(result, line, element as Record<string, unknown>);
  });
  return result;
}

/** Validates one flat CSV row and adds it to `result` as a row or as issues. */
function addParsedRow<T extends RecordType>(result: ParsedImport<T>, line: number, row: Row): void {
  const { input } = rowToRecordInput(result.type, row);
  addRecordInput(result, line, input);
}

/** Validates one record's fields and adds it to `result` as a row or as issues. */
function addRecordInput<T extends RecordType>(
  result: ParsedImport<T>,
  line: number,
  record: Record<string, unknown>,
): void {
  const { id, ...rest } = record;
  const fields = Object.fromEntries(
    Object.entries(rest).filter(([key]) => !IMPORT_IGNORED_FIELDS.has(key)),
  );
  const idIssue = checkImportId(result, id);
  const validation = validateInput(result.type, fields);
  const issues: FieldIssue[] = [
    ...(idIssue ? [idIssue] : []),
    ...(validation.ok ? [] : validation.issues),
  ];
  if (issues.length > 0 || !validation.ok) {
    result.issues.push(...issues.map((issue) => ({ line, ...issue })));
    return;
  }
  result.rows.push({
    line,
    ...(typeof id === "string" ? { id } : {}),
    input: validation.value as unknown as RecordInput<T>,
  });
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks an imported id: absent, or a UUID not used by an earlier row of the same file. */
function checkImportId<T extends RecordType>(
  result: ParsedImport<T>,
  id: unknown,
): FieldIssue | undefined {
  if (id === undefined) {
    return undefined;
  }
  if (typeof id !== "string" || !UUID_PATTERN.test(id)) {
    return {
      field: "id",
      message: `id is ${JSON.stringify(id)} but must be a record id (a UUID); leave it empty for a new record.`,
    };
  }
  const earlier = result.rows.find((row) => row.id === id);
  if (earlier !== undefined) {
    return {
      field: "id",
      message: `id ${id} is already used on line ${earlier.line}; list each record once.`,
    };
  }
  return undefined;
}

/** Lists the header columns that name no field of the record type, in file order. */
function unknownColumns(type: RecordType, columns: readonly string[]): string[] {
  const probe: Row = Object.fromEntries(columns.map((column) => [column, ""]));
  return Object.keys(rowToRecordInput(type, probe).extraColumns);
}

/**
 * Finds the line on which each element of a top-level JSON array starts, by scanning the text
 * outside strings and tracking nesting depth.
 */
function topLevelElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectingElement = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "\n") {
      line += 1;
    }
    if (inString) {
      if (char === "\\") {
        index += 1;
      } else if (char === '"') {
        inString = false;
      }
      continue;
    }
    if (depth === 1 && expectingElement && !/\s/.test(char) && char !== "]") {
      lines.push(line);
      expectingElement = false;
    }
    if (char === '"') {
      inString = true;
    } else if (char === "[" || char === "{") {
      depth += 1;
      expectingElement = depth === 1;
    } else if (char === "]" || char === "}") {
      depth -= 1;
    } else if (char === "," && depth === 1) {
      expectingElement = true;
    }
  }
  return lines;
}

/**
 * Stores the rows of a parsed import. A row whose id names a stored record replaces that
 * record's fields, and any other row creates a record. Rejected rows are retried as long as a
 * pass stores at least one row, so a row may refer to a record that a later row creates. Rows
 * still rejected are reported with their line.
 *
 * @throws StoreReadOnlyError before storing anything when the store is read-only.
 */
export async function importRecords<T extends RecordType>(
  store: SalesSystemStore,
  parsed: ParsedImport<T>,
): Promise<ImportReport> {
  if (store.readOnly) {
    throw new StoreReadOnlyError(store.readOnlyReason ?? "The sales system data is read-only.");
  }
  const report: ImportReport = {
    created: 0,
    updated: 0,
    issues: [...parsed.issues],
    ignoredColumns: parsed.ignoredColumns,
  };

  let pending = parsed.rows;
  let failures = new Map<ImportRow<T>, StoreValidationError>();
  while (pending.length > 0) {
    failures = new Map();
    for (const row of pending) {
      const outcome = await storeRow(store, parsed.type, row).catch((error: unknown) => {
        if (error instanceof StoreValidationError) {
          failures.set(row, error);
          return undefined;
        }
        throw error;
      });
      if (outcome === "created") {
        report.created += 1;
      } else if (outcome === "updated") {
        report.updated += 1;
      }
    }
    const progressed = failures.size < pending.length;
    pending = progressed ? [...failures.keys()] : [];
  }

  for (const [row, error] of failures) {
    report.issues.push(...error.issues.map((issue) => ({ line: row.line, ...issue })));
  }
  report.issues.sort((left, right) => left.line - right.line);
  return report;
}

async function storeRow<T extends RecordType>(
  store: SalesSystemStore,
  type: T,
  row: ImportRow<T>,
): Promise<"created" | "updated"> {
  const existing = row.id === undefined ? undefined : await store.get(type, row.id);
  if (existing === undefined) {
    await store.create(type, row.input, row.id === undefined ? {} : { id: row.id });
    return "created";
  }
  await store.update(
    type,
    existing.id,
    replacementChanges(existing, row.input) as RecordChanges<T>,
  );
  return "updated";
}

/**
 * Changes that turn `existing` into a record with exactly the fields of `input`: every field
 * `input` lacks, at any depth of nested groups, is cleared.
 */
function replacementChanges(existing: object, input: object): Record<string, unknown> {
  const changes: Record<string, unknown> = { ...input };
  for (const [key, value] of Object.entries(existing)) {
    if (key === "id" || key === "createdAt" || key === "updatedAt") {
      continue;
    }
    const replacement = changes[key];
    if (!(key in changes)) {
      changes[key] = undefined;
    } else if (isPlainObject(value) && isPlainObject(replacement)) {
      changes[key] = replacementChanges(value, replacement);
    }
  }
  return changes;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
