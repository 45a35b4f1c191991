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
  TypeContents,
  TypeReading,
} from "./recordReader";
import { MAX_REQUEST_BYTES } from "./writeBatch";

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
}

/** Reads every table of the sales system and rebuilds the records. */
export async function readModel(context: Excel.RequestContext): Promise<ModelRead> {
  const reads = RECORD_TYPES.map((type) => [type, queueTypeRead(context, type)] as const);
  const meta = queueMetaRead(context);
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: unknown }).code !== RESPONSE_TOO_LARGE) {
      throw syncFailure(error, "reading the sales system data");
    }
    return readInChunks(context);
  }
  return modelFrom(new Map(reads.map(([type, read]) => [type, read()])), meta());
}

function modelFrom(contents: Map<RecordType, TypeContents>, meta: MetaContents): ModelRead {
  const readings = new Map(
    RECORD_TYPES.map((type) => [type, readRecords(type, contents.get(type)!)] as const),
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
 * Reads the tables in row chunks after the whole model did not fit in one response: one sync
 * for the headers and row counts, then chunks packed into syncs by estimated size. A sync that
 * is still too large is retried with its chunks halved.
 */
async function readInChunks(context: Excel.RequestContext): Promise<ModelRead> {
  const heads = RECORD_TYPES.map((type) => [type, queueTypeRead(context, type, "none")] as const);
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
    const group = nextGroup(pending);
    pending = pending.slice(group.length);
    const results = await readChunks(context, group);
    if (results === undefined) {
      pending = [...group.flatMap(halve), ...pending];
      continue;
    }
    group.forEach((chunk, index) => {
      chunksByTable.get(chunk.table)?.push({ start: chunk.start, rows: results[index] });
    });
  }

  for (const table of tables) {
    const chunks = chunksByTable.get(table.name) ?? [];
    chunks.sort((left, right) => left.start - right.start);
    table.rows = chunks.flatMap((chunk) => chunk.rows);
  }
  return modelFrom(contents, meta());
}

function estimatedBytes(chunk: RowChunk): number {
  return chunk.count * chunk.columns * ESTIMATED_CELL_BYTES;
}

/** Takes chunks from the front while their estimated size fits in half a request. */
function nextGroup(pending: readonly RowChunk[]): RowChunk[] {
  const group: RowChunk[] = [];
  let bytes = 0;
  for (const chunk of pending) {
    if (group.length > 0 && bytes + estimatedBytes(chunk) > MAX_REQUEST_BYTES / 2) {
      break;
    }
    group.push(chunk);
    bytes += estimatedBytes(chunk);
  }
  return group;
}

function halve(chunk: RowChunk): RowChunk[] {
  if (chunk.count <= 1) {
    throw new Error(`One row of the table ${chunk.table} is larger than a response may be.`);
  }
  const first = Math.ceil(chunk.count / 2);
  return [
    { ...chunk, count: first },
    { ...chunk, start: chunk.start + first, count: chunk.count - first },
  ];
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
