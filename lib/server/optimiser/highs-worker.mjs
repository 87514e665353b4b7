// The optimiser's solver thread: HiGHS (WebAssembly) solving one model at a time, posted by
// lib/server/optimiser/run.ts. Plain JavaScript because the app's bundler does not build worker
// entry points; the solve itself is the in-process solver's (lib/domain/optimiser/highs-solve.mjs).
import { parentPort } from "node:worker_threads";
import loadHighs from "highs";
import { solveWithHighs } from "../../domain/optimiser/highs-solve.mjs";

const highs = await loadHighs();

parentPort.on("message", ({ id, model, options }) => {
  try {
    parentPort.postMessage({ id, output: solveWithHighs(highs, model, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
