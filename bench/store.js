/**
 * Benchmarks the sales system store: saves and loads a model of 10,000 target groups (two
 * objections each) and 100,000 targets through the in-memory adapter and through the Excel
 * adapter on the mocked workbook, then saves one edit. Prints `context.sync()` counts, the
 * largest request and response payloads (UTF-8 JSON bytes of the cell values and formats) and
 * times as ratios against the memory adapter in the same run.
 *
 * The memory adapter saves the model with one `create` per record. The Excel adapter saves it
 * with one `importRecords` per record type, which writes in chunks under the request limit.
 *
 * Run after compiling into dist-node/ (`node scripts/build-cli.js`): `node bench/store.js`.
 */
const path = require("path");

const compiled = path.join(path.resolve(__dirname, ".."), "dist-node");
const { createTarget, createTargetGroup, RECORD_TYPES } = require(path.join(compiled, "src/model"));
const { MemoryStore, MemoryWorkbook } = require(path.join(compiled, "src/workbook/memoryStore"));
const { ExcelStore } = require(path.join(compiled, "src/workbook/excel/excelStore"));
const { MockExcelWorkbook, EXCEL_WEB_PAYLOAD_LIMIT_BYTES } = require(
  path.join(compiled, "test/support/excelMock"),
);

const TARGET_GROUPS = 10_000;
const TARGETS = 100_000;
const NOW = new Date("2025-02-03T04:05:06.789Z");

function buildModel() {
  const groups = Array.from({ length: TARGET_GROUPS }, (_, index) =>
    createTargetGroup(
      {
        name: `Group ${index}`,
        kind: "segment",
        priority: (index % 5) + 1,
        owner: "Sales team",
        strategy: {
          objections: [
            { objection: `Price ${index}`, response: "Show the total cost" },
            { objection: "0012", response: "=1+1" },
          ],
        },
      },
      NOW,
    ),
  );
  const targets = Array.from({ length: TARGETS }, (_, index) =>
    createTarget(
      {
        subjectType: "targetGroup",
        subjectId: groups[index % groups.length].id,
        period: `${2020 + (index % 10)}-Q${(index % 4) + 1}`,
        metric: "revenue",
        value: 1000 + index,
      },
      NOW,
    ),
  );
  return { targetGroup: groups, target: targets };
}

async function timed(run) {
  const started = process.hrtime.bigint();
  const result = await run();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

function inputOf(record) {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...input } = record;
  return input;
}

async function benchMemory(model) {
  const store = new MemoryStore(new MemoryWorkbook());
  const save = await timed(async () => {
    for (const type of ["targetGroup", "target"]) {
      for (const record of model[type]) {
        await store.create(type, inputOf(record), { id: record.id });
      }
    }
  });
  const load = await timed(() => store.load());
  const edit = await timed(() =>
    store.update("targetGroup", model.targetGroup[5_000].id, { owner: "Edited" }),
  );
  const remove = await timed(() => store.delete("target", model.target[50_000].id));
  return { save: save.ms, load: load.ms, edit: edit.ms, remove: remove.ms };
}

/** Sync count and largest payloads of the syncs from `from` on. */
function syncStats(workbook, from) {
  const records = workbook.syncs.slice(from);
  const succeeded = records.filter((record) => record.error === undefined);
  return {
    syncs: records.length,
    failed: records.length - succeeded.length,
    request: Math.max(0, ...succeeded.map((record) => record.requestBytes)),
    response: Math.max(0, ...succeeded.map((record) => record.responseBytes)),
  };
}

async function benchExcel(model) {
  const workbook = new MockExcelWorkbook({ delivery: "manual" });
  const writer = await ExcelStore.open(workbook.openSession("writer").context);

  let from = workbook.syncs.length;
  const save = await timed(async () => {
    await writer.importRecords("targetGroup", model.targetGroup);
    await writer.importRecords("target", model.target);
  });
  const saveStats = syncStats(workbook, from);

  from = workbook.syncs.length;
  const reader = { store: undefined };
  const open = await timed(async () => {
    reader.store = await ExcelStore.open(workbook.openSession("reader").context);
  });
  const openStats = syncStats(workbook, from);

  from = workbook.syncs.length;
  const load = await timed(() => reader.store.load());
  const loadStats = syncStats(workbook, from);

  from = workbook.syncs.length;
  const edit = await timed(() =>
    reader.store.update("targetGroup", model.targetGroup[5_000].id, { owner: "Edited" }),
  );
  const editStats = syncStats(workbook, from);

  from = workbook.syncs.length;
  const remove = await timed(() => reader.store.delete("target", model.target[50_000].id));
  const removeStats = syncStats(workbook, from);

  // Excel on the web limits a response to 5 MB; Excel on Windows and Mac documents no such
  // limit, so there the first read of the whole model succeeds.
  workbook.enforceResponseLimit = false;
  from = workbook.syncs.length;
  const unlimited = { store: undefined };
  const openUnlimited = await timed(async () => {
    unlimited.store = await ExcelStore.open(workbook.openSession("desktop").context);
  });
  const openUnlimitedStats = syncStats(workbook, from);
  from = workbook.syncs.length;
  const loadUnlimited = await timed(() => unlimited.store.load());
  const loadUnlimitedStats = syncStats(workbook, from);

  const loaded = load.result;
  const counts = RECORD_TYPES.map((type) => `${type} ${loaded[type].length}`).filter(
    (text) => !text.endsWith(" 0"),
  );
  return {
    counts,
    rows: [
      ["save model", save.ms, saveStats],
      ["open", open.ms, openStats],
      ["load", load.ms, loadStats],
      ["save one edit", edit.ms, editStats],
      ["delete one", remove.ms, removeStats],
      ["open, no limit", openUnlimited.ms, openUnlimitedStats],
      ["load, no limit", loadUnlimited.ms, loadUnlimitedStats],
    ],
  };
}

function megabytes(bytes) {
  return bytes < 1e5 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(2)} MB`;
}

async function main() {
  console.log(`Store benchmark: ${TARGET_GROUPS} target groups, ${TARGETS} targets`);
  const model = buildModel();
  const memory = await benchMemory(model);
  const excel = await benchExcel(model);
  const memoryMs = {
    "save model": memory.save,
    open: memory.load,
    load: memory.load,
    "save one edit": memory.edit,
    "delete one": memory.remove,
    "open, no limit": memory.load,
    "load, no limit": memory.load,
  };

  console.log(`Excel adapter read back: ${excel.counts.join(", ")}`);
  console.log(`Payload limit of the mock: ${megabytes(EXCEL_WEB_PAYLOAD_LIMIT_BYTES)}`);
  console.log(
    "operation      | memory ms | excel ms | excel/memory | syncs (failed) | max request | max response",
  );
  for (const [name, ms, stats] of excel.rows) {
    const ratio = ms / memoryMs[name];
    console.log(
      [
        name.padEnd(14),
        memoryMs[name].toFixed(0).padStart(9),
        ms.toFixed(0).padStart(8),
        ratio.toFixed(1).padStart(12),
        `${stats.syncs} (${stats.failed})`.padStart(14),
        megabytes(stats.request).padStart(11),
        megabytes(stats.response).padStart(12),
      ].join(" | "),
    );
  }
  console.log("The memory adapter's open is its load; it has no syncs.");
  console.log(
    "Rows marked 'no limit' read without Excel on the web's 5 MB response limit, as Excel on " +
      "Windows and Mac do.",
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
