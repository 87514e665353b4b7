// The optimiser's solver thread: HiGHS (WebAssembly) solving one model at a time, posted by
// lib/server/optimiser/run.ts. Plain JavaScript because the app's bundler does not build worker
// entry points; it does what lib/domain/optimiser/highs-solver.ts does in process (a unit test
// holds the two to the same answers).
import { parentPort } from "node:worker_threads";
import loadHighs from "highs";

const highs = await loadHighs();
const OPTIMAL = 7;
const INFEASIBLE = 8;
const TIME_LIMIT = 13;

function solve(model, options) {
  const started = performance.now();
  const m = highs.createModel(model);
  try {
    m.options.set({ output_flag: false, time_limit: options.timeLimitSeconds, mip_rel_gap: options.relativeGap, mip_heuristic_effort: 0.3 });
    if (options.start) m.setSolution({ colValue: options.start });
    const status = m.run().modelStatus;
    const seconds = (performance.now() - started) / 1000;
    if (status === INFEASIBLE) {
      let iis;
      if (options.iis) {
        // From the LP relaxation, made irreducible (strategy 6), without presolve: the rows are the model's own.
        m.options.set({ presolve: "off", iis_strategy: 6 });
        const found = m.getIis();
        iis = { rows: Array.from(found.rowIndex), cols: Array.from(found.colIndex) };
      }
      return { status: "infeasible", objective: null, bound: null, values: null, seconds, iis };
    }
    if (status !== OPTIMAL && status !== TIME_LIMIT) return { status: "error", objective: null, bound: null, values: null, seconds, message: `HiGHS model status ${status}` };
    const info = (name) => {
      const v = Number(m.info.get(name));
      return Number.isFinite(v) ? v : null;
    };
    const hasSolution = info("primal_solution_status") === 2;
    return {
      status: status === OPTIMAL ? "optimal" : "time_limit",
      objective: hasSolution ? m.getObjectiveValue() : null,
      bound: info("mip_dual_bound"),
      values: hasSolution ? Array.from(m.getSolution().colValue) : null,
      seconds,
    };
  } finally {
    m.dispose();
  }
}

parentPort.on("message", ({ id, model, options }) => {
  try {
    parentPort.postMessage({ id, output: solve(model, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
