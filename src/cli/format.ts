/** Text output of engine values for the terminal. */
import { EngineValue, isEngineError } from "../headless/engine";

/** Significant digits of numbers in tables; `--json` prints full precision. */
const TABLE_DIGITS = 10;

/** Formats one value for a table cell: numbers to 10 significant digits, errors by code. */
export function formatValue(value: EngineValue | undefined): string {
  if (value === null || value === undefined) {
    return "";
  }
  if (isEngineError(value)) {
    return value.error;
  }
  if (typeof value === "number") {
    return String(Number(value.toPrecision(TABLE_DIGITS)));
  }
  if (Array.isArray(value)) {
    return formatValue(value[0]?.[0]);
  }
  return String(value);
}

/** Formats rows as a table with columns separated by two spaces, numbers aligned right. */
export function formatTable(rows: readonly (readonly EngineValue[])[]): string {
  const texts = rows.map((row) => row.map(formatValue));
  const columns = Math.max(0, ...texts.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, col) =>
    Math.max(...texts.map((row) => (row[col] ?? "").length)),
  );
  return texts
    .map((row, i) =>
      row
        .map((text, col) => {
          const value = rows[i][col];
          return typeof value === "number" ? text.padStart(widths[col]) : text.padEnd(widths[col]);
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** Converts an engine value into JSON: errors as `{ "error": code, "message": text }`. */
export function formatJson(value: EngineValue): string {
  return JSON.stringify(value);
}
