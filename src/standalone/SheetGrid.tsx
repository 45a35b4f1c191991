/**
 * The cells of one sheet as an HTML table with the ARIA grid pattern: column letters and row
 * numbers as headers, one focusable cell at a time (roving tabindex), and an inline editor in the
 * active cell while editing.
 */
import * as React from "react";
import { mergeClasses } from "@fluentui/react-components";
import type { EngineValue } from "../headless/engine";
import { isEngineError } from "../headless/engine";
import { formatAddress } from "../cli/workbookCells";
import { formatCellValue } from "./cellFormat";
import { cellKey } from "./gridWorkbook";
import { useGridStyles } from "./gridStyles";

/** Properties of {@link SheetGrid}. */
export interface SheetGridProps {
  sheetName: string;
  values: EngineValue[][];
  numberFormats: ReadonlyMap<string, string>;
  rowCount: number;
  columnCount: number;
  active: { row: number; col: number };
  /** Text of the inline editor, or null when the active cell is not being edited. */
  draft: string | null;
  onSelect(row: number, col: number): void;
  onStartEditing(row: number, col: number): void;
  onKeyDown(event: React.KeyboardEvent<HTMLTableElement>): void;
  onDraftChange(text: string): void;
  onEditorKeyDown(event: React.KeyboardEvent<HTMLInputElement>): void;
  onEditorBlur(): void;
}

/** Returns the id of a cell's element, used for focus and for the formula bar's reference. */
export function cellElementId(row: number, col: number): string {
  return `grid-cell-${row}-${col}`;
}

/** Column letters A, B, ... for the header row. */
function columnLetters(count: number): string[] {
  return Array.from({ length: count }, (_, col) => formatAddress(0, col).replace(/\d+$/, ""));
}

/** Table of one sheet's cells. */
export function SheetGrid(props: SheetGridProps): React.JSX.Element {
  const styles = useGridStyles();
  const letters = React.useMemo(() => columnLetters(props.columnCount), [props.columnCount]);

  return (
    <div className={styles.scroller}>
      <table
        role="grid"
        aria-label={`Sheet ${props.sheetName}`}
        aria-rowcount={props.rowCount + 1}
        aria-colcount={props.columnCount + 1}
        className={styles.table}
        onKeyDown={props.onKeyDown}
      >
        <thead>
          <tr>
            <td className={mergeClasses(styles.header, styles.corner)} aria-hidden="true" />
            {letters.map((letter) => (
              <th key={letter} scope="col" className={styles.header}>
                {letter}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: props.rowCount }, (_, row) => (
            <tr key={row}>
              <th scope="row" className={styles.rowHeader}>
                {row + 1}
              </th>
              {letters.map((_, col) => (
                <GridCell key={col} row={row} col={col} {...props} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Renders one cell: its formatted value, or the inline editor while it is edited. */
function GridCell(props: SheetGridProps & { row: number; col: number }): React.JSX.Element {
  const styles = useGridStyles();
  const { row, col } = props;
  const value = props.values[row]?.[col] ?? null;
  const isActive = props.active.row === row && props.active.col === col;
  const error = isEngineError(value) ? value : undefined;
  const text = formatCellValue(value, props.numberFormats.get(cellKey(row, col)));
  const address = formatAddress(row, col);
  const className = mergeClasses(
    styles.cell,
    typeof value === "number" && styles.number,
    error !== undefined && styles.error,
    isActive && styles.active,
  );

  if (isActive && props.draft !== null) {
    return (
      <td id={cellElementId(row, col)} className={className} aria-selected="true">
        <input
          className={styles.editor}
          aria-label={`Edit cell ${address}`}
          value={props.draft}
          autoFocus
          onChange={(event) => props.onDraftChange(event.target.value)}
          onKeyDown={props.onEditorKeyDown}
          onBlur={props.onEditorBlur}
        />
      </td>
    );
  }
  return (
    <td
      id={cellElementId(row, col)}
      className={className}
      tabIndex={isActive ? 0 : -1}
      aria-selected={isActive}
      title={error ? `${error.error} ${error.message}`.trim() : undefined}
      data-address={address}
      onMouseDown={() => props.onSelect(row, col)}
      onDoubleClick={() => props.onStartEditing(row, col)}
    >
      {text}
    </td>
  );
}
