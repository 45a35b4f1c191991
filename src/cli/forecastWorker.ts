/**
 * Worker thread of `spm forecast --jobs N`: forecasts the chunks of series the main thread sends
 * and posts back one outcome per series, in the order received.
 */
import { parentPort } from "worker_threads";
import { ChunkRequest, ChunkResult, forecastRow } from "./forecastBatch";

parentPort?.on("message", (request: ChunkRequest) => {
  const result: ChunkResult = {
    start: request.start,
    outcomes: request.series.map((values) => forecastRow(values, request.settings)),
  };
  parentPort?.postMessage(result);
});
