/**
 * The formula bar: the active cell's address, its content as typed (a formula, a value or text)
 * and, for an error cell, the error and its message.
 */
import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  row: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  address: {
    width: "5em",
    height: "26px",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  input: {
    flexGrow: 1,
    height: "26px",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  message: {
    minHeight: tokens.lineHeightBase200,
    color: tokens.colorPaletteRedForeground1,
  },
});

/** Properties of {@link FormulaBar}. */
export interface FormulaBarProps {
  /** A1 address of the active cell. */
  address: string;
  text: string;
  /** Error code and message of the active cell, or "" when it contains no error. */
  message: string;
  onChange(text: string): void;
  onKeyDown(event: React.KeyboardEvent<HTMLInputElement>): void;
}

/** Address, content and error message of the active cell. */
export function FormulaBar(props: FormulaBarProps): React.JSX.Element {
  const styles = useStyles();

  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <input className={styles.address} aria-label="Active cell" readOnly value={props.address} />
        <input
          className={styles.input}
          aria-label="Formula bar"
          spellCheck={false}
          value={props.text}
          onChange={(event) => props.onChange(event.target.value)}
          onKeyDown={props.onKeyDown}
        />
      </div>
      <Caption1 className={styles.message} role="status" aria-label="Cell message">
        {props.message}
      </Caption1>
    </div>
  );
}
