// Seeds the demo municipality ("Demo kommun") from prisma/seed/demo-data.ts.
// Idempotent: does nothing if the demo users already exist. Everything is written in
// one interactive transaction with createMany, so it is quick even on embedded PGlite.
import { randomUUID } from "node:crypto";
import type {
  InitiativeKind,
  InitiativeSize,
  InitiativeStatus,
  BenefitRecipient,
  Nature,
  PiosQuadrant,
  Prisma,
  PrismaClient,
  TriageTrack,
} from "../../lib/generated/prisma/client";
import { addMonths, DEFAULT_FOLLOW_UP_MONTHS } from "../../lib/domain/benefits";
import { hashPassword } from "../../lib/auth/password";
import { mulberry32 } from "./random";

export { mulberry32 };
import {
  CAPACITY_QUARTERS,
  DEMO_MARKER_EMAIL,
  DEMO_PASSWORD,
  DEMO_TODAY,
  MUNICIPALITY_NAME,
  balanceTargets,
  comments,
  departments,
  fastLaneDecision,
  goals,
  initiatives,
  localPoolOf,
  meeting,
  notifications,
  pools,
  programs,
  users,
  type InitiativeSeed,
  type PoolKey,
  type UserKey,
} from "./demo-data";

// ---------------------------------------------------------------------------
// Small helpers, also used by bench/generate.ts


/** "YYYY-MM-DD" (at the given UTC hour) or a full ISO timestamp to a Date. */
export function toDate(value: string, hour = 9, minute = 0): Date {
  if (value.includes("T")) return new Date(value);
  const hh = String(hour).padStart(2, "0");
  const mm = String(minute).padStart(2, "0");
  return new Date(`${value}T${hh}:${mm}:00.000Z`);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** Quarters from a to b inclusive ("2026-Q3", "2027-Q1" → 3 quarters). */
export function quarterRange(from: string, to: string): string[] {
  const parse = (q: string) => {
    const [y, n] = q.split("-Q");
    return Number(y) * 4 + Number(n) - 1;
  };
  const out: string[] = [];
  for (let i = parse(from); i <= parse(to); i++) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return out;
}

export function quadrantOf(recipient: BenefitRecipient, nature: Nature): PiosQuadrant {
  return `${recipient}_${nature}` as PiosQuadrant;
}

/** Triage routing: infrastructure → technical track; small development → fast lane. */
export function trackFor(kind: InitiativeKind, size: InitiativeSize): TriageTrack {
  if (kind === "INFRASTRUCTURE") return "TECHNICAL";
  return size === "SMALL" ? "FAST_LANE" : "PORTFOLIO";
}

/** The status path an initiative normally takes to reach `status`. */
export function defaultPath(status: InitiativeStatus): InitiativeStatus[] {
  const base: InitiativeStatus[] = ["DRAFT", "SUBMITTED", "TRIAGED", "APPROVED", "IN_PROGRESS"];
  switch (status) {
    case "DRAFT":
      return ["DRAFT"];
    case "SUBMITTED":
      return ["DRAFT", "SUBMITTED"];
    case "NEEDS_INFO":
      return ["DRAFT", "SUBMITTED", "NEEDS_INFO"];
    case "TRIAGED":
      return base.slice(0, 3);
    case "APPROVED":
      return base.slice(0, 4);
    case "IN_PROGRESS":
      return base;
    case "PAUSED":
    case "DONE":
    case "CANCELLED":
      return [...base, status];
    case "REJECTED":
    case "DEFERRED":
      return [...base.slice(0, 3), status];
  }
}

export const AUDIT_ACTION: Record<InitiativeStatus, string> = {
  DRAFT: "initiative.create",
  SUBMITTED: "initiative.submit",
  NEEDS_INFO: "initiative.requestInfo",
  TRIAGED: "initiative.triage",
  APPROVED: "initiative.approve",
  IN_PROGRESS: "initiative.start",
  PAUSED: "initiative.pause",
  DONE: "initiative.complete",
  REJECTED: "initiative.reject",
  DEFERRED: "initiative.defer",
  CANCELLED: "initiative.cancel",
};

// ---------------------------------------------------------------------------
// Timeline

type TimelineEvent = { status: InitiativeStatus; at: Date };

const TODAY_END = toDate(DEMO_TODAY, 23, 59);

function deriveTimeline(seed: InitiativeSeed, index: number): TimelineEvent[] {
  // Spread the hours of the day a little so events do not all look machine-made.
  // Decisions taken at the portfolio meeting happen during the meeting.
  const at = (day: string, k: number) =>
    day === meeting.date
      ? new Date(toDate(day, 13).getTime() + meetingMinute(seed.key) * 60_000)
      : toDate(day, 7 + ((index + k * 3) % 9), (index * 13 + k * 7) % 60);
  let events: TimelineEvent[];
  if (seed.timeline) {
    events = seed.timeline.map(([status, day], k) => ({ status, at: at(day, k) }));
  } else {
    const gap = (k: number, min: number, max: number) => min + Math.floor(mulberry32(index * 101 + k)() * (max - min + 1));
    const anchor = (day: string | undefined, what: string) => {
      if (!day) throw new Error(`Demo data: "${seed.key}" needs dates.${what} for status ${seed.status}`);
      return day;
    };
    const path = defaultPath(seed.status);
    events = [{ status: "DRAFT", at: at(seed.dates.created, 0) }];
    let t = events[0]!.at;
    path.slice(1).forEach((status, i) => {
      const k = i + 1;
      switch (status) {
        case "SUBMITTED":
          t = addDays(t, gap(k, 1, 7));
          break;
        case "NEEDS_INFO":
          t = addDays(t, gap(k, 4, 10));
          break;
        case "TRIAGED": {
          // Triage comes early, a week or few after submission; the wait is for the decision.
          const triaged = addDays(t, gap(k, 5, 21));
          const decided = seed.dates.decided ? at(seed.dates.decided, k + 1) : null;
          t = decided && triaged.getTime() >= addDays(decided, -2).getTime() ? new Date((t.getTime() + decided.getTime()) / 2) : triaged;
          break;
        }
        case "APPROVED":
        case "REJECTED":
        case "DEFERRED":
          t = at(anchor(seed.dates.decided, "decided"), k);
          break;
        case "IN_PROGRESS":
          t = at(anchor(seed.dates.started, "started"), k);
          break;
        default:
          t = at(anchor(seed.dates.ended, "ended"), k);
      }
      events.push({ status, at: t });
    });
  }
  // The data must tell a consistent story: start in DRAFT, end in the status, in order, before "today".
  const last = events[events.length - 1]!;
  if (events[0]!.status !== "DRAFT" || last.status !== seed.status) {
    throw new Error(`Demo data: timeline of "${seed.key}" does not run from DRAFT to ${seed.status}`);
  }
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.at.getTime() <= events[i - 1]!.at.getTime()) {
      throw new Error(`Demo data: timeline of "${seed.key}" is not in order at ${events[i]!.status}`);
    }
  }
  if (last.at.getTime() > TODAY_END.getTime()) throw new Error(`Demo data: "${seed.key}" has events after ${DEMO_TODAY}`);
  return events;
}

/** Minutes into the meeting at which an initiative's item was decided (agenda order). */
function meetingMinute(key: string): number {
  const order = meetingOrder();
  const position = order.indexOf(key);
  return position < 0 ? 0 : 5 + position * 6;
}

/** The meeting's agenda: its initiatives by descending demo score. */
function meetingOrder(): string[] {
  const byKey = new Map(initiatives.map((s) => [s.key, s]));
  return meeting.decisions
    .map((d) => byKey.get(d.initiative))
    .filter((s): s is InitiativeSeed => Boolean(s))
    .sort((a, b) => demoScore(b) - demoScore(a) || a.title.localeCompare(b.title, "sv"))
    .map((s) => s.key);
}

/** A transparent demo score, frozen in the meeting snapshot (the app computes its own). */
function demoScore(seed: InitiativeSeed): number {
  const weight = Object.fromEntries(goals.map((g) => [g.code, g.weight]));
  const alignment = Object.entries(seed.goals).reduce((sum, [code, a]) => sum + (weight[code] ?? 0) * (a ?? 0), 0);
  return alignment * 2 + seed.benefitJudgement * 5 + seed.urgency * 3 + seed.riskReduction * 2 + (seed.legal ? 5 : 0);
}

// ---------------------------------------------------------------------------
// The seed

export async function seedDemo(prisma: PrismaClient): Promise<{ seeded: boolean; initiatives: number }> {
  const existing = await prisma.user.findUnique({ where: { email: DEMO_MARKER_EMAIL }, select: { id: true } });
  if (existing) return { seeded: false, initiatives: 0 };

  // bcrypt is deliberately slow: hash once, outside the transaction, and reuse.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rows = buildRows(passwordHash);

  await prisma.$transaction(
    async (tx) => {
      await tx.department.createMany({ data: rows.departments });
      await tx.user.createMany({ data: rows.users });
      await tx.strategicGoal.createMany({ data: rows.goals });
      await tx.resourcePool.createMany({ data: rows.pools });
      await tx.poolCapacity.createMany({ data: rows.capacities });
      await tx.program.createMany({ data: rows.programs });
      await tx.programCouncilMember.createMany({ data: rows.councilMembers });
      await tx.programGoal.createMany({ data: rows.programGoals });
      await tx.initiative.createMany({ data: rows.initiatives });
      await tx.initiativeGoal.createMany({ data: rows.initiativeGoals });
      await tx.benefitIndicator.createMany({ data: rows.benefits });
      await tx.measurement.createMany({ data: rows.measurements });
      await tx.followUp.createMany({ data: rows.followUps });
      await tx.statusChange.createMany({ data: rows.statusChanges });
      await tx.triageAssessment.createMany({ data: rows.triage });
      await tx.resourceAllocation.createMany({ data: rows.allocations });

      // The meeting's snapshot shows the initiatives' numbers, which the database assigns.
      const numbered = await tx.initiative.findMany({
        where: { id: { in: rows.meetingInitiativeIds } },
        select: { id: true, number: true },
      });
      const numberOf = new Map(numbered.map((i) => [i.id, i.number]));
      await tx.portfolioMeeting.create({ data: rows.meeting(numberOf) });
      await tx.agendaItem.createMany({ data: rows.agenda });
      await tx.decision.createMany({ data: rows.decisions });
      await tx.balanceTarget.createMany({ data: rows.balanceTargets });
      await tx.comment.createMany({ data: rows.comments });
      await tx.notification.createMany({ data: rows.notifications(numberOf) });
      await tx.auditEvent.createMany({ data: rows.auditEvents });
      await tx.setting.create({ data: { key: "municipality.name", value: MUNICIPALITY_NAME } });
    },
    { timeout: 120_000, maxWait: 20_000 },
  );

  return { seeded: true, initiatives: rows.initiatives.length };
}

function buildRows(passwordHash: string) {
  const departmentId = Object.fromEntries(departments.map((d) => [d.key, randomUUID()])) as Record<string, string>;
  const userId = Object.fromEntries(users.map((u) => [u.key, randomUUID()])) as Record<UserKey, string>;
  const userName = Object.fromEntries(users.map((u) => [u.key, u.name])) as Record<UserKey, string>;
  const goalId = Object.fromEntries(goals.map((g) => [g.code, randomUUID()])) as Record<string, string>;
  const poolId = Object.fromEntries(pools.map((p) => [p.key, randomUUID()])) as Record<PoolKey, string>;
  const programId = Object.fromEntries(programs.map((p) => [p.key, randomUUID()])) as Record<string, string>;
  const meetingId = randomUUID();
  const meetingDate = toDate(meeting.date, 13);

  // Department managers create their department's initiatives; DIG registers the rest.
  const managerOf = new Map<string, UserKey>();
  for (const u of users) if (u.role === "DEPARTMENT_MANAGER" && u.department) managerOf.set(u.department, u.key);

  const departmentRows: Prisma.DepartmentCreateManyInput[] = departments.map((d) => ({
    id: departmentId[d.key]!,
    name: d.name,
    shortName: d.shortName,
    kind: d.kind,
  }));

  const userRows: Prisma.UserCreateManyInput[] = users.map((u) => ({
    id: userId[u.key],
    email: u.email,
    name: u.name,
    passwordHash,
    role: u.role,
    departmentId: u.department ? departmentId[u.department] : null,
  }));

  const goalRows: Prisma.StrategicGoalCreateManyInput[] = goals.map((g) => ({
    id: goalId[g.code],
    code: g.code,
    title: g.title,
    description: g.description,
    weight: g.weight,
  }));

  const poolRows: Prisma.ResourcePoolCreateManyInput[] = pools.map((p) => ({
    id: poolId[p.key],
    name: p.name,
    kind: p.kind,
    // Only local pools belong to a department; the central pools serve everyone.
    departmentId: p.kind === "LOCAL" && p.department ? departmentId[p.department] : null,
    wipLimit: p.wipLimit,
  }));

  const capacityRows: Prisma.PoolCapacityCreateManyInput[] = [];
  for (const p of pools) {
    for (const quarter of CAPACITY_QUARTERS) {
      const q = Number(quarter.slice(-1)) - 1;
      capacityRows.push({ poolId: poolId[p.key], quarter, competence: "", hours: p.hoursByQuarter[q]! });
      for (const [competence, hours] of Object.entries(p.competences ?? {})) {
        capacityRows.push({ poolId: poolId[p.key], quarter, competence, hours: hours[q]! });
      }
    }
  }

  const programRows: Prisma.ProgramCreateManyInput[] = programs.map((p) => ({
    id: programId[p.key],
    name: p.name,
    targetState: p.targetState,
    leaderId: userId[p.leader],
    createdAt: toDate("2025-09-01"),
  }));
  const councilRows: Prisma.ProgramCouncilMemberCreateManyInput[] = programs.flatMap((p) =>
    [...new Set(p.council)].map((u) => ({ programId: programId[p.key]!, userId: userId[u] })),
  );
  const programGoalRows: Prisma.ProgramGoalCreateManyInput[] = programs.flatMap((p) =>
    p.goals.map((g) => ({ programId: programId[p.key]!, goalId: goalId[g]! })),
  );

  // Initiatives are inserted oldest first, so their numbers (#1, #2 …) follow creation order.
  const ordered = initiatives
    .map((seed, index) => ({ seed, index }))
    .sort((a, b) => a.seed.dates.created.localeCompare(b.seed.dates.created) || a.index - b.index);
  const initiativeId = new Map(ordered.map(({ seed }) => [seed.key, randomUUID()]));
  const idOf = (key: string) => {
    const id = initiativeId.get(key);
    if (!id) throw new Error(`Demo data: unknown initiative "${key}"`);
    return id;
  };
  const seedOf = new Map(initiatives.map((s) => [s.key, s]));
  const timelines = new Map<string, TimelineEvent[]>();

  const initiativeRows: Prisma.InitiativeCreateManyInput[] = [];
  const initiativeGoalRows: Prisma.InitiativeGoalCreateManyInput[] = [];
  const benefitRows: Prisma.BenefitIndicatorCreateManyInput[] = [];
  const measurementRows: Prisma.MeasurementCreateManyInput[] = [];
  const followUpRows: Prisma.FollowUpCreateManyInput[] = [];
  const statusRows: Prisma.StatusChangeCreateManyInput[] = [];
  const triageRows: Prisma.TriageAssessmentCreateManyInput[] = [];
  const allocationRows: Prisma.ResourceAllocationCreateManyInput[] = [];
  const auditRows: Prisma.AuditEventCreateManyInput[] = [];

  for (const { seed, index } of ordered) {
    const id = idOf(seed.key);
    const creator: UserKey = managerOf.get(seed.department) ?? "dig";
    const track = trackFor(seed.kind, seed.size);
    const quadrant = quadrantOf(seed.recipient, seed.nature);
    const events = deriveTimeline(seed, index);
    timelines.set(seed.key, events);
    const first = (s: InitiativeStatus) => events.find((e) => e.status === s)?.at ?? null;
    const decisionEvent = events.find((e) => e.status === "APPROVED" || e.status === "REJECTED" || e.status === "DEFERRED");

    initiativeRows.push({
      id,
      title: seed.title,
      need: seed.need,
      benefitRecipient: seed.recipient,
      nature: seed.nature,
      reachDescription: seed.reach?.description ?? null,
      reachCount: seed.reach?.count ?? null,
      isReplacement: Boolean(seed.replacement),
      replacesSystem: seed.replacement?.system ?? null,
      enablesDevelopment: seed.replacement?.enables ?? null,
      involvesProcurement: Boolean(seed.hygiene),
      hygieneOwnsData: seed.hygiene?.ownsData ?? null,
      hygieneOpenStandards: seed.hygiene?.openStandards ?? null,
      hygieneOpenApis: seed.hygiene?.openApis ?? null,
      hygieneExitPlan: seed.hygiene?.exitPlan ?? null,
      estimatedCostSek: seed.costSek,
      estimatedEffortHours: seed.effortHours,
      desiredStartQuarter: seed.desiredStart,
      plannedStartQuarter: seed.planned?.[0] ?? null,
      plannedEndQuarter: seed.planned?.[1] ?? null,
      dependencies: seed.dependencies ?? null,
      contactPerson: seed.contact,
      benefitJudgement: seed.benefitJudgement,
      urgency: seed.urgency,
      legalRequirement: Boolean(seed.legal),
      riskReduction: seed.riskReduction,
      status: seed.status,
      ownerDepartmentId: departmentId[seed.department]!,
      createdById: userId[creator],
      programId: seed.program ? programId[seed.program] : null,
      rank: null,
      version: events.length,
      submittedAt: first("SUBMITTED"),
      decidedAt: decisionEvent?.at ?? null,
      startedAt: first("IN_PROGRESS"),
      completedAt: first("DONE"),
      createdAt: events[0]!.at,
      updatedAt: events[events.length - 1]!.at,
    });

    for (const [code, alignment] of Object.entries(seed.goals)) {
      initiativeGoalRows.push({ initiativeId: id, goalId: goalId[code]!, alignment: alignment ?? 0 });
    }

    const completedAt = first("DONE");
    for (const b of seed.benefits) {
      const benefitId = randomUUID();
      // The benefit is owned in the department it serves: its manager, or DIG where it has none.
      const ownerId = userId[creator];
      benefitRows.push({
        id: benefitId,
        initiativeId: id,
        category: b.category,
        description: b.description,
        annualValueSek: b.valueSek ?? null,
        annualHours: b.hours ?? null,
        certainty: b.certainty,
        ownerId,
        owner: b.owner,
        indicator: b.indicator ?? null,
        unit: b.unit ?? null,
        baseline: b.baseline ?? null,
        target: b.target ?? null,
        targetDate: b.targetDate ? toDate(b.targetDate, 12) : null,
        createdAt: events[0]!.at,
      });
      // Delivered: its follow-ups at 6, 12 and 24 months; the first answered where it was measured.
      if (completedAt) {
        DEFAULT_FOLLOW_UP_MONTHS.forEach((months, k) => {
          const dueAt = addMonths(completedAt, months);
          const answered = k === 0 && (b.measurements?.length ?? 0) > 0 && dueAt < new Date();
          followUpRows.push({
            indicatorId: benefitId, initiativeId: id, offsetMonths: months, dueAt,
            ...(answered ? { assessment: "PARTLY" as const, comment: "Delvis realiserat enligt mätningen.", completedAt: addDays(dueAt, 10), completedById: ownerId, notifiedDueAt: dueAt } : {}),
          });
        });
      }
      for (const m of b.measurements ?? []) {
        measurementRows.push({
          indicatorId: benefitId,
          measuredAt: toDate(m.at, 12),
          value: m.value,
          realisedSek: m.realisedSek ?? null,
          note: m.note ?? null,
          recordedById: userId[creator],
          createdAt: addDays(toDate(m.at, 12), 5),
        });
      }
    }

    // Status changes, each with an actor and a reason, and an audit event for each.
    events.forEach((event, k) => {
      const from = k === 0 ? null : events[k - 1]!.status;
      const { actor, reason } = describeTransition(seed, track, creator, from, event.status, event.at);
      statusRows.push({
        initiativeId: id,
        fromStatus: from,
        toStatus: event.status,
        actorId: userId[actor],
        reason,
        at: event.at,
      });
      auditRows.push({
        at: event.at,
        actorId: userId[actor],
        actorLabel: userName[actor],
        action: from === "PAUSED" && event.status === "IN_PROGRESS" ? "initiative.resume" : AUDIT_ACTION[event.status],
        entityType: "Initiative",
        entityId: id,
        before: from ? { status: from } : undefined,
        after: k === 0 ? { title: seed.title, status: event.status } : { status: event.status },
      });
    });

    // Every initiative that has passed triage has an assessment, made when it was triaged.
    const triagedAt = first("TRIAGED");
    if (triagedAt) {
      const override = seed.triage?.suggestedKind && seed.triage.suggestedKind !== seed.kind;
      const suggestedKind = seed.triage?.suggestedKind ?? seed.kind;
      triageRows.push({
        initiativeId: id,
        assessedById: userId.dig,
        kind: seed.kind,
        size: seed.size,
        track,
        quadrant,
        suggestedKind,
        suggestedSize: seed.size,
        suggestedTrack: trackFor(suggestedKind, seed.size),
        overrideReason: override ? (seed.triage?.overrideReason ?? null) : null,
        completeness: seed.triage?.completeness ?? 70 + ((index * 17) % 31),
        notes: seed.triage?.notes ?? null,
        createdAt: triagedAt,
      });
    }

    // Resource allocations for approved, running and (within the capacity window) finished work.
    if (
      (seed.status === "APPROVED" || seed.status === "IN_PROGRESS" || seed.status === "DONE") &&
      seed.planned &&
      seed.effortHours
    ) {
      const planned = quarterRange(seed.planned[0], seed.planned[1]);
      const perQuarter = seed.effortHours / planned.length;
      const local = localPoolOf[seed.department];
      const localShare = local ? 0.35 : 0;
      const borrowShare = seed.borrow?.share ?? 0;
      const central: PoolKey = seed.kind === "INFRASTRUCTURE" ? "DC" : "DIG";
      const createdAt = decisionEvent?.at ?? events[0]!.at;
      for (const quarter of planned) {
        if (!(CAPACITY_QUARTERS as readonly string[]).includes(quarter)) continue;
        const add = (pool: PoolKey, hours: number, competence = "") => {
          const rounded = Math.round(hours / 10) * 10;
          if (rounded > 0) {
            allocationRows.push({ initiativeId: id, poolId: poolId[pool], quarter, competence, hours: rounded, createdById: userId.dig, createdAt });
          }
        };
        if (local) add(local, perQuarter * localShare);
        if (seed.borrow) add(seed.borrow.pool, perQuarter * borrowShare);
        const centralHours = perQuarter * (1 - localShare - borrowShare);
        if (seed.competenceSplit) {
          for (const [competence, share] of Object.entries(seed.competenceSplit)) add(central, centralHours * share, competence);
        } else {
          add(central, centralHours);
        }
      }
    }
  }

  // The portfolio meeting: agenda in ranking order, one decision per item.
  const meetingItems = meeting.decisions.map((d) => {
    const seed = seedOf.get(d.initiative);
    if (!seed) throw new Error(`Demo data: meeting decision for unknown initiative "${d.initiative}"`);
    if (seed.status !== d.toStatus) {
      throw new Error(`Demo data: "${d.initiative}" is ${seed.status} but the meeting decided ${d.toStatus}`);
    }
    const events = timelines.get(d.initiative)!;
    if (d.fromStatus !== d.toStatus) {
      const k = events.findIndex((e) => e.status === d.toStatus && e.at.toISOString().startsWith(meeting.date));
      if (k < 1 || events[k - 1]!.status !== d.fromStatus) {
        throw new Error(`Demo data: "${d.initiative}" has no ${d.fromStatus}→${d.toStatus} on ${meeting.date}`);
      }
    }
    const decidedAt = events.find((e) => e.status === d.toStatus && e.at.toISOString().startsWith(meeting.date))?.at;
    return { decision: d, seed, id: idOf(d.initiative), score: demoScore(seed), rationale: d.rationale ?? seed.note ?? "", decidedAt };
  });
  meetingItems.sort((a, b) => b.score - a.score || a.seed.title.localeCompare(b.seed.title, "sv"));
  const reprioritised = meetingItems.filter((m) => m.decision.type === "REPRIORITISE");
  reprioritised.forEach((m, i) => {
    const row = initiativeRows.find((r) => r.id === m.id)!;
    row.rank = i + 1;
  });

  const agendaRows: Prisma.AgendaItemCreateManyInput[] = meetingItems.map((m, i) => ({
    meetingId,
    initiativeId: m.id,
    position: i + 1,
    addedById: userId.dig,
  }));
  const decisionRows: Prisma.DecisionCreateManyInput[] = meetingItems.map((m) => ({
    initiativeId: m.id,
    meetingId,
    type: m.decision.type,
    rationale: m.rationale,
    underDelegation: false,
    fromStatus: m.decision.fromStatus,
    toStatus: m.decision.toStatus,
    decidedById: userId.ledning,
    createdAt: m.decidedAt ?? new Date(meetingDate.getTime() + meetingMinute(m.seed.key) * 60_000),
  }));
  const fastSeed = seedOf.get(fastLaneDecision.initiative)!;
  const fastEvent = timelines.get(fastLaneDecision.initiative)!.find((e) => e.status === "APPROVED")!;
  decisionRows.push({
    initiativeId: idOf(fastLaneDecision.initiative),
    meetingId: null,
    type: fastLaneDecision.type,
    rationale: fastSeed.note ?? "Beslut på delegation i snabbspåret.",
    underDelegation: true,
    fromStatus: "TRIAGED",
    toStatus: "APPROVED",
    decidedById: userId.dig,
    createdAt: fastEvent.at,
  });

  const departmentName = Object.fromEntries(departments.map((d) => [d.key, d.name]));
  const meetingRow = (numberOf: Map<string, number>): Prisma.PortfolioMeetingUncheckedCreateInput => ({
    id: meetingId,
    title: meeting.title,
    date: meetingDate,
    registryNumber: meeting.registryNumber,
    participants: meeting.participants,
    status: "CLOSED",
    closedAt: new Date(meeting.closedAt),
    createdById: userId.dig,
    createdAt: toDate("2026-09-15", 10),
    // The same shape as lib/server/meetings.ts freezes at close (lib/domain/meeting-minutes.ts).
    snapshot: {
      frozenAt: meeting.closedAt,
      municipality: MUNICIPALITY_NAME,
      title: meeting.title,
      date: meeting.date,
      registryNumber: meeting.registryNumber,
      participants: meeting.participants,
      ranking: meetingItems.map((m, i) => ({
        position: i + 1,
        initiativeId: m.id,
        number: numberOf.get(m.id) ?? null,
        title: m.seed.title,
        department: departmentName[m.seed.department] ?? "",
        quadrant: quadrantOf(m.seed.recipient, m.seed.nature),
        status: m.decision.fromStatus,
        score: m.score,
        estimatedCostSek: m.seed.costSek,
        estimatedEffortHours: m.seed.effortHours,
      })),
      decisions: meetingItems.map((m) => ({
        initiativeId: m.id,
        number: numberOf.get(m.id) ?? null,
        title: m.seed.title,
        department: departmentName[m.seed.department] ?? "",
        type: m.decision.type,
        fromStatus: m.decision.fromStatus,
        toStatus: m.decision.toStatus,
        rationale: m.rationale,
        decidedBy: userName.ledning,
        decidedAt: (m.decidedAt ?? new Date(meetingDate.getTime() + meetingMinute(m.seed.key) * 60_000)).toISOString(),
      })),
      notHandled: [],
    },
  });
  auditRows.push({
    at: new Date(meeting.closedAt),
    actorId: userId.dig,
    actorLabel: userName.dig,
    action: "meeting.close",
    entityType: "PortfolioMeeting",
    entityId: meetingId,
    before: { status: "PLANNED" },
    after: { status: "CLOSED", registryNumber: meeting.registryNumber },
  });

  const balanceRows: Prisma.BalanceTargetCreateManyInput[] = balanceTargets.flatMap((b) =>
    Object.entries(b.shares).map(([quadrant, sharePercent]) => ({ year: b.year, quadrant: quadrant as PiosQuadrant, sharePercent })),
  );
  for (const b of balanceTargets) {
    const sum = Object.values(b.shares).reduce((a, c) => a + c, 0);
    if (sum !== 100) throw new Error(`Demo data: balance targets for ${b.year} sum to ${sum}, not 100`);
  }

  const commentRows: Prisma.CommentCreateManyInput[] = comments.map((c) => ({
    initiativeId: idOf(c.initiative),
    authorId: userId[c.author],
    body: c.body,
    createdAt: new Date(c.at),
  }));

  const notificationRows = (numberOf: Map<string, number>): Prisma.NotificationCreateManyInput[] =>
    notifications.map((n) => {
      const id = idOf(n.initiative);
      return {
        userId: userId[n.user],
        initiativeId: id,
        kind: n.kind,
        params: { ...n.params, number: numberOf.get(id) ?? 0, title: seedOf.get(n.initiative)!.title },
        readAt: n.read ? addDays(new Date(n.at), 1) : null,
        createdAt: new Date(n.at),
      };
    });

  return {
    departments: departmentRows,
    users: userRows,
    goals: goalRows,
    pools: poolRows,
    capacities: capacityRows,
    programs: programRows,
    councilMembers: councilRows,
    programGoals: programGoalRows,
    initiatives: initiativeRows,
    initiativeGoals: initiativeGoalRows,
    benefits: benefitRows,
    measurements: measurementRows,
    followUps: followUpRows,
    statusChanges: statusRows,
    triage: triageRows,
    allocations: allocationRows,
    meetingInitiativeIds: [...new Set([...meetingItems.map((m) => m.id), ...notifications.map((n) => idOf(n.initiative))])],
    meeting: meetingRow,
    agenda: agendaRows,
    decisions: decisionRows,
    balanceTargets: balanceRows,
    comments: commentRows,
    notifications: notificationRows,
    auditEvents: auditRows,
  };
}

const TRACK_TEXT: Record<TriageTrack, string> = {
  FAST_LANE: "Triagerad till snabbspåret (beslut på delegation)",
  PORTFOLIO: "Triagerad till portföljmötet",
  TECHNICAL: "Triagerad till teknisk beredning med Digitalt center",
};

function describeTransition(
  seed: InitiativeSeed,
  track: TriageTrack,
  creator: UserKey,
  from: InitiativeStatus | null,
  to: InitiativeStatus,
  at: Date,
): { actor: UserKey; reason: string | null } {
  const atMeeting = at.toISOString().startsWith(meeting.date);
  const decider: UserKey = track === "PORTFOLIO" ? "ledning" : "dig";
  const meetingDecision = meeting.decisions.find((d) => d.initiative === seed.key && d.toStatus === to);
  const decisionReason = (fallback: string) =>
    atMeeting && meetingDecision ? (meetingDecision.rationale ?? seed.note ?? fallback) : (seed.note ?? fallback);
  switch (to) {
    case "DRAFT":
      return { actor: creator, reason: null };
    case "SUBMITTED":
      return {
        actor: creator,
        reason: from === "NEEDS_INFO" ? "Kompletterad och inskickad på nytt" : "Inskickad för triagering",
      };
    case "NEEDS_INFO":
      if (from === "TRIAGED") return { actor: "ledning", reason: decisionReason("Komplettering begärd av portföljmötet") };
      return {
        actor: "dig",
        reason: seed.infoRequest ?? "Beskriv behovet tydligare: vilka verksamheter berörs och vilken nytta förväntas?",
      };
    case "TRIAGED":
      return { actor: "dig", reason: TRACK_TEXT[track] };
    case "APPROVED":
      if (atMeeting) return { actor: "ledning", reason: decisionReason("Beslutat i portföljmötet") };
      return {
        actor: decider,
        reason:
          track === "FAST_LANE"
            ? (seed.note ?? "Beslutat på delegation i snabbspåret")
            : track === "TECHNICAL"
              ? "Beslutat i teknisk beredning"
              : "Beslutat i portföljmötet",
      };
    case "REJECTED":
      return { actor: atMeeting ? "ledning" : decider, reason: decisionReason("Avslaget") };
    case "DEFERRED":
      return { actor: atMeeting ? "ledning" : decider, reason: decisionReason("Vilande") };
    case "IN_PROGRESS":
      return { actor: "dig", reason: from === "PAUSED" ? "Återupptaget" : "Arbetet har startat" };
    case "PAUSED":
      return { actor: "dig", reason: seed.status === "PAUSED" ? (seed.note ?? "Pausat") : "Pausat under semesterperioden" };
    case "DONE":
      return { actor: creator, reason: "Avslutat och överlämnat till ordinarie förvaltning" };
    case "CANCELLED":
      return { actor: decider, reason: seed.note ?? "Avbrutet" };
  }
}
