import { beforeAll, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { AppError, ValidationError } from "@/lib/server/errors";
import { filterRanking, moveInRanking, portfolioOverview, portfolioRanking, rankedPortfolio, setBalanceTarget } from "@/lib/server/portfolio";
import { backlogTrend, equity } from "@/lib/server/portfolio-charts";
import { scoreWeights, updateScoreWeights } from "@/lib/server/settings";
import { DEFAULT_SCORE_WEIGHTS } from "@/lib/domain/score";
import { backlogByQuarter } from "@/lib/domain/portfolio-metrics";
import { addQuarters, quarterOfDate } from "@/lib/domain/quarters";
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

  it("leadership moves an initiative to a place with a rationale; it stays there, pins in the way move down, and it is audited", async () => {
    const before = await rankedPortfolio(a.insyn!);
    const mover = before[14]!;
    for (const who of ["chef", "dig", "insyn"]) await expect(moveInRanking(a[who]!, mover.id, { position: 2, rationale: "Lagkrav 2027", version: mover.version })).rejects.toBeInstanceOf(ForbiddenError);
    // Bad input: nothing written.
    for (const bad of [{ position: 0, rationale: "Lagkrav", version: mover.version }, { position: 2, rationale: " ", version: mover.version }, { position: 2.5, rationale: "Lagkrav", version: mover.version }, { position: 2, rationale: "Lagkrav", version: mover.version, extra: 1 }]) {
      await expect(moveInRanking(a.ledning!, mover.id, bad)).rejects.toBeInstanceOf(ValidationError);
    }
    expect((await ctx.db.prisma.initiative.findUniqueOrThrow({ where: { id: mover.id } })).version).toBe(mover.version);
    const result = await moveInRanking(a.ledning!, mover.id, { position: 2, rationale: "Lagkrav 2027", version: mover.version });
    expect(result).toEqual({ version: mover.version + 1, position: 2 });
    const after = await rankedPortfolio(a.insyn!);
    expect(after[1]!.id).toBe(mover.id);
    expect(after[1]!.manualRank).toBe(2);
    // Everything else keeps its relative order.
    expect(after.filter((r) => r.id !== mover.id).map((r) => r.id)).toEqual(before.filter((r) => r.id !== mover.id).map((r) => r.id));
    const audit = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "portfolio.reorder", entityId: mover.id } });
    expect(audit.after).toMatchObject({ rank: 2, rationale: "Lagkrav 2027" });
    // A second initiative dropped on the same place pushes the first one down, not out.
    const other = after[18]!;
    await moveInRanking(a.admin!, other.id, { position: 2, rationale: "Avtalet löper ut", version: other.version });
    const again = await rankedPortfolio(a.insyn!);
    expect(again[1]!.id).toBe(other.id);
    expect(again[2]!.id).toBe(mover.id);
    // Back to score order.
    await moveInRanking(a.ledning!, other.id, { position: null, rationale: "Ordningen efter nytta räcker", version: other.version + 1 });
    expect((await rankedPortfolio(a.insyn!)).find((r) => r.id === other.id)!.manualRank).toBeNull();
  });

  it("two leaders moving the same initiative at once: one wins, the other gets a clear conflict", async () => {
    const target = (await rankedPortfolio(a.insyn!))[12]!;
    const results = await Promise.allSettled([
      moveInRanking(a.ledning!, target.id, { position: 5, rationale: "Först", version: target.version }),
      moveInRanking(a.admin!, target.id, { position: 9, rationale: "Sedan", version: target.version }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((failed.reason as AppError).status).toBe(409);
    const stored = await ctx.db.prisma.initiative.findUniqueOrThrow({ where: { id: target.id } });
    expect(stored.version).toBe(target.version + 1);
    expect(await ctx.db.prisma.auditEvent.count({ where: { action: "portfolio.reorder", entityId: target.id } })).toBe(1);
    // Two leaders moving different initiatives at once: both moves are kept.
    const [x, y] = (await rankedPortfolio(a.insyn!)).slice(8, 10);
    await Promise.all([
      moveInRanking(a.ledning!, x!.id, { position: 3, rationale: "Lagkrav", version: x!.version }),
      moveInRanking(a.admin!, y!.id, { position: 3, rationale: "Avtal löper ut", version: y!.version }),
    ]);
    const ranked = await rankedPortfolio(a.insyn!);
    expect(ranked.slice(2, 4).map((r) => r.id).sort()).toEqual([x!.id, y!.id].sort());
  });

  it("a done initiative cannot be ranked; an unknown one is 404", async () => {
    const done = await ctx.db.prisma.initiative.findFirstOrThrow({ where: { status: "DONE" } });
    await expect(moveInRanking(a.ledning!, done.id, { position: 1, rationale: "Test", version: done.version })).rejects.toMatchObject({ status: 409, code: "NOT_IN_PORTFOLIO" });
    await expect(moveInRanking(a.ledning!, "nope", { position: 1, rationale: "Test", version: 1 })).rejects.toMatchObject({ status: 404 });
  });

  it("filters narrow the ranking but keep each initiative's place", async () => {
    const ranking = await rankedPortfolio(a.insyn!);
    const filtered = await filterRanking(ranking, { quadrant: "EXTERNAL_INNOVATION" });
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(ranking.length);
    expect(filtered.every((r) => r.quadrant === "EXTERNAL_INNOVATION")).toBe(true);
    expect(filtered.map((r) => r.position)).toEqual(ranking.filter((r) => r.quadrant === "EXTERNAL_INNOVATION").map((r) => r.position));
    const dept = ranking[0]!;
    const byDept = await filterRanking(ranking, { department: (await ctx.db.prisma.initiative.findUniqueOrThrow({ where: { id: dept.id } })).ownerDepartmentId });
    expect(byDept.every((r) => r.department === dept.department)).toBe(true);
  });

  it("department equity and the backlog trend come from aggregates that add up", async () => {
    const rows = await equity(a.insyn!);
    expect(rows.length).toBe(await ctx.db.prisma.department.count());
    for (const key of ["resourceShare", "demandShare", "benefitShare"] as const) expect(rows.reduce((s, r) => s + r[key], 0)).toBeCloseTo(100, 5);
    // Hand check of one department's central hours against the rows.
    const dept = await ctx.db.prisma.department.findFirstOrThrow({ where: { name: "Socialförvaltningen" } });
    const allocations = await ctx.db.prisma.resourceAllocation.findMany({ where: { pool: { kind: { in: ["DIG", "DIGITAL_CENTER"] } }, initiative: { status: { in: ["APPROVED", "IN_PROGRESS", "PAUSED"] } } }, include: { initiative: true } });
    const total = allocations.reduce((s, x) => s + x.hours, 0);
    const own = allocations.filter((x) => x.initiative.ownerDepartmentId === dept.id).reduce((s, x) => s + x.hours, 0);
    expect(rows.find((r) => r.department === dept.name)!.resourceShare).toBeCloseTo((100 * own) / total, 0);
    const trend = await backlogTrend(a.insyn!, new Date("2026-11-26T12:00:00Z"), 4);
    expect(trend.map((t) => t.quarter)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    for (const t of trend) expect(t.approved).toBeLessThanOrEqual(t.active);
  });

  it("the backlog trend reads only the initiatives that can count, and equals the trend over the whole history", async () => {
    const now = new Date("2026-11-26T12:00:00Z");
    // An initiative closed long before any quarter shown, and one approved long ago and still waiting:
    // the first is left out of the read, the second must still count in every quarter.
    const [closed, waiting] = await ctx.db.prisma.initiative.findMany({ where: { status: "TRIAGED" }, orderBy: { number: "asc" }, take: 2 });
    await ctx.db.prisma.statusChange.createMany({
      data: [
        { initiativeId: closed!.id, fromStatus: "TRIAGED", toStatus: "CANCELLED", at: new Date("2019-03-01T10:00:00Z") },
        { initiativeId: waiting!.id, fromStatus: "TRIAGED", toStatus: "APPROVED", at: new Date("2019-03-02T10:00:00Z") },
      ],
    });
    await ctx.db.prisma.initiative.update({ where: { id: waiting!.id }, data: { status: "APPROVED" } });
    const history = await ctx.db.prisma.statusChange.findMany({ select: { initiativeId: true, toStatus: true, at: true }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    for (const count of [1, 4, 8]) {
      const quarters = Array.from({ length: count }, (_, i) => addQuarters(quarterOfDate(now), i - count + 1));
      expect(await backlogTrend(a.insyn!, now, count)).toEqual(backlogByQuarter(history, quarters));
    }
  });

  it("the ranking is computed once per state of the database and again after any write", async () => {
    // Nothing written: the same computation. Transaction ids are the whole server's, so a write in
    // another database (another test file's, running alongside) also moves the snapshot and
    // recomputes; asked again until two reads fall within one snapshot.
    let first = await portfolioRanking(a.insyn!);
    await expect
      .poll(async () => {
        const again = await portfolioRanking(a.ledning!);
        const same = again === first;
        first = again;
        return same;
      })
      .toBe(true);
    const some = await ctx.db.prisma.initiative.findFirstOrThrow({ where: { status: "TRIAGED" } });
    await ctx.db.prisma.initiative.update({ where: { id: some.id }, data: { urgency: some.urgency === 3 ? 0 : 3 } });
    const second = await portfolioRanking(a.insyn!);
    expect(second).not.toBe(first);
    expect(second.ranking.find((r) => r.id === some.id)!.score.total).not.toBe(first.ranking.find((r) => r.id === some.id)!.score.total);
  });
});
