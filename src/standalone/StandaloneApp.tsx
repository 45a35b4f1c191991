/**
 * The standalone host's page: the workbook (grid, formula bar, sheet tabs) on the left and the
 * add-in's task pane on the right, at the width Excel gives a task pane.
 */
import * as React from "react";
import { FluentProvider, Theme, makeStyles, tokens } from "@fluentui/react-components";
import type { FunctionCatalog } from "../headless/catalog";
import { App } from "../taskpane/App";
import type { TaskPaneServices } from "../taskpane/services";
import type { SalesSystemStore } from "../workbook/store";
import { createGridActions } from "./gridActions";
import { GridWorkbook, SheetData } from "./gridWorkbook";
import { SpreadsheetView } from "./SpreadsheetView";

/** Width of the task pane column; Excel's task pane is 320 to 350 px wide by default. */
const TASK_PANE_WIDTH = "350px";

const useStyles = makeStyles({
  shell: {
    display: "flex",
    height: "100vh",
    overflow: "hidden",
  },
  workbook: {
    flexGrow: 1,
    minWidth: 0,
  },
  pane: {
    flexShrink: 0,
    width: TASK_PANE_WIDTH,
    overflowY: "auto",
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
});

/** Properties of {@link StandaloneApp}. */
export interface StandaloneAppProps {
  theme: Theme;
  catalog: FunctionCatalog;
  initialWorkbook: GridWorkbook;
  initialFileName: string;
  store: SalesSystemStore;
}

/** Workbook and task pane side by side. */
export function StandaloneApp(props: StandaloneAppProps): React.JSX.Element {
  const styles = useStyles();
  // `opened` counts the files opened, so opening a file of the same name again starts afresh.
  const [openFile, setOpenFile] = React.useState({
    workbook: props.initialWorkbook,
    fileName: props.initialFileName,
    opened: 0,
  });

  const gridActions = React.useMemo(
    () => createGridActions(openFile.workbook, props.store),
    [openFile.workbook, props.store],
  );
  const services = React.useMemo<TaskPaneServices>(
    () => ({ store: props.store, workbook: gridActions.actions }),
    [props.store, gridActions],
  );

  React.useEffect(() => {
    // The console and end-to-end tests reach the open workbook and its actions here.
    Object.assign(window, {
      spmStandalone: {
        store: props.store,
        workbook: openFile.workbook,
        actions: gridActions.actions,
      },
    });
  }, [props.store, openFile.workbook, gridActions]);

  const open = (sheets: SheetData[], fileName: string): void => {
    setOpenFile((previous) => ({
      workbook: new GridWorkbook(props.catalog, sheets),
      fileName,
      opened: previous.opened + 1,
    }));
  };

  return (
    <FluentProvider theme={props.theme}>
      <div className={styles.shell}>
        <section className={styles.workbook} aria-label="Workbook">
          <SpreadsheetView
            key={openFile.opened}
            workbook={openFile.workbook}
            fileName={openFile.fileName}
            onOpen={open}
            chartsOf={gridActions.chartsOf}
          />
        </section>
        {/* Focusable so that keyboard users can scroll the pane when it has no control yet. */}
        <div className={styles.pane} role="region" aria-label="Task pane" tabIndex={0}>
          <App theme={props.theme} services={services} />
        </div>
      </div>
    </FluentProvider>
  );
}
