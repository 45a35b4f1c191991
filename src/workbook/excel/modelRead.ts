/**
 * Reading of the whole model: every table of every record type and the layout version, in one
 * `context.sync()` when the response fits in one request, else in row chunks.
 */
import { RecordType, RECORD_TYPES, RowValue } from "../../model";
import { syncFailure } from "./accessErrors";
import {
  MetaContents,
  queueMetaRead,
  queueTypeRead,
  readRecords,
  RowMemo,
  TypeContents,
  TypeReading,
} from "./recordReader";
import { jsonBytes, MAX_REQUEST_BYTES } from "./writeBatch";

/** Office.js error code of a response larger than Excel on the web returns. */
const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/**
 * Bytes one cell is assumed to take in a response when planning chunked reads.
 * NOTE: a guess (a 36-character id in JSON takes 39 bytes); a chunk that is still too large
 * is split again.
 */
const ESTIMATED_CELL_BYTES = 40;

/** Everything read from the workbook. */
export interface ModelRead {
  contents: Map<RecordType, TypeContents>;
  readings: Map<RecordType, TypeReading>;
  meta: MetaContents;
  /** Layout version found; undefined when the meta table or its row is missing. */
  version: number | undefined;
  /** True when the meta table or any table of the sales system exists. */
  layoutExists: boolean;
  /** Tables of the sales system that do not exist. */
  missingTables: string[];
  /** True when the model did not fit in one response and was read in row chunks. */
  chunked: boolean;
}

/** Plan of a model read: whole first, or in chunks sized by earlier reads. */
export interface ReadPlan {
  /** True to read in chunks at once, e.g. because the previous read needed chunks. */
  chunked: boolean;
  /** Cell sizes measured by earlier chunked reads, updated by this one. */
  sizes: CellSizeEstimates;
}

/**
 * Reads every table of `types` (all by default) and the meta table, and rebuilds the records.
 * With `plan.chunked`, it reads in chunks at once instead of first trying one response.
 */
export async function readModel(
  context: Excel.RequestContext,
  memos: ReadonlyMap<RecordType, RowMemo> = new Map(),
  types: readonly RecordType[] = RECORD_TYPES,
  plan: ReadPlan = { chunked: false, sizes: new CellSizeEstimates() },
): Promise<ModelRead> {
  if (plan.chunked) {
    return readInChunks(context, memos, types, plan.sizes);
  }
  const reads = types.map((type) => [type, queueTypeRead(context, type)] as const);
  const meta = queueMetaRead(context);
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: unknown }).code !== RESPONSE_TOO_LARGE) {
      throw syncFailure(error, "reading the sales system data");
    }
    return readInChunks(context, memos, types, plan.sizes);
  }
  return modelFrom(new Map(reads.map(([type, read]) => [type, read()])), meta(), memos, false);
}

function modelFrom(
  contents: Map<RecordType, TypeContents>,
  meta: MetaContents,
  memos: ReadonlyMap<RecordType, RowMemo>,
  chunked: boolean,
): ModelRead {
  const readings = new Map(
    [...contents].map(
      ([type, typeContents]) => [type, readRecords(type, typeContents, memos.get(type))] as const,
    ),
  );
  const tables = [...contents.values()].flatMap((typeContents) => [
    typeContents.main,
    ...typeContents.lists.values(),
  ]);
  return {
    contents,
    readings,
    meta,
    version: meta.version,
    layoutExists: meta.exists || tables.some((table) => table.exists),
    missingTables: tables.filter((table) => !table.exists).map((table) => table.name),
    chunked,
  };
}

/** A run of body rows of one table, read in one piece. */
interface RowChunk {
  table: string;
  start: number;
  count: number;
  columns: number;
}

/**
 * Reads the tables in row chunks when the whole model does not fit in one response: one sync
 * for the headers and row counts, then chunks packed into syncs by estimated size. A sync that
 * is still too large is retried with its chunks halved.
 */
async function readInChunks(
  context: Excel.RequestContext,
  memos: ReadonlyMap<RecordType, RowMemo>,
  types: readonly RecordType[],
  estimates: CellSizeEstimates,
): Promise<ModelRead> {
  const heads = types.map((type) => [type, queueTypeRead(context, type, "none")] as const);
  const meta = queueMetaRead(context);
  await syncReading(context);
  const contents = new Map(heads.map(([type, read]) => [type, read()]));
  const tables = [...contents.values()].flatMap((typeContents) => [
    typeContents.main,
    ...typeContents.lists.values(),
  ]);

  let pending: RowChunk[] = tables
    .filter((table) => table.exists)
    .map((table) => ({
      table: table.name,
      start: 0,
      count: table.rowCount,
      columns: table.header.length,
    }));
  const chunksByTable = new Map<string, { start: number; rows: RowValue[][] }[]>(
    tables.map((table) => [table.name, []]),
  );
  while (pending.length > 0) {
    pending = pending.flatMap((chunk) => estimates.split(chunk));
    const group = estimates.nextGroup(pending);
    pending = pending.slice(group.length);
    const results = await readChunks(context, group);
    if (results === undefined) {
      if (group.length === 1 && group[0].count === 1) {
        throw new Error(
          `One row of the table ${group[0].table} exceeds the response size limit of Excel on the web; shorten its longest texts.`,
        );
      }
      group.forEach((chunk) => estimates.doubleFor(chunk.table));
      pending = [...group, ...pending];
      continue;
    }
    group.forEach((chunk, index) => {
      estimates.learn(chunk, results[index]);
      chunksByTable.get(chunk.table)?.push({ start: chunk.start, rows: results[index] });
    });
  }

  for (const table of tables) {
    const chunks = chunksByTable.get(table.name) ?? [];
    chunks.sort((left, right) => left.start - right.start);
    table.rows = chunks.flatMap((chunk) => chunk.rows);
  }
  return modelFrom(contents, meta(), memos, true);
}

/**
 * Bytes per cell of each table in a response: a guess until a read measures the table, then
 * the largest average measured, doubled after a response that was too large. Chunks are planned to fill
 * `MAX_REQUEST_BYTES` by these estimates, which leaves a fifth of the 5 MB response limit for
 * rows larger than the measured average.
 */
export class CellSizeEstimates {
  private readonly bytesPerCell = new Map<string, number>();
  private readonly measured = new Map<string, number>();
  private readonly budget = MAX_REQUEST_BYTES;

  /** Splits a chunk into pieces whose estimated size fits the budget. */
  split(chunk: RowChunk): RowChunk[] {
    const rowBytes = Math.max(1, chunk.columns) * this.estimate(chunk.table);
    const rowsPerPiece = Math.max(1, Math.floor(this.budget / rowBytes));
    const pieces: RowChunk[] = [];
    for (let start = 0; start < chunk.count; start += rowsPerPiece) {
      const count = Math.min(rowsPerPiece, chunk.count - start);
      pieces.push({ ...chunk, start: chunk.start + start, count });
    }
    return pieces;
  }

  /** Takes chunks from the front while their estimated size fits the budget. */
  nextGroup(pending: readonly RowChunk[]): RowChunk[] {
    const group: RowChunk[] = [];
    let bytes = 0;
    for (const chunk of pending) {
      const chunkBytes = chunk.count * chunk.columns * this.estimate(chunk.table);
      if (group.length > 0 && bytes + chunkBytes > this.budget) {
        break;
      }
      group.push(chunk);
      bytes += chunkBytes;
    }
    return group;
  }

  doubleFor(table: string): void {
    this.bytesPerCell.set(table, this.estimate(table) * 2);
  }

  learn(chunk: RowChunk, rows: RowValue[][]): void {
    const cells = Math.max(1, chunk.count * chunk.columns);
    const measured = jsonBytes(rows) / cells;
    const previous = this.measured.get(chunk.table) ?? 0;
    this.measured.set(chunk.table, Math.max(previous, measured));
    this.bytesPerCell.set(chunk.table, Math.max(previous, measured));
  }

  private estimate(table: string): number {
    return this.bytesPerCell.get(table) ?? ESTIMATED_CELL_BYTES;
  }
}

/** Reads a group of chunks in one sync; undefined when the response was too large. */
async function readChunks(
  context: Excel.RequestContext,
  group: readonly RowChunk[],
): Promise<RowValue[][][] | undefined> {
  const ranges = group.map((chunk) =>
    context.workbook.tables
      .getItem(chunk.table)
      .getDataBodyRange()
      .getRow(chunk.start)
      .getResizedRange(chunk.count - 1, 0)
      .load("values"),
  );
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: unknown }).code === RESPONSE_TOO_LARGE) {
      return undefined;
    }
    throw syncFailure(error, "reading the sales system data");
  }
  return ranges.map((range) => range.values as RowValue[][]);
}

async function syncReading(context: Excel.RequestContext): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    throw syncFailure(error, "reading the sales system data");
  }
}
