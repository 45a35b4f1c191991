import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectFluentTheme } from "./officeTheme";

/** Renders the task pane once Office.js is ready (or at once outside Office). */
async function startTaskPane(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) {
    throw new Error("The task pane page has no element with id 'root'.");
  }
  const theme = await detectFluentTheme();
  createRoot(container).render(<App theme={theme} />);
}

void startTaskPane();
