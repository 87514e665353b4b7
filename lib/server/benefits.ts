import "server-only";
// Benefit realisation (nyttorealisering): each initiative's benefit plan, its measurements
// (append-only; a correction is a new entry), the follow-ups that fall due after delivery,
// and realised against planned benefit. Mutations: authorize → validate → transaction →
// audit; notifications in the same transaction, mail after it commits.
import { authorize, can } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import {
  addMonths, DEFAULT_FOLLOW_UP_MONTHS, DEFAULT_OVERDUE_AFTER_DAYS, followUpState, realisation, sumRealisation, type FollowUpState, type Realisation, type RealisationRow,
} from "@/lib/domain/benefits";
import { quadrantOf } from "@/lib/domain/pios";
import { Prisma } from "@/lib/generated/prisma/client";
import { id as idSchema } from "@/lib/validation/common";
import {
  benefitCreateInput, benefitSettingsSchema, benefitUpdateInput, followUpCompleteInput, followUpPostponeInput, followUpQuery, measurementInput, noBenefitReasonInput, realisationQuery,
  type BenefitSettings, type MeasurementInput,
} from "@/lib/validation/benefits";
import { actorUserId, diff, recordAudit } from "./audit";
import { now as clockNow } from "./clock";
import { ConflictError, NotFoundError, parseInput, ValidationError } from "./errors";
import { claimVersion } from "./initiatives";
import { mailNotifications, notifyUsers, type Notice } from "./notifications";
import { cachedUntilWrite } from "./snapshot-cache";

type Tx = Prisma.TransactionClient;

// ---------------------------------------------------------------------------
// Settings

export const BENEFIT_SETTINGS_KEY = "benefits";
export const DEFAULT_BENEFIT_SETTINGS: BenefitSettings = { followUpMonths: DEFAULT_FOLLOW_UP_MONTHS, overdueAfterDays: DEFAULT_OVERDUE_AFTER_DAYS };

/** The settings; outside a transaction kept until the next write (every benefit view asks, several times). */
export async function benefitSettings(db?: Tx): Promise<BenefitSettings> {
  return db ? readSettings(db) : cachedUntilWrite("benefitSettings", () => readSettings(prisma));
}

async function readSettings(db: Tx): Promise<BenefitSettings> {
  const row = await db.setting.findUnique({ where: { key: BENEFIT_SETTINGS_KEY } });
  const parsed = row ? benefitSettingsSchema.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : DEFAULT_BENEFIT_SETTINGS;
}

/** The settings, for every signed-in reader (they say when follow-ups fall due). */
export async function readBenefitSettings(actor: Actor): Promise<BenefitSettings> {
  authorize(actor, "initiative.read");
  return benefitSettings();
}

/** DIG and admin set when follow-ups fall due and when they count as overdue; already scheduled ones keep their dates. */
export async function updateBenefitSettings(actor: Actor, input: unknown): Promise<BenefitSettings> {
  authorize(actor, "benefit.settings");
  const next = parseInput(benefitSettingsSchema, input);
  return prisma.$transaction(async (tx) => {
    const before = await benefitSettings(tx);
    const data = { value: next as Prisma.InputJsonValue, updatedById: actorUserId(actor) };
    await tx.setting.upsert({ where: { key: BENEFIT_SETTINGS_KEY }, create: { key: BENEFIT_SETTINGS_KEY, ...data }, update: data });
    await recordAudit(tx, actor, { action: "settings.update", entityType: "Setting", entityId: BENEFIT_SETTINGS_KEY, before, after: next });
    return next;
  });
}

// ---------------------------------------------------------------------------
// Reading the plan

const BENEFIT_INCLUDE = {
  ownerUser: { select: { name: true } },
  measurements: { include: { recordedBy: { select: { name: true } } }, orderBy: [{ measuredAt: "asc" }, { createdAt: "asc" }] },
  followUps: { include: { completedBy: { select: { name: true } } }, orderBy: { offsetMonths: "asc" } },
} satisfies Prisma.BenefitIndicatorInclude;
type BenefitRow = Prisma.BenefitIndicatorGetPayload<{ include: typeof BENEFIT_INCLUDE }>;

export type FollowUpView = {
  id: string; offsetMonths: number; dueAt: Date; originalDueAt: Date | null; postponeReason: string | null; state: FollowUpState;
  assessment: string | null; comment: string | null; completedAt: Date | null; completedBy: string | null; version: number;
};
export type MeasurementView = {
  id: string; measuredAt: Date; value: number; realisedSek: number | null; source: string | null; comment: string | null; correctsId: string | null; corrected: boolean;
  recordedBy: string | null; createdAt: Date;
};
export type BenefitView = {
  id: string; initiativeId: string; category: BenefitRow["category"]; description: string; annualValueSek: number | null; annualHours: number | null; certainty: BenefitRow["certainty"];
  ownerId: string | null; ownerName: string | null; owner: string | null; indicator: string | null; unit: string | null; method: string | null;
  baseline: number | null; baselineDate: Date | null; target: number | null; targetDate: Date | null; version: number;
  realisation: Realisation; measurements: MeasurementView[]; followUps: FollowUpView[];
};

function followUpView(f: BenefitRow["followUps"][number], now: Date, overdueAfterDays: number): FollowUpView {
  return {
    id: f.id, offsetMonths: f.offsetMonths, dueAt: f.dueAt, originalDueAt: f.originalDueAt, postponeReason: f.postponeReason, state: followUpState(f, now, overdueAfterDays),
    assessment: f.assessment, comment: f.comment, completedAt: f.completedAt, completedBy: f.completedBy?.name ?? null, version: f.version,
  };
}

function benefitView(b: BenefitRow, now: Date, settings: BenefitSettings): BenefitView {
  const corrected = new Set(b.measurements.map((m) => m.correctsId).filter(Boolean));
  return {
    id: b.id, initiativeId: b.initiativeId, category: b.category, description: b.description, annualValueSek: b.annualValueSek, annualHours: b.annualHours, certainty: b.certainty,
    ownerId: b.ownerId, ownerName: b.ownerUser?.name ?? null, owner: b.owner, indicator: b.indicator, unit: b.unit, method: b.method,
    baseline: b.baseline, baselineDate: b.baselineDate, target: b.target, targetDate: b.targetDate, version: b.version,
    realisation: realisation(b, b.measurements),
    measurements: b.measurements.map((m) => ({
      id: m.id, measuredAt: m.measuredAt, value: m.value, realisedSek: m.realisedSek, source: m.source, comment: m.note, correctsId: m.correctsId, corrected: corrected.has(m.id),
      recordedBy: m.recordedBy?.name ?? null, createdAt: m.createdAt,
    })),
    followUps: b.followUps.map((f) => followUpView(f, now, settings.overdueAfterDays)),
  };
}

export type BenefitPlan = {
  initiativeId: string; status: string; version: number; noBenefitReason: string | null; ownerDepartmentId: string; benefits: BenefitView[];
  may: { plan: boolean; measure: (benefit: { ownerId: string | null }) => boolean };
};

/** An initiative's benefit plan with every measurement, follow-up and what is realised. */
export async function benefitPlan(actor: Actor, initiativeId: string): Promise<BenefitPlan> {
  authorize(actor, "initiative.read");
  if (!idSchema.safeParse(initiativeId).success) throw new NotFoundError("Initiative");
  const now = await clockNow();
  // Kept until the next write (and the day: follow-ups change state with time); who may do what is the reader's own.
  const data = await cachedUntilWrite(`benefitPlan:${initiativeId}:${now.toISOString().slice(0, 10)}`, async () => {
    const [initiative, settings] = await Promise.all([
      prisma.initiative.findUnique({
        where: { id: initiativeId },
        select: { id: true, status: true, version: true, noBenefitReason: true, ownerDepartmentId: true, benefits: { include: BENEFIT_INCLUDE, orderBy: { createdAt: "asc" } } },
      }),
      benefitSettings(),
    ]);
    if (!initiative) return null;
    return {
      initiativeId, status: initiative.status, version: initiative.version, noBenefitReason: initiative.noBenefitReason, ownerDepartmentId: initiative.ownerDepartmentId,
      benefits: initiative.benefits.map((b) => benefitView(b, now, settings)),
    };
  });
  if (!data) throw new NotFoundError("Initiative");
  const department = data.ownerDepartmentId;
  return {
    ...data,
    may: { plan: can(actor, "benefit.plan", { ownerDepartmentId: department }), measure: (b) => can(actor, "benefit.measure", { ownerDepartmentId: department, ownerId: b.ownerId }) },
  };
}

// ---------------------------------------------------------------------------
// Changing the plan

async function loadInitiative(tx: Tx, initiativeId: string) {
  if (!idSchema.safeParse(initiativeId).success) throw new NotFoundError("Initiative");
  const initiative = await tx.initiative.findUnique({ where: { id: initiativeId }, select: { id: true, number: true, title: true, status: true, version: true, ownerDepartmentId: true, completedAt: true } });
  if (!initiative) throw new NotFoundError("Initiative");
  return initiative;
}

async function checkOwner(tx: Tx, ownerId: string | null | undefined, keep?: string | null): Promise<void> {
  if (!ownerId || ownerId === keep) return;
  const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { active: true } });
  if (!owner || !owner.active) throw new ValidationError([{ path: "ownerId", message: "unknownUser" }]);
}

const toDay = (s: string | null | undefined) => (s ? new Date(`${s}T12:00:00Z`) : s === null ? null : undefined);

function planData(fields: Partial<ReturnType<typeof benefitCreateInput.parse>>) {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    data[key] = key === "baselineDate" || key === "targetDate" ? toDay(value as string | null) : value;
  }
  return data as Prisma.BenefitIndicatorUncheckedUpdateInput;
}

const planAudit = (b: { category: string; description: string; annualValueSek: number | null; annualHours: number | null; certainty: string; ownerId: string | null; owner: string | null; indicator: string | null; unit: string | null; method: string | null; baseline: number | null; baselineDate: Date | null; target: number | null; targetDate: Date | null }) => ({
  category: b.category, description: b.description, annualValueSek: b.annualValueSek, annualHours: b.annualHours, certainty: b.certainty, ownerId: b.ownerId, owner: b.owner,
  indicator: b.indicator, unit: b.unit, method: b.method, baseline: b.baseline, baselineDate: b.baselineDate?.toISOString().slice(0, 10) ?? null,
  target: b.target, targetDate: b.targetDate?.toISOString().slice(0, 10) ?? null,
});

/** Schedules a benefit's follow-ups after delivery, if it has an owner and none yet. */
async function scheduleFor(tx: Tx, benefit: { id: string; ownerId: string | null }, initiative: { id: string; completedAt: Date | null; status: string }, settings: BenefitSettings): Promise<number> {
  if (initiative.status !== "DONE" || !initiative.completedAt || !benefit.ownerId) return 0;
  if (await tx.followUp.count({ where: { indicatorId: benefit.id } })) return 0;
  const rows = settings.followUpMonths.map((months) => ({ indicatorId: benefit.id, initiativeId: initiative.id, offsetMonths: months, dueAt: addMonths(initiative.completedAt!, months) }));
  await tx.followUp.createMany({ data: rows });
  return rows.length;
}

/**
 * When an initiative is finished: it needs a benefit with an owner and a target, or a recorded
 * reason why none applies (else 409 BENEFIT_PLAN_REQUIRED); then each owned benefit's follow-ups
 * are scheduled. Called inside the finishing transaction (lib/server/lifecycle.ts).
 */
export async function onFinished(tx: Tx, initiativeId: string, completedAt: Date): Promise<void> {
  const initiative = await tx.initiative.findUniqueOrThrow({ where: { id: initiativeId }, select: { id: true, noBenefitReason: true, benefits: { select: { id: true, ownerId: true, target: true } } } });
  if (!initiative.noBenefitReason && !initiative.benefits.some((b) => b.ownerId && b.target !== null)) {
    throw new ConflictError("An initiative is finished with at least one benefit that has an owner and a target, or a recorded reason why none applies.", undefined, "BENEFIT_PLAN_REQUIRED");
  }
  const settings = await benefitSettings(tx);
  for (const b of initiative.benefits) await scheduleFor(tx, b, { id: initiativeId, completedAt, status: "DONE" }, settings);
}

function ownerNotice(ownerId: string, initiative: { id: string; number: number; title: string }, description: string): Notice {
  return { userId: ownerId, initiativeId: initiative.id, kind: "benefitOwnerAssigned", params: { number: initiative.number, title: initiative.title, benefit: description.slice(0, 120) } };
}

export async function createBenefit(actor: Actor, initiativeId: string, input: unknown): Promise<BenefitView> {
  authorize(actor, "benefit.plan");
  const { id, notices } = await prisma.$transaction(async (tx) => {
    const initiative = await loadInitiative(tx, initiativeId);
    authorize(actor, "benefit.plan", initiative);
    const fields = parseInput(benefitCreateInput, input);
    await checkOwner(tx, fields.ownerId);
    const created = await tx.benefitIndicator.create({ data: { ...(planData(fields) as Prisma.BenefitIndicatorUncheckedCreateInput), initiativeId } });
    await recordAudit(tx, actor, { action: "benefit.create", entityType: "Initiative", entityId: initiativeId, after: { benefitId: created.id, ...planAudit(created) } });
    await scheduleFor(tx, created, initiative, await benefitSettings(tx));
    const notices = created.ownerId && created.ownerId !== actor.id ? [ownerNotice(created.ownerId, initiative, created.description)] : [];
    await notifyUsers(tx, notices);
    return { id: created.id, notices };
  });
  await mailNotifications(notices);
  return readBenefit(id);
}

async function readBenefit(id: string): Promise<BenefitView> {
  const [row, settings, now] = await Promise.all([prisma.benefitIndicator.findUniqueOrThrow({ where: { id }, include: BENEFIT_INCLUDE }), benefitSettings(), clockNow()]);
  return benefitView(row, now, settings);
}

async function loadBenefit(tx: Tx, benefitId: string) {
  if (!idSchema.safeParse(benefitId).success) throw new NotFoundError("Benefit");
  const benefit = await tx.benefitIndicator.findUnique({ where: { id: benefitId }, include: { initiative: { select: { id: true, number: true, title: true, status: true, ownerDepartmentId: true, completedAt: true } } } });
  if (!benefit) throw new NotFoundError("Benefit");
  return benefit;
}

/** Changes a benefit's plan; names the version read. A new owner is told (and scheduled for follow-up if delivered). */
export async function updateBenefit(actor: Actor, benefitId: string, input: unknown): Promise<BenefitView> {
  authorize(actor, "benefit.plan");
  const notices = await prisma.$transaction(async (tx) => {
    const current = await loadBenefit(tx, benefitId);
    authorize(actor, "benefit.plan", current.initiative);
    const { version, ...fields } = parseInput(benefitUpdateInput, input);
    if (current.version !== version) throw new ConflictError("Someone changed this benefit after you read it.", planAudit(current));
    await checkOwner(tx, fields.ownerId, current.ownerId);
    const next = { ...current, ...(planData(fields) as object) } as typeof current;
    const changed = diff(planAudit(current), planAudit(next));
    if (Object.keys(changed.after).length === 0) return [];
    const updated = await tx.benefitIndicator.updateMany({ where: { id: benefitId, version }, data: { ...planData(fields), version: { increment: 1 } } as Prisma.BenefitIndicatorUncheckedUpdateManyInput });
    if (updated.count !== 1) throw new ConflictError("Someone changed this benefit after you read it.");
    await recordAudit(tx, actor, { action: "benefit.update", entityType: "Initiative", entityId: current.initiativeId, before: { benefitId, ...changed.before }, after: { benefitId, ...changed.after } });
    await scheduleFor(tx, { id: benefitId, ownerId: next.ownerId }, current.initiative, await benefitSettings(tx));
    const notices = "ownerId" in changed.after && next.ownerId && next.ownerId !== actor.id ? [ownerNotice(next.ownerId, current.initiative, next.description)] : [];
    await notifyUsers(tx, notices);
    return notices;
  });
  await mailNotifications(notices);
  return readBenefit(benefitId);
}

/** Removes a benefit that has no measurements (one registered by mistake); a measured one stays (409). */
export async function deleteBenefit(actor: Actor, benefitId: string): Promise<{ id: string }> {
  authorize(actor, "benefit.plan");
  return prisma.$transaction(async (tx) => {
    const current = await loadBenefit(tx, benefitId);
    authorize(actor, "benefit.plan", current.initiative);
    if (await tx.measurement.count({ where: { indicatorId: benefitId } })) {
      throw new ConflictError("This benefit has measurements; it stays so that they can be read. Change its plan instead.", undefined, "HAS_MEASUREMENTS");
    }
    await tx.benefitIndicator.delete({ where: { id: benefitId } });
    await recordAudit(tx, actor, { action: "benefit.delete", entityType: "Initiative", entityId: current.initiativeId, before: { benefitId, ...planAudit(current) } });
    return { id: benefitId };
  });
}

/** Records (or clears) why no benefit is followed up, with the initiative's version. */
export async function setNoBenefitReason(actor: Actor, initiativeId: string, input: unknown): Promise<{ version: number; noBenefitReason: string | null }> {
  authorize(actor, "benefit.plan");
  return prisma.$transaction(async (tx) => {
    const initiative = await loadInitiative(tx, initiativeId);
    authorize(actor, "benefit.plan", initiative);
    const { reason, version } = parseInput(noBenefitReasonInput, input);
    const before = (await tx.initiative.findUniqueOrThrow({ where: { id: initiativeId }, select: { noBenefitReason: true } })).noBenefitReason;
    await claimVersion(tx, initiativeId, version, { noBenefitReason: reason ?? null });
    await recordAudit(tx, actor, { action: "initiative.noBenefitReason", entityType: "Initiative", entityId: initiativeId, before: { noBenefitReason: before }, after: { noBenefitReason: reason ?? null } });
    return { version: version + 1, noBenefitReason: reason ?? null };
  });
}

// ---------------------------------------------------------------------------
// Measurements and follow-ups

/** Today in Swedish time, as "YYYY-MM-DD". */
const stockholmDay = (d: Date) => d.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
const sameUnit = (a: string, b: string) => a.trim().toLocaleLowerCase("sv") === b.trim().toLocaleLowerCase("sv");

async function insertMeasurement(tx: Tx, actor: Actor, benefit: Awaited<ReturnType<typeof loadBenefit>>, m: MeasurementInput, followUpId: string | null, now: Date, path = "") {
  const issues: { path: string; message: string }[] = [];
  if (m.measuredAt > stockholmDay(now)) issues.push({ path: `${path}measuredAt`, message: "inFuture" });
  if (benefit.baselineDate && m.measuredAt < benefit.baselineDate.toISOString().slice(0, 10)) issues.push({ path: `${path}measuredAt`, message: "beforeBaseline" });
  if (m.unit && benefit.unit && !sameUnit(m.unit, benefit.unit)) issues.push({ path: `${path}unit`, message: "unitMismatch" });
  if (m.correctsId) {
    const original = await tx.measurement.findUnique({ where: { id: m.correctsId }, select: { indicatorId: true } });
    if (!original || original.indicatorId !== benefit.id) issues.push({ path: `${path}correctsId`, message: "unknownMeasurement" });
    else if (await tx.measurement.count({ where: { correctsId: m.correctsId } })) issues.push({ path: `${path}correctsId`, message: "alreadyCorrected" });
  }
  if (issues.length) throw new ValidationError(issues);
  const created = await tx.measurement.create({
    data: {
      indicatorId: benefit.id, measuredAt: new Date(`${m.measuredAt}T12:00:00Z`), value: m.value, realisedSek: m.realisedSek ?? null, source: m.source ?? null, note: m.comment ?? null,
      correctsId: m.correctsId ?? null, followUpId, recordedById: actorUserId(actor),
    },
    include: { recordedBy: { select: { name: true } } },
  });
  await recordAudit(tx, actor, {
    action: m.correctsId ? "measurement.correct" : "measurement.create", entityType: "Initiative", entityId: benefit.initiativeId,
    after: { benefitId: benefit.id, measurementId: created.id, measuredAt: m.measuredAt, value: m.value, realisedSek: m.realisedSek ?? null, correctsId: m.correctsId ?? null, followUpId },
  });
  return created;
}

function measurementView(m: Awaited<ReturnType<typeof insertMeasurement>>): MeasurementView {
  return { id: m.id, measuredAt: m.measuredAt, value: m.value, realisedSek: m.realisedSek, source: m.source, comment: m.note, correctsId: m.correctsId, corrected: false, recordedBy: m.recordedBy?.name ?? null, createdAt: m.createdAt };
}

/**
 * Records a measured value (the owner, the owning department's managers, DIG, admin). Never
 * overwrites: a correction is a new entry naming the one it corrects. Refused with the field
 * named: dated in the future or before the baseline, a unit other than the benefit's.
 */
export async function recordMeasurement(actor: Actor, benefitId: string, input: unknown): Promise<MeasurementView> {
  authorize(actor, "benefit.measure");
  const now = await clockNow();
  return prisma.$transaction(async (tx) => {
    const benefit = await loadBenefit(tx, benefitId);
    authorize(actor, "benefit.measure", { ownerDepartmentId: benefit.initiative.ownerDepartmentId, ownerId: benefit.ownerId });
    const fields = parseInput(measurementInput, input);
    return measurementView(await insertMeasurement(tx, actor, benefit, fields, null, now));
  });
}

async function loadFollowUp(tx: Tx, followUpId: string) {
  if (!idSchema.safeParse(followUpId).success) throw new NotFoundError("Follow-up");
  const f = await tx.followUp.findUnique({ where: { id: followUpId }, include: { completedBy: { select: { name: true } } } });
  if (!f) throw new NotFoundError("Follow-up");
  return f;
}

/** Answers a follow-up: an assessment, a comment and (usually) the measurement it asks for. */
export async function completeFollowUp(actor: Actor, followUpId: string, input: unknown): Promise<FollowUpView> {
  authorize(actor, "benefit.measure");
  const [now, settings] = await Promise.all([clockNow(), benefitSettings()]);
  return prisma.$transaction(async (tx) => {
    const f = await loadFollowUp(tx, followUpId);
    const benefit = await loadBenefit(tx, f.indicatorId);
    authorize(actor, "benefit.measure", { ownerDepartmentId: benefit.initiative.ownerDepartmentId, ownerId: benefit.ownerId });
    const { assessment, comment, measurement, version } = parseInput(followUpCompleteInput, input);
    if (f.completedAt) throw new ConflictError("This follow-up is already answered.", undefined, "FOLLOW_UP_DONE");
    if (f.version !== version) throw new ConflictError("Someone changed this follow-up after you read it.");
    if (measurement) await insertMeasurement(tx, actor, benefit, measurement, f.id, now, "measurement.");
    const done = await tx.followUp.updateMany({ where: { id: f.id, version, completedAt: null }, data: { assessment, comment: comment ?? null, completedAt: now, completedById: actorUserId(actor), version: { increment: 1 } } });
    if (done.count !== 1) throw new ConflictError("Someone answered this follow-up at the same time.", undefined, "FOLLOW_UP_DONE");
    await recordAudit(tx, actor, { action: "followUp.complete", entityType: "Initiative", entityId: f.initiativeId, after: { followUpId: f.id, benefitId: f.indicatorId, offsetMonths: f.offsetMonths, assessment, comment: comment ?? null } });
    return followUpView({ ...(await tx.followUp.findUniqueOrThrow({ where: { id: f.id }, include: { completedBy: { select: { name: true } } } })) }, now, settings.overdueAfterDays);
  });
}

/** Moves a follow-up's due date, once, with a reason. */
export async function postponeFollowUp(actor: Actor, followUpId: string, input: unknown): Promise<FollowUpView> {
  authorize(actor, "benefit.measure");
  const [now, settings] = await Promise.all([clockNow(), benefitSettings()]);
  return prisma.$transaction(async (tx) => {
    const f = await loadFollowUp(tx, followUpId);
    const benefit = await loadBenefit(tx, f.indicatorId);
    authorize(actor, "benefit.measure", { ownerDepartmentId: benefit.initiative.ownerDepartmentId, ownerId: benefit.ownerId });
    const { until, reason, version } = parseInput(followUpPostponeInput, input);
    if (f.completedAt) throw new ConflictError("This follow-up is already answered.", undefined, "FOLLOW_UP_DONE");
    if (f.originalDueAt) throw new ConflictError("A follow-up can be postponed once; this one already was.", undefined, "ALREADY_POSTPONED");
    if (f.version !== version) throw new ConflictError("Someone changed this follow-up after you read it.");
    const dueAt = new Date(`${until}T12:00:00Z`);
    if (dueAt <= f.dueAt) throw new ValidationError([{ path: "until", message: "notAfterDue" }]);
    if (until > stockholmDay(new Date(now.getTime() + 3 * 366 * 86_400_000))) throw new ValidationError([{ path: "until", message: "tooFar" }]);
    await tx.followUp.update({ where: { id: f.id }, data: { originalDueAt: f.dueAt, dueAt, postponeReason: reason, notifiedDueAt: null, notifiedOverdueAt: null, version: { increment: 1 } } });
    await recordAudit(tx, actor, { action: "followUp.postpone", entityType: "Initiative", entityId: f.initiativeId, before: { followUpId: f.id, dueAt: f.dueAt.toISOString() }, after: { followUpId: f.id, dueAt: dueAt.toISOString(), reason } });
    return followUpView(await tx.followUp.findUniqueOrThrow({ where: { id: f.id }, include: { completedBy: { select: { name: true } } } }), now, settings.overdueAfterDays);
  });
}

// ---------------------------------------------------------------------------
// Follow-ups across initiatives

export type FollowUpListItem = FollowUpView & { benefit: { id: string; description: string; ownerId: string | null; ownerName: string | null }; initiative: { id: string; number: number; title: string; department: string } };

export type FollowUpPage = { data: FollowUpListItem[]; page: number; pageSize: number; total: number; pages: number };

/**
 * Follow-ups of benefits I own (`mine`), my department's (`department`), or everyone's (`all`:
 * DIG, leadership and admin), in a state: open (due or overdue), due, overdue or done. Oldest due
 * first (done: latest first), a page at a time with the total. Two queries; kept until the next
 * write (and the day: states move with time).
 */
export async function listFollowUps(actor: Actor, query: unknown = {}): Promise<FollowUpPage> {
  authorize(actor, "initiative.read");
  const { scope, state, page, pageSize } = parseInput(followUpQuery, query);
  if (scope === "all") authorize(actor, "benefit.followUpsOfAll");
  const [now, settings] = await Promise.all([clockNow(), benefitSettings()]);
  const who = scope === "mine" ? actor.id : scope === "department" ? (actor.departmentId ?? "-") : "";
  const key = `${scope}:${who}:${state}:${now.toISOString().slice(0, 10)}`;
  const filter = followUpFilter(scope, who, state, now, settings);
  const total = await cachedUntilWrite(`followUpCount:${key}`, () => countFollowUps(filter));
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const shown = Math.min(page, pages);
  const data = total ? await cachedUntilWrite(`followUps:${key}:${shown}:${pageSize}`, () => queryFollowUps(filter, state, now, settings, pageSize, (shown - 1) * pageSize)) : [];
  return { data, page: shown, pageSize, total, pages };
}

type FollowUpSqlRow = {
  id: string; offsetMonths: number; dueAt: Date | string; originalDueAt: Date | string | null; postponeReason: string | null; assessment: string | null; comment: string | null;
  completedAt: Date | string | null; completedBy: string | null; version: number; benefitId: string; description: string; ownerId: string | null; ownerName: string | null;
  initiativeId: string; number: number; title: string; department: string;
};
/** An instant as the columns store it (timestamp(3) without time zone, in UTC). */
const stamp = (d: Date) => Prisma.sql`CAST(${d.toISOString().slice(0, 23)} AS timestamp(3))`;
const asDate = (v: Date | string | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(`${v}Z`));

/** The WHERE of a list of follow-ups: its state on the day, and whose. */
function followUpFilter(scope: string, who: string, state: string, now: Date, settings: BenefitSettings): Prisma.Sql {
  const overdueBefore = new Date(now.getTime() - settings.overdueAfterDays * 86_400_000);
  const when =
    state === "done" ? Prisma.sql`f."completedAt" IS NOT NULL`
    : state === "overdue" ? Prisma.sql`f."completedAt" IS NULL AND f."dueAt" < ${stamp(overdueBefore)}`
    : state === "due" ? Prisma.sql`f."completedAt" IS NULL AND f."dueAt" <= ${stamp(now)} AND f."dueAt" >= ${stamp(overdueBefore)}`
    : Prisma.sql`f."completedAt" IS NULL AND f."dueAt" <= ${stamp(now)}`;
  const whose = scope === "mine" ? Prisma.sql`AND b."ownerId" = ${who}` : scope === "department" ? Prisma.sql`AND i."ownerDepartmentId" = ${who}` : Prisma.empty;
  return Prisma.sql`${when} ${whose}`;
}

async function countFollowUps(filter: Prisma.Sql): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: number }[]>(Prisma.sql`
    SELECT COUNT(*)::int AS "count" FROM "FollowUp" f JOIN "BenefitIndicator" b ON b."id" = f."indicatorId" JOIN "Initiative" i ON i."id" = f."initiativeId" WHERE ${filter}`);
  return row?.count ?? 0;
}

async function queryFollowUps(filter: Prisma.Sql, state: string, now: Date, settings: BenefitSettings, limit: number, offset: number): Promise<FollowUpListItem[]> {
  const rows = await prisma.$queryRaw<FollowUpSqlRow[]>(Prisma.sql`
    SELECT f."id", f."offsetMonths", f."dueAt", f."originalDueAt", f."postponeReason", f."assessment"::text AS "assessment", f."comment", f."completedAt", c."name" AS "completedBy", f."version",
           b."id" AS "benefitId", b."description", b."ownerId", o."name" AS "ownerName", i."id" AS "initiativeId", i."number", i."title", d."name" AS "department"
    FROM "FollowUp" f
    JOIN "BenefitIndicator" b ON b."id" = f."indicatorId"
    JOIN "Initiative" i ON i."id" = f."initiativeId"
    JOIN "Department" d ON d."id" = i."ownerDepartmentId"
    LEFT JOIN "User" o ON o."id" = b."ownerId"
    LEFT JOIN "User" c ON c."id" = f."completedById"
    WHERE ${filter}
    ORDER BY f."dueAt" ${state === "done" ? Prisma.sql`DESC` : Prisma.sql`ASC`}, f."id"
    LIMIT ${limit} OFFSET ${offset}`);
  return rows.map((r) => {
    const dueAt = asDate(r.dueAt)!;
    const completedAt = asDate(r.completedAt);
    return {
      id: r.id, offsetMonths: r.offsetMonths, dueAt, originalDueAt: asDate(r.originalDueAt), postponeReason: r.postponeReason, state: followUpState({ dueAt, completedAt }, now, settings.overdueAfterDays),
      assessment: r.assessment, comment: r.comment, completedAt, completedBy: r.completedBy, version: r.version,
      benefit: { id: r.benefitId, description: r.description, ownerId: r.ownerId, ownerName: r.ownerName },
      initiative: { id: r.initiativeId, number: r.number, title: r.title, department: r.department },
    };
  });
}

/** Overdue follow-ups counted per department and per owner, for DIG's overview. */
export async function overdueSummary(actor: Actor): Promise<{ byDepartment: { department: string; count: number }[]; byOwner: { owner: string; count: number }[] }> {
  authorize(actor, "initiative.read");
  const [now, settings] = await Promise.all([clockNow(), benefitSettings()]);
  const before = new Date(now.getTime() - settings.overdueAfterDays * 86_400_000);
  return cachedUntilWrite(`overdueSummary:${now.toISOString().slice(0, 10)}`, () => countOverdue(before));
}

async function countOverdue(before: Date) {
  const [departments, owners] = await Promise.all([
    prisma.$queryRaw<{ department: string; count: number }[]>`
      SELECT d."name" AS "department", COUNT(*)::int AS "count" FROM "FollowUp" f JOIN "Initiative" i ON i."id" = f."initiativeId" JOIN "Department" d ON d."id" = i."ownerDepartmentId"
      WHERE f."completedAt" IS NULL AND f."dueAt" < ${stamp(before)} GROUP BY d."name" ORDER BY 2 DESC, 1`,
    prisma.$queryRaw<{ owner: string | null; count: number }[]>`
      SELECT u."name" AS "owner", COUNT(*)::int AS "count" FROM "FollowUp" f JOIN "BenefitIndicator" b ON b."id" = f."indicatorId" LEFT JOIN "User" u ON u."id" = b."ownerId"
      WHERE f."completedAt" IS NULL AND f."dueAt" < ${stamp(before)} GROUP BY u."name" ORDER BY 2 DESC, 1`,
  ]);
  return { byDepartment: departments, byOwner: owners.map((o) => ({ owner: o.owner ?? "", count: o.count })) };
}

// ---------------------------------------------------------------------------
// Realised against planned

/** Decided initiatives: what leadership approved and so expects the benefit of. */
const DECIDED = ["APPROVED", "IN_PROGRESS", "PAUSED", "DONE"] as const;

export type RealisationSummary = { groupBy: (typeof import("@/lib/validation/benefits").REALISATION_GROUPS)[number]; rows: (RealisationRow & { label: string })[] };

/**
 * Planned yearly benefit (SEK, hours) against realised, with the share of follow-ups done on
 * time, per initiative, program, department, PIOS quadrant or year of delivery, for the decided
 * initiatives. Computed once per state of the database (and day).
 */
export async function realisationSummary(actor: Actor, query: unknown = {}): Promise<RealisationSummary> {
  authorize(actor, "portfolio.read");
  const { groupBy } = parseInput(realisationQuery, query);
  const now = await clockNow();
  const day = now.toISOString().slice(0, 10);
  return cachedUntilWrite(`realisation:${groupBy}:${day}`, () => computeRealisation(groupBy, now));
}

async function computeRealisation(groupBy: RealisationSummary["groupBy"], now: Date): Promise<RealisationSummary> {
  const [benefits, settings] = await Promise.all([
    prisma.benefitIndicator.findMany({
      where: { initiative: { status: { in: [...DECIDED] } } },
      select: {
        baseline: true, target: true, annualValueSek: true, annualHours: true,
        measurements: { select: { id: true, measuredAt: true, value: true, realisedSek: true, correctsId: true, createdAt: true } },
        followUps: { select: { dueAt: true, completedAt: true } },
        initiative: { select: { id: true, number: true, title: true, completedAt: true, benefitRecipient: true, nature: true, program: { select: { id: true, name: true } }, ownerDepartment: { select: { id: true, name: true } } } },
      },
    }),
    benefitSettings(),
  ]);
  const labels = new Map<string, string>();
  const keyOf = (i: (typeof benefits)[number]["initiative"]): string => {
    switch (groupBy) {
      case "initiative": labels.set(i.id, `#${i.number} ${i.title}`); return i.id;
      case "program": if (i.program) labels.set(i.program.id, i.program.name); return i.program?.id ?? "";
      case "department": labels.set(i.ownerDepartment.id, i.ownerDepartment.name); return i.ownerDepartment.id;
      case "quadrant": return quadrantOf(i.benefitRecipient, i.nature) ?? "";
      case "year": return i.completedAt ? String(i.completedAt.getUTCFullYear()) : "";
    }
  };
  const rows = sumRealisation(
    benefits.map((b) => ({ keys: [keyOf(b.initiative)], plan: b, realisation: realisation(b, b.measurements), followUps: b.followUps })),
    now,
    settings.overdueAfterDays,
  );
  return { groupBy, rows: rows.map((r) => ({ ...r, label: labels.get(r.key) ?? r.key })) };
}
