// The portfolio optimiser's problem and answer, as plain data: which initiatives to run (and
// when to start each) for the most benefit score within capacity, balance and fairness.
import type { Quadrant } from "../pios";

export type Measure = "effort" | "cost" | "count";

export type OptimiserProblem = {
  /** The horizon in order, e.g. twelve quarters "2027-Q1" … */
  quarters: string[];
  /** Hours per quarter of the horizon (index = quarter index). */
  pools: { id: string; capacity: number[] }[];
  candidates: Candidate[];
  /** Target shares in percent (summing to 100) ± tolerance in percentage points, over the chosen candidates that have a quadrant. */
  balance: { target: Record<Quadrant, number>; tolerancePercent: number; measure: Measure } | null;
  /**
   * Each department gets at least floor % of the hours its (not excluded) candidates ask for,
   * counted on `pools` (default: every pool); `perDepartment` overrides the floor.
   */
  equity: { floorPercent: number; perDepartment?: Record<string, number>; pools?: string[] } | null;
};

export type Candidate = {
  id: string;
  department: string;
  /** null: not counted in the balance. */
  quadrant: Quadrant | null;
  /** The benefit score: the objective's weight (≥ 0). */
  score: number;
  costSek: number;
  /** Hours per quarter relative to the start (index 0 = the start quarter); hours past the horizon are not constrained. */
  load: { pool: string; hours: number[] }[];
  /** Allowed start-quarter indices within the horizon (one = a fixed start). */
  starts: number[];
  /** running: under way, always in at its fixed start; forced: must be in; excluded: never. */
  mode: "free" | "forced" | "excluded" | "running";
  /** This one only if each of these is in too. */
  requires: string[];
};

export type Constraint =
  | { kind: "capacity"; pool: string; quarter: number }
  | { kind: "balance"; quadrant: Quadrant; side: "min" | "max" }
  | { kind: "equity"; department: string }
  | { kind: "dependency"; id: string; requires: string }
  | { kind: "forced"; id: string }
  | { kind: "running"; id: string };

/** A blocking constraint with how much it would have to give for the candidate to fit (hours, or percentage points for the balance). */
export type Blocking = Constraint & { by: number };

export type Explanation = {
  id: string;
  /** The start at which the fewest constraints stand in the way. */
  start: number;
  /** What keeps it out of this plan at that start; empty: nothing, the capacity is worth more elsewhere (or its score is 0). */
  blockedBy: Blocking[];
  /**
   * The benefit score the plan would gain, at least, if the constraints in blockedBy were relaxed
   * by their `by`: the plan as it is plus this candidate is then feasible. Null when nothing blocks it.
   */
  gainIfRelaxed: number | null;
};

export type Conflict = { constraints: Constraint[] };

export type OptimiserResult = {
  status: "optimal" | "time_limit" | "infeasible";
  chosen: { id: string; start: number }[];
  /** Total score of the chosen plan. */
  objective: number;
  /** The best proven upper bound on the total score. */
  bound: number;
  /** (bound − objective) / objective; 0 when optimal. */
  gap: number;
  seconds: number;
  explanations: Explanation[];
  /** When infeasible: constraints that cannot all hold at once (never an empty answer). */
  conflicts: Conflict[];
};

// ---- The solver's side: a mixed-integer model as arrays, and what comes back ----------

/** minimise colCost·x subject to rowLower ≤ A·x ≤ rowUpper, colLower ≤ x ≤ colUpper, x integer where integrality = 1. A in CSR. */
export type MipModel = {
  numCols: number;
  numRows: number;
  colCost: number[];
  colLower: number[];
  colUpper: number[];
  rowLower: number[];
  rowUpper: number[];
  matrix: { format: "csr"; numRows: number; numCols: number; starts: number[]; indices: number[]; values: number[] };
  integrality: number[];
};
export type SolveOptions = {
  timeLimitSeconds: number;
  relativeGap: number;
  start?: number[];
  iis?: boolean;
  /** Solve the LP relaxation instead (integrality ignored): its optimum, column values and reduced costs. */
  relaxation?: boolean;
};
export type SolverOutput = {
  status: "optimal" | "time_limit" | "infeasible" | "error";
  /** Of the minimisation; null without a solution. */
  objective: number | null;
  bound: number | null;
  values: number[] | null;
  seconds: number;
  /** When infeasible and asked for: rows and columns of an irreducible infeasible subsystem. */
  iis?: { rows: number[]; cols: number[] };
  /** Of the LP relaxation, when asked for it: each column's reduced cost. */
  reducedCosts?: number[];
  message?: string;
};
/** Solves a model: in process (tests, benchmarks) or in a worker thread (the server). */
export type Solve = (model: MipModel, options: SolveOptions) => Promise<SolverOutput>;

// ---- Checking a problem --------------------------------------------------------------------

export class ProblemError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`The optimiser's problem is not valid: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`);
  }
}

/** Refuses what the model cannot mean: unknown pools or candidates, negative figures, starts outside the horizon. */
export function checkProblem(p: OptimiserProblem): void {
  const issues: { path: string; message: string }[] = [];
  const pools = new Set(p.pools.map((x) => x.id));
  const ids = new Set<string>();
  p.pools.forEach((pool, i) => {
    if (pool.capacity.length !== p.quarters.length) issues.push({ path: `pools.${i}.capacity`, message: "one value per quarter" });
    pool.capacity.forEach((h, q) => (!Number.isFinite(h) || h < 0) && issues.push({ path: `pools.${i}.capacity.${q}`, message: "negative" }));
  });
  p.candidates.forEach((c, i) => {
    if (ids.has(c.id)) issues.push({ path: `candidates.${i}.id`, message: "duplicate" });
    ids.add(c.id);
    if (!Number.isFinite(c.score) || c.score < 0) issues.push({ path: `candidates.${i}.score`, message: "negative" });
    if (!c.starts.length && c.mode !== "excluded") issues.push({ path: `candidates.${i}.starts`, message: "empty" });
    c.starts.forEach((s) => (!Number.isInteger(s) || s < 0 || s >= p.quarters.length) && issues.push({ path: `candidates.${i}.starts`, message: "outsideHorizon" }));
    c.load.forEach((l, k) => {
      if (!pools.has(l.pool)) issues.push({ path: `candidates.${i}.load.${k}.pool`, message: `unknownPool ${l.pool}` });
      l.hours.forEach((h) => (!Number.isFinite(h) || h < 0) && issues.push({ path: `candidates.${i}.load.${k}.hours`, message: "negative" }));
    });
  });
  p.candidates.forEach((c, i) => c.requires.forEach((r, k) => !ids.has(r) && issues.push({ path: `candidates.${i}.requires.${k}`, message: `unknownCandidate ${r}` })));
  if (p.balance) {
    const t = p.balance.tolerancePercent;
    if (!(t >= 0 && t <= 50)) issues.push({ path: "balance.tolerancePercent", message: "outside 0–50" });
  }
  if (p.equity && !(p.equity.floorPercent >= 0 && p.equity.floorPercent <= 100)) issues.push({ path: "equity.floorPercent", message: "outside 0–100" });
  if (issues.length) throw new ProblemError(issues);
}
