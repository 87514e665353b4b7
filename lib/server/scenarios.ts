import "server-only";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { capacityTotals } from "@/lib/domain/capacity";
import { quadrantOf, type Quadrant } from "@/lib/domain/pios";
import { addQuarters, quarterOfDate } from "@/lib/domain/quarters";
import {
  adoptionOf, buildProblem, CANDIDATE_STATUSES, horizonQuarters, manualPlan, measurePlan, RUNNING, scenarioCapacity,
  type Adoption, type FactInitiative, type Plan, type PlanMeasures, type PortfolioFacts, type ProblemNotes, type ScenarioSettings,
} from "@/lib/domain/scenarios";
import { benefitScore, type ScoreWeights } from "@/lib/domain/score";
import type { InitiativeStatus, Prisma } from "@/lib/generated/prisma/client";
import { compareQuery, scenarioChanges, scenarioCreateInput, scenarioUpdateInput, type ScenarioChanges } from "@/lib/validation/scenarios";
import { actorUserId, diff, recordAudit } from "./audit";
import { AppError, ConflictError, NotFoundError, parseInput, ValidationError, type FieldIssue } from "./errors";
import { currentYear } from "./goals";
import { portfolioRanking } from "./portfolio";
import { cachedUntilWrite } from "./snapshot-cache";

type Tx = Prisma.TransactionClient;

/** A scenario plans twelve quarters (three years) from the current one unless told otherwise. */
export const DEFAULT_HORIZON = 12;

export function defaultChanges(now = new Date()): ScenarioChanges {
  return scenarioChanges.parse({ horizon: { from: quarterOfDate(now), quarters: DEFAULT_HORIZON } });
}

// ---- The facts a scenario works on --------------------------------------------------

type RawFacts = Omit<PortfolioFacts, "initiatives" | "target"> & { initiatives: Omit<FactInitiative, "score">[]; targets: Map<number, Record<Quadrant, number>> };

/** The portfolio as scenarios see it, once per state of the database. */
async function rawFacts(): Promise<RawFacts> {
  return cachedUntilWrite("scenarioFacts", async () => {
    const [rows, pools, capacities, targets] = await Promise.all([
      prisma.initiative.findMany({
        where: { status: { in: [...CANDIDATE_STATUSES] as InitiativeStatus[] } },
        select: {
          id: true, number: true, title: true, status: true, ownerDepartmentId: true, ownerDepartment: { select: { name: true } }, benefitRecipient: true, nature: true,
          estimatedCostSek: true, estimatedEffortHours: true, plannedStartQuarter: true, plannedEndQuarter: true, desiredStartQuarter: true,
          benefits: { select: { annualValueSek: true } },
          triage: { orderBy: { createdAt: "desc" }, take: 1, select: { kind: true, size: true } },
          allocations: { select: { poolId: true, quarter: true, hours: true } },
        },
        orderBy: { number: "asc" },
      }),
      prisma.resourcePool.findMany({ select: { id: true, name: true, kind: true, departmentId: true, active: true }, orderBy: { name: "asc" } }),
      prisma.poolCapacity.findMany({ select: { poolId: true, quarter: true, competence: true, hours: true } }),
      prisma.balanceTarget.findMany(),
    ]);
    const totals = capacityTotals(capacities);
    const byPool = new Map<string, Map<string, number>>();
    for (const [key, hours] of totals) {
      const [poolId, quarter] = key.split("|") as [string, string];
      byPool.set(poolId, (byPool.get(poolId) ?? new Map()).set(quarter, hours));
    }
    const byYear = new Map<number, Record<Quadrant, number>>();
    for (const t of targets) byYear.set(t.year, { ...(byYear.get(t.year) ?? ({} as Record<Quadrant, number>)), [t.quadrant]: t.sharePercent });
    return {
      current: quarterOfDate(new Date()),
      initiatives: rows.map((r) => {
        const known = r.benefits.map((b) => b.annualValueSek).filter((v): v is number => v !== null);
        return {
          id: r.id, number: r.number, title: r.title, status: r.status, departmentId: r.ownerDepartmentId, department: r.ownerDepartment.name,
          quadrant: quadrantOf(r.benefitRecipient, r.nature), costSek: r.estimatedCostSek, effortHours: r.estimatedEffortHours,
          annualBenefitSek: known.length ? known.reduce((a, b) => a + b, 0) : null,
          kind: r.triage[0]?.kind ?? null, size: r.triage[0]?.size ?? null,
          plannedStart: r.plannedStartQuarter, plannedEnd: r.plannedEndQuarter, desiredStart: r.desiredStartQuarter,
          allocations: r.allocations,
        };
      }),
      pools: pools.map((p) => ({ ...p, capacity: byPool.get(p.id) ?? new Map() })),
      targets: new Map([...byYear].filter(([, shares]) => Object.keys(shares).length === 4)),
    };
  });
}

/** The facts with every initiative scored under the scenario's weights (or the portfolio's). */
async function facts(actor: Actor, weights: ScoreWeights | null, year: number): Promise<PortfolioFacts> {
  const [raw, ranking] = await Promise.all([rawFacts(), portfolioRanking(actor)]);
  const live = new Map(ranking.ranking.map((r) => [r.id, r.score.total]));
  const score = (id: string) => {
    const input = ranking.inputs.get(id);
    if (!weights || !input) return live.get(id) ?? 0;
    return benefitScore(input, weights, ranking.context).total;
  };
  return { current: raw.current, pools: raw.pools, target: raw.targets.get(year) ?? null, initiatives: raw.initiatives.map((i) => ({ ...i, score: score(i.id) })) };
}

function settingsOf(c: ScenarioChanges): ScenarioSettings {
  return {
    horizon: c.horizon, include: c.include, exclude: c.exclude, starts: c.starts, dependencies: c.dependencies, capacity: c.capacity, startWindow: c.startWindow,
    balanceTolerancePercent: c.balanceTolerancePercent, balanceMeasure: c.balanceMeasure, equityFloorPercent: c.equityFloorPercent,
  };
}

/** A scenario's problem for the optimiser, with the facts it came from. */
export async function scenarioProblem(actor: Actor, changes: ScenarioChanges) {
  const year = Number(changes.horizon.from.slice(0, 4));
  const f = await facts(actor, changes.weights, year);
  const settings = settingsOf(changes);
  return { facts: f, settings, ...buildProblem(f, settings) };
}

// ---- Checking what a scenario names --------------------------------------------------

/**
 * Every initiative and pool a scenario names must exist (initiatives among the candidates,
 * pools active); running initiatives are kept; starts fall inside the horizon; no pool's
 * capacity goes below zero. All problems at once, each naming its field and the id.
 */
async function checkChanges(actor: Actor, changes: ScenarioChanges): Promise<void> {
  const raw = await rawFacts();
  const initiatives = new Map(raw.initiatives.map((i) => [i.id, i]));
  const pools = new Map(raw.pools.map((p) => [p.id, p]));
  const issues: FieldIssue[] = [];
  const unknownInitiatives = new Set<string>();
  const unknownPools = new Set<string>();
  const initiative = (id: string, path: string) => {
    if (initiatives.has(id)) return true;
    issues.push({ path, message: "unknownInitiative" });
    unknownInitiatives.add(id);
    return false;
  };
  changes.include.forEach((id, i) => initiative(id, `changes.include.${i}`));
  const included = new Set(changes.include);
  changes.exclude.forEach((id, i) => {
    if (!initiative(id, `changes.exclude.${i}`)) return;
    if (RUNNING.has(initiatives.get(id)!.status)) issues.push({ path: `changes.exclude.${i}`, message: "runningKept" });
    if (included.has(id)) issues.push({ path: `changes.exclude.${i}`, message: "includedAndExcluded" });
  });
  const quarters = horizonQuarters(settingsOf(changes));
  changes.starts.forEach((s, i) => {
    if (!initiative(s.initiativeId, `changes.starts.${i}.initiativeId`)) return;
    if (RUNNING.has(initiatives.get(s.initiativeId)!.status)) issues.push({ path: `changes.starts.${i}.initiativeId`, message: "runningKept" });
    if (!quarters.includes(s.quarter)) issues.push({ path: `changes.starts.${i}.quarter`, message: "outsideHorizon" });
  });
  changes.dependencies.forEach((d, i) => {
    initiative(d.initiativeId, `changes.dependencies.${i}.initiativeId`);
    initiative(d.requiresId, `changes.dependencies.${i}.requiresId`);
  });
  changes.capacity.forEach((c, i) => {
    const pool = pools.get(c.poolId);
    if (!pool || !pool.active) {
      issues.push({ path: `changes.capacity.${i}.poolId`, message: "unknownPool" });
      unknownPools.add(c.poolId);
    }
  });
  if (!unknownPools.size) {
    // Changes add up per quarter: the result must not be negative anywhere.
    const settings = settingsOf(changes);
    const withoutFloor = scenarioCapacityUnclamped({ ...raw, target: null, initiatives: [] }, settings);
    changes.capacity.forEach((c, i) => {
      const row = withoutFloor.get(c.poolId)!;
      if (quarters.some((q, k) => q >= c.from && (c.to === null || q <= c.to) && row[k]! < 0)) issues.push({ path: `changes.capacity.${i}.hoursPerQuarter`, message: "negativeCapacity" });
    });
  }
  if (!issues.length) return;
  const named = [unknownInitiatives.size ? `unknown initiatives: ${[...unknownInitiatives].join(", ")}` : "", unknownPools.size ? `unknown pools: ${[...unknownPools].join(", ")}` : ""].filter(Boolean).join("; ");
  throw new ValidationError(issues, named ? `The scenario names ${named}.` : "The scenario is not valid.");
}

/** Capacity with the changes but without the floor at zero, to find changes that take more than there is. */
function scenarioCapacityUnclamped(f: PortfolioFacts, s: ScenarioSettings): Map<string, number[]> {
  const base = scenarioCapacity(f, { ...s, capacity: [] });
  const quarters = horizonQuarters(s);
  for (const c of s.capacity) {
    const row = base.get(c.poolId);
    if (row) quarters.forEach((q, k) => q >= c.from && (c.to === null || q <= c.to) && (row[k] = row[k]! + c.hoursPerQuarter));
  }
  return base;
}

// ---- Reading ---------------------------------------------------------------------------

const SCENARIO_SELECT = {
  id: true, name: true, description: true, changes: true, version: true, createdAt: true, updatedAt: true, adoptedAt: true,
  createdBy: { select: { id: true, name: true } },
  adoptedInMeeting: { select: { id: true, title: true, date: true } },
  agendaItems: { select: { meeting: { select: { id: true, title: true, date: true, status: true } } } },
  runs: { orderBy: { startedAt: "desc" }, take: 1, select: { id: true, status: true, scenarioVersion: true, timeLimitSeconds: true, progress: true, startedAt: true, finishedAt: true, error: true, result: true } },
} satisfies Prisma.ScenarioSelect;
type ScenarioRow = Prisma.ScenarioGetPayload<{ select: typeof SCENARIO_SELECT }>;

export type RunView = {
  id: string; status: "RUNNING" | "DONE" | "FAILED"; scenarioVersion: number; timeLimitSeconds: number; startedAt: Date; finishedAt: Date | null; error: string | null;
  progress: { stage: string; done: number; total: number; elapsedSeconds?: number } | null;
  result: OptimiserRunResult | null;
};
export type ScenarioView = {
  id: string; name: string; description: string; changes: ScenarioChanges; version: number; createdAt: Date; updatedAt: Date;
  createdBy: { id: string; name: string } | null; adoptedAt: Date | null; adoptedInMeeting: { id: string; title: string; date: Date } | null;
  onAgenda: { id: string; title: string; date: Date; status: string }[];
  latestRun: RunView | null;
};

/** What a finished run keeps (lib/server/optimiser/run.ts writes it). */
export type OptimiserRunResult = {
  status: "optimal" | "time_limit" | "infeasible";
  objective: number; bound: number; gap: number; seconds: number;
  plan: Plan;
  explanations: { id: string; blockedBy: unknown[]; gainIfRelaxed: number | null }[];
  conflicts: { constraints: unknown[]; message?: string }[];
  greedy: { objective: number; plan: Plan };
  notes: ProblemNotes;
};

/** A run left RUNNING by a process that stopped is reported as interrupted, not as running forever. */
export function stale(run: { status: string; startedAt: Date; timeLimitSeconds: number }, now = Date.now()): boolean {
  return run.status === "RUNNING" && now - run.startedAt.getTime() > (run.timeLimitSeconds * 4 + 120) * 1000;
}

export function runView(r: ScenarioRow["runs"][number]): RunView {
  const interrupted = stale(r);
  return {
    id: r.id, status: interrupted ? "FAILED" : r.status, scenarioVersion: r.scenarioVersion, timeLimitSeconds: r.timeLimitSeconds, startedAt: r.startedAt, finishedAt: r.finishedAt,
    error: interrupted ? "INTERRUPTED" : r.error, progress: (r.progress as RunView["progress"]) ?? null, result: (r.result as OptimiserRunResult | null) ?? null,
  };
}

function view(r: ScenarioRow): ScenarioView {
  return {
    id: r.id, name: r.name, description: r.description, changes: scenarioChanges.parse(r.changes), version: r.version, createdAt: r.createdAt, updatedAt: r.updatedAt,
    createdBy: r.createdBy, adoptedAt: r.adoptedAt, adoptedInMeeting: r.adoptedInMeeting,
    onAgenda: r.agendaItems.map((a) => a.meeting).sort((a, b) => a.date.getTime() - b.date.getTime()),
    latestRun: r.runs[0] ? runView(r.runs[0]) : null,
  };
}

/** Every scenario, latest changed first; everyone reads. */
export async function listScenarios(actor: Actor): Promise<ScenarioView[]> {
  authorize(actor, "portfolio.read");
  const rows = await prisma.scenario.findMany({ select: SCENARIO_SELECT, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take: 200 });
  return rows.map(view).map((s) => ({ ...s, latestRun: s.latestRun ? { ...s.latestRun, result: null } : null }));
}

export async function getScenario(actor: Actor, id: string): Promise<ScenarioView> {
  authorize(actor, "portfolio.read");
  const row = await prisma.scenario.findUnique({ where: { id }, select: SCENARIO_SELECT });
  if (!row) throw new NotFoundError("Scenario");
  return view(row);
}

export type Labels = {
  initiatives: Record<string, { number: number; title: string; status: string; department: string; score: number; quadrant: Quadrant | null }>;
  pools: Record<string, string>;
  departments: Record<string, string>;
};

export type ScenarioPlan = {
  /** Which plan the measures are of: the latest optimiser run on this version, else the portfolio with the scenario's changes. */
  source: "optimised" | "manual";
  plan: Plan;
  measures: PlanMeasures;
  live: PlanMeasures;
  greedy: PlanMeasures | null;
  quarters: string[];
  notes: ProblemNotes;
  labels: Labels;
};

function labelsOf(f: PortfolioFacts): Labels {
  return {
    initiatives: Object.fromEntries(f.initiatives.map((i) => [i.id, { number: i.number, title: i.title, status: i.status, department: i.department, score: i.score, quadrant: i.quadrant }])),
    pools: Object.fromEntries(f.pools.map((p) => [p.id, p.name])),
    departments: Object.fromEntries(f.initiatives.map((i) => [i.departmentId, i.department])),
  };
}

/** The scenario's plan and its measures beside the live portfolio's (and greedy's, after a run). */
export async function scenarioPlan(actor: Actor, scenario: ScenarioView): Promise<ScenarioPlan> {
  authorize(actor, "portfolio.read");
  const { facts: f, problem, notes } = await scenarioProblem(actor, scenario.changes);
  const run = scenario.latestRun;
  const current = run?.status === "DONE" && run.scenarioVersion === scenario.version && run.result && run.result.status !== "infeasible" ? run.result : null;
  const plan = current ? current.plan : manualPlan(f, problem);
  // The live portfolio over the same horizon, with the portfolio's own weights and no changes.
  const liveChanges = { ...defaultChanges(), horizon: scenario.changes.horizon };
  const live = await scenarioProblem(actor, liveChanges);
  return {
    source: current ? "optimised" : "manual",
    plan,
    measures: measurePlan(f, problem, plan),
    live: measurePlan(live.facts, live.problem, manualPlan(live.facts, live.problem)),
    greedy: current ? measurePlan(f, problem, current.greedy.plan) : null,
    quarters: problem.quarters,
    notes,
    labels: labelsOf(f),
  };
}

/** Two to four scenarios (or one) side by side with the live portfolio. */
export async function compareScenarios(actor: Actor, query: unknown): Promise<{ live: PlanMeasures; scenarios: (ScenarioView & { plan: ScenarioPlan })[]; labels: Labels }> {
  authorize(actor, "portfolio.read");
  const { ids } = parseInput(compareQuery, query);
  const rows = await prisma.scenario.findMany({ where: { id: { in: ids } }, select: SCENARIO_SELECT });
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw new ValidationError(missing.map((id) => ({ path: "ids", message: "unknownScenario" })), `Unknown scenarios: ${missing.join(", ")}.`);
  const scenarios = await Promise.all(ids.map(async (id) => {
    const s = view(rows.find((r) => r.id === id)!);
    return { ...s, plan: await scenarioPlan(actor, s) };
  }));
  const labels = scenarios.reduce<Labels>(
    (all, s) => ({ initiatives: { ...all.initiatives, ...s.plan.labels.initiatives }, pools: { ...all.pools, ...s.plan.labels.pools }, departments: { ...all.departments, ...s.plan.labels.departments } }),
    { initiatives: {}, pools: {}, departments: {} },
  );
  return { live: scenarios[0]!.plan.live, scenarios, labels };
}

// ---- Writing -----------------------------------------------------------------------------

function auditView(s: { name: string; description: string; changes: unknown }) {
  return { name: s.name, description: s.description, changes: s.changes };
}

export async function createScenario(actor: Actor, input: unknown): Promise<ScenarioView> {
  authorize(actor, "scenario.write");
  const data = parseInput(scenarioCreateInput, input);
  const base = defaultChanges();
  const changes = scenarioChanges.parse({ ...base, ...(data.changes ?? {}), horizon: data.changes?.horizon ?? base.horizon });
  await checkChanges(actor, changes);
  const id = await prisma.$transaction(async (tx) => {
    const created = await tx.scenario.create({ data: { name: data.name, description: data.description ?? "", changes: changes as Prisma.InputJsonValue, createdById: actorUserId(actor) } });
    await recordAudit(tx, actor, { action: "scenario.create", entityType: "Scenario", entityId: created.id, after: auditView(created) });
    return created.id;
  });
  return getScenario(actor, id);
}

/** Changes a scenario; the version the client read must still be current (409 otherwise). An adopted scenario is fixed. */
export async function updateScenario(actor: Actor, id: string, input: unknown): Promise<ScenarioView> {
  authorize(actor, "scenario.write");
  const data = parseInput(scenarioUpdateInput, input);
  if (data.changes) await checkChanges(actor, data.changes);
  await prisma.$transaction(async (tx) => {
    const current = await tx.scenario.findUnique({ where: { id } });
    if (!current) throw new NotFoundError("Scenario");
    if (current.adoptedAt) throw new AppError("SCENARIO_ADOPTED", 409, "An adopted scenario is part of the record and no longer changes.");
    const next = { name: data.name ?? current.name, description: data.description === undefined ? current.description : (data.description ?? ""), changes: (data.changes ?? current.changes) as Prisma.InputJsonValue };
    const { count } = await tx.scenario.updateMany({ where: { id, version: data.version }, data: { ...next, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Someone else changed this scenario after you opened it. Their version is shown; apply your changes again.", { version: current.version, name: current.name, changes: current.changes });
    await recordAudit(tx, actor, { action: "scenario.update", entityType: "Scenario", entityId: id, ...diff(auditView(current), auditView(next)) });
  });
  return getScenario(actor, id);
}

/** Removes a scenario that is neither adopted nor on a meeting's agenda. */
export async function deleteScenario(actor: Actor, id: string): Promise<{ id: string }> {
  authorize(actor, "scenario.write");
  return prisma.$transaction(async (tx) => {
    const current = await tx.scenario.findUnique({ where: { id }, include: { agendaItems: { select: { id: true } } } });
    if (!current) throw new NotFoundError("Scenario");
    if (current.adoptedAt || current.agendaItems.length) throw new AppError("SCENARIO_IN_USE", 409, "A scenario on a meeting's agenda or adopted by one is part of the record and cannot be removed.");
    await tx.scenario.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "scenario.delete", entityType: "Scenario", entityId: id, before: auditView(current) });
    return { id };
  });
}

/** What adopting the scenario would decide now, and the capacity changes its plan relies on. */
export async function scenarioAdoption(actor: Actor, scenario: ScenarioView): Promise<{ source: ScenarioPlan["source"]; decisions: Adoption; capacity: ScenarioChanges["capacity"] }> {
  const { facts: f, problem } = await scenarioProblem(actor, scenario.changes);
  const run = scenario.latestRun;
  const current = run?.status === "DONE" && run.scenarioVersion === scenario.version && run.result && run.result.status !== "infeasible" ? run.result : null;
  const plan = current ? current.plan : manualPlan(f, problem);
  // What the scenario or its plan names must still be open to a decision; else it was worked out on a portfolio that has moved.
  const open = new Set(problem.candidates.map((c) => c.id));
  const named = [...plan.map((p) => p.id), ...scenario.changes.include, ...scenario.changes.exclude, ...scenario.changes.starts.map((x) => x.initiativeId)];
  const moved = [...new Set(named.filter((id) => !open.has(id)))];
  if (moved.length) {
    const numbers = await prisma.initiative.findMany({ where: { id: { in: moved } }, select: { number: true } });
    throw new ConflictError(`The portfolio has changed since the scenario was worked out (${numbers.map((n) => `#${n.number}`).join(", ")} can no longer be planned): change the scenario and review it again.`, { initiatives: numbers.map((n) => n.number) }, "PORTFOLIO_CHANGED");
  }
  return { source: current ? "optimised" : "manual", decisions: adoptionOf(f, problem, plan), capacity: scenario.changes.capacity };
}

/** Initiative ids by number, for forms that name initiatives as people do. */
export async function initiativeIdsByNumber(actor: Actor, numbers: number[]): Promise<Map<number, string>> {
  // It reads the numbers a scenario's changes name: someone who may not write one is refused
  // before the form's numbers are checked.
  authorize(actor, "scenario.write");
  if (!numbers.length) return new Map();
  const rows = await prisma.initiative.findMany({ where: { number: { in: numbers } }, select: { id: true, number: true } });
  return new Map(rows.map((r) => [r.number, r.id]));
}

/** The quarter a start index of a plan stands for. */
export function startQuarter(changes: ScenarioChanges, start: number): string {
  return addQuarters(changes.horizon.from, start);
}

export type { Tx };
