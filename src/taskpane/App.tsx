import * as React from "react";
import {
  Body1,
  FluentProvider,
  Theme,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { FunctionList } from "./FunctionList";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
  },
  text: {
    margin: 0,
  },
});

/** Properties of the task pane root. */
export interface AppProps {
  theme: Theme;
}

/** Task pane root: what the add-in does and the list of its functions. */
export function App({ theme }: AppProps): React.JSX.Element {
  const styles = useStyles();

  return (
    <FluentProvider theme={theme} className={styles.root}>
      <main className={styles.main}>
        <Title2 as="h1" className={styles.text}>
          Sales Performance Management
        </Title2>
        <Body1 as="p" className={styles.text}>
          Forecast sales, work out the cost of sales and track KPIs with the SPM functions: type
          =SPM. in a cell to use them. Ranges go in, and forecasts spill into the cells below.
        </Body1>
        <FunctionList />
      </main>
    </FluentProvider>
  );
}
