import "server-only";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { balance, type Balance, type WeightBy } from "@/lib/domain/balance";
import { quadrantOf, type Quadrant } from "@/lib/domain/pios";
import { ACTIVE_STATUSES, backlogRatio } from "@/lib/domain/portfolio-metrics";
import { benefitScore, placeAt, rank, type BenefitScore, type ScoreContext, type ScoreInput, type ScoreWeights } from "@/lib/domain/score";
import { sensitivity, type Sensitivity } from "@/lib/domain/sensitivity";
import type { BenefitRecipient, InitiativeStatus, Nature } from "@/lib/generated/prisma/client";
import type { InitiativeFilter } from "@/lib/validation/initiative";
import { balanceTargetInput, rankingMoveInput } from "@/lib/validation/portfolio";
import { recordAudit } from "./audit";
import { ConflictError, NotFoundError, parseInput } from "./errors";
import { claimVersion, initiativeWhere } from "./initiatives";
import { currentYear, goalsInEffectWhere } from "./goals";
import { cachedUntilWrite } from "./snapshot-cache";
import { scoreWeights } from "./settings";
import { anyStatus } from "./sql";

/** What leadership prioritises: triaged initiatives awaiting decision, and decided ones not yet done. */
export const PORTFOLIO_STATUSES: InitiativeStatus[] = ["TRIAGED", "APPROVED", "IN_PROGRESS", "PAUSED"];

export type RankedInitiative = {
  id: string; number: number; title: string; status: InitiativeStatus; department: string; quadrant: Quadrant | null;
  estimatedCostSek: number | null; estimatedEffortHours: number | null; manualRank: number | null; version: number; score: BenefitScore; position: number;
};

/** The portfolio ranked by benefit and strategic direction (leadership's manual order first). */
export async function rankedPortfolio(actor: Actor): Promise<RankedInitiative[]> {
  return (await portfolioRanking(actor)).ranking;
}

/** The ranking and whether its top ten hinges on any single score weight (±10 %). */
export async function portfolioRanking(actor: Actor): Promise<PortfolioRanking> {
  authorize(actor, "portfolio.read");
  // The year is in the key: a goal's validity period starts and ends with a year.
  const year = currentYear();
  return cachedUntilWrite(`ranking:${year}`, () => computeRanking(year));
}

export type PortfolioRanking = {
  ranking: RankedInitiative[]; sensitivity: Sensitivity;
  /** What each score is made of, for scoring under other weights (what-if scenarios). */
  inputs: ReadonlyMap<string, ScoreInput>; context: ScoreContext; weights: ScoreWeights;
};

type RankingRow = {
  id: string; number: number; title: string; status: InitiativeStatus; benefitRecipient: string; nature: string;
  estimatedCostSek: number | null; estimatedEffortHours: number | null; benefitJudgement: number | null; reachCount: number | null;
  urgency: number; legalRequirement: boolean; riskReduction: number; rank: number | null; version: number; department: string;
  goals: Array<{ weight: number; alignment: number }>; known: number[] | null;
};

async function computeRanking(year: number): Promise<PortfolioRanking> {
  // One query with each initiative's goals in effect and known yearly benefits gathered by the
  // database: the portfolio holds thousands of initiatives at scale, and loading their goals and
  // benefits as separate lists of ids cost more than the rest of the page.
  const [rows, goals, weights] = await Promise.all([
    prisma.$queryRaw<RankingRow[]>`
      SELECT i."id", i."number", i."title", i."status"::text AS "status", i."benefitRecipient"::text AS "benefitRecipient", i."nature"::text AS "nature",
             i."estimatedCostSek", i."estimatedEffortHours", i."benefitJudgement", i."reachCount", i."urgency", i."legalRequirement", i."riskReduction",
             i."rank", i."version", d."name" AS "department",
             COALESCE((SELECT json_agg(json_build_object('weight', g."weight", 'alignment', ig."alignment") ORDER BY g."code")
                       FROM "InitiativeGoal" ig JOIN "StrategicGoal" g ON g."id" = ig."goalId"
                       WHERE ig."initiativeId" = i."id" AND g."active" AND (g."validFrom" IS NULL OR g."validFrom" <= ${year}) AND (g."validTo" IS NULL OR g."validTo" >= ${year})), '[]'::json) AS "goals",
             (SELECT array_agg(b."annualValueSek") FROM "BenefitIndicator" b WHERE b."initiativeId" = i."id" AND b."annualValueSek" IS NOT NULL) AS "known"
      FROM "Initiative" i JOIN "Department" d ON d."id" = i."ownerDepartmentId"
      WHERE i."status" ${anyStatus(PORTFOLIO_STATUSES)}`,
    prisma.strategicGoal.findMany({ where: goalsInEffectWhere(year), select: { weight: true } }),
    scoreWeights(),
  ]);
  const context = { maxAlignment: goals.reduce((sum, g) => sum + g.weight * 3, 0) };
  const inputs = new Map<string, ScoreInput>();
  const scored = rows.map((r) => {
    const known = (r.known ?? []).map(Number);
    const input: ScoreInput = {
      goals: r.goals,
      annualBenefitSek: known.length ? known.reduce((a, b) => a + b, 0) : null,
      benefitJudgement: r.benefitJudgement,
      reachCount: r.reachCount,
      urgency: r.urgency,
      legalRequirement: r.legalRequirement,
      riskReduction: r.riskReduction,
    };
    inputs.set(r.id, input);
    return {
      id: r.id, number: r.number, title: r.title, status: r.status, department: r.department,
      quadrant: quadrantOf(r.benefitRecipient as BenefitRecipient, r.nature as Nature), estimatedCostSek: r.estimatedCostSek, estimatedEffortHours: r.estimatedEffortHours,
      manualRank: r.rank, version: r.version, score: benefitScore(input, weights, context), position: 0,
    };
  });
  const ranking = rank(scored, (s) => s.score.total, (s) => s.manualRank).map((s, index) => ({ ...s, position: index + 1 }));
  // Manually placed initiatives do not move with the weights; the rest are tested.
  const byScore = ranking.filter((r) => r.manualRank === null).map((r) => ({ id: r.id, input: inputs.get(r.id)! }));
  return { ranking, sensitivity: sensitivity(byScore, weights, context), inputs, context, weights };
}

export type PortfolioOverview = { balance: Balance; weightBy: WeightBy; year: number; backlog: { approved: number; active: number; ratio: number | null } };

/** The PIOS balance (actual vs target) and the backlog ratio, as aggregates for charts. */
export async function portfolioOverview(actor: Actor, weightBy: WeightBy, year: number): Promise<PortfolioOverview> {
  authorize(actor, "portfolio.read");
  return cachedUntilWrite(`overview:${weightBy}:${year}`, () => computeOverview(weightBy, year));
}

async function computeOverview(weightBy: WeightBy, year: number): Promise<PortfolioOverview> {
  const [rows, targets, statuses] = await Promise.all([
    prisma.initiative.findMany({ where: { status: { in: PORTFOLIO_STATUSES } }, select: { benefitRecipient: true, nature: true, estimatedCostSek: true, estimatedEffortHours: true } }),
    prisma.balanceTarget.findMany({ where: { year } }),
    prisma.initiative.groupBy({ by: ["status"], where: { status: { in: [...ACTIVE_STATUSES] as InitiativeStatus[] } }, _count: { _all: true } }),
  ]);
  const target = targets.length === 4 ? (Object.fromEntries(targets.map((t) => [t.quadrant, t.sharePercent])) as Record<Quadrant, number>) : null;
  const list = statuses.flatMap((s) => Array<string>(s._count._all).fill(s.status));
  const approved = statuses.find((s) => s.status === "APPROVED")?._count._all ?? 0;
  return {
    weightBy,
    year,
    balance: balance(rows.map((r) => ({ quadrant: quadrantOf(r.benefitRecipient, r.nature), costSek: r.estimatedCostSek, effortHours: r.estimatedEffortHours })), weightBy, target),
    backlog: { approved, active: list.length, ratio: backlogRatio(list) },
  };
}

/** Sets the target balance for a year (LEADERSHIP, ADMIN): all four shares at once. */
export async function setBalanceTarget(actor: Actor, input: unknown): Promise<{ year: number; shares: Record<Quadrant, number> }> {
  authorize(actor, "portfolio.settings");
  const { year, shares } = parseInput(balanceTargetInput, input);
  return prisma.$transaction(async (tx) => {
    const before = await tx.balanceTarget.findMany({ where: { year } });
    for (const [quadrant, sharePercent] of Object.entries(shares) as [Quadrant, number][]) {
      await tx.balanceTarget.upsert({ where: { year_quadrant: { year, quadrant } }, create: { year, quadrant, sharePercent }, update: { sharePercent } });
    }
    await recordAudit(tx, actor, {
      action: "portfolio.balanceTarget",
      entityType: "BalanceTarget",
      entityId: String(year),
      before: Object.fromEntries(before.map((b) => [b.quadrant, b.sharePercent])),
      after: shares,
    });
    return { year, shares };
  });
}

/** Filter keys the ranking honours (as on the list): they narrow what is shown, never the places. */
export type RankingFilter = Pick<InitiativeFilter, "quadrant" | "department" | "program" | "kind" | "size" | "goal" | "q">;

export function hasRankingFilter(filter: RankingFilter): boolean {
  return Boolean(filter.quadrant || filter.department || filter.program || filter.kind || filter.size || filter.goal || filter.q);
}

/** The ranked initiatives matching the filter, keeping their places in the whole ranking. */
export async function filterRanking(ranking: RankedInitiative[], filter: RankingFilter): Promise<RankedInitiative[]> {
  if (!hasRankingFilter(filter)) return ranking;
  const ids = await prisma.initiative.findMany({
    where: { AND: [{ status: { in: PORTFOLIO_STATUSES } }, initiativeWhere({ ...filter, sort: "updated", dir: "desc", page: 1, pageSize: 1 })] },
    select: { id: true },
  });
  const keep = new Set(ids.map((i) => i.id));
  return ranking.filter((r) => keep.has(r.id));
}

// One reorder at a time across the whole portfolio, so pins pushed aside are never lost.
const RANKING_LOCK = 7_400_501;

/**
 * Leadership places an initiative at a position in the whole ranking (or returns it to
 * score order), with a rationale. The initiative's version guards against two leaders
 * moving the same one at once; pins in the way move one place down.
 */
export async function moveInRanking(actor: Actor, id: string, input: unknown): Promise<{ version: number; position: number | null }> {
  authorize(actor, "portfolio.decide");
  const { position, rationale, version } = parseInput(rankingMoveInput, input);
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${RANKING_LOCK})::text AS locked`;
    const current = await tx.initiative.findUnique({ where: { id }, select: { id: true, status: true, rank: true, version: true } });
    if (!current) throw new NotFoundError("Initiative");
    if (!PORTFOLIO_STATUSES.includes(current.status)) throw new ConflictError("Only triaged, approved and running initiatives are ranked.", undefined, "NOT_IN_PORTFOLIO");
    if (current.version !== version) {
      throw new ConflictError("Someone else moved or changed this initiative after you opened the ranking. The current ranking is shown; move it again if you still want to.", { rank: current.rank, version: current.version });
    }
    const pins = await tx.initiative.findMany({ where: { rank: { not: null }, status: { in: PORTFOLIO_STATUSES } }, select: { id: true, rank: true } });
    const changes = placeAt(pins.map((p) => ({ id: p.id, rank: p.rank! })), id, position);
    await claimVersion(tx, id, version, { rank: position });
    const shifted = changes.filter((c) => c.id !== id);
    for (const change of shifted) await tx.initiative.update({ where: { id: change.id }, data: { rank: change.rank } });
    await recordAudit(tx, actor, {
      action: "portfolio.reorder",
      entityType: "Initiative",
      entityId: id,
      before: { rank: current.rank },
      after: { rank: position, rationale, ...(shifted.length ? { shifted } : {}) },
    });
    return { version: version + 1, position };
  });
}
