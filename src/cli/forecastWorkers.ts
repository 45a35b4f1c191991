/**
 * Spreads the series of `spm forecast` over worker threads. The compiled command starts them
 * from dist-node; run from the TypeScript sources, as in the tests, the batch stays in one thread.
 */
import * as fs from "fs";
import * as path from "path";
import { Worker } from "worker_threads";
import { BatchSettings, ChunkRequest, ChunkResult, RowOutcome } from "./forecastBatch";

/** Chunks per worker: small enough that a slow chunk does not leave the other workers idle. */
const CHUNKS_PER_WORKER = 8;

/** Compiled worker script beside this module, or undefined when running from the sources. */
export function workerScript(): string | undefined {
  const script = path.join(__dirname, "forecastWorker.js");
  return path.extname(__filename) === ".js" && fs.existsSync(script) ? script : undefined;
}

/**
 * Forecasts `series` with `jobs` worker threads running `script`, and calls `onOutcome` with
 * each series' index and outcome as chunks finish, in no particular order.
 *
 * @throws Error when a worker fails, for example when it runs out of memory.
 */
export function forecastInWorkers(
  script: string,
  series: readonly number[][],
  settings: BatchSettings,
  jobs: number,
  onOutcome: (index: number, outcome: RowOutcome) => void,
): Promise<void> {
  const chunkSize = Math.max(1, Math.ceil(series.length / (jobs * CHUNKS_PER_WORKER)));
  const chunks: ChunkRequest[] = [];
  for (let start = 0; start < series.length; start += chunkSize) {
    chunks.push({ start, series: series.slice(start, start + chunkSize), settings });
  }

  return new Promise((resolve, reject) => {
    if (chunks.length === 0) {
      resolve();
      return;
    }
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    let failed = false;
    const stopAll = (): void => {
      for (const worker of workers) {
        void worker.terminate();
      }
    };
    const sendNext = (worker: Worker): void => {
      if (next < chunks.length) {
        worker.postMessage(chunks[next]);
        next += 1;
      }
    };

    for (let i = 0; i < Math.min(jobs, chunks.length); i++) {
      const worker = new Worker(script);
      workers.push(worker);
      worker.on("message", (result: ChunkResult) => {
        result.outcomes.forEach((outcome, offset) => onOutcome(result.start + offset, outcome));
        finished += 1;
        if (finished === chunks.length) {
          stopAll();
          resolve();
        } else {
          sendNext(worker);
        }
      });
      worker.on("error", (error) => {
        if (!failed) {
          failed = true;
          stopAll();
          reject(new Error(`A forecast worker failed: ${error.message}`));
        }
      });
      sendNext(worker);
    }
  });
}
