/**
 * How every workbook action writes its sheet, so that a second run updates the sheet and a run
 * that fails halfway is repaired by the next one:
 *
 * 1. find the sheet built earlier for the same key (or pick a free name) and add it if needed;
 * 2. write the title, a status saying the build is in progress, and the key;
 * 3. clear everything below the header, charts included;
 * 4. write the body in chunks, then the charts;
 * 5. replace the status with the time of the finished build.
 *
 * A failure after step 2 leaves a sheet whose status shows the user that the build stopped and to
 * run the action again. The key is already in place, so that run finds the same sheet and
 * rebuilds it.
 */
import { KEY_CELL, resolveSheetName } from "./sheetNames";
import { CellBlock, LineChartSpec, SheetCell, SheetWriter } from "./sheetWriter";

/** First row (counted from 0) of a built sheet's body, below the title, status and key rows. */
export const BODY_FIRST_ROW = 4;

/**
 * Rows per write request. Excel on the web rejects a request payload over 5 MB ("Resource
 * limits and performance optimization for Office Add-ins", Microsoft Learn); 500 rows of a few
 * short cells stay far below it, and the Office adapter splits larger payloads again.
 */
export const WRITE_CHUNK_ROWS = 500;

/** Status shown while a build runs; it stays when the build stops halfway. */
export const BUILDING_STATUS =
  "Building... If this text stays, the build stopped; run the action again to repair this sheet.";

/** Progress of a workbook action: the step running and how many steps are done. */
export interface ActionProgress {
  step: string;
  completed: number;
  total: number;
}

/** Receives the progress of a workbook action. */
export type ProgressListener = (progress: ActionProgress) => void;

/** Content of a built sheet: its name, key, title, body blocks and charts. */
export interface SheetContent {
  /** Name for a new sheet; an existing sheet built for the same key keeps its name. */
  preferredName: string;
  /** Identity of what the sheet shows, e.g. `forecast:channel:<id>`, written in cell B3. */
  key: string;
  title: string;
  /** Blocks of the body, at rows from BODY_FIRST_ROW down. */
  blocks: CellBlock[];
  charts: LineChartSpec[];
}

/** Outcome of a workbook action. */
export interface ActionResult {
  /** Name of the sheet built or updated. */
  sheetName: string;
}

/** Splits a block into blocks of at most `rowsPerChunk` rows. */
export function splitBlock(block: CellBlock, rowsPerChunk: number): CellBlock[] {
  const chunks: CellBlock[] = [];
  for (let start = 0; start < block.cells.length; start += rowsPerChunk) {
    chunks.push({
      row: block.row + start,
      column: block.column,
      cells: block.cells.slice(start, start + rowsPerChunk),
    });
  }
  return chunks;
}

/** Formats the finished status with the build time in ISO 8601 UTC (2025-03-31 14:05 UTC). */
export function builtStatus(now: Date): string {
  const time = `${now.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return (
    `Built by the SPM add-in on ${time}. Run the action again to update this sheet; ` +
    "anything typed in it is replaced."
  );
}

/** Writes the title, status and key rows. */
function headerBlock(content: SheetContent, status: string): CellBlock {
  const keyRow: SheetCell[] = ["Built for", content.key];
  return { row: 0, column: 0, cells: [[content.title, null], [status, null], keyRow] };
}

/**
 * Builds or rebuilds the sheet for `content` (see the steps above) and returns its name.
 * Progress goes to `onProgress` before each step.
 */
export async function writeBuiltSheet(
  writer: SheetWriter,
  content: SheetContent,
  onProgress: ProgressListener = () => undefined,
  now: () => Date = () => new Date(),
): Promise<ActionResult> {
  const chunks = content.blocks.flatMap((block) => splitBlock(block, WRITE_CHUNK_ROWS));
  const total = 3 + chunks.length + content.charts.length;
  let completed = 0;
  const report = (step: string): void => {
    onProgress({ step, completed, total });
    completed += 1;
  };

  report("Finding the sheet");
  const sheet = await resolveSheetName(writer, content.preferredName, content.key);
  await writer.ensureSheet(sheet);

  report("Clearing the previous build");
  await writer.writeBlock(sheet, headerBlock(content, BUILDING_STATUS));
  await writer.clearFromRow(sheet, KEY_CELL.row + 1);

  for (const [index, chunk] of chunks.entries()) {
    report(`Writing cells (${index + 1} of ${chunks.length})`);
    await writer.writeBlock(sheet, chunk);
  }
  for (const chart of content.charts) {
    report(`Adding the chart "${chart.title}"`);
    await writer.setLineChart(sheet, chart);
  }

  report("Finishing");
  await writer.writeBlock(sheet, headerBlock(content, builtStatus(now())));
  onProgress({ step: "Done", completed: total, total });
  return { sheetName: sheet };
}
