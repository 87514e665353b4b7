// Runs the optimiser: the model to the solver (with the greedy plan as a first incumbent), the
// answer decoded into a plan with its gap, each left-out initiative explained, or, when no plan
// can meet every constraint, the constraints that conflict.
import { greedy } from "./greedy";
import { buildModel, type Built, type Kind } from "./model";
import { PlanState, planViolations } from "./plan";
import { checkProblem, type Conflict, type Constraint, type Explanation, type OptimiserProblem, type OptimiserResult, type Solve } from "./problem";

export type OptimiseOptions = {
  timeLimitSeconds: number;
  /** Stop when proven within this relative gap (HiGHS's default 1e-4 if not given; 0: prove the optimum). */
  relativeGap?: number;
  /** Explain every candidate left out (default on). */
  explain?: boolean;
  onProgress?: (p: { stage: "solve" | "explain" | "diagnose"; done: number; total: number }) => void;
};

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export async function optimise(problem: OptimiserProblem, options: OptimiseOptions, solve: Solve): Promise<OptimiserResult> {
  checkProblem(problem);
  const started = performance.now();
  const built = buildModel(problem);
  const baseline = greedy(problem);
  options.onProgress?.({ stage: "solve", done: 0, total: 1 });
  const out = await solve(built.model, {
    timeLimitSeconds: options.timeLimitSeconds,
    relativeGap: options.relativeGap ?? 1e-4,
    start: baseline.violations.length ? undefined : columnValues(built, baseline.chosen),
    iis: true,
  });
  const seconds = () => round((performance.now() - started) / 1000);
  const upper = problem.candidates.reduce((s, c) => s + (c.mode === "excluded" ? 0 : c.score), 0);

  if (out.status === "infeasible") {
    options.onProgress?.({ stage: "diagnose", done: 0, total: 1 });
    const conflicts = await diagnose(problem, built, out.iis, options.timeLimitSeconds, solve);
    return { status: "infeasible", chosen: [], objective: 0, bound: 0, gap: 0, seconds: seconds(), explanations: [], conflicts };
  }
  if (out.status === "error") throw new Error(`The solver failed: ${out.message ?? "unknown error"}`);

  // No incumbent within the time limit: the greedy plan, when it holds, is the best known.
  const chosen = out.values ? decode(built, out.values) : baseline.violations.length ? [] : baseline.chosen;
  const objective = round(chosen.reduce((s, p) => s + problem.candidates.find((c) => c.id === p.id)!.score, 0));
  const bound = round(out.bound !== null ? Math.max(objective, -out.bound) : upper);
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
