// What-if scenarios on both engines: who may write them, what they refuse (naming it), version
// conflicts, the optimiser run off the request thread with its result, comparison, and adoption
// by a portfolio meeting as recorded decisions, all or nothing.
import { beforeAll, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/server/errors";
import { addScenarioToAgenda, adoptScenario, closeMeeting, createMeeting, meetingMinutes } from "@/lib/server/meetings";
import { getRun, startOptimiserRun } from "@/lib/server/optimiser/run";
import { compareScenarios, createScenario, deleteScenario, getScenario, initiativeIdsByNumber, scenarioPlan, updateScenario, type RunView } from "@/lib/server/scenarios";
import { seedDemo } from "@/prisma/seed/demo";
import { describeEachEngine } from "./engines";

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (err: unknown) => err);
  if (e instanceof ForbiddenError) return { status: 403, code: "FORBIDDEN", paths: [] as string[], message: "" };
  if (e instanceof AppError) return { status: e.status, code: e.code, paths: (e.issues ?? []).map((i) => `${i.path}:${i.message}`), message: e.message };
  throw new Error(`expected a refusal, got ${String(e)}`);
};

describeEachEngine("what-if scenarios", (ctx) => {
  const a: Record<string, Actor> = {};
  const db = () => ctx.db.prisma;

  beforeAll(async () => {
    await seedDemo(ctx.db.prisma);
    for (const u of await db().user.findMany()) a[u.email.split("@")[0]!] = { id: u.id, role: u.role, departmentId: u.departmentId, name: u.name };
  });

  async function finished(scenarioId: string, run: RunView): Promise<RunView> {
    for (let i = 0; i < 600; i++) {
      const now = await getRun(a.insyn!, scenarioId, run.id);
      if (now.status !== "RUNNING") return now;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("the run did not end");
  }

  it("leadership, DIG and admin write scenarios; viewers and department managers are refused (403), and everyone reads", async () => {
    const s = await createScenario(a.ledning!, { name: "Två utvecklare till", description: "Från tredje kvartalet" });
    expect(s).toMatchObject({ name: "Två utvecklare till", version: 1, adoptedAt: null, latestRun: null });
    expect(s.changes.horizon.quarters).toBe(12);
    await createScenario(a.dig!, { name: "DIG:s variant" });
    for (const who of ["insyn", "chef"]) expect((await refusal(createScenario(a[who]!, { name: "Nej" }))).status).toBe(403);
    expect((await getScenario(a.insyn!, s.id)).name).toBe("Två utvecklare till");
    expect((await refusal(startOptimiserRun(a.insyn!, s.id, {}))).status).toBe(403);
    // The scenario form's initiative numbers are looked up only for someone who may write one.
    for (const who of ["insyn", "chef"]) expect((await refusal(initiativeIdsByNumber(a[who]!, [1, 999_999]))).status).toBe(403);
    expect((await initiativeIdsByNumber(a.dig!, [1, 999_999])).has(999_999)).toBe(false);
    expect((await db().auditEvent.findMany({ where: { entityId: s.id } })).map((e) => e.action)).toEqual(["scenario.create"]);
  });

  it("refuses unknown initiatives and pools naming them, negative capacity, a tolerance outside 0–50 % and excluding running work; writes nothing", async () => {
    const before = await db().scenario.count();
    const running = await db().initiative.findFirstOrThrow({ where: { status: "IN_PROGRESS" } });
    const pool = await db().resourcePool.findFirstOrThrow({ where: { kind: "DIG" } });
    const horizon = { from: "2027-Q1", quarters: 8 };
    const unknown = await refusal(createScenario(a.ledning!, { name: "Fel", changes: { horizon, include: ["no-such-initiative"], capacity: [{ poolId: "no-such-pool", from: "2027-Q1", hoursPerQuarter: 100 }] } }));
    expect(unknown).toMatchObject({ status: 400, paths: ["changes.include.0:unknownInitiative", "changes.capacity.0.poolId:unknownPool"] });
    expect(unknown.message).toContain("no-such-initiative");
    expect(unknown.message).toContain("no-such-pool");
    expect((await refusal(createScenario(a.ledning!, { name: "Fel", changes: { horizon, capacity: [{ poolId: pool.id, from: "2027-Q1", hoursPerQuarter: -1_000_000 + 1 }] } }))).paths).toEqual(["changes.capacity.0.hoursPerQuarter:tooSmall"]);
    expect((await refusal(createScenario(a.ledning!, { name: "Fel", changes: { horizon, capacity: [{ poolId: pool.id, from: "2027-Q1", hoursPerQuarter: -99_999 }] } }))).paths).toEqual(["changes.capacity.0.hoursPerQuarter:negativeCapacity"]);
    expect((await refusal(createScenario(a.ledning!, { name: "Fel", changes: { horizon, balanceTolerancePercent: 60 } }))).paths).toEqual(["changes.balanceTolerancePercent:tooLarge"]);
    expect((await refusal(createScenario(a.ledning!, { name: "Fel", changes: { horizon, exclude: [running.id] } }))).paths).toEqual(["changes.exclude.0:runningKept"]);
    expect(await db().scenario.count()).toBe(before);
  });

  it("two people editing one scenario: the second gets a version conflict (409), nothing of theirs is written", async () => {
    const s = await createScenario(a.ledning!, { name: "Delat" });
    const results = await Promise.allSettled([updateScenario(a.ledning!, s.id, { name: "Lednings namn", version: 1 }), updateScenario(a.dig!, s.id, { name: "DIG:s namn", version: 1 })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ status: 409, code: "VERSION_CONFLICT" });
    const now = await getScenario(a.insyn!, s.id);
    expect(now.version).toBe(2);
    expect(["Lednings namn", "DIG:s namn"]).toContain(now.name);
    await deleteScenario(a.ledning!, s.id);
    expect((await refusal(getScenario(a.insyn!, s.id))).status).toBe(404);
  });

  it("the optimiser runs off the request thread and gives a plan within capacity, with its gap, greedy beside it and the reason each left-out initiative is out; the live portfolio does not change", async () => {
    const statuses = async () => (await db().initiative.findMany({ select: { id: true, status: true, plannedStartQuarter: true }, orderBy: { id: "asc" } }));
    const before = await statuses();
    const dig = await db().resourcePool.findFirstOrThrow({ where: { kind: "DIG" } });
    const s = await createScenario(a.ledning!, { name: "Mer kapacitet", changes: { horizon: { from: "2027-Q1", quarters: 8 }, capacity: [{ poolId: dig.id, from: "2027-Q3", to: null, hoursPerQuarter: 800 }] } });
    const started = await startOptimiserRun(a.ledning!, s.id, { timeLimitSeconds: 20, version: 1 });
    expect(started.status).toBe("RUNNING");
    // One run at a time on a scenario.
    expect((await refusal(startOptimiserRun(a.dig!, s.id, {}))).code).toBe("RUN_IN_PROGRESS");
    const run = await finished(s.id, started);
    expect(run.status).toBe("DONE");
    const result = run.result!;
    expect(["optimal", "time_limit"]).toContain(result.status);
    expect(result.gap).toBeGreaterThanOrEqual(0);
    expect(result.objective).toBeGreaterThanOrEqual(result.greedy.objective - 1e-6);
    const plan = await scenarioPlan(a.insyn!, await getScenario(a.insyn!, s.id));
    expect(plan.source).toBe("optimised");
    expect(plan.measures.totalScore).toBeCloseTo(result.objective, 0);
    // Capacity holds wherever running work does not already exceed it.
    const overloaded = new Set(plan.notes.overloaded.map((o) => `${o.pool}|${o.quarter}`));
    for (const pool of plan.measures.load) for (const q of pool.quarters) if (!overloaded.has(`${pool.pool}|${q.quarter}`)) expect(q.hours, `${pool.pool} ${q.quarter}`).toBeLessThanOrEqual(q.capacity + 1e-6);
    // Every candidate left out is explained.
    const chosen = new Set(result.plan.map((p) => p.id));
    const free = Object.entries(plan.labels.initiatives).filter(([id, i]) => ["TRIAGED", "APPROVED"].includes(i.status) && !chosen.has(id)).map(([id]) => id);
    expect(result.explanations.map((e) => e.id).sort()).toEqual(expect.arrayContaining(free.filter((id) => !plan.notes.beyondHorizon.includes(id)).sort()));
    expect(await statuses()).toEqual(before);
    // A changed scenario's run is out of date: its plan is the scenario's own again.
    const changed = await updateScenario(a.ledning!, s.id, { description: "Ändrad", version: 1 });
    expect((await scenarioPlan(a.insyn!, changed)).source).toBe("manual");
    expect((await refusal(startOptimiserRun(a.ledning!, s.id, { version: 1 }))).code).toBe("VERSION_CONFLICT");
  }, 120_000);

  it("constraints that cannot all hold are reported as the constraints that conflict, not as an empty plan", async () => {
    const [must, needed] = await db().initiative.findMany({ where: { status: "TRIAGED" }, select: { id: true }, take: 2 });
    // #must has to be in, but it depends on #needed, which has to be out.
    const s = await createScenario(a.ledning!, { name: "Omöjligt", changes: { include: [must!.id], exclude: [needed!.id], dependencies: [{ initiativeId: must!.id, requiresId: needed!.id }] } });
    const run = await finished(s.id, await startOptimiserRun(a.ledning!, s.id, { timeLimitSeconds: 20 }));
    expect(run.status).toBe("DONE");
    expect(run.result!.status).toBe("infeasible");
    expect(run.result!.plan).toEqual([]);
    expect(run.result!.conflicts.flatMap((c) => c.constraints)).toEqual(expect.arrayContaining([{ kind: "forced", id: must!.id }, { kind: "dependency", id: must!.id, requires: needed!.id }]));
    // The scenario's plan stays its own (the live portfolio with its changes) until a plan exists.
    expect((await scenarioPlan(a.insyn!, await getScenario(a.insyn!, s.id))).source).toBe("manual");
  }, 120_000);

  it("compares scenarios side by side with the live portfolio; an unknown id is refused naming it", async () => {
    const [x, y] = await Promise.all([createScenario(a.ledning!, { name: "X" }), createScenario(a.ledning!, { name: "Y", changes: { equityFloorPercent: 10 } })]);
    const c = await compareScenarios(a.insyn!, { ids: `${x.id},${y.id}` });
    expect(c.scenarios.map((s) => s.name)).toEqual(["X", "Y"]);
    expect(c.live.initiatives).toBeGreaterThan(0);
    // Without changes and without a run, a scenario's plan is the live portfolio.
    expect(c.scenarios[0]!.plan.measures.totalScore).toBe(c.live.totalScore);
    expect(c.scenarios[0]!.plan.measures.dropped).toEqual([]);
    const bad = await refusal(compareScenarios(a.insyn!, { ids: `${x.id},nope` }));
    expect(bad).toMatchObject({ status: 400 });
    expect(bad.message).toContain("nope");
    expect((await refusal(compareScenarios(a.insyn!, { ids: "a,b,c,d,e" }))).status).toBe(400);
  });

  it("a meeting adopts a scenario on its agenda: its plan becomes recorded decisions, once; the minutes say so", async () => {
    const triaged = await db().initiative.findMany({ where: { status: "TRIAGED" }, select: { id: true }, take: 2 });
    const approved = await db().initiative.findFirstOrThrow({ where: { status: "APPROVED" }, select: { id: true } });
    const s = await createScenario(a.ledning!, { name: "Att anta", changes: { include: triaged.map((t) => t.id), exclude: [approved.id] } });
    const { id: meetingId } = await createMeeting(a.ledning!, { title: "Möte med scenario", date: "2026-11-26", registryNumber: "KS 2026/0600", participants: "Per Håkansson" });
    expect((await refusal(adoptScenario(a.ledning!, meetingId, s.id, { rationale: "Inte på dagordningen", version: 1 }))).code).toBe("NOT_ON_AGENDA");
    expect((await refusal(addScenarioToAgenda(a.dig!, meetingId, { scenarioId: s.id }))).status).toBe(403);
    await addScenarioToAgenda(a.ledning!, meetingId, { scenarioId: s.id });
    expect((await refusal(addScenarioToAgenda(a.ledning!, meetingId, { scenarioId: s.id }))).code).toBe("ALREADY_ON_AGENDA");
    expect((await refusal(adoptScenario(a.insyn!, meetingId, s.id, { rationale: "Nej", version: 1 }))).status).toBe(403);
    expect((await refusal(adoptScenario(a.ledning!, meetingId, s.id, { rationale: "Gammal", version: 7 }))).code).toBe("VERSION_CONFLICT");

    const adopted = await adoptScenario(a.ledning!, meetingId, s.id, { rationale: "Bästa balansen för 2027", version: 1 });
    const types = new Map(adopted.decisions.map((d) => [d.initiativeId, d.type]));
    for (const t of triaged) expect(types.get(t.id)).toBe("APPROVE");
    expect(types.get(approved.id)).toBe("DEFER");
    for (const t of triaged) expect((await db().initiative.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("APPROVED");
    expect((await db().initiative.findUniqueOrThrow({ where: { id: approved.id } })).status).toBe("DEFERRED");
    const decisions = await db().decision.findMany({ where: { meetingId, scenarioId: s.id } });
    expect(decisions).toHaveLength(adopted.decisions.length);
    expect(decisions.every((d) => d.rationale.includes("Bästa balansen för 2027"))).toBe(true);
    expect((await getScenario(a.insyn!, s.id)).adoptedInMeeting?.id).toBe(meetingId);
    expect((await db().auditEvent.findMany({ where: { entityId: s.id, action: "scenario.adopt" } }))).toHaveLength(1);
    // Once only; an adopted scenario no longer changes.
    expect((await refusal(adoptScenario(a.ledning!, meetingId, s.id, { rationale: "Igen", version: 1 }))).code).toBe("SCENARIO_ADOPTED");
    expect((await refusal(updateScenario(a.ledning!, s.id, { name: "Ändrat", version: 1 }))).code).toBe("SCENARIO_ADOPTED");
    await closeMeeting(a.ledning!, meetingId);
    const { minutes } = await meetingMinutes(a.insyn!, meetingId);
    expect(minutes.scenarios).toEqual([expect.objectContaining({ scenarioId: s.id, name: "Att anta", adopted: true })]);
    expect(minutes.decisions.filter((d) => d.scenario === "Att anta")).toHaveLength(adopted.decisions.length);
  });

  it("adoption is all or nothing: when the portfolio has moved since, nothing is written and the answer names what moved", async () => {
    const [first, second] = await db().initiative.findMany({ where: { status: "TRIAGED" }, select: { id: true, number: true }, take: 2 });
    const s = await createScenario(a.ledning!, { name: "Inaktuellt", changes: { include: [first!.id, second!.id] } });
    const { id: meetingId } = await createMeeting(a.ledning!, { title: "Möte två", date: "2026-11-27", registryNumber: "KS 2026/0601", participants: "Per Håkansson" });
    await addScenarioToAgenda(a.ledning!, meetingId, { scenarioId: s.id });
    // Someone rejects the second one meanwhile.
    await db().initiative.update({ where: { id: second!.id }, data: { status: "REJECTED" } });
    const counts = async () => ({ decisions: await db().decision.count(), audit: await db().auditEvent.count(), first: (await db().initiative.findUniqueOrThrow({ where: { id: first!.id } })).status });
    const before = await counts();
    const answer = await refusal(adoptScenario(a.ledning!, meetingId, s.id, { rationale: "För sent", version: 1 }));
    expect(answer).toMatchObject({ status: 409, code: "PORTFOLIO_CHANGED" });
    expect(answer.message).toContain(`#${second!.number}`);
    expect(await counts()).toEqual(before);
    expect((await getScenario(a.insyn!, s.id)).adoptedAt).toBeNull();
  });
});
