// A plan as it is being built or checked: capacity used, balance amounts, equity granted. Shared
// by the greedy baseline, the explanations and the checks of a finished plan.
import type { Quadrant } from "../pios";
import { hoursOf, measureOf } from "./model";
import type { Blocking, OptimiserProblem } from "./problem";

const EPS = 1e-6;

export class PlanState {
  readonly used: Map<string, number[]>;
  readonly chosen = new Map<string, number>();
  private readonly capacity: Map<string, number[]>;
  private readonly index: Map<string, number>;
  /** Balance amounts per quadrant of the chosen candidates with a quadrant. */
  private readonly amounts = new Map<Quadrant, number>();
  private total = 0;

  constructor(readonly problem: OptimiserProblem) {
    this.capacity = new Map(problem.pools.map((p) => [p.id, p.capacity]));
    this.used = new Map(problem.pools.map((p) => [p.id, problem.quarters.map(() => 0)]));
    this.index = new Map(problem.candidates.map((c, i) => [c.id, i]));
  }

  private candidate(id: string) {
    return this.problem.candidates[this.index.get(id)!]!;
  }

  add(id: string, start: number): void {
    this.chosen.set(id, start);
    this.apply(id, start, 1);
  }

  remove(id: string): void {
    const start = this.chosen.get(id);
    if (start === undefined) return;
    this.chosen.delete(id);
    this.apply(id, start, -1);
  }

  private apply(id: string, start: number, sign: 1 | -1): void {
    const c = this.candidate(id);
    for (const l of c.load) {
      const row = this.used.get(l.pool);
      if (row) l.hours.forEach((h, k) => start + k < row.length && (row[start + k] = row[start + k]! + sign * h));
    }
    if (this.problem.balance && c.quadrant) {
      const w = sign * measureOf(c, this.problem.balance.measure);
      this.amounts.set(c.quadrant, (this.amounts.get(c.quadrant) ?? 0) + w);
      this.total += w;
    }
  }

  /** Cells where adding the candidate at this start would exceed capacity, with the hours over. */
  capacityOver(id: string, start: number): Blocking[] {
    const c = this.candidate(id);
    const over: Blocking[] = [];
    const need = new Map<string, number>();
    for (const l of c.load) l.hours.forEach((h, k) => start + k < this.problem.quarters.length && h > 0 && need.set(`${l.pool}|${start + k}`, (need.get(`${l.pool}|${start + k}`) ?? 0) + h));
    for (const [key, h] of need) {
      const [pool, q] = key.split("|") as [string, string];
      const cap = this.capacity.get(pool);
      if (!cap) continue;
      const quarter = Number(q);
      const after = this.used.get(pool)![quarter]! + h;
      if (after > cap[quarter]! + EPS) over.push({ kind: "capacity", pool, quarter, by: Math.ceil(after - cap[quarter]!) });
    }
    return over;
  }

  /** Balance bounds the plan would break with this candidate added, by how many percentage points. */
  balanceBroken(id: string | null): Blocking[] {
    const b = this.problem.balance;
    if (!b) return [];
    const c = id ? this.candidate(id) : null;
    const extra = c?.quadrant ? measureOf(c, b.measure) : 0;
    const total = this.total + extra;
    if (total <= 0) return [];
    const out: Blocking[] = [];
    for (const quadrant of Object.keys(b.target) as Quadrant[]) {
      const share = (100 * ((this.amounts.get(quadrant) ?? 0) + (c?.quadrant === quadrant ? extra : 0))) / total;
      const lo = b.target[quadrant] - b.tolerancePercent;
      const hi = b.target[quadrant] + b.tolerancePercent;
      if (lo > 0 && share < lo - 1e-7) out.push({ kind: "balance", quadrant, side: "min", by: Math.round((lo - share) * 10) / 10 });
      if (hi < 100 && share > hi + 1e-7) out.push({ kind: "balance", quadrant, side: "max", by: Math.round((share - hi) * 10) / 10 });
    }
    return out;
  }

  /** Required candidates that are not in the plan. */
  missingDependencies(id: string): Blocking[] {
    return this.candidate(id).requires.filter((r) => !this.chosen.has(r)).map((r) => ({ kind: "dependency" as const, id, requires: r, by: 0 }));
  }

  /** Departments below their equity floor, by how many hours. */
  equityShort(): Blocking[] {
    const e = this.problem.equity;
    if (!e) return [];
    const pools = e.pools ? new Set(e.pools) : undefined;
    const asked = new Map<string, number>();
    const granted = new Map<string, number>();
    for (const c of this.problem.candidates) {
      if (c.mode === "excluded") continue;
      const h = hoursOf(c, pools);
      asked.set(c.department, (asked.get(c.department) ?? 0) + h);
      if (this.chosen.has(c.id)) granted.set(c.department, (granted.get(c.department) ?? 0) + h);
    }
    const out: Blocking[] = [];
    for (const [department, a] of asked) {
      const floor = ((e.perDepartment?.[department] ?? e.floorPercent) / 100) * a;
      const g = granted.get(department) ?? 0;
      if (a > 0 && g < floor - EPS) out.push({ kind: "equity", department, by: Math.ceil(floor - g) });
    }
    return out;
  }

  score(): number {
    let s = 0;
    for (const id of this.chosen.keys()) s += this.candidate(id).score;
    return s;
  }
}

/** Every constraint a complete plan breaks (empty: feasible). For checking solutions and brute force. */
export function planViolations(problem: OptimiserProblem, plan: { id: string; start: number }[]): Blocking[] {
  const state = new PlanState(problem);
  const byId = new Map(problem.candidates.map((c) => [c.id, c]));
  const out: Blocking[] = [];
  for (const p of plan) {
    const c = byId.get(p.id);
    if (!c || c.mode === "excluded" || !c.starts.includes(p.start)) out.push({ kind: "forced", id: p.id, by: 0 });
    out.push(...state.capacityOver(p.id, p.start));
    state.add(p.id, p.start);
  }
  for (const c of problem.candidates) {
    if ((c.mode === "forced" || c.mode === "running") && !state.chosen.has(c.id)) out.push({ kind: c.mode, id: c.id, by: 0 });
    if (state.chosen.has(c.id)) out.push(...state.missingDependencies(c.id));
  }
  out.push(...state.balanceBroken(null), ...state.equityShort());
  return out;
}
