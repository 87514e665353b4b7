// HiGHS (WebAssembly) in this thread: for tests and benchmarks. The server runs the same solve
// in a worker thread (lib/server/optimiser/highs-worker.mjs), so a long solve never blocks a request.
import loadHighs from "highs";
import type { MipModel, Solve, SolveOptions, SolverOutput } from "./problem";

let loaded: ReturnType<typeof loadHighs> | null = null;

// HiGHS model status codes (highs.constants.modelStatus): 7 optimal, 8 infeasible, 13 time limit.
const OPTIMAL = 7;
const INFEASIBLE = 8;
const TIME_LIMIT = 13;

export const solveInProcess: Solve = async (model: MipModel, options: SolveOptions): Promise<SolverOutput> => {
  const highs = await (loaded ??= loadHighs());
  const started = performance.now();
  const m = highs.createModel({ ...model, integrality: Int32Array.from(model.integrality) });
  try {
    m.options.set({ output_flag: false, time_limit: options.timeLimitSeconds, mip_rel_gap: options.relativeGap, mip_heuristic_effort: 0.3 });
    if (options.start) m.setSolution({ colValue: options.start });
    const status = m.run().modelStatus as number;
    const seconds = (performance.now() - started) / 1000;
    if (status === INFEASIBLE) {
      let iis: SolverOutput["iis"];
      if (options.iis) {
        // From the LP relaxation, made irreducible (strategy 6), without presolve: the rows are the model's own.
        m.options.set({ presolve: "off", iis_strategy: 6 });
        const found = m.getIis();
        iis = { rows: Array.from(found.rowIndex), cols: Array.from(found.colIndex) };
      }
      return { status: "infeasible", objective: null, bound: null, values: null, seconds, iis };
    }
    if (status !== OPTIMAL && status !== TIME_LIMIT) return { status: "error", objective: null, bound: null, values: null, seconds, message: `HiGHS model status ${status}` };
    const info = (name: string) => {
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
};
