// What approving an agenda item would do: to the PIOS balance of the active portfolio
// and to the load on the central pools (DIG, Digitalt center) over the coming year.
import { balance, type Balance, type WeightBy } from "./balance";
import type { Quadrant } from "./pios";
import { ACTIVE_STATUSES } from "./portfolio-metrics";

/** Initiatives whose work loads the central pools: decided and running (paused work holds no people). */
export const LOAD_STATUSES: readonly string[] = ["APPROVED", "IN_PROGRESS"];

export type PreviewItem = {
  id: string;
  status: string;
  quadrant: Quadrant | null;
  costSek: number | null;
  effortHours: number | null;
  /**
   * Hours it has allocated on the central pools in the window; null when it has no
   * resource allocations at all (then its estimated effort stands in).
   */
  centralAllocatedHours: number | null;
};

export type Demand = { hours: number | null; source: "allocations" | "estimate" | "unknown" };

/** An initiative's demand on the central pools: its allocations there if it has any, else its estimated effort. */
export function demandOf(item: Pick<PreviewItem, "effortHours" | "centralAllocatedHours">): Demand {
  if (item.centralAllocatedHours !== null) return { hours: Math.max(0, item.centralAllocatedHours), source: "allocations" };
  if (item.effortHours !== null && Number.isFinite(item.effortHours)) return { hours: Math.max(0, item.effortHours), source: "estimate" };
  return { hours: null, source: "unknown" };
}

export type CapacityRow = { poolId: string; quarter: string; competence: string; hours: number };

/**
 * Total hours of the given pools' capacity rows in these quarters. Per pool and quarter the
 * whole-pool row (competence "") counts; competence rows only when there is no whole-pool
 * row, since they break the same hours down and would otherwise be counted twice.
 */
export function capacityHours(rows: readonly CapacityRow[], quarters: readonly string[]): number {
  const wanted = new Set(quarters);
  const whole = new Map<string, number>();
  const parts = new Map<string, number>();
  for (const row of rows) {
    if (!wanted.has(row.quarter)) continue;
    const key = `${row.poolId}|${row.quarter}`;
    const hours = Number.isFinite(row.hours) && row.hours > 0 ? row.hours : 0;
    if (row.competence === "") whole.set(key, (whole.get(key) ?? 0) + hours);
    else parts.set(key, (parts.get(key) ?? 0) + hours);
  }
  let total = 0;
  for (const [key, hours] of parts) if (!whole.has(key)) total += hours;
  for (const hours of whole.values()) total += hours;
  return total;
}

/** demand ÷ capacity in percent with one decimal; null when there is no capacity. */
export function loadPercent(demandHours: number, capacity: number): number | null {
  return capacity > 0 ? Math.round((1000 * demandHours) / capacity) / 10 : null;
}

export type Load = { demandHours: number; loadPercent: number | null; unknownCount: number };

function load(items: readonly PreviewItem[], capacity: number): Load {
  let demandHours = 0;
  let unknownCount = 0;
  for (const item of items) {
    const demand = demandOf(item);
    if (demand.hours === null) unknownCount += 1;
    else demandHours += demand.hours;
  }
  return { demandHours, loadPercent: loadPercent(demandHours, capacity), unknownCount };
}

export const WEIGHTINGS: readonly WeightBy[] = ["cost", "effort", "count"];

export type MeetingPreview = {
  /** Already in the active portfolio: approving would change neither balance nor load. */
  alreadyActive: boolean;
  balance: Record<WeightBy, { before: Balance; after: Balance }>;
  capacity: { capacityHours: number; candidate: Demand; before: Load; after: Load };
};

/**
 * Before = the active portfolio as it stands (balance: APPROVED, IN_PROGRESS, PAUSED;
 * load: APPROVED, IN_PROGRESS); after = the same with the candidate approved. `portfolio`
 * may contain the candidate and initiatives of any status: both are filtered here.
 */
export function meetingPreview(input: {
  portfolio: readonly PreviewItem[];
  candidate: PreviewItem;
  target: Record<Quadrant, number> | null;
  capacityHours: number;
}): MeetingPreview {
  const { candidate, target } = input;
  const others = input.portfolio.filter((i) => i.id !== candidate.id);
  const alreadyActive = ACTIVE_STATUSES.includes(candidate.status);
  const inBalance = (i: PreviewItem) => ACTIVE_STATUSES.includes(i.status);
  const inLoad = (i: PreviewItem) => LOAD_STATUSES.includes(i.status);
  const beforeBalance = [...others, candidate].filter(inBalance);
  const afterBalance = alreadyActive ? beforeBalance : [...beforeBalance, candidate];
  const beforeLoad = [...others, candidate].filter(inLoad);
  const afterLoad = alreadyActive ? beforeLoad : [...beforeLoad, candidate];
  const asBalance = (items: PreviewItem[]) => items.map((i) => ({ quadrant: i.quadrant, costSek: i.costSek, effortHours: i.effortHours }));
  const balances = Object.fromEntries(
    WEIGHTINGS.map((w) => [w, { before: balance(asBalance(beforeBalance), w, target), after: balance(asBalance(afterBalance), w, target) }]),
  ) as MeetingPreview["balance"];
  return {
    alreadyActive,
    balance: balances,
    capacity: { capacityHours: input.capacityHours, candidate: demandOf(candidate), before: load(beforeLoad, input.capacityHours), after: load(afterLoad, input.capacityHours) },
  };
}
