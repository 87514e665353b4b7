import "server-only";
import { authorize, can } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { goalSelectable } from "@/lib/domain/goals";
import { quadrantOf, splitQuadrant } from "@/lib/domain/pios";
import type { InitiativeStatus, Prisma } from "@/lib/generated/prisma/client";
import {
  classificationInput,
  commentInput,
  createInitiativeInput,
  initiativeFields,
  submitInitiativeInput,
  submittable,
  updateInitiativeInput,
  type InitiativeFields,
  type InitiativeFilter,
} from "@/lib/validation/initiative";
import { actorUserId, diff, recordAudit } from "./audit";
import { ConflictError, NotFoundError, parseInput, ValidationError, type FieldIssue } from "./errors";
import { currentYear, selectableGoalsWhere } from "./goals";
import { cachedUntilWrite } from "./snapshot-cache";
import { changeRows, referencedIds, type ReferenceKind } from "@/lib/domain/change-history";

type Tx = Prisma.TransactionClient;

/** The scalar fields a department edits, as stored. */
function scalarData(fields: InitiativeFields) {
  const { benefits: _benefits, goals: _goals, ...scalars } = fields;
  return {
    ...scalars,
    need: scalars.need ?? "",
    benefitRecipient: scalars.benefitRecipient ?? null,
    nature: scalars.nature ?? null,
  };
}

/**
 * The department must exist and be active, and the goals selectable (active, not expired);
 * an edit may keep the department and the goals the initiative already has, even if they
 * have since been deactivated.
 */
async function checkReferences(tx: Tx, fields: InitiativeFields, current?: { ownerDepartmentId: string; goals: { goalId: string }[] }): Promise<void> {
  const issues: { path: string; message: string }[] = [];
  const department = await tx.department.findUnique({ where: { id: fields.ownerDepartmentId }, select: { active: true } });
  if (!department) issues.push({ path: "ownerDepartmentId", message: "unknownDepartment" });
  else if (!department.active && fields.ownerDepartmentId !== current?.ownerDepartmentId) issues.push({ path: "ownerDepartmentId", message: "inactiveDepartment" });
  if (fields.goals.length) {
    const found = await tx.strategicGoal.findMany({ where: { id: { in: fields.goals.map((g) => g.goalId) }, ...selectableGoalsWhere(currentYear()) }, select: { id: true } });
    const known = new Set([...found.map((g) => g.id), ...(current?.goals.map((g) => g.goalId) ?? [])]);
    fields.goals.forEach((g, i) => {
      if (!known.has(g.goalId)) issues.push({ path: `goals.${i}.goalId`, message: "unknownGoal" });
    });
  }
  if (issues.length) throw new ValidationError(issues);
}

/**
 * Goals are replaced; benefits are kept by id: a listed stored one is changed in place (its
 * plan, measurements and follow-ups stay), a new one is added, and one left out is removed
 * unless it has measurements (409: they must stay readable).
 */
async function writeChildren(tx: Tx, initiativeId: string, fields: InitiativeFields, replace: boolean) {
  if (replace) await tx.initiativeGoal.deleteMany({ where: { initiativeId } });
  if (fields.goals.length) await tx.initiativeGoal.createMany({ data: fields.goals.map((g) => ({ initiativeId, goalId: g.goalId, alignment: g.alignment })) });
  const stored = replace ? await tx.benefitIndicator.findMany({ where: { initiativeId }, select: { id: true, _count: { select: { measurements: true } } } }) : [];
  const storedIds = new Set(stored.map((b) => b.id));
  const kept = new Set(fields.benefits.map((b) => b.id).filter((id): id is string => Boolean(id)));
  fields.benefits.forEach((b, i) => {
    if (b.id && !storedIds.has(b.id)) throw new ValidationError([{ path: `benefits.${i}.id`, message: "unknownBenefit" }]);
  });
  const removed = stored.filter((b) => !kept.has(b.id));
  if (removed.some((b) => b._count.measurements > 0)) {
    throw new ConflictError("A benefit with measurements cannot be removed here; its measurements must stay readable.", undefined, "HAS_MEASUREMENTS");
  }
  if (removed.length) await tx.benefitIndicator.deleteMany({ where: { id: { in: removed.map((b) => b.id) } } });
  const data = (b: InitiativeFields["benefits"][number]) => ({ category: b.category, description: b.description, annualValueSek: b.annualValueSek ?? null, annualHours: b.annualHours ?? null, certainty: b.certainty });
  for (const b of fields.benefits) if (b.id) await tx.benefitIndicator.update({ where: { id: b.id }, data: { ...data(b), version: { increment: 1 } } });
  const added = fields.benefits.filter((b) => !b.id);
  if (added.length) await tx.benefitIndicator.createMany({ data: added.map((b) => ({ initiativeId, ...data(b) })) });
}

const DETAIL_INCLUDE = {
  ownerDepartment: { select: { id: true, name: true } },
  createdBy: { select: { id: true, name: true } },
  program: { select: { id: true, name: true } },
  goals: { include: { goal: { select: { id: true, code: true, title: true } } }, orderBy: { goal: { code: "asc" } } },
  benefits: { orderBy: { createdAt: "asc" } },
  statusChanges: { include: { actor: { select: { name: true } } }, orderBy: { at: "asc" } },
  comments: { include: { author: { select: { name: true, role: true } } }, orderBy: { createdAt: "asc" } },
  triage: { orderBy: { createdAt: "desc" }, take: 1 },
} satisfies Prisma.InitiativeInclude;

export type InitiativeDetail = Prisma.InitiativeGetPayload<{ include: typeof DETAIL_INCLUDE }>;

/** The editable state sent back with a conflict, so the user sees the newer values. */
function editableView(i: InitiativeDetail) {
  return {
    id: i.id,
    version: i.version,
    status: i.status,
    title: i.title,
    need: i.need,
    ownerDepartmentId: i.ownerDepartmentId,
    benefitRecipient: i.benefitRecipient,
    nature: i.nature,
    reachDescription: i.reachDescription,
    reachCount: i.reachCount,
    estimatedCostSek: i.estimatedCostSek,
    estimatedEffortHours: i.estimatedEffortHours,
    desiredStartQuarter: i.desiredStartQuarter,
    dependencies: i.dependencies,
    contactPerson: i.contactPerson,
    isReplacement: i.isReplacement,
    replacesSystem: i.replacesSystem,
    enablesDevelopment: i.enablesDevelopment,
    involvesProcurement: i.involvesProcurement,
    hygieneOwnsData: i.hygieneOwnsData,
    hygieneOpenStandards: i.hygieneOpenStandards,
    hygieneOpenApis: i.hygieneOpenApis,
    hygieneExitPlan: i.hygieneExitPlan,
    goals: i.goals.map((g) => ({ goalId: g.goalId, alignment: g.alignment })),
    benefits: i.benefits.map((b) => ({ id: b.id, category: b.category, description: b.description, annualValueSek: b.annualValueSek, annualHours: b.annualHours, certainty: b.certainty })),
    updatedAt: i.updatedAt,
  };
}
export type EditableInitiative = ReturnType<typeof editableView>;

export async function getInitiative(actor: Actor, id: string): Promise<InitiativeDetail> {
  authorize(actor, "initiative.read");
  const initiative = await prisma.initiative.findUnique({ where: { id }, include: DETAIL_INCLUDE });
  if (!initiative) throw new NotFoundError("Initiative");
  return initiative;
}

export async function getEditableInitiative(actor: Actor, id: string): Promise<EditableInitiative> {
  return editableView(await getInitiative(actor, id));
}

export async function createInitiative(actor: Actor, input: unknown): Promise<{ id: string; number: number; version: number }> {
  authorize(actor, "initiative.create");
  const fields = parseInput(createInitiativeInput, input);
  authorize(actor, "initiative.create", { ownerDepartmentId: fields.ownerDepartmentId });
  return prisma.$transaction(async (tx) => {
    await checkReferences(tx, fields);
    const created = await tx.initiative.create({ data: { ...scalarData(fields), status: "DRAFT", createdById: actorUserId(actor) } });
    await writeChildren(tx, created.id, fields, false);
    await tx.statusChange.create({ data: { initiativeId: created.id, fromStatus: null, toStatus: "DRAFT", actorId: created.createdById } });
    await recordAudit(tx, actor, { action: "initiative.create", entityType: "Initiative", entityId: created.id, after: fields });
    return { id: created.id, number: created.number, version: created.version };
  });
}

export async function loadForChange(tx: Tx, id: string) {
  const current = await tx.initiative.findUnique({ where: { id }, include: DETAIL_INCLUDE });
  if (!current) throw new NotFoundError("Initiative");
  return current;
}

/** Bumps the version only if nobody else has; otherwise a conflict carrying the newer values. */
export async function claimVersion(tx: Tx, id: string, version: number, data: Prisma.InitiativeUncheckedUpdateManyInput) {
  const { count } = await tx.initiative.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) {
    const newer = await loadForChange(tx, id);
    throw new ConflictError("Someone else changed this initiative after you opened it. Their version is shown; apply your changes again.", editableView(newer));
  }
}

export async function updateInitiative(actor: Actor, id: string, input: unknown): Promise<{ version: number }> {
  authorize(actor, "initiative.edit");
  return prisma.$transaction(async (tx) => {
    const current = await loadForChange(tx, id);
    authorize(actor, "initiative.edit", current);
    const { version, ...fields } = parseInput(updateInitiativeInput, input);
    // Moving it to another department needs the right to create there too.
    if (fields.ownerDepartmentId !== current.ownerDepartmentId) authorize(actor, "initiative.create", { ownerDepartmentId: fields.ownerDepartmentId });
    await checkReferences(tx, fields, current);
    await claimVersion(tx, id, version, scalarData(fields));
    await writeChildren(tx, id, fields, true);
    const changes = diff(editableView(current) as Record<string, unknown>, fields as Record<string, unknown>);
    await recordAudit(tx, actor, { action: "initiative.update", entityType: "Initiative", entityId: id, ...changes });
    return { version: version + 1 };
  });
}

export async function transition(tx: Tx, actor: Actor, id: string, from: InitiativeStatus, to: InitiativeStatus, reason?: string) {
  await tx.statusChange.create({ data: { initiativeId: id, fromStatus: from, toStatus: to, actorId: actorUserId(actor), reason } });
  await recordAudit(tx, actor, { action: `initiative.status.${to.toLowerCase()}`, entityType: "Initiative", entityId: id, before: { status: from }, after: { status: to, reason } });
}

/**
 * Everything that stands between these fields and a submission, all at once and in the form's
 * order: a submit that would fail must not first create a draft, nor report its errors in rounds.
 */
export function checkSubmission(actor: Actor, input: unknown): void {
  // Whoever may not submit at all is refused before anything is said about the fields.
  authorize(actor, "initiative.submit");
  const issues = new Map<string, FieldIssue>();
  for (const schema of [initiativeFields, submittable]) {
    const result = schema.safeParse(input);
    if (!result.success) for (const issue of ValidationError.fromZod(result.error).issues ?? []) if (!issues.has(issue.path)) issues.set(issue.path, issue);
  }
  if (!issues.size) return;
  const order = Object.keys(initiativeFields.shape);
  const rank = (path: string) => {
    const at = order.indexOf(path.split(".")[0]!);
    return at < 0 ? order.length : at;
  };
  throw new ValidationError([...issues.values()].sort((a, b) => rank(a.path) - rank(b.path)));
}

export async function submitInitiative(actor: Actor, id: string, input: unknown): Promise<{ version: number }> {
  authorize(actor, "initiative.submit");
  return prisma.$transaction(async (tx) => {
    const current = await loadForChange(tx, id);
    // Who may submit is asked without the status (a department may submit only in these), so the
    // status is not told to those who may not.
    authorize(actor, "initiative.submit", { ...current, status: "DRAFT" });
    const { version } = parseInput(submitInitiativeInput, input);
    if (current.status !== "DRAFT" && current.status !== "NEEDS_INFO") {
      throw new ConflictError("Only a draft or an initiative awaiting more information can be submitted.", undefined, "INVALID_STATUS");
    }
    const check = submittable.safeParse(current);
    if (!check.success) throw ValidationError.fromZod(check.error);
    await claimVersion(tx, id, version, { status: "SUBMITTED", submittedAt: new Date() });
    await transition(tx, actor, id, current.status, "SUBMITTED");
    return { version: version + 1 };
  });
}

/** DIG, leadership and admin correct the classification of any initiative. */
export async function updateClassification(actor: Actor, id: string, input: unknown): Promise<{ version: number }> {
  authorize(actor, "initiative.editClassification");
  return prisma.$transaction(async (tx) => {
    const current = await loadForChange(tx, id);
    authorize(actor, "initiative.editClassification", current);
    const { version, ...fields } = parseInput(classificationInput, input);
    if (fields.programId && !(await tx.program.findUnique({ where: { id: fields.programId }, select: { id: true } }))) {
      throw new ValidationError([{ path: "programId", message: "unknownProgram" }]);
    }
    await claimVersion(tx, id, version, fields);
    const changes = diff(current as unknown as Record<string, unknown>, fields);
    await recordAudit(tx, actor, { action: "initiative.classify", entityType: "Initiative", entityId: id, ...changes });
    return { version: version + 1 };
  });
}

export async function addComment(actor: Actor, id: string, input: unknown): Promise<{ id: string }> {
  authorize(actor, "initiative.comment");
  return prisma.$transaction(async (tx) => {
    const current = await loadForChange(tx, id);
    authorize(actor, "initiative.comment", current);
    const { body } = parseInput(commentInput, input);
    const comment = await tx.comment.create({ data: { initiativeId: id, authorId: actorUserId(actor), body } });
    await recordAudit(tx, actor, { action: "initiative.comment", entityType: "Initiative", entityId: id, after: { commentId: comment.id } });
    return { id: comment.id };
  });
}

/**
 * The initiative's history, newest first: each event with its changes as rows (see
 * lib/domain/change-history.ts) and the names of the departments, programs and goals they
 * refer to, so the page never shows an id.
 */
export async function auditHistory(actor: Actor, id: string) {
  authorize(actor, "audit.read");
  const events = (await prisma.auditEvent.findMany({ where: { entityType: "Initiative", entityId: id }, orderBy: { at: "desc" }, take: 200 })).map((e) => ({ ...e, changes: changeRows(e.before, e.after) }));
  const ids = referencedIds(events.flatMap((e) => e.changes));
  const [departments, programs, goals] = await Promise.all([
    ids.department.size ? prisma.department.findMany({ where: { id: { in: [...ids.department] } }, select: { id: true, name: true } }) : [],
    ids.program.size ? prisma.program.findMany({ where: { id: { in: [...ids.program] } }, select: { id: true, name: true } }) : [],
    ids.goal.size ? prisma.strategicGoal.findMany({ where: { id: { in: [...ids.goal] } }, select: { id: true, code: true, title: true } }) : [],
  ]);
  const names: Record<ReferenceKind, Record<string, string>> = {
    department: Object.fromEntries(departments.map((d) => [d.id, d.name])),
    program: Object.fromEntries(programs.map((p) => [p.id, p.name])),
    goal: Object.fromEntries(goals.map((g) => [g.id, `${g.code} ${g.title}`])),
  };
  return { events, names };
}

/** Who may do what to this initiative: the page shows only the controls that will work. */
export function permissionsFor(actor: Actor, initiative: { ownerDepartmentId: string; status: string }) {
  return {
    edit: can(actor, "initiative.edit", initiative),
    submit: can(actor, "initiative.submit", initiative),
    comment: can(actor, "initiative.comment", initiative),
    classify: can(actor, "initiative.editClassification", initiative),
  };
}

// ---- The list --------------------------------------------------------------------

export function initiativeWhere(filter: InitiativeFilter): Prisma.InitiativeWhereInput {
  const and: Prisma.InitiativeWhereInput[] = [];
  if (filter.q) {
    const number = /^#?\d+$/.test(filter.q) ? Number(filter.q.replace("#", "")) : undefined;
    and.push({
      OR: [
        { title: { contains: filter.q, mode: "insensitive" } },
        { need: { contains: filter.q, mode: "insensitive" } },
        ...(number !== undefined && number < 2 ** 31 ? [{ number }] : []),
      ],
    });
  }
  if (filter.status?.length) and.push({ status: { in: filter.status } });
  if (filter.department) and.push({ ownerDepartmentId: filter.department });
  if (filter.quadrant) and.push(splitQuadrant(filter.quadrant));
  if (filter.kind) and.push({ triage: { some: { kind: filter.kind } } });
  if (filter.size) and.push({ triage: { some: { size: filter.size } } });
  if (filter.goal) and.push({ goals: { some: { goalId: filter.goal, alignment: { gt: 0 } } } });
  if (filter.program) and.push({ programId: filter.program });
  return and.length ? { AND: and } : {};
}

function orderFor(filter: InitiativeFilter): Prisma.InitiativeOrderByWithRelationInput[] {
  const dir = filter.dir;
  const primary: Prisma.InitiativeOrderByWithRelationInput = {
    updated: { updatedAt: dir },
    created: { createdAt: dir },
    title: { title: dir },
    number: { number: dir },
    cost: { estimatedCostSek: { sort: dir, nulls: "last" } },
    status: { status: dir },
  }[filter.sort] as Prisma.InitiativeOrderByWithRelationInput;
  return [primary, { number: "desc" }];
}

const LIST_SELECT = {
  id: true,
  number: true,
  title: true,
  status: true,
  benefitRecipient: true,
  nature: true,
  estimatedCostSek: true,
  estimatedEffortHours: true,
  desiredStartQuarter: true,
  updatedAt: true,
  ownerDepartment: { select: { id: true, name: true } },
  program: { select: { id: true, name: true } },
  triage: { select: { kind: true, size: true, track: true }, orderBy: { createdAt: "desc" }, take: 1 },
} satisfies Prisma.InitiativeSelect;

export type InitiativeListRow = Prisma.InitiativeGetPayload<{ select: typeof LIST_SELECT }> & { quadrant: string | null };

export async function listInitiatives(actor: Actor, filter: InitiativeFilter): Promise<{ rows: InitiativeListRow[]; total: number; page: number; pageSize: number; pages: number }> {
  authorize(actor, "initiative.read");
  // Without free text the filters are few: the page is kept until the next write (free text
  // is not kept, so that the cache holds what people browse, not every word they search for).
  return filter.q ? loadList(filter) : cachedUntilWrite(`initiativeList:${JSON.stringify(filter)}`, () => loadList(filter));
}

async function loadList(filter: InitiativeFilter) {
  const where = initiativeWhere(filter);
  const [total, rows] = await Promise.all([
    prisma.initiative.count({ where }),
    prisma.initiative.findMany({ where, orderBy: orderFor(filter), skip: (filter.page - 1) * filter.pageSize, take: filter.pageSize, select: LIST_SELECT }),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, quadrant: quadrantOf(r.benefitRecipient, r.nature) })),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
    pages: Math.max(1, Math.ceil(total / filter.pageSize)),
  };
}

/** Every row matching the filter, for export (bounded, in pages, to keep memory flat). */
export async function* exportInitiatives(actor: Actor, filter: InitiativeFilter, max = 50_000): AsyncGenerator<InitiativeListRow> {
  authorize(actor, "initiative.read");
  const where = initiativeWhere(filter);
  const pageSize = 1000;
  for (let skip = 0; skip < max; skip += pageSize) {
    const rows = await prisma.initiative.findMany({ where, orderBy: orderFor(filter), skip, take: pageSize, select: LIST_SELECT });
    for (const r of rows) yield { ...r, quadrant: quadrantOf(r.benefitRecipient, r.nature) };
    if (rows.length < pageSize) return;
  }
}

/** Reference data for forms and filters. */
/** Departments, active goals and programs for filters and forms (cached until the next write). */
export function formOptions() {
  return cachedUntilWrite(`formOptions:${currentYear()}`, loadFormOptions);
}

/**
 * `departments` and `goals` are what forms offer: active units, selectable goals. Filters
 * also find old records, so they take `allDepartments` and `allGoals`.
 */
async function loadFormOptions() {
  const year = currentYear();
  const [allDepartments, allGoals, programs] = await Promise.all([
    prisma.department.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, active: true } }),
    prisma.strategicGoal.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, title: true, description: true, active: true, validFrom: true, validTo: true } }),
    prisma.program.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const option = <T extends { id: string }>(list: T[], keep: (item: T) => boolean) => list.filter(keep);
  return {
    departments: option(allDepartments, (d) => d.active).map(({ id, name }) => ({ id, name })),
    allDepartments: allDepartments.map(({ id, name }) => ({ id, name })),
    goals: option(allGoals, (g) => goalSelectable(g, year)).map(({ id, code, title, description }) => ({ id, code, title, description })),
    allGoals: allGoals.map(({ id, code, title, description }) => ({ id, code, title, description })),
    programs,
  };
}
