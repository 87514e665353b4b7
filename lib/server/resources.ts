import "server-only";
// Resource pools, their capacity, allocations to initiatives, and demand against capacity.
// Mutations: authorize → validate → one transaction → audit. Views read aggregates only
// (GROUP BY pool, quarter, status), never one query per pool, quarter or initiative.
import { authorize, can } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import {
  ALLOCATABLE_STATUSES,
  AWAITING_STATUSES,
  COMMITTED_STATUSES,
  allocationWindow,
  awaitingEstimate,
  borrowedHours,
  capacityTotals,
  carriedCapacity,
  competenceGrid,
  demandGrid,
  inWindow,
  isBorrowed,
  outsidePlan,
  planAfterAllocation,
  poolTotal,
  quarterIndex,
  quarterSequence,
  reinforcement,
  starvedInitiatives,
  unallocatedEffort,
  wipWarnings,
  type CapacityRow,
  type CompetenceLoad,
  type DemandCell,
  type DemandRow,
  type PoolInfo,
  type PoolKind,
  type Reinforcement,
  type WipWarning,
} from "@/lib/domain/capacity";
import { addQuarters, quarterOfDate } from "@/lib/domain/quarters";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  allocationCreateInput,
  allocationDeleteInput,
  allocationFilter,
  allocationUpdateInput,
  capacityInput,
  demandQuery,
  poolCreateInput,
  poolUpdateInput,
} from "@/lib/validation/resources";
import { pageNumber } from "@/lib/validation/common";
import { actorUserId, diff, recordAudit } from "./audit";
import { AppError, ConflictError, isUniqueViolation, NotFoundError, parseInput, uniqueViolationAs, ValidationError } from "./errors";
import { resourceSettings } from "./settings";
import { anyStatus } from "./sql";
import { cachedUntilWrite } from "./snapshot-cache";

type Tx = Prisma.TransactionClient;

export function currentQuarter(now = new Date()): string {
  return quarterOfDate(now);
}

// ---------------------------------------------------------------------------
// Pools

export type PoolSummary = PoolInfo & { departmentName: string | null; active: boolean; version: number };

const poolSelect = { id: true, name: true, kind: true, departmentId: true, wipLimit: true, active: true, version: true, department: { select: { name: true } } } as const;
type PoolRow = { id: string; name: string; kind: PoolKind; departmentId: string | null; wipLimit: number | null; active: boolean; version: number; department: { name: string } | null };
const summary = (p: PoolRow): PoolSummary => ({
  id: p.id, name: p.name, kind: p.kind, departmentId: p.departmentId, departmentName: p.department?.name ?? null, wipLimit: p.wipLimit, active: p.active, version: p.version,
});

/** Central pools first (DIG, Digitalt center), then the departments' local pools by name. */
async function pools(db: Tx = prisma): Promise<PoolSummary[]> {
  return (await db.resourcePool.findMany({ select: poolSelect, orderBy: [{ kind: "asc" }, { name: "asc" }] })).map(summary);
}

export async function listPools(actor: Actor): Promise<PoolSummary[]> {
  authorize(actor, "resource.read");
  return cachedUntilWrite("pools", () => pools());
}

// ---------------------------------------------------------------------------
// The aggregates

/** Allocated hours per pool, quarter, status and owning department (optionally per competence) for the given quarters. */
async function demandRows(quarters: readonly string[], options: { poolId?: string; byCompetence?: boolean } = {}): Promise<DemandRow[]> {
  if (!quarters.length) return [];
  const statuses = [...COMMITTED_STATUSES, ...AWAITING_STATUSES];
  const competence = options.byCompetence ? Prisma.sql`, a."competence"` : Prisma.empty;
  return prisma.$queryRaw<DemandRow[]>(Prisma.sql`
    SELECT a."poolId", a."quarter", i."status"::text AS "status", i."ownerDepartmentId"${competence},
           SUM(a."hours")::float8 AS "hours", COUNT(DISTINCT a."initiativeId")::int AS "initiatives"
    FROM "ResourceAllocation" a JOIN "Initiative" i ON i."id" = a."initiativeId"
    WHERE a."quarter" IN (${Prisma.join([...quarters])}) AND i."status" ${anyStatus(statuses)}
    ${options.poolId ? Prisma.sql`AND a."poolId" = ${options.poolId}` : Prisma.empty}
    GROUP BY a."poolId", a."quarter", i."status", i."ownerDepartmentId"${competence}`);
}

type EffortRow = { status: string; quarter: string | null; allocated: boolean; initiatives: number; estimated: number; effort: number; remaining: number };

/**
 * Effort of committed and awaiting initiatives, grouped by status, desired start quarter and
 * whether any hours are allocated. `remaining` is Σ max(0, estimate − allocated hours), the
 * rule of unallocatedEffort in lib/domain/capacity.ts, computed in the database. Sums come back
 * as float8, here and in demandRows: a sum of INTEGER hours can pass what an INTEGER holds (215
 * initiatives at the 10,000,000-hour cap), and float8 holds whole numbers exactly up to 2^53.
 */
async function effortRows(): Promise<EffortRow[]> {
  const statuses = [...COMMITTED_STATUSES, ...AWAITING_STATUSES];
  return prisma.$queryRaw<EffortRow[]>(Prisma.sql`
    SELECT i."status"::text AS "status", i."desiredStartQuarter" AS "quarter", (a."hours" IS NOT NULL) AS "allocated",
           COUNT(*)::int AS "initiatives", COUNT(i."estimatedEffortHours")::int AS "estimated",
           COALESCE(SUM(i."estimatedEffortHours"), 0)::float8 AS "effort",
           COALESCE(SUM(GREATEST(i."estimatedEffortHours" - COALESCE(a."hours", 0), 0)), 0)::float8 AS "remaining"
    FROM "Initiative" i
    -- Per initiative through its index: the open ones only, never every allocation ever made.
    LEFT JOIN LATERAL (SELECT SUM(r."hours") AS "hours" FROM "ResourceAllocation" r WHERE r."initiativeId" = i."id" HAVING COUNT(*) > 0) a ON true
    WHERE i."status" ${anyStatus(statuses)}
    GROUP BY 1, 2, 3`);
}

// ---------------------------------------------------------------------------
// Demand against capacity

export type DemandPicture = {
  currentQuarter: string;
  quarters: string[];
  pools: PoolSummary[];
  cells: DemandCell[];
  awaitingUnallocated: { byQuarter: Record<string, number>; unscheduled: number };
  borrowed: { departmentId: string; departmentName: string; borrowed: number; lent: number }[];
  wip: WipWarning[];
  /** IN_PROGRESS initiatives drawing on each pool in the current quarter. */
  running: Record<string, number>;
  reinforcement: Reinforcement & { quarters: string[]; unknownEffort: number; hoursPerFte: number };
};

/**
 * Per pool and quarter: capacity, committed demand (APPROVED, IN_PROGRESS, PAUSED), load,
 * demand awaiting decision; borrowed hours per department; WIP against limits; and the
 * central reinforcement needed to clear the approved backlog within N quarters from now.
 */
export async function demandPicture(actor: Actor, query: unknown = {}, now = new Date()): Promise<DemandPicture> {
  authorize(actor, "resource.read");
  const { from, quarters: count, n } = parseInput(demandQuery, query);
  const current = currentQuarter(now);
  const shown = quarterSequence(from ?? current, count);
  const ahead = quarterSequence(current, n);
  // Read on every resources view, written far less often: kept until the next write.
  return cachedUntilWrite(`demandPicture:${current}:${shown.join(",")}:${ahead.join(",")}`, () => computeDemandPicture(current, shown, ahead));
}

async function computeDemandPicture(current: string, shown: string[], ahead: string[]): Promise<DemandPicture> {
  const needed = [...new Set([...shown, ...ahead])];
  const [poolList, capacities, demand, effort, settings, departments] = await Promise.all([
    pools(),
    prisma.poolCapacity.findMany({
      // The shown quarters, and every recorded quarter of the central pools for the estimate's carry-forward.
      where: { OR: [{ quarter: { in: shown } }, { pool: { kind: { not: "LOCAL" } } }] },
      select: { poolId: true, quarter: true, competence: true, hours: true },
    }),
    demandRows(needed),
    effortRows(),
    resourceSettings(),
    prisma.department.findMany({ select: { id: true, name: true } }),
  ]);
  const shownSet = new Set(shown);
  const shownDemand = demand.filter((d) => shownSet.has(d.quarter));
  // A deactivated pool still shows while initiatives hold hours of it in the shown quarters.
  const holding = new Set(shownDemand.map((d) => d.poolId));
  const visiblePools = poolList.filter((p) => p.active || holding.has(p.id));
  const cells = demandGrid(visiblePools, shown, capacities, shownDemand);

  // The reinforcement estimate, over the central pools and the N quarters from now.
  const central = poolList.filter((p) => p.kind !== "LOCAL");
  const totals = capacityTotals(capacities);
  const capacityAhead = ahead.map(() => 0);
  for (const pool of central) {
    const recorded = new Map<string, number>();
    const earlier: { quarter: string; hours: number }[] = [];
    for (const [k, hours] of totals) {
      const [poolId, quarter] = k.split("|") as [string, string];
      if (poolId !== pool.id) continue;
      recorded.set(quarter, hours);
      if (quarterIndex(quarter) < quarterIndex(ahead[0]!)) earlier.push({ quarter, hours });
    }
    carriedCapacity(recorded, ahead, earlier).forEach((h, i) => (capacityAhead[i]! += h));
  }
  const centralIds = new Set(central.map((p) => p.id));
  const committedAhead = ahead.map((q) => demand.filter((d) => d.quarter === q && centralIds.has(d.poolId) && COMMITTED_STATUSES.includes(d.status)).reduce((s, d) => s + d.hours, 0));
  const committedEffort = effort.filter((e) => COMMITTED_STATUSES.includes(e.status));
  const estimate = reinforcement({
    backlogHours: committedEffort.reduce((s, e) => s + e.remaining, 0),
    quarters: ahead.map((_, i) => ({ capacity: capacityAhead[i]!, committed: committedAhead[i]! })),
    hoursPerFte: settings.hoursPerFte,
  });

  const names = new Map(departments.map((d) => [d.id, d.name]));
  return {
    currentQuarter: current,
    quarters: shown,
    pools: visiblePools,
    cells,
    awaitingUnallocated: awaitingEstimate(
      effort.filter((e) => AWAITING_STATUSES.includes(e.status) && !e.allocated),
      current,
    ),
    borrowed: borrowedHours(poolList, shownDemand).map((b) => ({ ...b, departmentName: names.get(b.departmentId) ?? b.departmentId })),
    wip: wipWarnings(poolList, demand, current, settings.defaultWipLimit),
    running: Object.fromEntries(poolList.map((p) => [p.id, demand.filter((d) => d.poolId === p.id && d.quarter === current && d.status === "IN_PROGRESS").reduce((s, d) => s + d.initiatives, 0)])),
    reinforcement: { ...estimate, quarters: ahead, unknownEffort: committedEffort.reduce((s, e) => s + e.initiatives - e.estimated, 0), hoursPerFte: settings.hoursPerFte },
  };
}

export type StarvedInitiative = { id: string; number: number; title: string; department: string };

/** IN_PROGRESS initiatives with no hours in the current quarter. */
export async function starved(actor: Actor, now = new Date()): Promise<StarvedInitiative[]> {
  authorize(actor, "resource.read");
  const current = currentQuarter(now);
  return cachedUntilWrite(`starved:${current}`, () => computeStarved(current));
}

async function computeStarved(current: string): Promise<StarvedInitiative[]> {
  const running = await prisma.initiative.findMany({
    where: { status: "IN_PROGRESS" },
    select: { id: true, number: true, title: true, status: true, ownerDepartment: { select: { name: true } }, allocations: { where: { quarter: current }, select: { quarter: true }, take: 1 } },
    orderBy: { number: "asc" },
  });
  const allocations = running.flatMap((r) => r.allocations.map((a) => ({ initiativeId: r.id, quarter: a.quarter })));
  return starvedInitiatives(running, allocations, current).map((r) => ({ id: r.id, number: r.number, title: r.title, department: r.ownerDepartment.name }));
}

// ---------------------------------------------------------------------------
// One pool

export const ALLOCATION_PAGE_SIZE = 50;

export type AllocationView = {
  id: string;
  initiativeId: string;
  poolId: string;
  quarter: string;
  competence: string;
  hours: number;
  version: number;
  borrowed: boolean;
  initiative: { number: number; title: string; status: string; ownerDepartmentId: string; ownerDepartmentName?: string };
  pool: { name: string; kind: PoolKind; departmentId: string | null };
};

const allocationInclude = {
  initiative: { select: { number: true, title: true, status: true, ownerDepartmentId: true, ownerDepartment: { select: { name: true } } } },
  pool: { select: { name: true, kind: true, departmentId: true } },
} as const;
type AllocationRow = Prisma.ResourceAllocationGetPayload<{ include: typeof allocationInclude }>;

function allocationView(a: AllocationRow): AllocationView {
  return {
    id: a.id,
    initiativeId: a.initiativeId,
    poolId: a.poolId,
    quarter: a.quarter,
    competence: a.competence,
    hours: a.hours,
    version: a.version,
    borrowed: isBorrowed(a.pool, a.initiative.ownerDepartmentId),
    initiative: { number: a.initiative.number, title: a.initiative.title, status: a.initiative.status, ownerDepartmentId: a.initiative.ownerDepartmentId, ownerDepartmentName: a.initiative.ownerDepartment.name },
    pool: a.pool,
  };
}

export type PoolView = {
  pool: PoolSummary;
  currentQuarter: string;
  quarters: string[];
  capacities: CapacityRow[];
  load: DemandCell[];
  competences: CompetenceLoad[];
  /** Running initiatives drawing on the pool this quarter, and the limit that applies. */
  wip: { inProgress: number; limit: number; own: boolean };
  allocations: { rows: AllocationView[]; total: number; page: number; pages: number };
  may: { allocate: boolean; editCapacity: boolean; manage: boolean };
};

/** A pool: its capacity grid (quarters × competence), its load per quarter and its allocations in those quarters. */
export async function poolView(actor: Actor, poolId: string, query: { from?: string; quarters?: number; page?: unknown } = {}, now = new Date()): Promise<PoolView> {
  authorize(actor, "resource.read");
  const { from, quarters: count } = parseInput(demandQuery, { from: query.from, quarters: query.quarters ?? 8 });
  const row = await prisma.resourcePool.findUnique({ where: { id: poolId }, select: poolSelect });
  if (!row) throw new NotFoundError("Pool");
  const pool = summary(row);
  const current = currentQuarter(now);
  const shown = quarterSequence(from ?? current, count);
  const where = { poolId, quarter: { in: shown } };
  const page = parseInput(pageNumber, query.page);
  const [capacities, demand, settings, total, rows] = await Promise.all([
    prisma.poolCapacity.findMany({ where, select: { poolId: true, quarter: true, competence: true, hours: true }, orderBy: [{ quarter: "asc" }, { competence: "asc" }] }),
    demandRows([...new Set([...shown, current])], { poolId, byCompetence: true }),
    resourceSettings(),
    prisma.resourceAllocation.count({ where }),
    prisma.resourceAllocation.findMany({ where, include: allocationInclude, orderBy: [{ quarter: "asc" }, { initiative: { number: "asc" } }, { competence: "asc" }], skip: (page - 1) * ALLOCATION_PAGE_SIZE, take: ALLOCATION_PAGE_SIZE }),
  ]);
  const inProgress = demand.filter((d) => d.quarter === current && d.status === "IN_PROGRESS").reduce((s, d) => s + d.initiatives, 0);
  return {
    pool,
    currentQuarter: current,
    quarters: shown,
    capacities,
    load: demandGrid([pool], shown, capacities, demand),
    competences: competenceGrid(shown, capacities, demand.filter((d) => shown.includes(d.quarter))),
    wip: { inProgress, limit: pool.wipLimit ?? settings.defaultWipLimit, own: pool.wipLimit !== null },
    allocations: { rows: rows.map(allocationView), total, page, pages: Math.max(1, Math.ceil(total / ALLOCATION_PAGE_SIZE)) },
    may: { allocate: pool.active && can(actor, "resource.allocate", pool), editCapacity: can(actor, "resource.editCapacity", pool), manage: can(actor, "pool.manage", pool) },
  };
}

/** The API's pool: its stored capacity rows and its load from the current quarter on. */
export async function poolDetail(actor: Actor, poolId: string, now = new Date()) {
  const view = await poolView(actor, poolId, { quarters: 12 }, now);
  const capacities = await prisma.poolCapacity.findMany({ where: { poolId }, select: { quarter: true, competence: true, hours: true }, orderBy: [{ quarter: "asc" }, { competence: "asc" }] });
  return { ...view.pool, capacities, load: view.load.map(({ poolId: _p, ...cell }) => cell) };
}

/** Locks the pool's row so capacity edits of one pool run one at a time (the total is derived from the competences). */
async function lockPool(tx: Tx, poolId: string): Promise<PoolRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ResourcePool" WHERE "id" = ${poolId} FOR UPDATE`;
  if (!locked.length) throw new NotFoundError("Pool");
  return tx.resourcePool.findUniqueOrThrow({ where: { id: poolId }, select: poolSelect });
}

/**
 * Sets a pool's capacity for a quarter: the whole pool (competence "") or one competence.
 * With competences, the whole-pool row is kept equal to their sum and cannot be set apart.
 */
export async function setCapacity(actor: Actor, poolId: string, input: unknown, now = new Date()) {
  authorize(actor, "resource.editCapacity");
  return prisma.$transaction(async (tx) => {
    const pool = await lockPool(tx, poolId);
    authorize(actor, "resource.editCapacity", pool);
    const data = parseInput(capacityInput, input);
    if (!inWindow(data.quarter, allocationWindow(currentQuarter(now)))) throw new ValidationError([{ path: "quarter", message: "quarterOutOfRange" }]);
    const before = await tx.poolCapacity.findMany({ where: { poolId, quarter: data.quarter }, select: { competence: true, hours: true } });
    if (data.competence === "" && before.some((r) => r.competence !== "")) throw new ValidationError([{ path: "hours", message: "totalIsSumOfCompetences" }]);
    const cell = { poolId_quarter_competence: { poolId, quarter: data.quarter, competence: data.competence } };
    await tx.poolCapacity.upsert({ where: cell, create: { poolId, quarter: data.quarter, competence: data.competence, hours: data.hours }, update: { hours: data.hours } });
    if (data.competence !== "") {
      const competences = await tx.poolCapacity.findMany({ where: { poolId, quarter: data.quarter, competence: { not: "" } }, select: { hours: true } });
      const sum = competences.reduce((s, r) => s + r.hours, 0);
      const whole = { poolId_quarter_competence: { poolId, quarter: data.quarter, competence: "" } };
      await tx.poolCapacity.upsert({ where: whole, create: { poolId, quarter: data.quarter, competence: "", hours: sum }, update: { hours: sum } });
    }
    const rows = await tx.poolCapacity.findMany({ where: { poolId, quarter: data.quarter }, select: { quarter: true, competence: true, hours: true }, orderBy: { competence: "asc" } });
    await recordAudit(tx, actor, {
      action: "pool.capacity",
      entityType: "ResourcePool",
      entityId: poolId,
      before: { quarter: data.quarter, competence: data.competence, hours: before.find((r) => r.competence === data.competence)?.hours ?? null },
      after: { quarter: data.quarter, competence: data.competence, hours: data.hours },
    });
    return { poolId, quarter: data.quarter, rows, total: poolTotal(rows) };
  });
}

/** Sets or clears a pool's own WIP limit (null: the default applies). */
/**
 * Changes a pool: its WIP limit (who edits its capacity), its name or whether it is active
 * (who manages pools: DIG and admin; a local pool also its department's managers). A rename
 * or a (de)activation names the version read.
 */
export async function updatePool(actor: Actor, poolId: string, input: unknown): Promise<PoolSummary> {
  // Editing a pool's capacity is the least right over a pool (managing it implies it).
  authorize(actor, "resource.editCapacity");
  return prisma.$transaction(async (tx) => {
    const pool = await lockPool(tx, poolId);
    authorize(actor, "resource.editCapacity", pool);
    const changes = parseInput(poolUpdateInput, input);
    const manages = changes.name !== undefined || changes.active !== undefined;
    if (manages) {
      authorize(actor, "pool.manage", pool);
      if (changes.version === undefined) throw new ValidationError([{ path: "version", message: "versionRequired" }]);
    }
    if (changes.version !== undefined && changes.version !== pool.version) throw new ConflictError("Someone changed this pool after you read it.", summary(pool) as unknown as Record<string, unknown>);
    const before = { name: pool.name, wipLimit: pool.wipLimit, active: pool.active };
    const next = { name: changes.name ?? pool.name, wipLimit: changes.wipLimit !== undefined ? changes.wipLimit : pool.wipLimit, active: changes.active ?? pool.active };
    const changed = diff(before, next);
    if (Object.keys(changed.after).length === 0) return summary(pool);
    if ("name" in changed.after) await checkPoolNameFree(tx, next.name, poolId);
    const updated = await tx.resourcePool.update({ where: { id: poolId }, data: { ...next, version: { increment: 1 } }, select: poolSelect });
    const only = Object.keys(changed.after);
    const action = only.length === 1 && only[0] === "active" ? (next.active ? "pool.reactivate" : "pool.deactivate") : "pool.update";
    await recordAudit(tx, actor, { action, entityType: "ResourcePool", entityId: poolId, ...changed });
    return summary(updated);
  }).catch(uniqueViolationAs(poolNameTaken));
}

const poolNameTaken = () => new AppError("NAME_TAKEN", 409, "A pool with this name already exists.", [{ path: "name", message: "nameTaken" }]);

async function checkPoolNameFree(tx: Tx, name: string, exceptId: string | null): Promise<void> {
  const clash = await tx.resourcePool.findFirst({ where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw poolNameTaken();
}

/**
 * Creates a pool: a central one (DIG, Digitalt center) by DIG or admin, a department's local
 * pool also by its managers. A local pool belongs to an active department; a central one to none.
 */
export async function createPool(actor: Actor, input: unknown): Promise<PoolSummary> {
  authorize(actor, "pool.manage");
  const fields = parseInput(poolCreateInput, input);
  const departmentId = fields.kind === "LOCAL" ? (fields.departmentId ?? null) : null;
  if (fields.kind === "LOCAL" && !departmentId) throw new ValidationError([{ path: "departmentId", message: "departmentRequired" }]);
  if (fields.kind !== "LOCAL" && fields.departmentId) throw new ValidationError([{ path: "departmentId", message: "centralPoolHasNoDepartment" }]);
  authorize(actor, "pool.manage", { kind: fields.kind, departmentId });
  return prisma.$transaction(async (tx) => {
    if (departmentId) {
      const department = await tx.department.findUnique({ where: { id: departmentId }, select: { active: true } });
      if (!department) throw new ValidationError([{ path: "departmentId", message: "unknownDepartment" }]);
      if (!department.active) throw new ValidationError([{ path: "departmentId", message: "inactiveDepartment" }]);
    }
    await checkPoolNameFree(tx, fields.name, null);
    const row = await tx.resourcePool.create({ data: { name: fields.name, kind: fields.kind, departmentId, wipLimit: fields.wipLimit ?? null }, select: poolSelect });
    await recordAudit(tx, actor, { action: "pool.create", entityType: "ResourcePool", entityId: row.id, after: { name: row.name, kind: row.kind, departmentId, wipLimit: row.wipLimit } });
    return summary(row);
  }).catch(uniqueViolationAs(poolNameTaken));
}

// ---------------------------------------------------------------------------
// Allocations

export async function listAllocations(actor: Actor, query: unknown) {
  authorize(actor, "resource.read");
  const { initiativeId, poolId, quarter, page } = parseInput(allocationFilter, query);
  const where = { ...(initiativeId ? { initiativeId } : {}), ...(poolId ? { poolId } : {}), ...(quarter ? { quarter } : {}) };
  const pageSize = 100;
  const [total, rows] = await Promise.all([
    prisma.resourceAllocation.count({ where }),
    prisma.resourceAllocation.findMany({ where, include: allocationInclude, orderBy: [{ quarter: "asc" }, { initiative: { number: "asc" } }, { poolId: "asc" }, { competence: "asc" }], skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { rows: rows.map(allocationView), page, pageSize, total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

export type AllocationResult = { allocation: AllocationView; plan: { start: string | null; end: string | null; changed: boolean }; warnings: "OUTSIDE_PLANNED_PERIOD"[] };

type PlannedInitiative = { id: string; status: string; plannedStartQuarter: string | null; plannedEndQuarter: string | null };

function assertAllocatable(initiative: { status: string }) {
  if (!ALLOCATABLE_STATUSES.includes(initiative.status)) {
    throw new ConflictError("Resources can be allocated only to triaged, approved, running or paused initiatives.", { status: initiative.status }, "NOT_ALLOCATABLE");
  }
}

/**
 * A missing plan is set from the initiative's allocated quarters (same transaction, the
 * initiative's version bumped, audited); an existing plan is left alone. The update only
 * applies if the plan is still what was read, so a concurrent plan edit is never overwritten.
 */
async function settlePlan(tx: Tx, actor: Actor, initiative: PlannedInitiative): Promise<{ start: string | null; end: string | null; changed: boolean }> {
  const plan = { start: initiative.plannedStartQuarter, end: initiative.plannedEndQuarter };
  if (plan.start && plan.end) return { ...plan, changed: false };
  const quarters = (await tx.resourceAllocation.findMany({ where: { initiativeId: initiative.id }, select: { quarter: true }, distinct: ["quarter"] })).map((q) => q.quarter);
  const next = planAfterAllocation(plan, quarters);
  if (!next.changed) return next;
  const { count } = await tx.initiative.updateMany({
    where: { id: initiative.id, plannedStartQuarter: plan.start, plannedEndQuarter: plan.end },
    data: { plannedStartQuarter: next.start, plannedEndQuarter: next.end, version: { increment: 1 } },
  });
  if (!count) {
    const now = await tx.initiative.findUniqueOrThrow({ where: { id: initiative.id }, select: { plannedStartQuarter: true, plannedEndQuarter: true } });
    return { start: now.plannedStartQuarter, end: now.plannedEndQuarter, changed: false };
  }
  await recordAudit(tx, actor, {
    // Recorded as an update of the initiative, so its history shows it under "changed the initiative".
    action: "initiative.update",
    entityType: "Initiative",
    entityId: initiative.id,
    before: { plannedStartQuarter: plan.start, plannedEndQuarter: plan.end },
    after: { plannedStartQuarter: next.start, plannedEndQuarter: next.end },
  });
  return next;
}

const warningsFor = (plan: { start: string | null; end: string | null }, quarter: string): AllocationResult["warnings"] => (outsidePlan(plan, quarter) ? ["OUTSIDE_PLANNED_PERIOD"] : []);

/**
 * Allocates hours of a pool to an initiative in a quarter. One allocation per initiative,
 * pool, quarter and competence: a second create of the same cell is refused with 409 and the
 * stored allocation (change it with PATCH and its version), so concurrent creates never add
 * up silently nor overwrite each other.
 */
export async function createAllocation(actor: Actor, input: unknown, now = new Date()): Promise<AllocationResult> {
  authorize(actor, "resource.allocate");
  const data = parseInput(allocationCreateInput, input);
  if (!inWindow(data.quarter, allocationWindow(currentQuarter(now)))) throw new ValidationError([{ path: "quarter", message: "quarterOutOfRange" }]);
  const cell = { initiativeId: data.initiativeId, poolId: data.poolId, quarter: data.quarter, competence: data.competence };
  try {
    return await prisma.$transaction(async (tx) => {
      const pool = await tx.resourcePool.findUnique({ where: { id: data.poolId }, select: { id: true, kind: true, departmentId: true, active: true } });
      if (!pool) throw new ValidationError([{ path: "poolId", message: "unknownPool" }]);
      authorize(actor, "resource.allocate", pool);
      if (!pool.active) throw new ConflictError("This pool is deactivated and takes no new allocations.", undefined, "POOL_INACTIVE");
      const initiative = await tx.initiative.findUnique({ where: { id: data.initiativeId }, select: { id: true, status: true, plannedStartQuarter: true, plannedEndQuarter: true } });
      if (!initiative) throw new ValidationError([{ path: "initiativeId", message: "unknownInitiative" }]);
      assertAllocatable(initiative);
      // The unique constraint decides between simultaneous creates (no check-then-insert gap).
      const created = await tx.resourceAllocation.create({ data: { ...cell, hours: data.hours, createdById: actorUserId(actor) }, include: allocationInclude });
      await recordAudit(tx, actor, { action: "allocation.create", entityType: "ResourceAllocation", entityId: created.id, after: { ...cell, hours: data.hours } });
      const plan = await settlePlan(tx, actor, initiative);
      return { allocation: allocationView(created), plan, warnings: warningsFor(plan, data.quarter) };
    });
  } catch (error) {
    // The cell is taken (earlier, or by a simultaneous create that committed first): 409 with the stored allocation.
    if (isUniqueViolation(error)) {
      const found = await prisma.resourceAllocation.findUnique({ where: { initiativeId_poolId_quarter_competence: cell }, include: allocationInclude });
      throw new ConflictError("This initiative already has hours of this pool, quarter and competence. Change that allocation instead.", found ? (allocationView(found) as unknown as Record<string, unknown>) : undefined, "ALLOCATION_EXISTS");
    }
    throw error;
  }
}

/** The pool page names initiatives by their number (#42). */
export async function initiativeIdByNumber(actor: Actor, number: number): Promise<string> {
  authorize(actor, "resource.allocate");
  if (!Number.isInteger(number) || number < 1 || number > 2_147_483_647) throw new ValidationError([{ path: "initiativeNumber", message: Number.isNaN(number) ? "notANumber" : "unknownInitiative" }]);
  const found = await prisma.initiative.findUnique({ where: { number }, select: { id: true } });
  if (!found) throw new ValidationError([{ path: "initiativeNumber", message: "unknownInitiative" }]);
  return found.id;
}

async function loadAllocation(tx: Tx, id: string) {
  const found = await tx.resourceAllocation.findUnique({
    where: { id },
    include: { ...allocationInclude, initiative: { select: { ...allocationInclude.initiative.select, id: true, plannedStartQuarter: true, plannedEndQuarter: true } } },
  });
  if (!found) throw new NotFoundError("Allocation");
  return found;
}

const stale = async (tx: Tx, id: string) => {
  const newer = await tx.resourceAllocation.findUnique({ where: { id }, include: allocationInclude });
  if (!newer) return new NotFoundError("Allocation");
  return new ConflictError("Someone else changed this allocation after you opened it. Their hours are shown; apply your change again.", allocationView(newer) as unknown as Record<string, unknown>);
};

/** Changes an allocation's hours; the version read must still be the stored one (else 409 with the stored values). */
export async function updateAllocation(actor: Actor, id: string, input: unknown): Promise<AllocationResult> {
  authorize(actor, "resource.allocate");
  return prisma.$transaction(async (tx) => {
    const current = await loadAllocation(tx, id);
    authorize(actor, "resource.allocate", current.pool);
    const { hours, version } = parseInput(allocationUpdateInput, input);
    assertAllocatable(current.initiative);
    const { count } = await tx.resourceAllocation.updateMany({ where: { id, version }, data: { hours, version: { increment: 1 } } });
    if (!count) throw await stale(tx, id);
    await recordAudit(tx, actor, { action: "allocation.update", entityType: "ResourceAllocation", entityId: id, before: { hours: current.hours }, after: { hours } });
    const updated = await tx.resourceAllocation.findUniqueOrThrow({ where: { id }, include: allocationInclude });
    const plan = { start: current.initiative.plannedStartQuarter, end: current.initiative.plannedEndQuarter };
    return { allocation: allocationView(updated), plan: { ...plan, changed: false }, warnings: warningsFor(plan, current.quarter) };
  });
}

/** Removes an allocation (the version read must still be the stored one). The plan is left as it is. */
export async function deleteAllocation(actor: Actor, id: string, input: unknown): Promise<{ id: string }> {
  authorize(actor, "resource.allocate");
  return prisma.$transaction(async (tx) => {
    const current = await loadAllocation(tx, id);
    authorize(actor, "resource.allocate", current.pool);
    const { version } = parseInput(allocationDeleteInput, input);
    assertAllocatable(current.initiative);
    const { count } = await tx.resourceAllocation.deleteMany({ where: { id, version } });
    if (!count) throw await stale(tx, id);
    await recordAudit(tx, actor, {
      action: "allocation.delete",
      entityType: "ResourceAllocation",
      entityId: id,
      before: { initiativeId: current.initiativeId, poolId: current.poolId, quarter: current.quarter, competence: current.competence, hours: current.hours },
    });
    return { id };
  });
}

// ---------------------------------------------------------------------------
// The initiative page's section

export type InitiativeResources = {
  initiativeId: string;
  status: string;
  allocatable: boolean;
  plan: { start: string | null; end: string | null };
  estimatedEffortHours: number | null;
  allocatedHours: number;
  unallocatedHours: number;
  allocations: (AllocationView & { outsidePlan: boolean; mayChange: boolean })[];
  /** Pools this person may allocate from, with the competences each lists. */
  pools: (PoolSummary & { competences: string[] })[];
  quarterOptions: string[];
};

/** The initiative's allocations, with what this person may change, for the section on the initiative page. */
export async function initiativeResources(actor: Actor, initiativeId: string, now = new Date()): Promise<InitiativeResources> {
  authorize(actor, "resource.read");
  const [initiative, rows, poolList, competences] = await Promise.all([
    prisma.initiative.findUnique({ where: { id: initiativeId }, select: { id: true, status: true, plannedStartQuarter: true, plannedEndQuarter: true, estimatedEffortHours: true } }),
    prisma.resourceAllocation.findMany({ where: { initiativeId }, include: allocationInclude, orderBy: [{ quarter: "asc" }, { pool: { kind: "asc" } }, { pool: { name: "asc" } }, { competence: "asc" }] }),
    pools(),
    prisma.poolCapacity.findMany({ where: { competence: { not: "" } }, select: { poolId: true, competence: true }, distinct: ["poolId", "competence"], orderBy: { competence: "asc" } }),
  ]);
  if (!initiative) throw new NotFoundError("Initiative");
  const plan = { start: initiative.plannedStartQuarter, end: initiative.plannedEndQuarter };
  const allocatable = ALLOCATABLE_STATUSES.includes(initiative.status);
  const allocatedHours = rows.reduce((s, r) => s + r.hours, 0);
  const current = currentQuarter(now);
  return {
    initiativeId,
    status: initiative.status,
    allocatable,
    plan,
    estimatedEffortHours: initiative.estimatedEffortHours,
    allocatedHours,
    unallocatedHours: unallocatedEffort([{ estimatedEffortHours: initiative.estimatedEffortHours, allocatedHours }]),
    allocations: rows.map((r) => ({ ...allocationView(r), outsidePlan: outsidePlan(plan, r.quarter), mayChange: allocatable && can(actor, "resource.allocate", r.pool) })),
    pools: allocatable
      ? poolList.filter((p) => p.active && can(actor, "resource.allocate", p)).map((p) => ({ ...p, competences: competences.filter((c) => c.poolId === p.id).map((c) => c.competence) }))
      : [],
    // Last quarter, this one and the next eleven: what planning usually needs (the API takes a wider window).
    quarterOptions: quarterSequence(addQuarters(current, -1), 13),
  };
}

