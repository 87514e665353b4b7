import "server-only";
import { authorize, can } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { AGENDA_STATUSES, allowedDecisions, decisionOutcome, mayStandOnAgenda, type DecisionType, type Status } from "@/lib/domain/decisions";
import { buildMinutes, type Minutes } from "@/lib/domain/meeting-minutes";
import { capacityHours, meetingPreview, type MeetingPreview } from "@/lib/domain/meeting-preview";
import { quadrantOf, type Quadrant } from "@/lib/domain/pios";
import { ACTIVE_STATUSES } from "@/lib/domain/portfolio-metrics";
import { upcomingQuarters } from "@/lib/domain/quarters";
import type { InitiativeStatus, Prisma } from "@/lib/generated/prisma/client";
import { pageNumber } from "@/lib/validation/common";
import { agendaItemInput, closeMeetingInput, createMeetingInput, decisionInput, meetingSnapshot } from "@/lib/validation/meetings";
import { adoptScenarioInput, scenarioAgendaInput, scenarioChanges } from "@/lib/validation/scenarios";
import { actorUserId, recordAudit } from "./audit";
import { AppError, ConflictError, NotFoundError, parseInput, ValidationError } from "./errors";
import { now as clockNow } from "./clock";
import { claimVersion, loadForChange, transition } from "./initiatives";
import { notifyDepartment } from "./notifications";
import { rankedPortfolio } from "./portfolio";
import { getScenario, scenarioAdoption } from "./scenarios";

type Tx = Prisma.TransactionClient;

export const MUNICIPALITY_SETTING_KEY = "municipality.name";
const CENTRAL_POOLS = ["DIG", "DIGITAL_CENTER"] as const;
const PAST_PAGE_SIZE = 20;

const closedError = () => new AppError("MEETING_CLOSED", 409, "The meeting is closed: its agenda and decisions can no longer change.");

/**
 * Reads the meeting and locks its row for the rest of the transaction, refusing unless it
 * is PLANNED. Decisions take a shared lock (they may run side by side); agenda changes an
 * exclusive one (positions and duplicates). Closing updates the row, so it waits for both,
 * and they in turn see it closed: nothing is written to a meeting after its snapshot.
 */
async function lockPlanned(tx: Tx, id: string, mode: "share" | "update"): Promise<{ title: string }> {
  const rows =
    mode === "share"
      ? await tx.$queryRaw<{ status: string; title: string }[]>`SELECT "status"::text AS status, "title" FROM "PortfolioMeeting" WHERE "id" = ${id} FOR SHARE`
      : await tx.$queryRaw<{ status: string; title: string }[]>`SELECT "status"::text AS status, "title" FROM "PortfolioMeeting" WHERE "id" = ${id} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new NotFoundError("Meeting");
  if (row.status !== "PLANNED") throw closedError();
  return { title: row.title };
}

/** The municipality's name for the minutes' heading: a setting, else the environment, else none. */
export async function municipalityName(db: Tx = prisma): Promise<string | null> {
  const row = await db.setting.findUnique({ where: { key: MUNICIPALITY_SETTING_KEY } });
  if (typeof row?.value === "string" && row.value.trim()) return row.value.trim();
  return process.env.MUNICIPALITY_NAME?.trim() || null;
}

/** Initiatives awaiting a decision on the portfolio track: TRIAGED, and the latest triage routed them there. */
async function awaitingPortfolioDecision(tx: Tx): Promise<{ id: string; number: number }[]> {
  const rows = await tx.initiative.findMany({
    where: { status: "TRIAGED", triage: { some: { track: "PORTFOLIO" } } },
    select: { id: true, number: true, triage: { select: { track: true }, orderBy: { createdAt: "desc" }, take: 1 } },
  });
  return rows.filter((r) => r.triage[0]?.track === "PORTFOLIO").map(({ id, number }) => ({ id, number }));
}

/** In ranking order (the meeting takes the most valuable first), unranked last by number. */
function inRankingOrder<T extends { id: string; number: number }>(items: T[], ranking: { id: string; position: number }[]): T[] {
  const position = new Map(ranking.map((r) => [r.id, r.position]));
  const at = (i: T) => position.get(i.id) ?? Number.MAX_SAFE_INTEGER;
  return [...items].sort((a, b) => at(a) - at(b) || a.number - b.number);
}

// ---- Reading -------------------------------------------------------------------------

const SUMMARY_SELECT = {
  id: true, title: true, date: true, registryNumber: true, participants: true, status: true, closedAt: true,
  _count: { select: { agenda: true, decisions: true } },
} satisfies Prisma.PortfolioMeetingSelect;

function summaryView(m: Prisma.PortfolioMeetingGetPayload<{ select: typeof SUMMARY_SELECT }>) {
  return {
    id: m.id, title: m.title, date: m.date.toISOString(), registryNumber: m.registryNumber, participants: m.participants, status: m.status,
    closedAt: m.closedAt?.toISOString() ?? null, agendaCount: m._count.agenda, decisionCount: m._count.decisions,
  };
}
export type MeetingSummary = ReturnType<typeof summaryView>;

/** Upcoming (planned, soonest first) and past (closed, latest first, paged) meetings. */
export async function listMeetings(actor: Actor, options: { pastPage?: unknown } = {}) {
  authorize(actor, "portfolio.read");
  const page = parseInput(pageNumber, options.pastPage);
  const [upcoming, past, pastTotal] = await Promise.all([
    prisma.portfolioMeeting.findMany({ where: { status: "PLANNED" }, orderBy: [{ date: "asc" }, { createdAt: "asc" }], select: SUMMARY_SELECT }),
    prisma.portfolioMeeting.findMany({ where: { status: "CLOSED" }, orderBy: [{ date: "desc" }, { closedAt: "desc" }], skip: (page - 1) * PAST_PAGE_SIZE, take: PAST_PAGE_SIZE, select: SUMMARY_SELECT }),
    prisma.portfolioMeeting.count({ where: { status: "CLOSED" } }),
  ]);
  return { upcoming: upcoming.map(summaryView), past: past.map(summaryView), page, pages: Math.max(1, Math.ceil(pastTotal / PAST_PAGE_SIZE)) };
}

const DETAIL_SELECT = {
  ...SUMMARY_SELECT,
  snapshot: true,
  agenda: {
    orderBy: { position: "asc" },
    select: {
      id: true, position: true,
      initiative: {
        select: {
          id: true, number: true, title: true, status: true, version: true, benefitRecipient: true, nature: true,
          estimatedCostSek: true, estimatedEffortHours: true, ownerDepartment: { select: { name: true } },
        },
      },
    },
  },
  decisions: { orderBy: { createdAt: "asc" }, select: { id: true, initiativeId: true, type: true, rationale: true, fromStatus: true, toStatus: true, createdAt: true, decidedBy: { select: { name: true } }, scenario: { select: { name: true } } } },
  scenarios: { orderBy: { createdAt: "asc" }, select: { scenario: { select: { id: true, name: true, version: true, adoptedAt: true, adoptedInMeetingId: true, changes: true } } } },
} satisfies Prisma.PortfolioMeetingSelect;

type DetailRow = Prisma.PortfolioMeetingGetPayload<{ select: typeof DETAIL_SELECT }>;

function detailView(m: DetailRow) {
  const decisionOf = new Map(m.decisions.map((d) => [d.initiativeId, d]));
  const parsed = m.snapshot ? meetingSnapshot.safeParse(m.snapshot) : null;
  return {
    ...summaryView(m),
    agenda: m.agenda.map((item) => {
      const i = item.initiative;
      const d = decisionOf.get(i.id);
      return {
        id: item.id,
        position: item.position,
        initiative: {
          id: i.id, number: i.number, title: i.title, status: i.status, version: i.version, department: i.ownerDepartment.name,
          quadrant: quadrantOf(i.benefitRecipient, i.nature), estimatedCostSek: i.estimatedCostSek, estimatedEffortHours: i.estimatedEffortHours,
        },
        allowedDecisions: m.status === "PLANNED" && !d ? allowedDecisions(i.status) : [],
        decision: d
          ? { id: d.id, initiativeId: d.initiativeId, type: d.type, rationale: d.rationale, fromStatus: d.fromStatus, toStatus: d.toStatus, decidedBy: d.decidedBy?.name ?? null, createdAt: d.createdAt.toISOString(), scenario: d.scenario?.name ?? null }
          : null,
      };
    }),
    scenarios: m.scenarios.map(({ scenario: sc }) => ({
      id: sc.id, name: sc.name, version: sc.version,
      adoptedHere: sc.adoptedInMeetingId === m.id, adoptedElsewhere: !!sc.adoptedAt && sc.adoptedInMeetingId !== m.id,
      mayAdopt: m.status === "PLANNED" && !sc.adoptedAt,
    })),
    snapshot: parsed?.success ? parsed.data : null,
  };
}
export type MeetingDetail = ReturnType<typeof detailView>;

export async function getMeeting(actor: Actor, id: string): Promise<MeetingDetail> {
  authorize(actor, "portfolio.read");
  const meeting = await prisma.portfolioMeeting.findUnique({ where: { id }, select: DETAIL_SELECT });
  if (!meeting) throw new NotFoundError("Meeting");
  return detailView(meeting);
}

/** Which controls this actor gets on this meeting: only the ones the server would accept. */
export function meetingPermissions(actor: Actor, meeting: { status: string }) {
  const open = meeting.status === "PLANNED";
  return { decide: open && can(actor, "portfolio.decide"), preview: open && can(actor, "portfolio.decide") };
}

function minutesFromRow(m: DetailRow, municipality: string | null, ranking: { position: number; id: string; number: number; title: string; score: number }[], frozenAt: Date | null, closedEarlyReason: string | null = null): Minutes {
  const decisionOf = new Map(m.decisions.map((d) => [d.initiativeId, d]));
  return buildMinutes({
    meeting: m,
    municipality,
    frozenAt,
    closedEarlyReason,
    ranking,
    agenda: m.agenda.map((item) => {
      const d = decisionOf.get(item.initiative.id);
      return {
        position: item.position,
        initiative: { id: item.initiative.id, number: item.initiative.number, title: item.initiative.title, status: item.initiative.status, department: item.initiative.ownerDepartment.name },
        decision: d ? { type: d.type, rationale: d.rationale, fromStatus: d.fromStatus, toStatus: d.toStatus, decidedBy: d.decidedBy?.name ?? null, decidedAt: d.createdAt, scenario: d.scenario?.name ?? null } : null,
      };
    }),
    scenarios: m.scenarios.map(({ scenario: sc }) => {
      const adoption = sc.adoptedInMeetingId === m.id ? adoptionRecord(sc.changes) : null;
      return { scenarioId: sc.id, name: sc.name, adopted: sc.adoptedInMeetingId === m.id, capacity: adoption ?? [] };
    }),
  });
}

/** The capacity changes an adopted scenario's plan relies on, for the minutes. */
function adoptionRecord(changes: Prisma.JsonValue): { poolId: string; from: string; to: string | null; hoursPerQuarter: number }[] {
  const parsed = scenarioChanges.safeParse(changes);
  return parsed.success ? parsed.data.capacity : [];
}

/**
 * The minutes: a closed meeting's frozen snapshot; for a meeting still planned, a draft
 * from the live data (without the ranking, which is frozen only at close).
 */
export async function meetingMinutes(actor: Actor, id: string): Promise<{ minutes: Minutes; status: "PLANNED" | "CLOSED"; meetingId: string }> {
  authorize(actor, "portfolio.read");
  const meeting = await prisma.portfolioMeeting.findUnique({ where: { id }, select: DETAIL_SELECT });
  if (!meeting) throw new NotFoundError("Meeting");
  if (meeting.status === "CLOSED") {
    const parsed = meetingSnapshot.safeParse(meeting.snapshot);
    if (parsed.success) return { minutes: parsed.data, status: "CLOSED", meetingId: id };
  }
  return { minutes: minutesFromRow(meeting, await municipalityName(), [], meeting.closedAt), status: meeting.status, meetingId: id };
}

// ---- Changing ------------------------------------------------------------------------

/** Creates a meeting; its agenda is every initiative awaiting decision on the portfolio track. */
export async function createMeeting(actor: Actor, input: unknown): Promise<{ id: string; agendaCount: number }> {
  authorize(actor, "portfolio.decide");
  const fields = parseInput(createMeetingInput, input);
  const ranking = await rankedPortfolio(actor);
  return prisma.$transaction(async (tx) => {
    const meeting = await tx.portfolioMeeting.create({
      data: { title: fields.title, date: fields.date, registryNumber: fields.registryNumber ?? null, participants: fields.participants, createdById: actorUserId(actor) },
    });
    const agenda = inRankingOrder(await awaitingPortfolioDecision(tx), ranking);
    if (agenda.length) {
      await tx.agendaItem.createMany({ data: agenda.map((i, index) => ({ meetingId: meeting.id, initiativeId: i.id, position: index + 1, addedById: actorUserId(actor) })) });
    }
    await recordAudit(tx, actor, {
      action: "meeting.create",
      entityType: "PortfolioMeeting",
      entityId: meeting.id,
      after: { ...fields, date: fields.date.toISOString(), agenda: agenda.map((i) => i.number) },
    });
    return { id: meeting.id, agendaCount: agenda.length };
  });
}

/** Adds initiatives newly triaged to the portfolio track since the meeting was created. */
export async function refreshAgenda(actor: Actor, meetingId: string): Promise<{ added: number }> {
  authorize(actor, "portfolio.decide");
  const ranking = await rankedPortfolio(actor);
  return prisma.$transaction(async (tx) => {
    await lockPlanned(tx, meetingId, "update");
    const present = await tx.agendaItem.findMany({ where: { meetingId }, select: { initiativeId: true, position: true } });
    const onAgenda = new Set(present.map((p) => p.initiativeId));
    const added = inRankingOrder((await awaitingPortfolioDecision(tx)).filter((i) => !onAgenda.has(i.id)), ranking);
    if (!added.length) return { added: 0 };
    const last = present.reduce((max, p) => Math.max(max, p.position), 0);
    await tx.agendaItem.createMany({ data: added.map((i, index) => ({ meetingId, initiativeId: i.id, position: last + index + 1, addedById: actorUserId(actor) })) });
    await recordAudit(tx, actor, { action: "meeting.agenda.refresh", entityType: "PortfolioMeeting", entityId: meetingId, after: { added: added.map((i) => i.number) } });
    return { added: added.length };
  });
}

/** Leadership puts any triaged, decided, running, paused or deferred initiative on the agenda. */
export async function addAgendaItem(actor: Actor, meetingId: string, input: unknown): Promise<{ id: string; position: number }> {
  authorize(actor, "portfolio.decide");
  const { initiativeId } = parseInput(agendaItemInput, input);
  return prisma.$transaction(async (tx) => {
    await lockPlanned(tx, meetingId, "update");
    const initiative = await tx.initiative.findUnique({ where: { id: initiativeId }, select: { id: true, number: true, status: true } });
    if (!initiative) throw new AppError("UNKNOWN_INITIATIVE", 400, "No initiative with this id.");
    if (!mayStandOnAgenda(initiative.status)) {
      throw new AppError("NOT_ELIGIBLE", 400, `An initiative that is ${initiative.status} cannot be put on the agenda (only TRIAGED, APPROVED, IN_PROGRESS, PAUSED or DEFERRED).`);
    }
    const present = await tx.agendaItem.findMany({ where: { meetingId }, select: { initiativeId: true, position: true } });
    if (present.some((p) => p.initiativeId === initiativeId)) throw new ConflictError("The initiative is already on the agenda.", undefined, "ALREADY_ON_AGENDA");
    const position = present.reduce((max, p) => Math.max(max, p.position), 0) + 1;
    const item = await tx.agendaItem.create({ data: { meetingId, initiativeId, position, addedById: actorUserId(actor) } });
    await recordAudit(tx, actor, { action: "meeting.agenda.add", entityType: "PortfolioMeeting", entityId: meetingId, after: { initiativeId, number: initiative.number, position } });
    return { id: item.id, position };
  });
}

export type AgendaCandidate = { id: string; number: number; title: string; status: InitiativeStatus; department: string };

/**
 * Initiatives that could be added to this meeting's agenda, found by number ("42", "#42") or
 * by a word of the title: eligible by status and not on the agenda yet, at most ten.
 */
export async function agendaCandidates(actor: Actor, meetingId: string, query: string): Promise<AgendaCandidate[]> {
  authorize(actor, "portfolio.decide");
  const q = query.trim().slice(0, 200);
  if (!q) return [];
  const number = /^#?\d{1,9}$/.test(q) ? Number(q.replace("#", "")) : null;
  const rows = await prisma.initiative.findMany({
    where: {
      status: { in: [...AGENDA_STATUSES] },
      agendaItems: { none: { meetingId } },
      // LIKE's wildcards typed into the box are searched for as themselves.
      OR: [...(number !== null ? [{ number }] : []), { title: { contains: q.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const } }],
    },
    select: { id: true, number: true, title: true, status: true, ownerDepartment: { select: { name: true } } },
    orderBy: { number: "desc" },
    take: 10,
  });
  return rows.map((r) => ({ id: r.id, number: r.number, title: r.title, status: r.status, department: r.ownerDepartment.name }));
}

/** Finds an initiative by its number (#42), for forms that ask for one. */
export async function initiativeIdByNumber(actor: Actor, number: number): Promise<string | null> {
  authorize(actor, "initiative.read");
  if (!Number.isInteger(number) || number < 1 || number >= 2 ** 31) return null;
  return (await prisma.initiative.findUnique({ where: { number }, select: { id: true } }))?.id ?? null;
}

/**
 * Decides one agenda item: a Decision row, the status move (recorded as a StatusChange),
 * the initiative's version checked and bumped, the department told, all audited.
 */
export async function decide(actor: Actor, meetingId: string, input: unknown): Promise<{ id: string; fromStatus: InitiativeStatus; toStatus: InitiativeStatus; version: number }> {
  authorize(actor, "portfolio.decide");
  const { initiativeId, type, rationale, version } = parseInput(decisionInput, input);
  return prisma.$transaction(async (tx) => {
    const meeting = await lockPlanned(tx, meetingId, "share");
    const item = await tx.agendaItem.findUnique({ where: { meetingId_initiativeId: { meetingId, initiativeId } }, select: { id: true } });
    if (!item) throw new AppError("NOT_ON_AGENDA", 400, "The initiative is not on this meeting's agenda.");
    const earlier = await tx.decision.findFirst({ where: { meetingId, initiativeId }, select: { id: true, type: true } });
    if (earlier) throw new ConflictError("This agenda item has already been decided.", { decision: earlier }, "ALREADY_DECIDED");
    const current = await loadForChange(tx, initiativeId);
    const from = current.status as Status;
    const to = decisionOutcome(type, from) as InitiativeStatus | null;
    if (!to) throw new ConflictError(`${type} is not possible for an initiative that is ${from}.`, { status: from, version: current.version }, "INVALID_STATUS");
    const moves = to !== current.status;
    await claimVersion(tx, initiativeId, version, moves ? { status: to, ...(type === "APPROVE" ? { decidedAt: new Date() } : {}) } : {});
    const decision = await tx.decision.create({
      data: { initiativeId, meetingId, type, rationale, underDelegation: false, fromStatus: current.status, toStatus: to, decidedById: actorUserId(actor) },
    });
    // A reprioritisation keeps the status: the Decision records it, the timeline has no move.
    if (moves) await transition(tx, actor, initiativeId, current.status, to, rationale);
    if (type !== "REPRIORITISE") {
      await notifyDepartment(tx, current.ownerDepartmentId, initiativeId, "decision", { number: current.number, title: current.title, decision: type, meeting: meeting.title });
    }
    await recordAudit(tx, actor, {
      action: `decision.${type.toLowerCase()}`,
      entityType: "Initiative",
      entityId: initiativeId,
      after: { meetingId, decisionId: decision.id, type, rationale, fromStatus: current.status, toStatus: to },
    });
    return { id: decision.id, fromStatus: current.status, toStatus: to, version: version + 1 };
  });
}

/** Closes a planned meeting: freezes the ranking, the decisions and the participants as its snapshot. */
/** Today in the municipality's time zone, "YYYY-MM-DD" (a meeting's date is a calendar day). */
const stockholmToday = async () => (await clockNow()).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

/** Whether closing this meeting now would close it before its date (and so needs a reason). */
export async function closingEarly(meeting: { date: string }): Promise<boolean> {
  return meeting.date.slice(0, 10) > (await stockholmToday());
}

/**
 * Close a meeting and fix its minutes. A meeting dated after today is closed only with a
 * reason (a mistyped date or a meeting held early), which the minutes and the audit keep.
 */
export async function closeMeeting(actor: Actor, meetingId: string, input: unknown = {}): Promise<{ id: string; closedAt: string }> {
  authorize(actor, "portfolio.decide");
  const { earlyReason } = parseInput(closeMeetingInput, input ?? {});
  const [ranking, municipality, today] = await Promise.all([rankedPortfolio(actor), municipalityName(), stockholmToday()]);
  return prisma.$transaction(async (tx) => {
    const closedAt = new Date();
    const dated = await tx.portfolioMeeting.findUnique({ where: { id: meetingId }, select: { date: true, status: true } });
    if (!dated) throw new NotFoundError("Meeting");
    const early = dated.date.toISOString().slice(0, 10) > today;
    if (early && dated.status === "PLANNED" && !earlyReason) throw new ValidationError([{ path: "earlyReason", message: "earlyCloseReason" }], "The meeting is dated after today: give the reason it is closed early.");
    const { count } = await tx.portfolioMeeting.updateMany({ where: { id: meetingId, status: "PLANNED" }, data: { status: "CLOSED", closedAt } });
    if (count === 0) {
      if (!(await tx.portfolioMeeting.findUnique({ where: { id: meetingId }, select: { id: true } }))) throw new NotFoundError("Meeting");
      throw closedError();
    }
    const row = await tx.portfolioMeeting.findUniqueOrThrow({ where: { id: meetingId }, select: DETAIL_SELECT });
    const frozen = ranking.map((r) => ({ position: r.position, id: r.id, number: r.number, title: r.title, score: r.score.total }));
    const snapshot = minutesFromRow(row, municipality, frozen, closedAt, early ? earlyReason! : null);
    await tx.portfolioMeeting.update({ where: { id: meetingId }, data: { snapshot: snapshot as unknown as Prisma.InputJsonValue } });
    await recordAudit(tx, actor, {
      action: "meeting.close",
      entityType: "PortfolioMeeting",
      entityId: meetingId,
      before: { status: "PLANNED" },
      after: { status: "CLOSED", decisions: snapshot.decisions.length, notHandled: snapshot.notHandled.map((i) => i.number), ...(early ? { closedEarlyReason: earlyReason } : {}) },
    });
    return { id: meetingId, closedAt: closedAt.toISOString() };
  });
}

// ---- Scenarios -----------------------------------------------------------------------

/** Puts a what-if scenario on a planned meeting's agenda, for the meeting to adopt. */
export async function addScenarioToAgenda(actor: Actor, meetingId: string, input: unknown): Promise<{ id: string }> {
  authorize(actor, "portfolio.decide");
  const { scenarioId } = parseInput(scenarioAgendaInput, input);
  return prisma.$transaction(async (tx) => {
    await lockPlanned(tx, meetingId, "update");
    const scenario = await tx.scenario.findUnique({ where: { id: scenarioId }, select: { id: true, name: true, adoptedAt: true } });
    if (!scenario) throw new AppError("UNKNOWN_SCENARIO", 400, "No scenario with this id.", [{ path: "scenarioId", message: "unknownScenario" }]);
    if (scenario.adoptedAt) throw new AppError("SCENARIO_ADOPTED", 409, "This scenario has already been adopted.");
    if (await tx.scenarioAgendaItem.findUnique({ where: { meetingId_scenarioId: { meetingId, scenarioId } }, select: { id: true } })) throw new AppError("ALREADY_ON_AGENDA", 409, "The scenario is already on this meeting's agenda.");
    const item = await tx.scenarioAgendaItem.create({ data: { meetingId, scenarioId, addedById: actorUserId(actor) } });
    await recordAudit(tx, actor, { action: "meeting.agenda.scenario", entityType: "PortfolioMeeting", entityId: meetingId, after: { scenarioId, name: scenario.name } });
    return { id: item.id };
  });
}

/**
 * The meeting adopts a scenario: its plan becomes decisions, recorded like any other (approve
 * what it adds, defer the approved ones it drops, move the start of those it starts elsewhere),
 * each on the agenda, with the rationale, in one transaction. If the portfolio has moved since
 * (an initiative no longer in the status the plan assumed), nothing is written and the answer
 * names what changed.
 */
export async function adoptScenario(actor: Actor, meetingId: string, scenarioId: string, input: unknown): Promise<{ scenarioId: string; decisions: { initiativeId: string; type: DecisionType; toStatus: InitiativeStatus }[] }> {
  authorize(actor, "portfolio.decide");
  const { rationale, version } = parseInput(adoptScenarioInput, input);
  const scenario = await getScenario(actor, scenarioId);
  if (scenario.adoptedAt) throw new AppError("SCENARIO_ADOPTED", 409, "This scenario has already been adopted.");
  const adoption = await scenarioAdoption(actor, scenario);
  return prisma.$transaction(async (tx) => {
    const meeting = await lockPlanned(tx, meetingId, "update");
    if (!(await tx.scenarioAgendaItem.findUnique({ where: { meetingId_scenarioId: { meetingId, scenarioId } }, select: { id: true } }))) throw new AppError("NOT_ON_AGENDA", 400, "The scenario is not on this meeting's agenda.");
    const { count } = await tx.scenario.updateMany({ where: { id: scenarioId, version, adoptedAt: null }, data: { adoptedAt: new Date(), adoptedInMeetingId: meetingId } });
    if (count === 0) {
      const now = await tx.scenario.findUniqueOrThrow({ where: { id: scenarioId }, select: { version: true, adoptedAt: true } });
      if (now.adoptedAt) throw new AppError("SCENARIO_ADOPTED", 409, "This scenario has already been adopted.");
      throw new ConflictError("The scenario has changed since it was opened: review it again.", { version: now.version });
    }
    const present = await tx.agendaItem.findMany({ where: { meetingId }, select: { initiativeId: true, position: true } });
    const onAgenda = new Set(present.map((p) => p.initiativeId));
    let position = present.reduce((max, p) => Math.max(max, p.position), 0);
    const moved: string[] = [];
    const decisions: { initiativeId: string; type: DecisionType; toStatus: InitiativeStatus }[] = [];
    for (const d of adoption.decisions) {
      const current = await loadForChange(tx, d.initiativeId);
      const expected = d.type === "APPROVE" ? "TRIAGED" : "APPROVED";
      if (current.status !== expected || (await tx.decision.findFirst({ where: { meetingId, initiativeId: d.initiativeId }, select: { id: true } }))) {
        moved.push(`#${current.number}`);
        continue;
      }
      const to = decisionOutcome(d.type, current.status as Status) as InitiativeStatus;
      const reason = `${scenario.name}: ${rationale}`;
      await claimVersion(tx, d.initiativeId, current.version, {
        ...(to !== current.status ? { status: to } : {}),
        ...(d.type === "APPROVE" ? { decidedAt: new Date() } : {}),
        ...(d.startQuarter ? { plannedStartQuarter: d.startQuarter, ...(current.plannedEndQuarter && current.plannedEndQuarter < d.startQuarter ? { plannedEndQuarter: d.startQuarter } : {}) } : {}),
      });
      if (!onAgenda.has(d.initiativeId)) await tx.agendaItem.create({ data: { meetingId, initiativeId: d.initiativeId, position: ++position, addedById: actorUserId(actor) } });
      const decision = await tx.decision.create({
        data: { initiativeId: d.initiativeId, meetingId, scenarioId, type: d.type, rationale: reason, underDelegation: false, fromStatus: current.status, toStatus: to, decidedById: actorUserId(actor) },
      });
      if (to !== current.status) await transition(tx, actor, d.initiativeId, current.status, to, reason);
      if (d.type !== "REPRIORITISE") await notifyDepartment(tx, current.ownerDepartmentId, d.initiativeId, "decision", { number: current.number, title: current.title, decision: d.type, meeting: meeting.title });
      await recordAudit(tx, actor, {
        action: `decision.${d.type.toLowerCase()}`, entityType: "Initiative", entityId: d.initiativeId,
        before: { status: current.status, plannedStartQuarter: current.plannedStartQuarter },
        after: { meetingId, scenarioId, decisionId: decision.id, type: d.type, rationale: reason, fromStatus: current.status, toStatus: to, plannedStartQuarter: d.startQuarter ?? current.plannedStartQuarter },
      });
      decisions.push({ initiativeId: d.initiativeId, type: d.type, toStatus: to });
    }
    if (moved.length) throw new ConflictError(`The portfolio has changed since the scenario was worked out (${moved.join(", ")}): run it again and review it before adopting.`, { initiatives: moved }, "PORTFOLIO_CHANGED");
    await recordAudit(tx, actor, {
      action: "scenario.adopt", entityType: "Scenario", entityId: scenarioId,
      before: { adoptedAt: null }, after: { meetingId, rationale, plan: adoption.source, decisions: decisions.length, capacity: adoption.capacity },
    });
    return { scenarioId, decisions };
  });
}

// ---- Preview -------------------------------------------------------------------------

export type DecisionPreview = MeetingPreview & { initiativeId: string; quarters: string[]; targetYear: number };

/**
 * What approving this agenda item would do: the PIOS balance of the active portfolio
 * (against the meeting year's target) and the load on the central pools over the four
 * quarters from the meeting's date, before and after.
 */
export async function previewDecision(actor: Actor, meetingId: string, initiativeId: string): Promise<DecisionPreview> {
  authorize(actor, "portfolio.read");
  const item = await prisma.agendaItem.findFirst({ where: { meetingId, initiativeId }, select: { meeting: { select: { date: true } } } });
  if (!item) {
    if (!(await prisma.portfolioMeeting.findUnique({ where: { id: meetingId }, select: { id: true } }))) throw new NotFoundError("Meeting");
    throw new NotFoundError("Agenda item");
  }
  const quarters = upcomingQuarters(item.meeting.date, 4);
  const targetYear = item.meeting.date.getUTCFullYear();
  const where: Prisma.InitiativeWhereInput = { OR: [{ status: { in: [...ACTIVE_STATUSES] as InitiativeStatus[] } }, { id: initiativeId }] };
  const [rows, central, anyAllocation, capacity, targets] = await Promise.all([
    prisma.initiative.findMany({ where, select: { id: true, status: true, benefitRecipient: true, nature: true, estimatedCostSek: true, estimatedEffortHours: true } }),
    prisma.resourceAllocation.groupBy({ by: ["initiativeId"], where: { initiative: where, quarter: { in: quarters }, pool: { kind: { in: [...CENTRAL_POOLS] } } }, _sum: { hours: true } }),
    prisma.resourceAllocation.groupBy({ by: ["initiativeId"], where: { initiative: where }, _count: { _all: true } }),
    prisma.poolCapacity.findMany({ where: { quarter: { in: quarters }, pool: { kind: { in: [...CENTRAL_POOLS] } } }, select: { poolId: true, quarter: true, competence: true, hours: true } }),
    prisma.balanceTarget.findMany({ where: { year: targetYear } }),
  ]);
  const centralHours = new Map(central.map((c) => [c.initiativeId, c._sum.hours ?? 0]));
  const allocated = new Set(anyAllocation.map((a) => a.initiativeId));
  const items = rows.map((r) => ({
    id: r.id, status: r.status, quadrant: quadrantOf(r.benefitRecipient, r.nature), costSek: r.estimatedCostSek, effortHours: r.estimatedEffortHours,
    centralAllocatedHours: allocated.has(r.id) ? (centralHours.get(r.id) ?? 0) : null,
  }));
  const candidate = items.find((i) => i.id === initiativeId);
  if (!candidate) throw new NotFoundError("Initiative");
  const target = targets.length === 4 ? (Object.fromEntries(targets.map((t) => [t.quadrant, t.sharePercent])) as Record<Quadrant, number>) : null;
  return { initiativeId, quarters, targetYear, ...meetingPreview({ portfolio: items, candidate, target, capacityHours: capacityHours(capacity, quarters) }) };
}

export type { DecisionType };
