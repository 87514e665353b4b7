import "server-only";
// Strategic goals (ADMIN, LEADERSHIP): the political direction the ranking scores against.
// A goal in use is deactivated, not deleted. The score and the ranking follow every change at
// once: they are derived per state of the database (snapshot-cache.ts) and per year.
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { goalInEffect } from "@/lib/domain/goals";
import type { Prisma } from "@/lib/generated/prisma/client";
import { id as idSchema } from "@/lib/validation/common";
import { goalCreateInput, goalUpdateInput } from "@/lib/validation/goals";
import { diff, recordAudit } from "./audit";
import { AppError, ConflictError, NotFoundError, parseInput, uniqueViolationAs } from "./errors";

type Tx = Prisma.TransactionClient;

// Made once: building a DateTimeFormat costs about 0.2 ms, and pages ask for the year several times.
const STOCKHOLM_YEAR = new Intl.DateTimeFormat("sv-SE", { year: "numeric", timeZone: "Europe/Stockholm" });

/** The year the score counts goals in, in Swedish time. */
export function currentYear(now = new Date()): number {
  return Number(STOCKHOLM_YEAR.format(now));
}

/** Goals that count in the benefit score this year: active and within their validity period. */
export function goalsInEffectWhere(year: number): Prisma.StrategicGoalWhereInput {
  return { active: true, AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: year } }] }, { OR: [{ validTo: null }, { validTo: { gte: year } }] }] };
}

/** Goals initiatives and programs may be linked to: active and not expired (also next mandate's). */
export function selectableGoalsWhere(year: number): Prisma.StrategicGoalWhereInput {
  return { active: true, OR: [{ validTo: null }, { validTo: { gte: year } }] };
}

export type GoalView = {
  id: string; code: string; title: string; description: string; weight: number; validFrom: number | null; validTo: number | null; active: boolean; inEffect: boolean;
  version: number; usage: { initiatives: number; programs: number }; createdAt: Date; updatedAt: Date;
};

const SELECT = {
  id: true, code: true, title: true, description: true, weight: true, validFrom: true, validTo: true, active: true, version: true, createdAt: true, updatedAt: true,
  _count: { select: { initiatives: true, programs: true } },
} as const;
type Row = Prisma.StrategicGoalGetPayload<{ select: typeof SELECT }>;

function view(g: Row, year: number): GoalView {
  const { _count, ...rest } = g;
  return { ...rest, inEffect: goalInEffect(g, year), usage: { initiatives: _count.initiatives, programs: _count.programs } };
}

/** Every goal (the political direction is public to every signed-in person), active first, by code. */
export async function listGoals(actor: Actor): Promise<GoalView[]> {
  authorize(actor, "portfolio.read");
  const year = currentYear();
  return (await prisma.strategicGoal.findMany({ select: SELECT, orderBy: [{ active: "desc" }, { code: "asc" }] })).map((g) => view(g, year));
}

const codeTaken = () => new AppError("CODE_TAKEN", 409, "A goal with this code already exists.", [{ path: "code", message: "codeTaken" }]);

async function checkCodeFree(tx: Tx, code: string, exceptId: string | null): Promise<void> {
  const clash = await tx.strategicGoal.findFirst({ where: { code: { equals: code, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw codeTaken();
}

const auditFields = (g: { code: string; title: string; description: string; weight: number; validFrom: number | null; validTo: number | null; active: boolean }) => ({
  code: g.code, title: g.title, description: g.description, weight: g.weight, validFrom: g.validFrom, validTo: g.validTo, active: g.active,
});

export async function createGoal(actor: Actor, input: unknown): Promise<GoalView> {
  authorize(actor, "goals.manage");
  const fields = parseInput(goalCreateInput, input);
  return prisma.$transaction(async (tx) => {
    await checkCodeFree(tx, fields.code, null);
    const row = await tx.strategicGoal.create({ data: fields, select: SELECT });
    await recordAudit(tx, actor, { action: "goal.create", entityType: "StrategicGoal", entityId: row.id, after: auditFields(row) });
    return view(row, currentYear());
  }).catch(uniqueViolationAs(codeTaken));
}

/** Changes a goal (weight, period, wording, active); names the version read. */
export async function updateGoal(actor: Actor, id: string, input: unknown): Promise<GoalView> {
  authorize(actor, "goals.manage");
  if (!idSchema.safeParse(id).success) throw new NotFoundError("Goal");
  const { version, ...changes } = parseInput(goalUpdateInput, input);
  return prisma.$transaction(async (tx) => {
    const current = await tx.strategicGoal.findUnique({ where: { id }, select: SELECT });
    if (!current) throw new NotFoundError("Goal");
    if (current.version !== version) throw new ConflictError("Someone changed this goal after you read it.", view(current, currentYear()) as unknown as Record<string, unknown>);
    const before = auditFields(current);
    const next = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as typeof before;
    if (next.validFrom !== null && next.validTo !== null && next.validTo < next.validFrom) throw new AppError("VALIDATION_FAILED", 400, "The period ends before it starts.", [{ path: "validTo", message: "periodReversed" }]);
    const changed = diff(before, next);
    if (Object.keys(changed.after).length === 0) return view(current, currentYear());
    if ("code" in changed.after) await checkCodeFree(tx, next.code, id);
    const updated = await tx.strategicGoal.updateMany({ where: { id, version }, data: { ...next, version: { increment: 1 } } });
    if (updated.count !== 1) throw new ConflictError("Someone changed this goal after you read it.");
    const only = Object.keys(changed.after);
    const action = only.length === 1 && only[0] === "active" ? (next.active ? "goal.reactivate" : "goal.deactivate") : "goal.update";
    await recordAudit(tx, actor, { action, entityType: "StrategicGoal", entityId: id, ...changed });
    return view((await tx.strategicGoal.findUnique({ where: { id }, select: SELECT }))!, currentYear());
  }).catch(uniqueViolationAs(codeTaken));
}

/** Deletes a goal nothing is linked to; a goal in use is deactivated instead (409 IN_USE). */
export async function deleteGoal(actor: Actor, id: string): Promise<{ id: string }> {
  authorize(actor, "goals.manage");
  if (!idSchema.safeParse(id).success) throw new NotFoundError("Goal");
  return prisma.$transaction(async (tx) => {
    const current = await tx.strategicGoal.findUnique({ where: { id }, select: SELECT });
    if (!current) throw new NotFoundError("Goal");
    if (current._count.initiatives + current._count.programs > 0) {
      throw new AppError("IN_USE", 409, "Initiatives or programs are linked to this goal: deactivate it instead.", undefined, { usage: current._count });
    }
    await tx.strategicGoal.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "goal.delete", entityType: "StrategicGoal", entityId: id, before: auditFields(current) });
    return { id };
  });
}
