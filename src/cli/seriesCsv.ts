/**
 * Reading a table of series for `spm forecast`: a header row, then one series per row with an id
 * column, optional columns to skip, and the values in time order.
 */
import { CsvDialect, CsvRecord, detectDialect, parseCsvNumber, parseCsvRecords } from "./csv";
import { UsageError } from "./errors";

/** Column layout of a series table: the id column and the columns that are not values. */
export interface SeriesLayout {
  /** Header name of the id column, or the first column when omitted. */
  idColumn?: string;
  /**
   * Columns that are neither id nor values: a count of leading columns (the id column not
   * counted) or a list of header names.
   */
  skipColumns?: number | string[];
}

/** A series read from a row, with the line of the file the row starts on. */
export interface SeriesRow {
  id: string;
  line: number;
  values: number[];
}

/** A row that cannot be read as a series, with the reason. */
export interface InvalidSeriesRow {
  id: string;
  line: number;
  problem: string;
}

/** Every data row of the file in order, and the header name of the id column. */
export interface SeriesTable {
  idHeader: string;
  rows: (SeriesRow | InvalidSeriesRow)[];
}

/**
 * Digits with thousands separators, such as "1,234.5", "1.234,5", "1 234", "1,234" (quoted in
 * a file separated by commas) or "1.234" (in a file with decimal commas).
 */
const SEPARATED_DIGITS =
  /^[+-]?\d[\d ']*([.,][\d ']+){2,}$|^[+-]?\d+[ '][\d ']+$|^[+-]?\d{1,3}([.,]\d{3})+$/;

/** Number of header names an error message lists before it shortens the list. */
const LISTED_COLUMNS = 10;

/**
 * Reads the series of a CSV table. A row's series ends at its last non-blank value cell, so
 * shorter series leave trailing cells blank. A blank cell before a value, a cell that is not a
 * number, or a blank id makes the row invalid, and the other rows are still read.
 *
 * @throws UsageError when the file has no header, the layout names a missing column, or no
 *   value column is left.
 */
export function readSeriesTable(text: string, layout: SeriesLayout): SeriesTable {
  const dialect = detectDialect(text);
  const [header, ...records] = parseCsvRecords(text, dialect);
  if (header === undefined) {
    throw new UsageError("The input file is empty. It needs a header row and one row per series.");
  }
  const names = header.fields.map((name) => name.trim());
  const idIndex = resolveIdColumn(names, layout.idColumn);
  const valueIndexes = resolveValueColumns(names, idIndex, layout.skipColumns);

  const rows = records
    .filter((record) => record.fields.some((field) => field.trim() !== ""))
    .map((record) => readRow(record, names, idIndex, valueIndexes, dialect));
  return { idHeader: names[idIndex], rows };
}

/** True when a row of the table could not be read as a series. */
export function isInvalidRow(row: SeriesRow | InvalidSeriesRow): row is InvalidSeriesRow {
  return "problem" in row;
}

function resolveIdColumn(names: string[], idColumn: string | undefined): number {
  if (idColumn === undefined) {
    return 0;
  }
  const index = names.indexOf(idColumn.trim());
  if (index < 0) {
    throw new UsageError(
      `The id column ${idColumn} is not in the header row. The columns are ${listColumns(names)}.`,
    );
  }
  return index;
}

/** Indexes of the value columns: every column but the id column and the skipped ones. */
function resolveValueColumns(
  names: string[],
  idIndex: number,
  skipColumns: number | string[] | undefined,
): number[] {
  const candidates = names.map((_, i) => i).filter((i) => i !== idIndex);
  let valueIndexes: number[];
  if (skipColumns === undefined) {
    valueIndexes = candidates;
  } else if (typeof skipColumns === "number") {
    valueIndexes = candidates.slice(skipColumns);
  } else {
    const skipped = skipColumns.map((name) => resolveSkippedColumn(names, idIndex, name));
    valueIndexes = candidates.filter((i) => !skipped.includes(i));
  }

  if (valueIndexes.length === 0 && skipColumns === undefined) {
    throw new UsageError(
      `The header row has no column besides the id column: ${listColumns(names)}. ` +
        "Give the file a header with the id column and one column per period.",
    );
  }
  if (valueIndexes.length === 0) {
    throw new UsageError(
      `No value columns are left after the id column and the skipped columns. The header has ` +
        `${names.length} columns, so skip fewer of them.`,
    );
  }
  return valueIndexes;
}

function resolveSkippedColumn(names: string[], idIndex: number, name: string): number {
  const index = names.indexOf(name.trim());
  if (index < 0) {
    throw new UsageError(
      `The skipped column ${name} is not in the header row. The columns are ${listColumns(names)}.`,
    );
  }
  if (index === idIndex) {
    throw new UsageError(`The column ${name} is the id column, so it cannot be skipped too.`);
  }
  return index;
}

/** Reads one data row into a series, or into the reason it is invalid. */
function readRow(
  { fields, line, problem }: CsvRecord,
  names: string[],
  idIndex: number,
  valueIndexes: number[],
  dialect: CsvDialect,
): SeriesRow | InvalidSeriesRow {
  const id = (fields[idIndex] ?? "").trim();
  if (problem !== undefined) {
    return { id, line, problem: `${problem}.` };
  }
  if (id === "") {
    return { id, line, problem: `the ${names[idIndex]} cell is blank. Give each series an id.` };
  }
  if (fields.slice(names.length).some((field) => field.trim() !== "")) {
    return {
      id,
      line,
      problem:
        `the row has ${fields.length} cells but the header has ${names.length}. ` +
        "Remove the extra cells or name their columns in the header.",
    };
  }

  const cells = valueIndexes.map((index) => (fields[index] ?? "").trim());
  const length = lastNonBlank(cells) + 1;
  const values: number[] = [];
  for (let i = 0; i < length; i++) {
    const column = names[valueIndexes[i]];
    if (cells[i] === "") {
      return {
        id,
        line,
        problem:
          `${column} is blank but later columns have values. ` +
          "Fill the gap or end the series there.",
      };
    }
    const value = parseCsvNumber(cells[i], dialect);
    if (value === null) {
      const hint = SEPARATED_DIGITS.test(cells[i])
        ? ` Write numbers without thousands separators, such as ${dialect.decimalComma ? "1234,5" : "1234.5"}.`
        : "";
      return { id, line, problem: `${column} is "${cells[i]}", which is not a number.${hint}` };
    }
    values.push(value);
  }
  if (values.length === 0) {
    return { id, line, problem: "the row has no values." };
  }
  return { id, line, values };
}

function lastNonBlank(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) {
    if (cells[i] !== "") {
      return i;
    }
  }
  return -1;
}

function listColumns(names: string[]): string {
  const listed = names.slice(0, LISTED_COLUMNS).join(", ");
  return names.length > LISTED_COLUMNS ? `${listed}, …` : listed;
}
