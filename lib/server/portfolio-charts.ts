import "server-only";
// Aggregates behind the portfolio charts: each chart gets a few dozen numbers, never the rows.
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import type { Quadrant } from "@/lib/domain/pios";
import { ACTIVE_STATUSES, backlogByQuarter, departmentEquity, quarterEnd, type Backlog, type Equity } from "@/lib/domain/portfolio-metrics";
import { addQuarters, quarterOfDate } from "@/lib/domain/quarters";
import { cachedUntilWrite } from "./snapshot-cache";
import { portfolioOverview, type RankedInitiative } from "./portfolio";
import { anyStatus } from "./sql";

/** One bubble: effort (x), benefit score (y), cost (size), quadrant (colour). */
export type Bubble = { id: string; number: number; title: string; quadrant: Quadrant; effortHours: number; score: number; costSek: number | null };

// As many as a page of the ranking: enough to compare, few enough to read on a projector.
export const BUBBLE_LIMIT = 20;

/** The top of the ranking as bubbles; initiatives without a quadrant or effort cannot be placed and are counted. */
export function bubbles(ranking: readonly RankedInitiative[], limit = BUBBLE_LIMIT): { points: Bubble[]; unplaced: number; total: number } {
  const top = ranking.slice(0, limit);
  const points: Bubble[] = [];
  for (const r of top) {
    if (!r.quadrant || r.estimatedEffortHours === null) continue;
    points.push({ id: r.id, number: r.number, title: r.title, quadrant: r.quadrant, effortHours: r.estimatedEffortHours, score: r.score.total, costSek: r.estimatedCostSek });
  }
  return { points, unplaced: top.length - points.length, total: ranking.length };
}

export const TREND_QUARTERS = 8;

/** The backlog ratio at the end of each of the last quarters (this one included, so far). */
export async function backlogTrend(actor: Actor, now = new Date(), count = TREND_QUARTERS): Promise<Array<{ quarter: string } & Backlog>> {
  authorize(actor, "portfolio.read");
  const current = quarterOfDate(now);
  const quarters = Array.from({ length: count }, (_, i) => addQuarters(current, i - count + 1));
  return cachedUntilWrite(`trend:${quarters.join(",")}`, async () => {
    // Only initiatives that can count at a quarter's end: active now, or changed since the first
    // quarter began. Any other kept the closed status it has now through every quarter shown,
    // so the read follows the recent activity, not ten years of history.
    const since = quarterEnd(addQuarters(quarters[0]!, -1));
    const events = await prisma.$queryRaw<Array<{ initiativeId: string; toStatus: string; at: Date }>>`
      SELECT s."initiativeId", s."toStatus"::text AS "toStatus", s."at" FROM "StatusChange" s
      WHERE s."initiativeId" IN (
        SELECT i."id" FROM "Initiative" i WHERE i."status" ${anyStatus(ACTIVE_STATUSES)}
        UNION SELECT c."initiativeId" FROM "StatusChange" c WHERE c."at" >= ${since})
      ORDER BY s."at", s."id"`;
    return backlogByQuarter(events, quarters);
  });
}

const DEMAND_STATUSES = ["SUBMITTED", "NEEDS_INFO", "TRIAGED", "APPROVED", "IN_PROGRESS", "PAUSED"];

/**
 * Department equity: central (DIG, Digitalt center) hours allocated to each department's
 * active initiatives, against its share of demanded effort and of expected benefit of
 * everything submitted and not yet closed. One aggregate query.
 */
export async function equity(actor: Actor): Promise<Equity[]> {
  authorize(actor, "portfolio.read");
  return cachedUntilWrite("equity", computeEquity);
}

async function computeEquity(): Promise<Equity[]> {
  const rows = await prisma.$queryRaw<Array<{ department: string; central: number; demand: number; benefit: number }>>`
    WITH demand AS (
      SELECT i."ownerDepartmentId" AS d, SUM(COALESCE(i."estimatedEffortHours", 0))::float8 AS hours
      FROM "Initiative" i WHERE i.status ${anyStatus(DEMAND_STATUSES)} GROUP BY 1
    ), central AS (
      SELECT i."ownerDepartmentId" AS d, SUM(a.hours)::float8 AS hours
      FROM "ResourceAllocation" a
      JOIN "ResourcePool" p ON p.id = a."poolId"
      JOIN "Initiative" i ON i.id = a."initiativeId"
      WHERE p.kind IN ('DIG', 'DIGITAL_CENTER') AND i.status IN ('APPROVED', 'IN_PROGRESS', 'PAUSED')
      GROUP BY 1
    ), benefit AS (
      SELECT i."ownerDepartmentId" AS d, SUM(COALESCE(b."annualValueSek", 0))::float8 AS sek
      FROM "BenefitIndicator" b JOIN "Initiative" i ON i.id = b."initiativeId"
      WHERE i.status ${anyStatus(DEMAND_STATUSES)} GROUP BY 1
    )
    SELECT dep.name AS department, COALESCE(c.hours, 0)::float8 AS central, COALESCE(dm.hours, 0)::float8 AS demand, COALESCE(b.sek, 0)::float8 AS benefit
    FROM "Department" dep
    LEFT JOIN central c ON c.d = dep.id
    LEFT JOIN demand dm ON dm.d = dep.id
    LEFT JOIN benefit b ON b.d = dep.id
    ORDER BY dep.name`;
  return departmentEquity(rows.map((r) => ({ department: r.department, centralHours: Number(r.central), demandHours: Number(r.demand), submittedBenefitSek: Number(r.benefit) })));
}

const WEIGHTS = ["cost", "effort", "count"] as const;

/** Balance, backlog (now and per quarter) and equity in one answer, for the API. */
export async function portfolioMetrics(actor: Actor, weightBy: string | null, year: string | null) {
  const w = WEIGHTS.find((x) => x === weightBy) ?? "cost";
  const y = year && /^\d{4}$/.test(year) ? Number(year) : new Date().getFullYear();
  const [overview, byQuarter, departments] = await Promise.all([portfolioOverview(actor, w, y), backlogTrend(actor), equity(actor)]);
  return { year: y, weightBy: w, balance: overview.balance, backlog: { now: overview.backlog, byQuarter }, equity: departments };
}
