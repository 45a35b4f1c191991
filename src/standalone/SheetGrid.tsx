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

/** Callbacks of the grid's cells; the object must keep its identity across renders. */
export interface SheetGridHandlers {
  onSelect(row: number, col: number): void;
  onStartEditing(row: number, col: number): void;
  onDraftChange(text: string): void;
  onEditorKeyDown(event: React.KeyboardEvent<HTMLInputElement>): void;
  onEditorBlur(): void;
}

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
  handlers: SheetGridHandlers;
  onKeyDown(event: React.KeyboardEvent<HTMLTableElement>): void;
}

/** Returns the id of a cell's element, used to focus it. */
export function cellElementId(row: number, col: number): string {
  return `grid-cell-${row}-${col}`;
}

/** Column letters A, B, ... for the header row. */
function columnLetters(count: number): string[] {
  return Array.from({ length: count }, (_, col) => formatAddress(0, col).replace(/\d+$/, ""));
}

/** Renders the table of one sheet's cells. */
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
          {Array.from({ length: props.rowCount }, (_, row) => {
            const isActiveRow = props.active.row === row;
            return (
              <GridRow
                key={row}
                row={row}
                values={props.values[row]}
                numberFormats={props.numberFormats}
                columnCount={props.columnCount}
                activeCol={isActiveRow ? props.active.col : -1}
                draft={isActiveRow ? props.draft : null}
                handlers={props.handlers}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Properties of one row; a row renders again only when one of them changes. */
interface GridRowProps {
  row: number;
  values: EngineValue[] | undefined;
  numberFormats: ReadonlyMap<string, string>;
  columnCount: number;
  /** Column of the active cell in this row, or -1. */
  activeCol: number;
  draft: string | null;
  handlers: SheetGridHandlers;
}

const GridRow = React.memo(function GridRow(props: GridRowProps): React.JSX.Element {
  const styles = useGridStyles();
  return (
    <tr>
      <th scope="row" className={styles.rowHeader}>
        {props.row + 1}
      </th>
      {Array.from({ length: props.columnCount }, (_, col) => (
        <GridCell
          key={col}
          row={props.row}
          col={col}
          value={props.values?.[col] ?? null}
          numberFormat={props.numberFormats.get(cellKey(props.row, col))}
          isActive={props.activeCol === col}
          draft={props.activeCol === col ? props.draft : null}
          handlers={props.handlers}
        />
      ))}
    </tr>
  );
});

/** Properties of one cell. */
interface GridCellProps {
  row: number;
  col: number;
  value: EngineValue;
  numberFormat: string | undefined;
  isActive: boolean;
  draft: string | null;
  handlers: SheetGridHandlers;
}

/** Renders one cell: its formatted value, or the inline editor while it is edited. */
const GridCell = React.memo(function GridCell(props: GridCellProps): React.JSX.Element {
  const styles = useGridStyles();
  const { row, col, value, isActive, handlers } = props;
  const error = isEngineError(value) ? value : undefined;
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
          onChange={(event) => handlers.onDraftChange(event.target.value)}
          onKeyDown={handlers.onEditorKeyDown}
          onBlur={handlers.onEditorBlur}
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
      onMouseDown={() => handlers.onSelect(row, col)}
      onDoubleClick={() => handlers.onStartEditing(row, col)}
    >
      {formatCellValue(value, props.numberFormat)}
    </td>
  );
});
