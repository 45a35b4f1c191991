/** Layout pieces shared by the pages: a section with a heading and a list of records. */
import * as React from "react";
import { Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";

export const useLayoutStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "end",
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
  },
  listButton: {
    justifyContent: "flex-start",
    width: "100%",
    textAlign: "start",
  },
  narrowInput: {
    width: "6em",
    minWidth: 0,
  },
  nested: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
});

/** Renders a titled section; `id` names the heading, so the section is a labelled landmark. */
export function Section(props: {
  id: string;
  title: string;
  children: React.ReactNode;
}): React.JSX.Element {
  const styles = useLayoutStyles();
  return (
    <section className={styles.section} aria-labelledby={props.id}>
      <Subtitle2 as="h2" id={props.id} className={styles.heading}>
        {props.title}
      </Subtitle2>
      {props.children}
    </section>
  );
}

/** One entry of a record list. */
export interface ListEntry {
  id: string;
  title: string;
  detail?: string;
}

/** Renders a list of records, each a button that opens it in the editor. */
export function RecordList(props: {
  label: string;
  entries: readonly ListEntry[];
  selectedId?: string;
  emptyText: string;
  onSelect(id: string): void;
}): React.JSX.Element {
  const styles = useLayoutStyles();
  if (props.entries.length === 0) {
    return <Caption1>{props.emptyText}</Caption1>;
  }
  return (
    <ul className={styles.list} aria-label={props.label}>
      {props.entries.map((entry) => (
        <li key={entry.id}>
          <Button
            appearance={entry.id === props.selectedId ? "secondary" : "subtle"}
            className={styles.listButton}
            aria-current={entry.id === props.selectedId ? "true" : undefined}
            onClick={() => props.onSelect(entry.id)}
          >
            {entry.detail ? `${entry.title} (${entry.detail})` : entry.title}
          </Button>
        </li>
      ))}
    </ul>
  );
}
