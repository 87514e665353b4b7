import "server-only";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { classify, classifyMany, type ClassifierInput, type Suggestion } from "@/lib/domain/classifier";
import { completeness, type CompletenessItem } from "@/lib/domain/completeness";
import { daysBetween, leadTimes } from "@/lib/domain/flow";
import { splitQuadrant } from "@/lib/domain/pios";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fastLaneApprovalInput, requestInfoInput, triageDecisionInput } from "@/lib/validation/triage";
import { actorUserId, recordAudit } from "./audit";
import { ConflictError, NotFoundError, parseInput, ValidationError } from "./errors";
import { claimVersion, transition } from "./initiatives";
import { notifyDepartment } from "./notifications";
import { triageSettings } from "./settings";
import { cachedUntilWrite } from "./snapshot-cache";

type Tx = Prisma.TransactionClient;

const CLASSIFIER_SELECT = {
  id: true, number: true, title: true, need: true, estimatedCostSek: true, estimatedEffortHours: true, benefitRecipient: true, nature: true,
  reachDescription: true, isReplacement: true, replacesSystem: true, enablesDevelopment: true, involvesProcurement: true,
  hygieneOwnsData: true, hygieneOpenStandards: true, hygieneOpenApis: true, hygieneExitPlan: true, contactPerson: true, desiredStartQuarter: true,
  reachCount: true, submittedAt: true, version: true, status: true, ownerDepartmentId: true,
  ownerDepartment: { select: { id: true, name: true } },
  // The rows themselves, not `_count`: Prisma counts by grouping the whole goal and benefit
  // tables (100,000 rows each at 50,000 initiatives) for a page of 50.
  goals: { select: { goalId: true } },
  benefits: { select: { id: true } },
} satisfies Prisma.InitiativeSelect;

type ClassifiableRow = Prisma.InitiativeGetPayload<{ select: typeof CLASSIFIER_SELECT }>;

function classifierInput(i: ClassifiableRow): ClassifierInput {
  return {
    title: i.title,
    need: i.need,
    estimatedCostSek: i.estimatedCostSek,
    estimatedEffortHours: i.estimatedEffortHours,
    benefitRecipient: i.benefitRecipient,
    nature: i.nature,
    reachDescription: i.reachDescription,
    isReplacement: i.isReplacement,
  };
}

/** What DIG should look at besides the classification (hygiene requirements, replacement). */
export function triageChecks(i: ClassifiableRow): string[] {
  const checks: string[] = [];
  if (i.isReplacement && !i.enablesDevelopment?.trim()) checks.push("replacementWithoutDevelopment");
  if (i.involvesProcurement && [i.hygieneOwnsData, i.hygieneOpenStandards, i.hygieneOpenApis, i.hygieneExitPlan].some((v) => v !== true)) {
    checks.push("procurementWithoutHygiene");
  }
  return checks;
}

function completenessOf(i: ClassifiableRow) {
  return completeness(i);
}

function completenessPercent(i: ClassifiableRow) {
  return completenessOf(i).percent;
}

export type QueueItem = {
  id: string; number: number; title: string; department: string; daysWaiting: number; submittedAt: Date | null;
  completeness: number; suggestion: Suggestion; checks: string[];
  /** What the description still lacks, so DIG sees at a glance what to ask for. */
  missing: CompletenessItem[];
};

/** Every submitted initiative, oldest first, with the classifier's suggestion (the API's whole queue). */
export async function triageQueue(actor: Actor, now = new Date()): Promise<QueueItem[]> {
  authorize(actor, "triage.perform");
  const [rows, settings] = await Promise.all([
    prisma.initiative.findMany({ ...QUEUE, select: CLASSIFIER_SELECT }),
    triageSettings(),
  ]);
  return queueItems(rows, settings, now);
}

export const TRIAGE_PAGE_SIZE = 50;
/** The queue: submitted initiatives, the longest waiting first. */
const QUEUE = { where: { status: "SUBMITTED" }, orderBy: [{ submittedAt: "asc" }, { number: "asc" }] } satisfies Prisma.InitiativeFindManyArgs;

/** One page of the queue, oldest first: the page DIG works through, however long the queue grows. */
export async function triageQueuePage(actor: Actor, page: number, now = new Date()): Promise<{ rows: QueueItem[]; total: number; page: number; pages: number }> {
  authorize(actor, "triage.perform");
  // Days waiting count whole days: the page is kept until the next write or the next day.
  const wanted = Math.max(1, Math.floor(page) || 1);
  return cachedUntilWrite(`triageQueuePage:${wanted}:${now.toISOString().slice(0, 10)}`, () => loadQueuePage(wanted, now));
}

async function loadQueuePage(wanted: number, now: Date): Promise<{ rows: QueueItem[]; total: number; page: number; pages: number }> {
  const total = await prisma.initiative.count({ where: QUEUE.where });
  const pages = Math.max(1, Math.ceil(total / TRIAGE_PAGE_SIZE));
  const shown = Math.min(wanted, pages);
  const [rows, settings] = await Promise.all([
    prisma.initiative.findMany({ ...QUEUE, skip: (shown - 1) * TRIAGE_PAGE_SIZE, take: TRIAGE_PAGE_SIZE, select: CLASSIFIER_SELECT }),
    triageSettings(),
  ]);
  return { rows: queueItems(rows, settings, now), total, page: shown, pages };
}

function queueItems(rows: ClassifiableRow[], settings: Awaited<ReturnType<typeof triageSettings>>, now: Date): QueueItem[] {
  const suggestions = classifyMany(rows.map(classifierInput), settings);
  return rows.map((r, index) => {
    // Once per row: the percentage and what is missing come from the same reckoning.
    const c = completenessOf(r);
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      department: r.ownerDepartment.name,
      submittedAt: r.submittedAt,
      daysWaiting: r.submittedAt ? daysBetween(r.submittedAt, now) : 0,
      completeness: c.percent,
      suggestion: suggestions[index]!,
      checks: triageChecks(r),
      missing: [...c.missingRequired, ...c.missingOptional],
    };
  });
}

/** Median and p90 days from submission to triage over the last 90 days. */
export async function triageFlow(actor: Actor, now = new Date()) {
  authorize(actor, "triage.perform");
  // Every view of the queue shows it; it changes only with a write (or the next day).
  return cachedUntilWrite(`triageFlow:${now.toISOString().slice(0, 10)}`, () => computeTriageFlow(now));
}

async function computeTriageFlow(now: Date) {
  const since = new Date(now.getTime() - 90 * 24 * 60 * 60 * 1000);
  // The first step out of SUBMITTED after each submission is the triage outcome.
  const exits = await prisma.statusChange.findMany({
    where: { fromStatus: "SUBMITTED", at: { gte: since } },
    select: { initiativeId: true, at: true },
  });
  const entries = await prisma.statusChange.findMany({
    where: { toStatus: "SUBMITTED", initiativeId: { in: [...new Set(exits.map((e) => e.initiativeId))] } },
    select: { initiativeId: true, at: true },
    orderBy: { at: "asc" },
  });
  const entriesByInitiative = new Map<string, Date[]>();
  for (const e of entries) entriesByInitiative.set(e.initiativeId, [...(entriesByInitiative.get(e.initiativeId) ?? []), e.at]);
  const pairs = exits.flatMap((exit) => {
    // The latest submission before this exit (entries are in time order).
    const from = (entriesByInitiative.get(exit.initiativeId) ?? []).filter((at) => at <= exit.at).at(-1);
    return from ? [{ from, to: exit.at }] : [];
  });
  return leadTimes(pairs);
}

export type TriageView = { initiative: ClassifiableRow; suggestion: Suggestion; checks: string[]; completeness: number; delegationLimitSek: number };

export async function triageView(actor: Actor, id: string): Promise<TriageView> {
  authorize(actor, "triage.perform");
  const [initiative, settings] = await Promise.all([prisma.initiative.findUnique({ where: { id }, select: CLASSIFIER_SELECT }), triageSettings()]);
  if (!initiative) throw new NotFoundError("Initiative");
  return { initiative, suggestion: classify(classifierInput(initiative), settings), checks: triageChecks(initiative), completeness: completenessPercent(initiative), delegationLimitSek: settings.delegationLimitSek };
}

/** The initiative as triage reads it, refused unless it is still SUBMITTED. */
async function loadSubmitted(tx: Tx, id: string) {
  const current = await tx.initiative.findUnique({ where: { id }, select: CLASSIFIER_SELECT });
  if (!current) throw new NotFoundError("Initiative");
  if (current.status !== "SUBMITTED") {
    throw new ConflictError("Only a submitted initiative can be triaged. Someone may already have triaged it.", { status: current.status, version: current.version }, "INVALID_STATUS");
  }
  return current;
}

/** Confirms or overrides the suggestion; an override needs a reason. Sets TRIAGED. */
export async function decideTriage(actor: Actor, id: string, input: unknown): Promise<{ version: number }> {
  authorize(actor, "triage.perform");
  const decision = parseInput(triageDecisionInput, input);
  return prisma.$transaction(async (tx) => {
    const row = await loadSubmitted(tx, id);
    const suggestion = classify(classifierInput(row), await triageSettings(tx));
    const overridden =
      decision.kind !== suggestion.kind.value ||
      decision.size !== suggestion.size.value ||
      decision.track !== suggestion.track.value ||
      decision.quadrant !== (suggestion.quadrant.stated ?? suggestion.quadrant.suggested);
    if (overridden && !decision.overrideReason) throw new ValidationError([{ path: "overrideReason", message: "overrideReasonRequired" }]);
    const { benefitRecipient, nature } = splitQuadrant(decision.quadrant);
    await claimVersion(tx, id, decision.version, { status: "TRIAGED", benefitRecipient, nature });
    await tx.triageAssessment.create({
      data: {
        initiativeId: id,
        assessedById: actorUserId(actor),
        kind: decision.kind,
        size: decision.size,
        track: decision.track,
        quadrant: decision.quadrant,
        suggestedKind: suggestion.kind.value,
        suggestedSize: suggestion.size.value,
        suggestedTrack: suggestion.track.value,
        overrideReason: overridden ? decision.overrideReason : null,
        completeness: completenessPercent(row),
        notes: decision.notes ?? null,
      },
    });
    await transition(tx, actor, id, row.status, "TRIAGED", overridden ? decision.overrideReason : undefined);
    await recordAudit(tx, actor, { action: "triage.decide", entityType: "Initiative", entityId: id, after: { ...decision, overridden, suggestion: { kind: suggestion.kind.value, size: suggestion.size.value, track: suggestion.track.value } } });
    return { version: decision.version + 1 };
  });
}

/** Asks the department for more: NEEDS_INFO, a comment in the thread and a notification. */
export async function requestInfo(actor: Actor, id: string, input: unknown): Promise<{ version: number }> {
  authorize(actor, "triage.perform");
  const { version, message } = parseInput(requestInfoInput, input);
  return prisma.$transaction(async (tx) => {
    const current = await loadSubmitted(tx, id);
    await claimVersion(tx, id, version, { status: "NEEDS_INFO" });
    await tx.comment.create({ data: { initiativeId: id, authorId: actorUserId(actor), body: message } });
    await transition(tx, actor, id, current.status, "NEEDS_INFO", message);
    await notifyDepartment(tx, current.ownerDepartmentId, id, "needsInfo", { number: current.number, title: current.title });
    return { version: version + 1 };
  });
}

/** Approves a small business-development initiative in the fast lane under delegation. */
export async function approveInFastLane(actor: Actor, id: string, input: unknown): Promise<{ version: number }> {
  authorize(actor, "triage.perform");
  const { version, quadrant, rationale } = parseInput(fastLaneApprovalInput, input);
  return prisma.$transaction(async (tx) => {
    const current = await loadSubmitted(tx, id);
    const settings = await triageSettings(tx);
    const suggestion = classify(classifierInput(current), settings);
    const issues: { path: string; message: string }[] = [];
    if (suggestion.kind.value !== "BUSINESS_DEVELOPMENT" || suggestion.size.value !== "SMALL" || suggestion.track.value !== "FAST_LANE") issues.push({ path: "track", message: "notFastLane" });
    if (current.estimatedCostSek === null || current.estimatedCostSek > settings.delegationLimitSek) issues.push({ path: "estimatedCostSek", message: "overDelegationLimit" });
    if (issues.length) throw new ValidationError(issues, "Only small business development within the delegated cost limit can be approved in the fast lane.");
    const { benefitRecipient, nature } = splitQuadrant(quadrant);
    await claimVersion(tx, id, version, { status: "APPROVED", decidedAt: new Date(), benefitRecipient, nature });
    await tx.triageAssessment.create({
      data: {
        initiativeId: id, assessedById: actorUserId(actor), kind: "BUSINESS_DEVELOPMENT", size: "SMALL", track: "FAST_LANE", quadrant,
        suggestedKind: suggestion.kind.value, suggestedSize: suggestion.size.value, suggestedTrack: suggestion.track.value, completeness: completenessPercent(current),
      },
    });
    await tx.decision.create({
      data: { initiativeId: id, meetingId: null, type: "APPROVE", rationale, underDelegation: true, fromStatus: current.status, toStatus: "APPROVED", decidedById: actorUserId(actor) },
    });
    await transition(tx, actor, id, current.status, "APPROVED", rationale);
    await notifyDepartment(tx, current.ownerDepartmentId, id, "approvedFastLane", { number: current.number, title: current.title });
    await recordAudit(tx, actor, { action: "decision.approve.delegated", entityType: "Initiative", entityId: id, after: { rationale, quadrant, costSek: current.estimatedCostSek } });
    return { version: version + 1 };
  });
}

