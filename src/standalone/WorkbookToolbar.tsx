/** Toolbar of the standalone workbook: the open file's name, Open .xlsx and Save .xlsx. */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Toolbar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { GridWorkbook, SheetData } from "./gridWorkbook";
import { readWorkbookFile, writeWorkbookFile } from "./workbookFile";
import { logFailure } from "../taskpane/logger";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  title: {
    margin: 0,
  },
  fileInput: {
    display: "none",
  },
});

/** Properties of {@link WorkbookToolbar}. */
export interface WorkbookToolbarProps {
  workbook: GridWorkbook;
  fileName: string;
  onOpen(sheets: SheetData[], fileName: string): void;
}

/** Starts the browser's download of a file made in the page. */
function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started once click() returns, so the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** File name, open and save. */
export function WorkbookToolbar({
  workbook,
  fileName,
  onOpen,
}: WorkbookToolbarProps): React.JSX.Element {
  const styles = useStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);

  const open = async (file: File): Promise<void> => {
    try {
      const sheets = await readWorkbookFile(await file.arrayBuffer(), file.name);
      setFailure(undefined);
      onOpen(sheets, file.name);
    } catch (error) {
      logFailure("Opening a workbook", error);
      const detail = error instanceof Error ? error.message : String(error);
      setFailure(`The workbook was not opened. ${detail} Choose an .xlsx file saved by Excel.`);
    }
  };

  const save = async (): Promise<void> => {
    try {
      downloadBlob(await writeWorkbookFile(workbook), fileName);
      setFailure(undefined);
    } catch (error) {
      logFailure("Saving the workbook", error);
      const detail = error instanceof Error ? error.message : String(error);
      setFailure(`The workbook was not saved. ${detail}`);
    }
  };

  return (
    <div className={styles.root}>
      <Subtitle2 as="h1" className={styles.title}>
        {fileName}
      </Subtitle2>
      <Toolbar aria-label="Workbook file" size="small">
        <Button
          appearance="subtle"
          icon={<FolderOpenRegular />}
          onClick={() => fileInput.current?.click()}
        >
          Open .xlsx
        </Button>
        <Button appearance="subtle" icon={<ArrowDownloadRegular />} onClick={() => void save()}>
          Save .xlsx
        </Button>
      </Toolbar>
      <input
        ref={fileInput}
        className={styles.fileInput}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Workbook file to open"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file !== undefined) {
            void open(file);
          }
        }}
      />
      {failure !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
