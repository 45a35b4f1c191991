import * as React from "react";
import {
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatSignature } from "./functionCatalog";
import { useFunctionCatalog } from "./useFunctionCatalog";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  signature: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** Section listing the SPM functions of this build, read from functions.json. */
export function FunctionList(): React.JSX.Element {
  const styles = useStyles();
  const catalog = useFunctionCatalog();

  return (
    <section className={styles.section} aria-labelledby="function-list-heading">
      <Subtitle1 as="h2" id="function-list-heading" className={styles.heading}>
        Functions
      </Subtitle1>
      {catalog.status === "loading" && <Spinner size="small" label="Loading the function list" />}
      {catalog.status === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>The function list could not be loaded.</MessageBarTitle>
            {catalog.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {catalog.status === "loaded" && (
        <ul className={styles.list}>
          {catalog.functions.map((fn) => (
            <li key={fn.id} className={styles.item}>
              <Body1 className={styles.signature}>{formatSignature(fn)}</Body1>
              {fn.description && <Caption1>{fn.description}</Caption1>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
