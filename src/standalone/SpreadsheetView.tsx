/**
 * The spreadsheet side of the standalone host: toolbar (open and save .xlsx), formula bar, the
 * active sheet's grid and the sheet tabs. Keyboard use follows Excel: arrows move, typing
 * replaces the cell, F2 or a double click edits it, Enter commits and moves down, Escape
 * cancels, Delete clears.
 */
import * as React from "react";
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { isEngineError } from "../headless/engine";
import { formatAddress } from "../cli/workbookCells";
import { formatCellInput } from "./cellInput";
import { GridWorkbook } from "./gridWorkbook";
import { FormulaBar } from "./FormulaBar";
import { SheetGrid, SheetGridHandlers, cellElementId } from "./SheetGrid";
import { WorkbookToolbar } from "./WorkbookToolbar";
import { LineChart } from "./LineChart";
import type { LineChartSpec } from "../workbook/actions/sheetWriter";
import type { SheetData } from "./gridWorkbook";

/** Blank rows and columns shown past the last used cell, so there is room to type. */
const SPARE_ROWS = 20;
const SPARE_COLUMNS = 4;
/** Smallest grid shown, even for an empty sheet. */
const MIN_ROWS = 40;
const MIN_COLUMNS = 10;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    minHeight: 0,
    height: "100%",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  charts: {
    display: "flex",
    flexShrink: 0,
    columnGap: tokens.spacingHorizontalM,
    maxHeight: "40%",
    overflow: "auto",
    padding: tokens.spacingHorizontalS,
  },
  tabs: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowX: "auto",
  },
});

/** Properties of {@link SpreadsheetView}. */
export interface SpreadsheetViewProps {
  workbook: GridWorkbook;
  fileName: string;
  /** Called with the sheets of an .xlsx file the user opened. */
  onOpen(sheets: SheetData[], fileName: string): void;
  /** Returns the charts the workbook actions put on a sheet. */
  chartsOf(sheet: string): LineChartSpec[];
}

/** Text being typed into the active cell, in the cell itself or in the formula bar. */
interface Draft {
  text: string;
  inCell: boolean;
}

/** A 0-based cell position on the active sheet. */
interface Position {
  row: number;
  col: number;
}

/** True for a key that types a character, without Ctrl, Alt or Meta. */
function isTypedCharacter(event: React.KeyboardEvent<HTMLElement>): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** Subscribes to the workbook and returns its revision, which changes with every edit. */
function useWorkbookRevision(workbook: GridWorkbook): number {
  return React.useSyncExternalStore(
    React.useCallback((listener: () => void) => workbook.subscribe(listener), [workbook]),
    () => workbook.getRevision(),
  );
}

/** Number of rows and columns to draw: the used area plus spare room. */
function gridSize(rows: unknown[][]): { rowCount: number; columnCount: number } {
  const usedColumns = Math.max(0, ...rows.map((row) => row.length));
  return {
    rowCount: Math.max(MIN_ROWS, rows.length + SPARE_ROWS),
    columnCount: Math.max(MIN_COLUMNS, usedColumns + SPARE_COLUMNS),
  };
}

/** Grid, formula bar and sheet tabs of a workbook. */
export function SpreadsheetView({
  workbook,
  fileName,
  onOpen,
  chartsOf,
}: SpreadsheetViewProps): React.JSX.Element {
  const styles = useStyles();
  const revision = useWorkbookRevision(workbook);
  const sheetNames = workbook.sheetNames();
  const [sheetName, setSheetName] = React.useState(sheetNames[0]);
  const [active, setActive] = React.useState<Position>({ row: 0, col: 0 });
  const [draft, setDraftState] = React.useState<Draft | null>(null);
  // The editor's blur handler reads the draft through a ref: after Enter or Escape it must see
  // that the draft is gone, before React renders again.
  const draftRef = React.useRef<Draft | null>(null);
  const setDraft = (next: Draft | null): void => {
    draftRef.current = next;
    setDraftState(next);
  };
  const focusCellAfterRender = React.useRef(false);

  const currentSheet = sheetNames.includes(sheetName) ? sheetName : sheetNames[0];
  const sheet = workbook.sheet(currentSheet);
  // The revision is a dependency so that every edit reads the recalculated values.
  const values = React.useMemo(
    () => workbook.values(currentSheet),
    [workbook, currentSheet, revision],
  );
  const size = gridSize(values.length > sheet.rows.length ? values : sheet.rows);
  const activeValue = values[active.row]?.[active.col] ?? null;
  const activeInput = formatCellInput(workbook.content({ sheet: currentSheet, ...active }));

  React.useEffect(() => {
    if (focusCellAfterRender.current) {
      focusCellAfterRender.current = false;
      document.getElementById(cellElementId(active.row, active.col))?.focus();
    }
  });

  const moveTo = (row: number, col: number): void => {
    focusCellAfterRender.current = true;
    setActive({ row: Math.max(0, row), col: Math.max(0, col) });
  };

  /** Stores the draft, if any, into the active cell. */
  const storeDraft = (): void => {
    const current = draftRef.current;
    if (current !== null) {
      setDraft(null);
      workbook.setInput({ sheet: currentSheet, ...active }, current.text);
    }
  };

  const commit = (rowStep: number, colStep: number): void => {
    storeDraft();
    moveTo(active.row + rowStep, active.col + colStep);
  };

  const cancel = (): void => {
    setDraft(null);
    moveTo(active.row, active.col);
  };

  const onGridKeyDown = (event: React.KeyboardEvent<HTMLTableElement>): void => {
    if (event.target instanceof HTMLInputElement) {
      return;
    }
    const pending = draftRef.current;
    if (pending !== null) {
      // Keys typed fast after the first one can reach the cell before its editor has focus.
      continueDraft(pending, event);
      return;
    }
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [1, 0],
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      moveTo(active.row + move[0], active.col + move[1]);
    } else if (event.key === "F2") {
      event.preventDefault();
      setDraft({ text: activeInput, inCell: true });
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      workbook.setInput({ sheet: currentSheet, ...active }, "");
    } else if (isTypedCharacter(event)) {
      event.preventDefault();
      setDraft({ text: event.key, inCell: true });
    }
  };

  const continueDraft = (pending: Draft, event: React.KeyboardEvent<HTMLElement>): void => {
    if (isTypedCharacter(event)) {
      event.preventDefault();
      setDraft({ text: pending.text + event.key, inCell: pending.inCell });
    } else {
      onEditorKeyDown(event);
    }
  };

  const onEditorKeyDown = (event: React.KeyboardEvent<HTMLElement>): void => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit(1, 0);
    } else if (event.key === "Escape") {
      event.preventDefault();
      cancel();
    }
  };

  const selectSheet = (name: string): void => {
    setDraft(null);
    setSheetName(name);
    setActive({ row: 0, col: 0 });
  };

  // The cells keep one handler object, so that typing re-renders only the edited cell; its
  // methods call the latest closures of this render.
  const latest = React.useRef<SheetGridHandlers>(null as unknown as SheetGridHandlers);
  latest.current = {
    onSelect: (row, col) => {
      storeDraft();
      moveTo(row, col);
    },
    onStartEditing: (row, col) => {
      setActive({ row, col });
      const content = workbook.content({ sheet: currentSheet, row, col });
      setDraft({ text: formatCellInput(content), inCell: true });
    },
    onDraftChange: (text) => setDraft({ text, inCell: true }),
    onEditorKeyDown,
    onEditorBlur: storeDraft,
  };
  const handlers = React.useMemo<SheetGridHandlers>(
    () => ({
      onSelect: (row, col) => latest.current.onSelect(row, col),
      onStartEditing: (row, col) => latest.current.onStartEditing(row, col),
      onDraftChange: (text) => latest.current.onDraftChange(text),
      onEditorKeyDown: (event) => latest.current.onEditorKeyDown(event),
      onEditorBlur: () => latest.current.onEditorBlur(),
    }),
    [],
  );

  const charts = chartsOf(currentSheet);
  const message = isEngineError(activeValue)
    ? `${activeValue.error} ${activeValue.message}`.trim()
    : "";

  return (
    <div className={styles.root}>
      <WorkbookToolbar workbook={workbook} fileName={fileName} onOpen={onOpen} />
      <FormulaBar
        address={formatAddress(active.row, active.col)}
        text={draft?.text ?? activeInput}
        message={message}
        onChange={(text) => setDraft({ text, inCell: false })}
        onKeyDown={onEditorKeyDown}
      />
      <SheetGrid
        sheetName={currentSheet}
        values={values}
        numberFormats={sheet.numberFormats}
        rowCount={size.rowCount}
        columnCount={size.columnCount}
        active={active}
        draft={draft?.inCell ? draft.text : null}
        handlers={handlers}
        onKeyDown={onGridKeyDown}
      />
      {charts.length > 0 && (
        <div className={styles.charts} role="region" aria-label="Charts" tabIndex={0}>
          {charts.map((chart) => (
            <LineChart key={chart.name} chart={chart} values={values} />
          ))}
        </div>
      )}
      <TabList
        className={styles.tabs}
        aria-label="Sheets"
        size="small"
        selectedValue={currentSheet}
        onTabSelect={(_, data) => selectSheet(String(data.value))}
      >
        {sheetNames.map((name) => (
          <Tab key={name} value={name}>
            {name}
          </Tab>
        ))}
      </TabList>
    </div>
  );
}
