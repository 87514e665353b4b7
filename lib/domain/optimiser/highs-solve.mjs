// One solve with HiGHS (WebAssembly), shared by the in-process solver (./highs-solver.ts, for
// tests and benchmarks) and the server's worker thread (lib/server/optimiser/highs-worker.mjs).
// Plain JavaScript so the worker, which the app's bundler does not build, can import it as is.
// Types: ./highs-solve.d.mts.

// HiGHS model status codes (highs.constants.modelStatus): 7 optimal, 8 infeasible, 13 time limit.
const OPTIMAL = 7;
const INFEASIBLE = 8;
const TIME_LIMIT = 13;

export function solveWithHighs(highs, model, options) {
  if (options.relaxation) return solveRelaxation(highs, model, options);
  const started = performance.now();
  const m = highs.createModel({ ...model, integrality: Int32Array.from(model.integrality) });
  try {
    // Heuristic effort 0.3: on portfolio instances good plans come about three times sooner.
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

// The LP relaxation (integrality ignored), by dual simplex without presolve: on portfolio models
// that is several times faster than with presolve. Its optimum bounds the MIP's; its column
// values and reduced costs guide the primal heuristic (./heuristic.ts).
function solveRelaxation(highs, model, options) {
  const started = performance.now();
  const { integrality: _integrality, ...lp } = model;
  const m = highs.createModel(lp);
  try {
    m.options.set({ output_flag: false, time_limit: options.timeLimitSeconds, presolve: "off" });
    const status = m.run().modelStatus;
    const seconds = (performance.now() - started) / 1000;
    if (status === INFEASIBLE) return { status: "infeasible", objective: null, bound: null, values: null, seconds };
    if (status !== OPTIMAL) return { status: status === TIME_LIMIT ? "time_limit" : "error", objective: null, bound: null, values: null, seconds, message: `HiGHS model status ${status}` };
    const solution = m.getSolution();
    const objective = m.getObjectiveValue();
    return { status: "optimal", objective, bound: objective, values: Array.from(solution.colValue), reducedCosts: Array.from(solution.colDual), seconds };
  } finally {
    m.dispose();
  }
}
