// Runs the optimiser: the LP relaxation, a plan made from it by the primal heuristic
// (./heuristic.ts), then the model to the solver with the better of that plan and the greedy one
// as its first incumbent; the answer decoded into a plan with its gap, each left-out initiative
// explained, or, when no plan can meet every constraint, the constraints that conflict.
import { greedy } from "./greedy";
import { improve, roundRelaxation } from "./heuristic";
import { buildModel, type Built, type Kind } from "./model";
import { PlanState, planViolations } from "./plan";
import { checkProblem, type Conflict, type Constraint, type Explanation, type OptimiserProblem, type OptimiserResult, type Solve, type SolverOutput } from "./problem";

export type OptimiseOptions = {
  timeLimitSeconds: number;
  /** Stop when proven within this relative gap (HiGHS's default 1e-4 if not given; 0: prove the optimum). */
  relativeGap?: number;
  /** Explain every candidate left out (default on). */
  explain?: boolean;
  /** Solve: done 0 of 3 the relaxation, 1 the heuristic, 2 the solver. */
  onProgress?: (p: { stage: "solve" | "explain" | "diagnose"; done: number; total: number }) => void;
};

/**
 * Share of the time limit the heuristic's improvement may take at most (it usually settles far
 * sooner). Under SHORT_LIMIT seconds nearly all of it: the solver would not better the
 * heuristic's plan so soon. With less than MIN_SOLVE seconds left the solver is not started at
 * all when there is a plan: HiGHS overruns short limits by up to a few tenths of a second before
 * its first bound.
 */
const HEURISTIC_SHARE = 0.4;
const SHORT_LIMIT = 2;
const SHORT_SHARE = 0.9;
const MIN_SOLVE = 0.5;

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export async function optimise(problem: OptimiserProblem, options: OptimiseOptions, solve: Solve): Promise<OptimiserResult> {
  checkProblem(problem);
  const started = performance.now();
  const built = buildModel(problem);
  const baseline = greedy(problem);
  const limitMs = options.timeLimitSeconds * 1000;
  const relativeGap = options.relativeGap ?? 1e-4;
  const seconds = () => round((performance.now() - started) / 1000);
  const upper = problem.candidates.reduce((s, c) => s + (c.mode === "excluded" ? 0 : c.score), 0);
  const scores = new Map(problem.candidates.map((c) => [c.id, c.score]));
  const scoreOf = (plan: { id: string }[]) => round(plan.reduce((s, p) => s + scores.get(p.id)!, 0));

  // The first incumbent: the greedy plan, or the heuristic's when it holds and scores more.
  let incumbent = baseline.violations.length ? null : baseline.chosen;
  options.onProgress?.({ stage: "solve", done: 0, total: 3 });
  const relaxation = built.model.numCols ? await solve(built.model, { timeLimitSeconds: Math.max(0.01, options.timeLimitSeconds / 2), relativeGap, relaxation: true }) : null;
  const lpBound = relaxation?.status === "optimal" && relaxation.objective !== null ? -relaxation.objective : null;
  if (relaxation?.status === "optimal" && relaxation.values) {
    options.onProgress?.({ stage: "solve", done: 1, total: 3 });
    const state = roundRelaxation(built, { values: relaxation.values, reducedCosts: relaxation.reducedCosts });
    if (state) {
      await improve(state, started + (options.timeLimitSeconds < SHORT_LIMIT ? SHORT_SHARE : HEURISTIC_SHARE) * limitMs);
      const plan = decode(built, state.values());
      if (!planViolations(problem, plan).length && (!incumbent || scoreOf(plan) > scoreOf(incumbent))) incumbent = plan;
    }
  }
  // A plan that meets the relaxation's bound (within the gap asked for) is optimal as it is.
  if (incumbent && lpBound !== null && lpBound - scoreOf(incumbent) <= Math.max(relativeGap * Math.abs(scoreOf(incumbent)), 1e-6)) {
    const objective = scoreOf(incumbent);
    const bound = round(Math.max(objective, lpBound));
    const explanations = options.explain === false ? [] : explain(problem, incumbent, options.onProgress);
    return { status: "optimal", chosen: incumbent, objective, bound, gap: round((bound - objective) / Math.max(Math.abs(objective), 1e-9)), seconds: seconds(), explanations, conflicts: [] };
  }

  options.onProgress?.({ stage: "solve", done: 2, total: 3 });
  const remaining = (limitMs - (performance.now() - started)) / 1000;
  const out: SolverOutput =
    incumbent && remaining < MIN_SOLVE
      ? { status: "time_limit", objective: null, bound: null, values: null, seconds: 0 }
      : await solve(built.model, { timeLimitSeconds: Math.max(0.01, remaining), relativeGap, start: incumbent ? columnValues(built, incumbent) : undefined, iis: true });

  if (out.status === "infeasible") {
    options.onProgress?.({ stage: "diagnose", done: 0, total: 1 });
    const conflicts = await diagnose(problem, built, out.iis, options.timeLimitSeconds, solve);
    return { status: "infeasible", chosen: [], objective: 0, bound: 0, gap: 0, seconds: seconds(), explanations: [], conflicts };
  }
  if (out.status === "error") throw new Error(`The solver failed: ${out.message ?? "unknown error"}`);

  // No incumbent from the solver within the time limit: the first incumbent, if any, is the best known.
  const solved = out.values ? decode(built, out.values) : null;
  const chosen = solved && (!incumbent || scoreOf(solved) >= scoreOf(incumbent)) ? solved : incumbent ?? [];
  const objective = scoreOf(chosen);
  const bounds = [out.bound !== null ? -out.bound : upper, lpBound ?? upper];
  const bound = round(Math.max(objective, Math.min(...bounds)));
  const status = out.status === "optimal" ? "optimal" : "time_limit";
  const gap = status === "optimal" && bound - objective < 1e-6 ? 0 : round(Math.max(0, bound - objective) / Math.max(Math.abs(objective), 1e-9));
  const explanations = options.explain === false ? [] : explain(problem, chosen, options.onProgress);
  return { status, chosen, objective, bound, gap, seconds: seconds(), explanations, conflicts: [] };
}

/** A plan as the model's column values (for a warm start). */
export function columnValues(built: Built, plan: { id: string; start: number }[]): number[] {
  const at = new Map(plan.map((p) => [p.id, p.start]));
  return built.columns.map((col) => (at.get(built.ids[col.candidate]!) === col.start ? 1 : 0));
}

/** The plan the model's column values stand for. */
export function decode(built: Built, values: number[]): { id: string; start: number }[] {
  const out: { id: string; start: number }[] = [];
  built.columns.forEach((col, j) => {
    if (values[j]! > 0.5) out.push({ id: built.ids[col.candidate]!, start: col.start });
  });
  return out;
}

/**
 * For each free candidate left out: at which of its starts the fewest constraints stand in its
 * way against the plan as chosen, which they are, and by how much each would have to give.
 * The plan plus the candidate is then feasible, so relaxing those gains at least its score.
 * One pass over the candidates against the final plan: bounded, whatever the plan's size.
 */
function explain(problem: OptimiserProblem, chosen: { id: string; start: number }[], onProgress: OptimiseOptions["onProgress"]): Explanation[] {
  const state = new PlanState(problem);
  for (const p of chosen) state.add(p.id, p.start);
  const left = problem.candidates.filter((c) => c.mode === "free" && !state.chosen.has(c.id));
  const out: Explanation[] = [];
  left.forEach((c, k) => {
    let best: Explanation | null = null;
    for (const start of c.starts) {
      const blockedBy = [...state.capacityOver(c.id, start), ...state.balanceBroken(c.id).filter((b) => b.kind === "balance" && (b.quadrant === c.quadrant ? b.side === "max" : b.side === "min")), ...state.missingDependencies(c.id)];
      if (!best || blockedBy.length < best.blockedBy.length) best = { id: c.id, start, blockedBy, gainIfRelaxed: blockedBy.length ? c.score : null };
      if (!blockedBy.length) break;
    }
    out.push(best!);
    if (k % 100 === 99) onProgress?.({ stage: "explain", done: k + 1, total: left.length });
  });
  return out;
}

/**
 * Which constraints conflict: the solver's irreducible infeasible subsystem when it finds one;
 * otherwise (integrality alone makes it infeasible) each kind of constraint is left out in turn,
 * and where that makes a plan possible, the constraints of that kind the plan breaks are named.
 */
async function diagnose(problem: OptimiserProblem, built: Built, iis: { rows: number[]; cols: number[] } | undefined, timeLimitSeconds: number, solve: Solve): Promise<Conflict[]> {
  // Rows name their constraint; a column in the subsystem is a candidate whose being in (forced, running) matters.
  const fromCols = (iis?.cols ?? []).map((j) => problem.candidates[built.columns[j]!.candidate]!).flatMap((c): Constraint[] => (c.mode === "forced" || c.mode === "running" ? [{ kind: c.mode, id: c.id }] : []));
  const fromIis = [...(iis?.rows ?? []).map((r) => built.rows[r]).filter((c): c is Constraint => !!c), ...fromCols];
  if (fromIis.length) return [{ constraints: dedupe(fromIis) }];
  // Without every kind of constraint any plan holds; kinds are put back one at a time as long as
  // a plan still exists. The kinds left out are those in conflict; the plan found without them
  // names which of their constraints it has to break.
  const kinds: Kind[] = ["capacity", "balance", "equity", "dependency", "forced", "running"];
  const omitted = new Set<Kind>(kinds);
  let plan: { id: string; start: number }[] | null = null;
  const attempt = async (omit: Set<Kind>) => {
    const without = buildModel(problem, omit);
    const out = await solve(without.model, { timeLimitSeconds: Math.min(5, timeLimitSeconds), relativeGap: 1 });
    return out.values ? decode(without, out.values) : null;
  };
  plan = await attempt(omitted);
  for (const kind of kinds) {
    const fewer = new Set([...omitted].filter((k) => k !== kind));
    const found = await attempt(fewer);
    if (found) {
      omitted.delete(kind);
      plan = found;
    }
  }
  const broken = plan ? planViolations(problem, plan).filter((b) => omitted.has(b.kind)) : [];
  const conflicts: Conflict[] = broken.length ? [{ constraints: dedupe(broken.map(({ by: _by, ...c }) => c as Constraint)) }] : [];
  // Never an empty answer: at the least, the kinds that could not be put back.
  return conflicts.length ? conflicts : [{ constraints: [...omitted].map((kind) => ({ kind }) as unknown as Constraint) }];
}

function dedupe(list: Constraint[]): Constraint[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = JSON.stringify(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
