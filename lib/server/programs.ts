import "server-only";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { programTotals, type ProgramMember, type ProgramTotals } from "@/lib/domain/programs";
import type { InitiativeStatus, Prisma } from "@/lib/generated/prisma/client";
import { initiativeProgramInput, programInput, programMembershipInput, updateProgramInput, type ProgramFields } from "@/lib/validation/programs";
import { diff, recordAudit } from "./audit";
import { currentYear, selectableGoalsWhere } from "./goals";
import { activePeople } from "./users";
import { AppError, ConflictError, NotFoundError, parseInput, ValidationError, uniqueViolationAs, type FieldIssue } from "./errors";
import { claimVersion, loadForChange } from "./initiatives";

type Tx = Prisma.TransactionClient;

// ---- Reading ------------------------------------------------------------------------

const MEMBER_SELECT = {
  id: true,
  number: true,
  title: true,
  status: true,
  version: true,
  programId: true,
  estimatedCostSek: true,
  estimatedEffortHours: true,
  plannedStartQuarter: true,
  plannedEndQuarter: true,
  desiredStartQuarter: true,
  ownerDepartment: { select: { id: true, name: true } },
  benefits: { select: { annualValueSek: true, annualHours: true } },
} satisfies Prisma.InitiativeSelect;

type MemberRow = Prisma.InitiativeGetPayload<{ select: typeof MEMBER_SELECT }>;

/** The sum of known values, or null when none is known. */
function sumKnown(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

function asMember(r: MemberRow) {
  const { benefits, ownerDepartment, ...rest } = r;
  return {
    ...rest,
    department: ownerDepartment,
    benefitSek: sumKnown(benefits.map((b) => b.annualValueSek)),
    benefitHours: sumKnown(benefits.map((b) => b.annualHours)),
  };
}
export type ProgramInitiative = ReturnType<typeof asMember>;

export type ProgramSummary = {
  id: string; name: string; targetState: string; updatedAt: Date;
  leader: { id: string; name: string } | null;
  totals: ProgramTotals;
};

/** Every program with its totals; everyone reads. Two queries, whatever the number of programs. */
export async function listPrograms(actor: Actor): Promise<ProgramSummary[]> {
  authorize(actor, "portfolio.read");
  const [programs, members] = await Promise.all([
    prisma.program.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, targetState: true, updatedAt: true, leader: { select: { id: true, name: true } } } }),
    prisma.initiative.findMany({
      where: { programId: { not: null } },
      select: { programId: true, status: true, estimatedCostSek: true, estimatedEffortHours: true, benefits: { select: { annualValueSek: true, annualHours: true } } },
    }),
  ]);
  const byProgram = new Map<string, ProgramMember[]>();
  for (const m of members) {
    const list = byProgram.get(m.programId!) ?? [];
    list.push({
      status: m.status, estimatedCostSek: m.estimatedCostSek, estimatedEffortHours: m.estimatedEffortHours,
      benefitSek: sumKnown(m.benefits.map((b) => b.annualValueSek)), benefitHours: sumKnown(m.benefits.map((b) => b.annualHours)),
    });
    byProgram.set(m.programId!, list);
  }
  return programs.map((p) => ({ ...p, totals: programTotals(byProgram.get(p.id) ?? []) }));
}

export async function getProgram(actor: Actor, id: string) {
  authorize(actor, "portfolio.read");
  const program = await prisma.program.findUnique({
    where: { id },
    select: {
      id: true, name: true, targetState: true, updatedAt: true,
      leader: { select: { id: true, name: true } },
      council: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
      goals: { select: { goal: { select: { id: true, code: true, title: true } } }, orderBy: { goal: { code: "asc" } } },
      initiatives: { select: MEMBER_SELECT, orderBy: { number: "asc" } },
    },
  });
  if (!program) throw new NotFoundError("Program");
  const initiatives = program.initiatives.map(asMember);
  return {
    ...program,
    council: program.council.map((c) => c.user),
    goals: program.goals.map((g) => g.goal),
    initiatives,
    totals: programTotals(initiatives),
  };
}
export type ProgramDetail = Awaited<ReturnType<typeof getProgram>>;

/** Choices for the program form: active users and goals. */
export async function programFormOptions() {
  const [users, goals] = await Promise.all([
    activePeople(),
    prisma.strategicGoal.findMany({ where: selectableGoalsWhere(currentYear()), orderBy: { code: "asc" }, select: { id: true, code: true, title: true } }),
  ]);
  return { users, goals };
}

/** Statuses offered when adding to a program: from triaged to running (others join from the initiative's page). */
const JOINABLE_STATUSES: InitiativeStatus[] = ["TRIAGED", "APPROVED", "IN_PROGRESS", "PAUSED", "DEFERRED"];
export const JOINABLE_LIMIT = 100;

/**
 * Initiatives that can join a program: in no program yet, triaged to running, matching the
 * search (title or #number) when given. Bounded, with the total, so the page stays small.
 */
export async function joinableInitiatives(actor: Actor, q?: string) {
  authorize(actor, "portfolio.read");
  const term = q?.trim().slice(0, 200);
  const number = term && /^#?\d{1,9}$/.test(term) ? Number(term.replace("#", "")) : undefined;
  const where: Prisma.InitiativeWhereInput = {
    programId: null,
    status: { in: JOINABLE_STATUSES },
    ...(term ? { OR: [{ title: { contains: term, mode: "insensitive" } }, ...(number !== undefined ? [{ number }] : [])] } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.initiative.findMany({
      where,
      orderBy: [{ ownerDepartment: { name: "asc" } }, { number: "asc" }],
      take: JOINABLE_LIMIT,
      select: { id: true, number: true, title: true, status: true, ownerDepartment: { select: { name: true } } },
    }),
    prisma.initiative.count({ where }),
  ]);
  return { rows, total };
}

export async function programChoices() {
  return prisma.program.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

// ---- Writing ------------------------------------------------------------------------

async function checkReferences(tx: Tx, fields: ProgramFields): Promise<void> {
  const issues: FieldIssue[] = [];
  const userIds = [...new Set([...(fields.leaderId ? [fields.leaderId] : []), ...fields.councilIds])];
  const users = new Set((await tx.user.findMany({ where: { id: { in: userIds }, active: true }, select: { id: true } })).map((u) => u.id));
  if (fields.leaderId && !users.has(fields.leaderId)) issues.push({ path: "leaderId", message: "unknownUser" });
  fields.councilIds.forEach((u, i) => {
    if (!users.has(u)) issues.push({ path: `councilIds.${i}`, message: "unknownUser" });
  });
  if (fields.goalIds.length) {
    const goals = new Set((await tx.strategicGoal.findMany({ where: { id: { in: fields.goalIds }, ...selectableGoalsWhere(currentYear()) }, select: { id: true } })).map((g) => g.id));
    fields.goalIds.forEach((g, i) => {
      if (!goals.has(g)) issues.push({ path: `goalIds.${i}`, message: "unknownGoal" });
    });
  }
  if (issues.length) throw new ValidationError(issues);
}

const nameTaken = () => new AppError("NAME_TAKEN", 409, "A program with this name already exists.", [{ path: "name", message: "nameTaken" }]);

/** Names are unique regardless of case ("Digital välfärd" and "digital välfärd" are one program). */
async function checkNameFree(tx: Tx, name: string, exceptId: string | null): Promise<void> {
  const clash = await tx.program.findFirst({ where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw nameTaken();
}

/** Two people creating the same name at once: the database's unique index decides; the loser gets the same answer. */
const uniqueViolationAsNameTaken = uniqueViolationAs(nameTaken);

function auditView(p: { name: string; targetState: string; leaderId: string | null; councilIds: string[]; goalIds: string[] }) {
  return { name: p.name, targetState: p.targetState, leaderId: p.leaderId, councilIds: [...p.councilIds].sort(), goalIds: [...p.goalIds].sort() };
}

export async function createProgram(actor: Actor, input: unknown): Promise<{ id: string; updatedAt: Date }> {
  authorize(actor, "program.manage");
  const fields = parseInput(programInput, input);
  return prisma
    .$transaction(async (tx) => {
      await checkReferences(tx, fields);
      await checkNameFree(tx, fields.name, null);
      const created = await tx.program.create({
        data: {
          name: fields.name,
          targetState: fields.targetState,
          leaderId: fields.leaderId,
          council: { create: fields.councilIds.map((userId) => ({ userId })) },
          goals: { create: fields.goalIds.map((goalId) => ({ goalId })) },
        },
        select: { id: true, updatedAt: true },
      });
      await recordAudit(tx, actor, { action: "program.create", entityType: "Program", entityId: created.id, after: auditView(fields) });
      return created;
    })
    .catch(uniqueViolationAsNameTaken);
}

export async function updateProgram(actor: Actor, id: string, input: unknown): Promise<{ id: string; updatedAt: Date }> {
  authorize(actor, "program.manage");
  const { updatedAt, ...fields } = parseInput(updateProgramInput, input);
  return prisma
    .$transaction(async (tx) => {
      const current = await tx.program.findUnique({ where: { id }, include: { council: { select: { userId: true } }, goals: { select: { goalId: true } } } });
      if (!current) throw new NotFoundError("Program");
      const before = auditView({ ...current, councilIds: current.council.map((c) => c.userId), goalIds: current.goals.map((g) => g.goalId) });
      await checkReferences(tx, fields);
      await checkNameFree(tx, fields.name, id);
      // Always move the timestamp forward, even within the same millisecond, so it works as a version.
      const next = new Date(Math.max(Date.now(), current.updatedAt.getTime() + 1));
      const { count } = await tx.program.updateMany({
        where: { id, updatedAt: new Date(updatedAt) },
        data: { name: fields.name, targetState: fields.targetState, leaderId: fields.leaderId, updatedAt: next },
      });
      if (count === 0) {
        throw new ConflictError("Someone else changed this program after you opened it. Their version is shown; apply your changes again.", { ...before, updatedAt: current.updatedAt.toISOString() });
      }
      await tx.programCouncilMember.deleteMany({ where: { programId: id } });
      await tx.programGoal.deleteMany({ where: { programId: id } });
      if (fields.councilIds.length) await tx.programCouncilMember.createMany({ data: fields.councilIds.map((userId) => ({ programId: id, userId })) });
      if (fields.goalIds.length) await tx.programGoal.createMany({ data: fields.goalIds.map((goalId) => ({ programId: id, goalId })) });
      await recordAudit(tx, actor, { action: "program.update", entityType: "Program", entityId: id, ...diff(before, auditView(fields)) });
      return { id, updatedAt: next };
    })
    .catch(uniqueViolationAsNameTaken);
}

/**
 * Adds initiatives to a program. An initiative already in another program is refused
 * (409 IN_OTHER_PROGRAM, nothing written): taking it over is a deliberate move made on
 * the initiative itself, never a side effect of adding. Already a member: no change.
 */
export async function addProgramInitiatives(actor: Actor, programId: string, input: unknown): Promise<{ programId: string; initiativeIds: string[] }> {
  authorize(actor, "program.manage");
  const { initiativeIds } = parseInput(programMembershipInput, input);
  return prisma.$transaction(async (tx) => {
    if (!(await tx.program.findUnique({ where: { id: programId }, select: { id: true } }))) throw new NotFoundError("Program");
    const found = new Map((await tx.initiative.findMany({ where: { id: { in: initiativeIds } }, select: { id: true, programId: true } })).map((i) => [i.id, i]));
    const unknown = initiativeIds.flatMap((id, i) => (found.has(id) ? [] : [{ path: `initiativeIds.${i}`, message: "unknownInitiative" }]));
    if (unknown.length) throw new ValidationError(unknown);
    const elsewhere = initiativeIds.filter((id) => found.get(id)!.programId && found.get(id)!.programId !== programId);
    if (elsewhere.length) {
      // The ids go in `current`, where the documented error shape carries a conflict's stored state.
      throw new ConflictError("An initiative belongs to another program; move it from the initiative's page.", { initiativeIds: elsewhere }, "IN_OTHER_PROGRAM");
    }
    const added = [...new Set(initiativeIds.filter((id) => found.get(id)!.programId === null))];
    // Only rows still without a program: a concurrent add elsewhere is not overwritten.
    const { count } = await tx.initiative.updateMany({ where: { id: { in: added }, programId: null }, data: { programId } });
    if (count !== added.length) throw new ConflictError("An initiative was added to a program at the same moment; reload and try again.", undefined, "IN_OTHER_PROGRAM");
    if (added.length) {
      await recordAudit(tx, actor, { action: "program.initiatives.add", entityType: "Program", entityId: programId, after: { initiativeIds: added } });
      for (const id of added) await recordAudit(tx, actor, { action: "initiative.program", entityType: "Initiative", entityId: id, before: { programId: null }, after: { programId } });
    }
    return { programId, initiativeIds: added };
  });
}

export async function removeProgramInitiative(actor: Actor, programId: string, initiativeId: string): Promise<{ programId: string; initiativeIds: string[] }> {
  authorize(actor, "program.manage");
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.initiative.updateMany({ where: { id: initiativeId, programId }, data: { programId: null } });
    if (count === 0) throw new NotFoundError("Initiative in this program");
    await recordAudit(tx, actor, { action: "program.initiatives.remove", entityType: "Program", entityId: programId, after: { initiativeIds: [initiativeId] } });
    await recordAudit(tx, actor, { action: "initiative.program", entityType: "Initiative", entityId: initiativeId, before: { programId }, after: { programId: null } });
    return { programId, initiativeIds: [initiativeId] };
  });
}

/** From the initiative's page: put it in a program, move it to another, or take it out (null). */
export async function setInitiativeProgram(actor: Actor, initiativeId: string, input: unknown): Promise<{ version: number }> {
  authorize(actor, "program.manage");
  const { programId, version } = parseInput(initiativeProgramInput, input);
  return prisma.$transaction(async (tx) => {
    const current = await loadForChange(tx, initiativeId);
    if (programId && !(await tx.program.findUnique({ where: { id: programId }, select: { id: true } }))) {
      throw new ValidationError([{ path: "programId", message: "unknownProgram" }]);
    }
    await claimVersion(tx, initiativeId, version, { programId });
    if (current.programId !== programId) {
      await recordAudit(tx, actor, { action: "initiative.program", entityType: "Initiative", entityId: initiativeId, before: { programId: current.programId }, after: { programId } });
    }
    return { version: version + 1 };
  });
}

