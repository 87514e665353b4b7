// What-if scenarios: the live portfolio with a scenario's changes becomes the optimiser's
// problem, and any plan (live, by hand, optimised or greedy) is measured the same way so
// scenarios can be compared side by side. Pure: the server loads the facts.
import { balance, type WeightBy } from "./balance";
import { quarterIndex, quarterSequence } from "./capacity";
import type { Candidate, OptimiserProblem } from "./optimiser/problem";
import type { Quadrant } from "./pios";

export type PoolKind = "DIG" | "DIGITAL_CENTER" | "LOCAL";
export const CENTRAL_KINDS: readonly PoolKind[] = ["DIG", "DIGITAL_CENTER"];

export type FactInitiative = {
  id: string; number: number; title: string; status: string;
  departmentId: string; department: string; quadrant: Quadrant | null;
  /** The benefit score under the scenario's weights. */
  score: number;
  costSek: number | null; effortHours: number | null; annualBenefitSek: number | null;
  kind: "INFRASTRUCTURE" | "BUSINESS_DEVELOPMENT" | null; size: "SMALL" | "MEDIUM" | "LARGE" | null;
  plannedStart: string | null; plannedEnd: string | null; desiredStart: string | null;
  allocations: { poolId: string; quarter: string; hours: number }[];
};
export type FactPool = { id: string; name: string; kind: PoolKind; departmentId: string | null; active: boolean; capacity: Map<string, number> };
export type PortfolioFacts = { current: string; initiatives: FactInitiative[]; pools: FactPool[]; target: Record<Quadrant, number> | null };

export type ScenarioSettings = {
  horizon: { from: string; quarters: number };
  include: string[]; exclude: string[];
  starts: { initiativeId: string; quarter: string }[];
  dependencies: { initiativeId: string; requiresId: string }[];
  capacity: { poolId: string; from: string; to: string | null; hoursPerQuarter: number }[];
  startWindow: number;
  balanceTolerancePercent: number | null;
  balanceMeasure: WeightBy;
  equityFloorPercent: number | null;
};

/** Running: kept as they are. Live: what is decided (running, paused or approved and not started). */
export const RUNNING = new Set(["IN_PROGRESS", "PAUSED"]);
export const LIVE = new Set(["APPROVED", "IN_PROGRESS", "PAUSED"]);
/** Candidates: awaiting a decision or decided and not done. */
export const CANDIDATE_STATUSES = new Set(["TRIAGED", "APPROVED", "IN_PROGRESS", "PAUSED"]);

/** Without a plan, how many quarters an initiative of a size runs. */
const QUARTERS_BY_SIZE = { SMALL: 1, MEDIUM: 2, LARGE: 4 } as const;
const DEFAULT_QUARTERS = 2;

export function horizonQuarters(s: Pick<ScenarioSettings, "horizon">): string[] {
  return quarterSequence(s.horizon.from, s.horizon.quarters);
}

/** The pool that unallocated effort draws on: Digitalt center builds infrastructure, DIG the rest. */
export function defaultPool(pools: readonly FactPool[], kind: FactInitiative["kind"]): FactPool | null {
  const active = pools.filter((p) => p.active).sort((a, b) => a.name.localeCompare(b.name, "sv"));
  const wanted: PoolKind = kind === "INFRASTRUCTURE" ? "DIGITAL_CENTER" : "DIG";
  return active.find((p) => p.kind === wanted) ?? active.find((p) => CENTRAL_KINDS.includes(p.kind)) ?? null;
}

/** Each pool's capacity per quarter of the horizon, with the scenario's changes; never below 0. */
export function scenarioCapacity(facts: PortfolioFacts, s: ScenarioSettings): Map<string, number[]> {
  const quarters = horizonQuarters(s);
  const out = new Map<string, number[]>();
  for (const pool of facts.pools) {
    // A quarter without a record carries the last recorded capacity on (staffing is planned ahead).
    let last = 0;
    const before = [...pool.capacity.keys()].filter((q) => q < quarters[0]!).sort();
    if (before.length) last = pool.capacity.get(before.at(-1)!)!;
    out.set(pool.id, quarters.map((q) => (last = pool.capacity.get(q) ?? last)));
  }
  for (const change of s.capacity) {
    const row = out.get(change.poolId);
    if (!row) continue;
    quarters.forEach((q, i) => {
      if (q >= change.from && (change.to === null || q <= change.to)) row[i] = row[i]! + change.hoursPerQuarter;
    });
  }
  for (const row of out.values()) row.forEach((h, i) => (row[i] = Math.max(0, h)));
  return out;
}

export type Load = { pool: string; hours: number[] };

/**
 * An initiative's demand relative to its start: its allocations where it has any, otherwise its
 * estimated effort spread evenly over its planned quarters (or a size's usual length) on the
 * central pool of its kind. Running initiatives are anchored at the horizon's first quarter.
 */
export function loadOf(i: FactInitiative, facts: PortfolioFacts, s: ScenarioSettings): { reference: string; load: Load[]; estimated: boolean; unknownEffort: boolean } {
  const first = s.horizon.from;
  const running = RUNNING.has(i.status);
  const allocated = i.allocations.filter((a) => a.hours > 0 && a.quarter >= first);
  if (allocated.length) {
    const reference = running ? first : (i.plannedStart && i.plannedStart >= first ? i.plannedStart : allocated.map((a) => a.quarter).sort()[0]!);
    const byPool = new Map<string, number[]>();
    for (const a of allocated) {
      const offset = quarterIndex(a.quarter) - quarterIndex(reference);
      if (offset < 0) continue;
      const row = byPool.get(a.poolId) ?? [];
      row[offset] = (row[offset] ?? 0) + a.hours;
      byPool.set(a.poolId, row);
    }
    return { reference, load: [...byPool].map(([pool, hours]) => ({ pool, hours: Array.from(hours, (h) => h ?? 0) })), estimated: false, unknownEffort: false };
  }
  const reference = running ? first : startOf(i, s);
  const pool = defaultPool(facts.pools, i.kind);
  if (!pool || !i.effortHours) return { reference, load: [], estimated: true, unknownEffort: i.effortHours === null };
  const planned = i.plannedStart && i.plannedEnd && i.plannedEnd >= i.plannedStart ? quarterIndex(i.plannedEnd) - quarterIndex(i.plannedStart) + 1 : null;
  const length = Math.max(1, planned ?? (i.size ? QUARTERS_BY_SIZE[i.size] : DEFAULT_QUARTERS));
  // Running ones have already done part of it; what is left is spread over what remains of the plan.
  const remaining = running && i.plannedEnd ? Math.max(1, quarterIndex(i.plannedEnd) - quarterIndex(first) + 1) : length;
  const each = Math.floor(i.effortHours / remaining);
  const hours = Array.from({ length: remaining }, (_, k) => (k === remaining - 1 ? i.effortHours! - each * (remaining - 1) : each));
  return { reference, load: [{ pool: pool.id, hours }], estimated: true, unknownEffort: false };
}

/** Where an initiative would start by its own plan: planned, else desired, never before the horizon. */
function startOf(i: FactInitiative, s: ScenarioSettings): string {
  const planned = i.plannedStart ?? i.desiredStart ?? s.horizon.from;
  return planned < s.horizon.from ? s.horizon.from : planned;
}

export type ProblemNotes = {
  /** Candidates whose effort is unknown: they take no capacity in any plan. */
  unknownEffort: string[];
  /** Candidates whose earliest start is after the horizon: left out. */
  beyondHorizon: string[];
  /** Pool quarters that running work alone already overloads: kept as they are, nothing added. */
  overloaded: { pool: string; quarter: string; hours: number; capacity: number }[];
  /** Pools with no capacity recorded at all: not constrained. */
  unconstrained: string[];
};

/** The optimiser's problem for a scenario: candidates, capacity, balance and equity. */
export function buildProblem(facts: PortfolioFacts, s: ScenarioSettings): { problem: OptimiserProblem; notes: ProblemNotes } {
  const quarters = horizonQuarters(s);
  const capacity = scenarioCapacity(facts, s);
  const fixed = new Map(s.starts.map((x) => [x.initiativeId, x.quarter]));
  const include = new Set(s.include);
  const exclude = new Set(s.exclude);
  const requires = new Map<string, string[]>();
  for (const d of s.dependencies) requires.set(d.initiativeId, [...(requires.get(d.initiativeId) ?? []), d.requiresId]);
  const notes: ProblemNotes = { unknownEffort: [], beyondHorizon: [], overloaded: [], unconstrained: [] };
  const candidates: Candidate[] = [];
  for (const i of facts.initiatives) {
    if (!CANDIDATE_STATUSES.has(i.status)) continue;
    const running = RUNNING.has(i.status);
    const { reference, load, unknownEffort } = loadOf(i, facts, s);
    if (unknownEffort) notes.unknownEffort.push(i.id);
    const base = quarterIndex(fixed.get(i.id) ?? reference) - quarterIndex(s.horizon.from);
    const starts = running ? [0] : fixed.has(i.id) ? [base] : Array.from({ length: s.startWindow + 1 }, (_, k) => base + k);
    const inside = starts.filter((k) => k >= 0 && k < quarters.length);
    if (!inside.length) {
      notes.beyondHorizon.push(i.id);
      continue;
    }
    candidates.push({
      id: i.id, department: i.departmentId, quadrant: i.quadrant, score: i.score, costSek: i.costSek ?? 0,
      load, starts: inside,
      mode: running ? "running" : exclude.has(i.id) ? "excluded" : include.has(i.id) ? "forced" : "free",
      requires: requires.get(i.id) ?? [],
    });
  }
  // Known candidates only in dependencies (one may have left the candidates, e.g. beyond the horizon).
  const known = new Set(candidates.map((c) => c.id));
  for (const c of candidates) c.requires = c.requires.filter((r) => known.has(r));
  // What running work alone needs: accepted where it already exceeds capacity, nothing added there.
  const runningLoad = new Map<string, number[]>();
  for (const c of candidates.filter((c) => c.mode === "running")) {
    for (const l of c.load) {
      const row = runningLoad.get(l.pool) ?? quarters.map(() => 0);
      l.hours.forEach((h, k) => k < quarters.length && (row[k] = row[k]! + h));
      runningLoad.set(l.pool, row);
    }
  }
  const pools: OptimiserProblem["pools"] = [];
  for (const pool of facts.pools) {
    if (!pool.capacity.size && !s.capacity.some((c) => c.poolId === pool.id)) {
      notes.unconstrained.push(pool.id);
      continue;
    }
    const row = [...capacity.get(pool.id)!];
    const need = runningLoad.get(pool.id);
    if (need) {
      row.forEach((h, k) => {
        if (need[k]! > h) {
          notes.overloaded.push({ pool: pool.id, quarter: quarters[k]!, hours: need[k]!, capacity: h });
          row[k] = need[k]!;
        }
      });
    }
    pools.push({ id: pool.id, capacity: row });
  }
  const constrained = new Set(pools.map((p) => p.id));
  for (const c of candidates) c.load = c.load.filter((l) => constrained.has(l.pool) || isCentral(facts, l.pool));
  return {
    problem: {
      quarters,
      pools,
      candidates,
      balance: facts.target && s.balanceTolerancePercent !== null ? { target: facts.target, tolerancePercent: s.balanceTolerancePercent, measure: s.balanceMeasure } : null,
      equity: s.equityFloorPercent !== null && s.equityFloorPercent > 0 ? { floorPercent: s.equityFloorPercent } : null,
    },
    notes,
  };
}

function isCentral(facts: PortfolioFacts, poolId: string): boolean {
  const p = facts.pools.find((x) => x.id === poolId);
  return !!p && CENTRAL_KINDS.includes(p.kind);
}

export type Plan = { id: string; start: number }[];

/**
 * The scenario's plan by hand, before any optimiser run: the live portfolio (running and
 * approved) with the scenario's inclusions, without its exclusions, at their planned or fixed starts.
 */
export function manualPlan(facts: PortfolioFacts, problem: OptimiserProblem): Plan {
  const live = new Set(facts.initiatives.filter((i) => LIVE.has(i.status)).map((i) => i.id));
  return problem.candidates
    .filter((c) => c.mode === "running" || c.mode === "forced" || (c.mode === "free" && live.has(c.id)))
    .map((c) => ({ id: c.id, start: c.starts[0]! }));
}

export type PlanMeasures = {
  initiatives: number;
  totalScore: number;
  yearlyBenefitSek: number;
  balance: { quadrant: Quadrant; share: number; target: number | null; deviation: number | null }[];
  balanceExcluded: number;
  load: { pool: string; quarters: { quarter: string; hours: number; capacity: number; percent: number | null }[] }[];
  equity: { department: string; departmentId: string; askedHours: number; grantedHours: number; percent: number | null }[];
  dropped: string[];
  added: string[];
};

/** Measures a plan: score, yearly benefit, PIOS balance against the target, pool load, department equity, and what it drops or adds against the live portfolio. */
export function measurePlan(facts: PortfolioFacts, problem: OptimiserProblem, plan: Plan): PlanMeasures {
  const byId = new Map(facts.initiatives.map((i) => [i.id, i]));
  const candidates = new Map(problem.candidates.map((c) => [c.id, c]));
  const chosen = plan.filter((p) => byId.has(p.id));
  const ids = new Set(chosen.map((p) => p.id));
  const quarters = problem.quarters;
  const used = new Map(problem.pools.map((p) => [p.id, quarters.map(() => 0)]));
  for (const p of chosen) {
    for (const l of candidates.get(p.id)?.load ?? []) {
      const row = used.get(l.pool);
      if (!row) continue;
      l.hours.forEach((h, k) => p.start + k < quarters.length && (row[p.start + k] = row[p.start + k]! + h));
    }
  }
  const b = balance(
    chosen.map((p) => byId.get(p.id)!).map((i) => ({ quadrant: i.quadrant, costSek: i.costSek, effortHours: i.effortHours })),
    problem.balance?.measure ?? "effort",
    facts.target,
  );
  // Equity: central hours each department asks for (all its candidates) against what the plan grants.
  const central = new Set(facts.pools.filter((p) => CENTRAL_KINDS.includes(p.kind)).map((p) => p.id));
  const centralHours = (id: string) => (candidates.get(id)?.load ?? []).filter((l) => central.has(l.pool)).reduce((s, l) => s + l.hours.reduce((a, h) => a + h, 0), 0);
  const equity = new Map<string, { department: string; departmentId: string; askedHours: number; grantedHours: number }>();
  for (const c of problem.candidates) {
    if (c.mode === "excluded") continue;
    const i = byId.get(c.id)!;
    const e = equity.get(i.departmentId) ?? { department: i.department, departmentId: i.departmentId, askedHours: 0, grantedHours: 0 };
    e.askedHours += centralHours(c.id);
    if (ids.has(c.id)) e.grantedHours += centralHours(c.id);
    equity.set(i.departmentId, e);
  }
  const live = facts.initiatives.filter((i) => LIVE.has(i.status));
  return {
    initiatives: chosen.length,
    totalScore: round1(chosen.reduce((s, p) => s + byId.get(p.id)!.score, 0)),
    yearlyBenefitSek: chosen.reduce((s, p) => s + (byId.get(p.id)!.annualBenefitSek ?? 0), 0),
    balance: b.quadrants.map((q) => ({ quadrant: q.quadrant, share: q.actualPercent, target: q.targetPercent, deviation: q.deviation })),
    balanceExcluded: b.excluded,
    load: problem.pools.map((p) => ({
      pool: p.id,
      quarters: quarters.map((quarter, k) => ({ quarter, hours: used.get(p.id)![k]!, capacity: p.capacity[k]!, percent: p.capacity[k]! > 0 ? Math.round((100 * used.get(p.id)![k]!) / p.capacity[k]!) : null })),
    })),
    equity: [...equity.values()]
      .filter((e) => e.askedHours > 0)
      .map((e) => ({ ...e, percent: e.askedHours > 0 ? Math.round((100 * e.grantedHours) / e.askedHours) : null }))
      .sort((a, b) => a.department.localeCompare(b.department, "sv")),
    dropped: live.filter((i) => !ids.has(i.id)).map((i) => i.id),
    added: chosen.filter((p) => !LIVE.has(byId.get(p.id)!.status)).map((p) => p.id),
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export type Adoption = { initiativeId: string; type: "APPROVE" | "DEFER" | "REPRIORITISE"; startQuarter: string | null }[];

/**
 * What adopting a plan decides: approve what it adds, defer what it drops of the approved
 * ones (running ones are always kept), and move the planned start of what it keeps but starts
 * in another quarter.
 */
export function adoptionOf(facts: PortfolioFacts, problem: OptimiserProblem, plan: Plan): Adoption {
  const byId = new Map(facts.initiatives.map((i) => [i.id, i]));
  const chosen = new Map(plan.map((p) => [p.id, problem.quarters[p.start] ?? null]));
  const out: Adoption = [];
  for (const [id, start] of chosen) {
    const i = byId.get(id);
    if (!i) continue;
    if (i.status === "TRIAGED") out.push({ initiativeId: id, type: "APPROVE", startQuarter: start });
    else if (i.status === "APPROVED" && start && start !== i.plannedStart) out.push({ initiativeId: id, type: "REPRIORITISE", startQuarter: start });
  }
  for (const i of facts.initiatives) if (i.status === "APPROVED" && !chosen.has(i.id)) out.push({ initiativeId: i.id, type: "DEFER", startQuarter: null });
  return out;
}
