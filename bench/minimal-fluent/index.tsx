/**
 * The peer page of the bundle benchmark: the smallest Fluent UI v9 page with a labelled button,
 * built with the task pane's webpack rules, so the timing ratio shows what the task pane adds.
 */
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, Title2, webLightTheme } from "@fluentui/react-components";

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <main>
        <Title2 as="h1">Minimal Fluent page</Title2>
        <Button appearance="primary">Continue</Button>
      </main>
    </FluentProvider>,
  );
}
