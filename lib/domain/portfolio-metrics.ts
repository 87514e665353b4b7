// The portfolio numbers leadership looks at: backlog, department equity, run vs change.
import { percentShares } from "./balance";

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The active portfolio: decided and not yet finished or stopped. */
export const ACTIVE_STATUSES: readonly string[] = ["APPROVED", "IN_PROGRESS", "PAUSED"];

export type Backlog = { approved: number; active: number; ratio: number | null };

function countBacklog(statuses: Iterable<string>): Backlog {
  let approved = 0;
  let active = 0;
  for (const status of statuses) {
    if (status === "APPROVED") approved += 1;
    if (ACTIVE_STATUSES.includes(status)) active += 1;
  }
  return { approved, active, ratio: active ? approved / active : null };
}

/**
 * Approved-but-not-started ÷ active portfolio (APPROVED + IN_PROGRESS + PAUSED),
 * as a fraction 0..1; null when nothing is active. The municipality studied was at 0.89.
 */
export function backlogRatio(statuses: readonly string[]): number | null {
  return countBacklog(statuses).ratio;
}

/** First instant (UTC) after the quarter "YYYY-Qn": quarters are UTC, as in quarters.ts. */
export function quarterEnd(quarter: string): Date {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) throw new Error(`Not a quarter: ${quarter}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) * 3, 1));
}

export type StatusEvent = { initiativeId: string; toStatus: string; at: Date };

/**
 * The backlog ratio at the end of each quarter, replaying status changes: each
 * initiative has the status of its last event before the quarter ended (an event
 * exactly at the next quarter's first instant belongs to the next quarter;
 * simultaneous events keep their input order). Initiatives with no event yet don't count.
 */
export function backlogByQuarter(events: readonly StatusEvent[], quarters: readonly string[]): Array<{ quarter: string } & Backlog> {
  const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i);
  return quarters.map((quarter) => {
    const end = quarterEnd(quarter).getTime();
    const status = new Map<string, string>();
    for (const { e } of sorted) {
      if (e.at.getTime() >= end) break;
      status.set(e.initiativeId, e.toStatus);
    }
    return { quarter, ...countBacklog(status.values()) };
  });
}

export type EquityRow = { department: string; centralHours: number; demandHours: number; submittedBenefitSek: number };
export type Equity = {
  department: string;
  /** Share of central (DIG/DC) hours allocated, percent. */
  resourceShare: number;
  /** Share of demanded hours, percent. */
  demandShare: number;
  /** Share of submitted benefit (SEK per year), percent. */
  benefitShare: number;
  /** resourceShare − demandShare, percentage points; negative = gets less than it asks for. */
  gap: number;
  /** resourceShare − benefitShare, percentage points. */
  benefitGap: number;
};

/**
 * Each department's share of central resources against its share of demand and of
 * submitted benefit. Each share column adds up to exactly 100.0 (largest remainder),
 * or is all 0 when its total is 0. Rows for the same department are added together;
 * negative figures count as 0.
 */
export function departmentEquity(rows: readonly EquityRow[]): Equity[] {
  const merged = new Map<string, { central: number; demand: number; benefit: number }>();
  const pos = (x: number) => (Number.isFinite(x) && x > 0 ? x : 0);
  for (const row of rows) {
    const m = merged.get(row.department) ?? { central: 0, demand: 0, benefit: 0 };
    m.central += pos(row.centralHours);
    m.demand += pos(row.demandHours);
    m.benefit += pos(row.submittedBenefitSek);
    merged.set(row.department, m);
  }
  const departments = [...merged.keys()];
  const values = [...merged.values()];
  const resource = percentShares(values.map((v) => v.central));
  const demand = percentShares(values.map((v) => v.demand));
  const benefit = percentShares(values.map((v) => v.benefit));
  return departments.map((department, i) => ({
    department,
    resourceShare: resource[i]!,
    demandShare: demand[i]!,
    benefitShare: benefit[i]!,
    gap: round1(resource[i]! - demand[i]!),
    benefitGap: round1(resource[i]! - benefit[i]!),
  }));
}

export type ReplacementShare = {
  /** Replacement investments (run) among all items; change = total − replacement. */
  byCount: { replacement: number; total: number; percent: number | null };
  /** Same in SEK; items with unknown cost are left out and counted in `excluded`. */
  byCost: { replacement: number; total: number; percent: number | null; excluded: number };
};

/** Run vs change: the replacement investments' share of the portfolio, by count and by cost (percent, one decimal). */
export function replacementShare(items: readonly { isReplacement: boolean; costSek: number | null }[]): ReplacementShare {
  const percent = (part: number, whole: number) => (whole > 0 ? round1((100 * part) / whole) : null);
  const replacementCount = items.filter((i) => i.isReplacement).length;
  let replacementCost = 0;
  let totalCost = 0;
  let excluded = 0;
  for (const item of items) {
    if (typeof item.costSek !== "number" || !Number.isFinite(item.costSek) || item.costSek < 0) {
      excluded += 1;
      continue;
    }
    totalCost += item.costSek;
    if (item.isReplacement) replacementCost += item.costSek;
  }
  return {
    byCount: { replacement: replacementCount, total: items.length, percent: percent(replacementCount, items.length) },
    byCost: { replacement: replacementCost, total: totalCost, percent: percent(replacementCost, totalCost), excluded },
  };
}
