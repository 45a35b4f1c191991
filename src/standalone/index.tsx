/**
 * Entry of the standalone host: loads the function catalog, the example workbook and the stored
 * records, then renders the workbook beside the task pane.
 */
import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Theme,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { loadBrowserCatalog } from "./browserCatalog";
import { GridWorkbook } from "./gridWorkbook";
import { IndexedDbStore } from "./indexedDbStore";
import { StandaloneApp } from "./StandaloneApp";
import { readWorkbookFile } from "./workbookFile";
import { logFailure } from "../taskpane/logger";

/** The example workbook the build copies beside the page. */
const EXAMPLE_FILE = "sales-example.xlsx";

/** Picks the Fluent theme matching the browser's colour scheme, the stand-in for Office's. */
function browserTheme(): Theme {
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? webDarkTheme : webLightTheme;
}

async function loadExampleWorkbook(): Promise<ArrayBuffer> {
  const response = await fetch(EXAMPLE_FILE);
  if (!response.ok) {
    throw new Error(`Loading ${EXAMPLE_FILE} failed with HTTP status ${response.status}.`);
  }
  return response.arrayBuffer();
}

async function startStandalone(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) {
    throw new Error("The standalone page has no element with id 'root'.");
  }
  const root = createRoot(container);
  const theme = browserTheme();
  root.render(
    <FluentProvider theme={theme}>
      <Spinner label="Loading the workbook and the task pane" />
    </FluentProvider>,
  );

  try {
    const [catalog, exampleData, store] = await Promise.all([
      loadBrowserCatalog(),
      loadExampleWorkbook(),
      IndexedDbStore.open(),
    ]);
    const workbook = new GridWorkbook(catalog, await readWorkbookFile(exampleData, EXAMPLE_FILE));
    root.render(
      <StandaloneApp
        theme={theme}
        catalog={catalog}
        initialWorkbook={workbook}
        initialFileName={EXAMPLE_FILE}
        store={store}
      />,
    );
  } catch (error) {
    logFailure("Starting the standalone host", error);
    const detail = error instanceof Error ? error.message : String(error);
    root.render(
      <FluentProvider theme={theme}>
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>The standalone host could not start.</MessageBarTitle>
            {detail} Rebuild it with npm start and reload the page.
          </MessageBarBody>
        </MessageBar>
      </FluentProvider>,
    );
  }
}

void startStandalone();
