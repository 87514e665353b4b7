import { beforeAll, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { AppError, ValidationError } from "@/lib/server/errors";
import { portfolioOverview, portfolioRanking, rankedPortfolio, setBalanceTarget } from "@/lib/server/portfolio";
import { scoreWeights, updateScoreWeights } from "@/lib/server/settings";
import { DEFAULT_SCORE_WEIGHTS } from "@/lib/domain/score";
import { seedDemo } from "@/prisma/seed/demo";
import { describeEachEngine } from "./engines";

describeEachEngine("portfolio", (ctx) => {
  const a: Record<string, Actor> = {};
  beforeAll(async () => {
    await seedDemo(ctx.db.prisma);
    for (const u of await ctx.db.prisma.user.findMany()) a[u.email.split("@")[0]!] = { id: u.id, role: u.role, departmentId: u.departmentId, name: u.name };
  });

  const shares = { INTERNAL_EFFICIENCY: 40, INTERNAL_INNOVATION: 20, EXTERNAL_EFFICIENCY: 25, EXTERNAL_INNOVATION: 15 };

  it("ranks only triaged, approved and running initiatives, manual places first, then by score", async () => {
    const ranking = await rankedPortfolio(a.insyn!);
    expect(ranking.length).toBeGreaterThan(20);
    expect(new Set(ranking.map((r) => r.status))).toEqual(new Set(["TRIAGED", "APPROVED", "IN_PROGRESS", "PAUSED"]));
    const unplaced = ranking.filter((r) => r.manualRank === null).map((r) => r.score.total);
    expect(unplaced).toEqual([...unplaced].sort((x, y) => y - x));
    expect(ranking.map((r) => r.position)).toEqual(ranking.map((_, i) => i + 1));
    const first = ranking.find((r) => r.manualRank === null)!;
    expect(first.score.components.map((c) => c.key)).toEqual(["alignment", "benefit", "reach", "urgency", "risk"]);
  });

  it("score weights: leadership sets them, the ranking follows, bad values and other roles are refused", async () => {
    for (const who of ["chef", "dig", "insyn"]) await expect(updateScoreWeights(a[who]!, DEFAULT_SCORE_WEIGHTS)).rejects.toBeInstanceOf(ForbiddenError);
    const tooHigh = await updateScoreWeights(a.ledning!, { ...DEFAULT_SCORE_WEIGHTS, reach: 11 }).catch((e) => e);
    expect((tooHigh as AppError).issues).toEqual([{ path: "reach", message: "tooLarge" }]);
    const zero = await updateScoreWeights(a.ledning!, { alignment: 0, benefit: 0, reach: 0, urgency: 0, risk: 0 }).catch((e) => e);
    expect((zero as AppError).issues).toEqual([{ path: "", message: "allZero" }]);
    expect(await scoreWeights()).toEqual(DEFAULT_SCORE_WEIGHTS);
    // Only urgency counts: the top of the ranking is then ordered by urgency alone.
    await updateScoreWeights(a.ledning!, { alignment: 0, benefit: 0, reach: 0, urgency: 1, risk: 0 });
    const ranking = (await rankedPortfolio(a.insyn!)).filter((r) => r.manualRank === null);
    const urgency = ranking.map((r) => r.score.components.find((c) => c.key === "urgency")!.value);
    expect(urgency).toEqual([...urgency].sort((x, y) => y - x));
    expect(ranking[0]!.score.total).toBeCloseTo(urgency[0]! * 100, 1);
    await updateScoreWeights(a.admin!, DEFAULT_SCORE_WEIGHTS);
  });

  it("says whether the top ten hinges on a single weight", async () => {
    const { ranking, sensitivity } = await portfolioRanking(a.insyn!);
    expect(sensitivity.robust).toBe(sensitivity.dependsOn.length === 0);
    const ids = new Set(ranking.map((r) => r.id));
    for (const d of sensitivity.dependsOn) for (const id of d.changedPositions) expect(ids.has(id)).toBe(true);
  });

  it("only leadership and admin set the target balance; it must sum to 100; nothing half-written", async () => {
    for (const who of ["chef", "dig", "insyn"]) await expect(setBalanceTarget(a[who]!, { year: 2030, shares })).rejects.toBeInstanceOf(ForbiddenError);
    const bad = await setBalanceTarget(a.ledning!, { year: 2030, shares: { ...shares, EXTERNAL_INNOVATION: 16 } }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as AppError).issues).toEqual([{ path: "shares", message: "sumNot100" }]);
    expect(await ctx.db.prisma.balanceTarget.count({ where: { year: 2030 } })).toBe(0);
    await setBalanceTarget(a.ledning!, { year: 2030, shares });
    const overview = await portfolioOverview(a.insyn!, "count", 2030);
    expect(Object.fromEntries(overview.balance.quadrants.map((q) => [q.quadrant, q.targetPercent]))).toEqual(shares);
    const actual = overview.balance.quadrants.reduce((sum, q) => sum + q.actualPercent, 0);
    expect(actual).toBeCloseTo(100, 5);
    const audit = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "BalanceTarget", entityId: "2030" } });
    expect(audit.after).toEqual(shares);
  });
});
