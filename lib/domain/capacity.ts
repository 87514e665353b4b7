// Resource pools: capacity, demand, load and the warnings that keep work flowing.
// Pure: the numbers and rules behind /resources, its API and the allocation checks.
import { addQuarters } from "./quarters";

/** Decided work that holds capacity: the "approved" demand. */
export const COMMITTED_STATUSES: readonly string[] = ["APPROVED", "IN_PROGRESS", "PAUSED"];
/** Awaiting a decision: their demand is shown separately, never mixed with committed demand. */
export const AWAITING_STATUSES: readonly string[] = ["SUBMITTED", "NEEDS_INFO", "TRIAGED"];
/**
 * Who may hold allocations. TRIAGED may be planned tentatively (it is ready for decision
 * and its demand shows as "awaiting"); before triage there is no basis to reserve people;
 * DONE, REJECTED, CANCELLED and DEFERRED hold no capacity and their history is frozen.
 */
export const ALLOCATABLE_STATUSES: readonly string[] = ["TRIAGED", "APPROVED", "IN_PROGRESS", "PAUSED"];

/** Competences offered when planning; pools may name others (free text). */
export const STANDARD_COMPETENCES = ["projektledare", "utvecklare", "arkitekt", "förändringsledare"] as const;

export const MIN_ALLOCATION_HOURS = 1;
export const MAX_ALLOCATION_HOURS = 10_000;
/** Allocations may be recorded this far back and planned this far ahead of the current quarter. */
export const QUARTERS_BACK = 8;
export const QUARTERS_AHEAD = 20;
/** One full-time person's working hours in a quarter, when a setting does not say otherwise. */
export const DEFAULT_HOURS_PER_FTE = 400;
export const DEFAULT_WIP_LIMIT = 5;

export type PoolKind = "DIG" | "DIGITAL_CENTER" | "LOCAL";
export type PoolInfo = { id: string; name: string; kind: PoolKind; departmentId: string | null; wipLimit: number | null };
export type CapacityRow = { poolId: string; quarter: string; competence: string; hours: number };
/** Allocated hours summed per pool, quarter, initiative status and owning department. */
export type DemandRow = { poolId: string; quarter: string; status: string; ownerDepartmentId: string; hours: number; initiatives: number; competence?: string };

// ---------------------------------------------------------------------------
// Quarters

export function quarterIndex(quarter: string): number {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) throw new Error(`Not a quarter: ${quarter}`);
  return Number(match[1]) * 4 + Number(match[2]) - 1;
}

/** `count` consecutive quarters from `from`. */
export function quarterSequence(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addQuarters(from, i));
}

/** The quarters allocations may use, seen from the current quarter. */
export function allocationWindow(current: string): { first: string; last: string } {
  return { first: addQuarters(current, -QUARTERS_BACK), last: addQuarters(current, QUARTERS_AHEAD) };
}

export function inWindow(quarter: string, window: { first: string; last: string }): boolean {
  const i = quarterIndex(quarter);
  return i >= quarterIndex(window.first) && i <= quarterIndex(window.last);
}

// ---------------------------------------------------------------------------
// Capacity

/**
 * A pool's capacity in one quarter. When the pool lists competences for the quarter its
 * total is their sum (the whole-pool row is kept equal to it and is not counted twice);
 * otherwise the whole-pool row (competence ""); no rows at all means no capacity (0).
 */
export function poolTotal(rows: readonly { competence: string; hours: number }[]): number {
  const competences = rows.filter((r) => r.competence !== "");
  if (competences.length) return competences.reduce((sum, r) => sum + r.hours, 0);
  return rows.find((r) => r.competence === "")?.hours ?? 0;
}

const key = (poolId: string, quarter: string) => `${poolId}|${quarter}`;

/** Total capacity per pool and quarter ("poolId|quarter" → hours), by the rule of poolTotal. */
export function capacityTotals(rows: readonly CapacityRow[]): Map<string, number> {
  const grouped = new Map<string, CapacityRow[]>();
  for (const r of rows) {
    const k = key(r.poolId, r.quarter);
    grouped.set(k, [...(grouped.get(k) ?? []), r]);
  }
  return new Map([...grouped].map(([k, list]) => [k, poolTotal(list)]));
}

/** Demand as a whole percentage of capacity; null when there is no capacity to compare with. */
export function loadPercent(demand: number, capacity: number): number | null {
  return capacity > 0 ? Math.round((demand / capacity) * 100) : null;
}

// ---------------------------------------------------------------------------
// Demand against capacity

export type DemandCell = {
  poolId: string;
  quarter: string;
  capacity: number;
  /** Allocated hours of APPROVED, IN_PROGRESS and PAUSED initiatives. */
  committed: number;
  /** Allocated hours of initiatives awaiting decision (tentative plans). */
  awaiting: number;
  /** committed ÷ capacity, %. */
  load: number | null;
  /** Committed demand exceeds capacity (also when demand meets no capacity at all). */
  over: boolean;
};

/** One cell per pool and quarter, in the order given. */
export function demandGrid(pools: readonly PoolInfo[], quarters: readonly string[], capacities: readonly CapacityRow[], demand: readonly DemandRow[]): DemandCell[] {
  const totals = capacityTotals(capacities);
  const committed = new Map<string, number>();
  const awaiting = new Map<string, number>();
  for (const d of demand) {
    const target = COMMITTED_STATUSES.includes(d.status) ? committed : AWAITING_STATUSES.includes(d.status) ? awaiting : null;
    if (target) target.set(key(d.poolId, d.quarter), (target.get(key(d.poolId, d.quarter)) ?? 0) + d.hours);
  }
  return pools.flatMap((p) =>
    quarters.map((quarter) => {
      const k = key(p.id, quarter);
      const capacity = totals.get(k) ?? 0;
      const c = committed.get(k) ?? 0;
      return { poolId: p.id, quarter, capacity, committed: c, awaiting: awaiting.get(k) ?? 0, load: loadPercent(c, capacity), over: c > capacity };
    }),
  );
}

export type CompetenceLoad = { competence: string; cells: { quarter: string; capacity: number; committed: number; over: boolean }[] };

/**
 * A pool's capacity and committed demand per competence and quarter (the pool page's grid).
 * Competences come from capacity rows and allocations; hours allocated to the pool as a
 * whole (competence "") count only toward the pool's total, so they are not in this grid.
 */
export function competenceGrid(quarters: readonly string[], capacities: readonly { quarter: string; competence: string; hours: number }[], demand: readonly DemandRow[]): CompetenceLoad[] {
  const names = new Set<string>();
  const capacity = new Map<string, number>();
  const committed = new Map<string, number>();
  for (const c of capacities) if (c.competence) (names.add(c.competence), capacity.set(`${c.competence}|${c.quarter}`, c.hours));
  for (const d of demand) {
    if (!d.competence || !COMMITTED_STATUSES.includes(d.status)) continue;
    names.add(d.competence);
    const k = `${d.competence}|${d.quarter}`;
    committed.set(k, (committed.get(k) ?? 0) + d.hours);
  }
  return [...names].sort((a, b) => a.localeCompare(b, "sv")).map((competence) => ({
    competence,
    cells: quarters.map((quarter) => {
      const cap = capacity.get(`${competence}|${quarter}`) ?? 0;
      const c = committed.get(`${competence}|${quarter}`) ?? 0;
      return { quarter, capacity: cap, committed: c, over: c > cap };
    }),
  }));
}

/** Pools over capacity: one warning per pool and quarter, with the load. */
export function overCapacity(grid: readonly DemandCell[]): DemandCell[] {
  return grid.filter((c) => c.over);
}

// ---------------------------------------------------------------------------
// Flow warnings

/** IN_PROGRESS initiatives with no allocation in the current quarter: started, but nobody works on them. */
export function starvedInitiatives<T extends { id: string; status: string }>(initiatives: readonly T[], allocations: readonly { initiativeId: string; quarter: string }[], current: string): T[] {
  const fed = new Set(allocations.filter((a) => a.quarter === current).map((a) => a.initiativeId));
  return initiatives.filter((i) => i.status === "IN_PROGRESS" && !fed.has(i.id));
}

export type WipWarning = { poolId: string; inProgress: number; limit: number };

/**
 * Pools drawn on by more IN_PROGRESS initiatives in the current quarter than their WIP
 * limit (the pool's own, else the default): finish before starting.
 */
export function wipWarnings(pools: readonly PoolInfo[], demand: readonly DemandRow[], current: string, defaultLimit: number): WipWarning[] {
  const running = new Map<string, number>();
  // Each initiative has one owning department, so counts from different departments' rows add up exactly.
  for (const d of demand) if (d.quarter === current && d.status === "IN_PROGRESS") running.set(d.poolId, (running.get(d.poolId) ?? 0) + d.initiatives);
  return pools.flatMap((p) => {
    const limit = p.wipLimit ?? defaultLimit;
    const inProgress = running.get(p.id) ?? 0;
    return inProgress > limit ? [{ poolId: p.id, inProgress, limit }] : [];
  });
}

/** Borrowed: the pool is another department's local pool. Central pools serve everyone and are never borrowed. */
export function isBorrowed(pool: { kind: PoolKind; departmentId: string | null }, ownerDepartmentId: string): boolean {
  return pool.kind === "LOCAL" && pool.departmentId !== null && pool.departmentId !== ownerDepartmentId;
}

export type BorrowedHours = { departmentId: string; borrowed: number; lent: number };

/** Committed hours each department borrows from others' local pools and lends from its own, sorted by department id. */
export function borrowedHours(pools: readonly PoolInfo[], demand: readonly DemandRow[]): BorrowedHours[] {
  const poolOf = new Map(pools.map((p) => [p.id, p]));
  const out = new Map<string, BorrowedHours>();
  const entry = (id: string) => out.get(id) ?? out.set(id, { departmentId: id, borrowed: 0, lent: 0 }).get(id)!;
  for (const d of demand) {
    const pool = poolOf.get(d.poolId);
    if (!pool || !COMMITTED_STATUSES.includes(d.status) || !isBorrowed(pool, d.ownerDepartmentId)) continue;
    entry(d.ownerDepartmentId).borrowed += d.hours;
    entry(pool.departmentId!).lent += d.hours;
  }
  return [...out.values()].sort((a, b) => a.departmentId.localeCompare(b.departmentId));
}

// ---------------------------------------------------------------------------
// The reinforcement estimate

/**
 * Central capacity per quarter for the estimate: the recorded capacity, or where a quarter
 * has none yet, the latest recorded before it (plans are entered a year or two ahead; the
 * estimate assumes today's staffing carries on). Quarters before any record count as 0.
 */
export function carriedCapacity(recorded: ReadonlyMap<string, number>, quarters: readonly string[], earlier: readonly { quarter: string; hours: number }[] = []): number[] {
  let last = [...earlier].sort((a, b) => quarterIndex(a.quarter) - quarterIndex(b.quarter)).at(-1)?.hours ?? 0;
  return quarters.map((q) => {
    const hours = recorded.get(q);
    if (hours !== undefined) last = hours;
    return last;
  });
}

export type Reinforcement = {
  n: number;
  /** Approved and running work not yet covered by any allocation, hours. */
  backlogHours: number;
  /** backlog ÷ N. */
  neededPerQuarter: number;
  /** Average over the N quarters of central capacity minus committed central demand (negative when overbooked). */
  freePerQuarter: number;
  /** Extra central hours per quarter: max(0, backlog ÷ N − free per quarter). */
  hoursPerQuarter: number;
  /** The same in full-time people (hours ÷ hours per FTE), one decimal. */
  fte: number;
};

/**
 * The central resources needed to clear the approved backlog within N quarters:
 * max(0, backlog/N − mean over the N quarters of (central capacity − committed central demand)).
 * Allocated hours already consume capacity, so the backlog counts only unallocated effort.
 */
export function reinforcement(input: { backlogHours: number; quarters: readonly { capacity: number; committed: number }[]; hoursPerFte: number }): Reinforcement {
  const n = input.quarters.length;
  if (n < 1) throw new Error("reinforcement needs at least one quarter");
  const needed = input.backlogHours / n;
  const free = input.quarters.reduce((sum, q) => sum + q.capacity - q.committed, 0) / n;
  const hours = Math.max(0, needed - free);
  return {
    n,
    backlogHours: input.backlogHours,
    neededPerQuarter: Math.round(needed),
    freePerQuarter: Math.round(free),
    hoursPerQuarter: Math.round(hours),
    fte: Math.round((hours / input.hoursPerFte) * 10) / 10,
  };
}

/**
 * Estimated effort of initiatives awaiting decision that have no allocations yet, placed in
 * their desired start quarter, or the current quarter if that has passed (they cannot start
 * earlier); those without a desired quarter are "unscheduled". Kept apart from pool demand:
 * nobody has said which pool would do the work.
 */
export function awaitingEstimate(rows: readonly { quarter: string | null; effort: number }[], current: string): { byQuarter: Record<string, number>; unscheduled: number } {
  const byQuarter: Record<string, number> = {};
  let unscheduled = 0;
  for (const r of rows) {
    if (!r.effort) continue;
    if (!r.quarter) {
      unscheduled += r.effort;
      continue;
    }
    const q = quarterIndex(r.quarter) < quarterIndex(current) ? current : r.quarter;
    byQuarter[q] = (byQuarter[q] ?? 0) + r.effort;
  }
  return { byQuarter, unscheduled };
}

/** Effort not yet covered by allocations: Σ max(0, estimated − allocated) over initiatives with a known estimate. */
export function unallocatedEffort(initiatives: readonly { estimatedEffortHours: number | null; allocatedHours: number }[]): number {
  return initiatives.reduce((sum, i) => sum + (i.estimatedEffortHours === null ? 0 : Math.max(0, i.estimatedEffortHours - i.allocatedHours)), 0);
}

// ---------------------------------------------------------------------------
// Planned quarters

export type Plan = { start: string | null; end: string | null };

/**
 * Allocating sets a missing plan: the missing start (end) becomes the earliest (latest)
 * of the initiative's allocated quarters, never crossing the end (start) already set.
 * A plan that exists is only checked (outsidePlan), never moved: it is a decision.
 */
export function planAfterAllocation(plan: Plan, quarters: readonly string[]): Plan & { changed: boolean } {
  if ((plan.start && plan.end) || quarters.length === 0) return { ...plan, changed: false };
  const sorted = [...quarters].sort((a, b) => quarterIndex(a) - quarterIndex(b));
  let start = plan.start ?? sorted[0]!;
  let end = plan.end ?? sorted.at(-1)!;
  if (plan.end && quarterIndex(start) > quarterIndex(plan.end)) start = plan.end;
  if (plan.start && quarterIndex(end) < quarterIndex(plan.start)) end = plan.start;
  return { start, end, changed: start !== plan.start || end !== plan.end };
}

/** The allocation's quarter lies outside a complete plan: warn, "allocation outside the planned period". */
export function outsidePlan(plan: Plan, quarter: string): boolean {
  if (!plan.start || !plan.end) return false;
  const i = quarterIndex(quarter);
  return i < quarterIndex(plan.start) || i > quarterIndex(plan.end);
}
