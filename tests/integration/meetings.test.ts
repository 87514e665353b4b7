import { beforeAll, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import type { InitiativeStatus, TriageTrack } from "@/lib/generated/prisma/client";
import { AppError, ValidationError } from "@/lib/server/errors";
import { addAgendaItem, agendaCandidates, closeMeeting, createMeeting, decide, getMeeting, listMeetings, meetingMinutes, previewDecision, refreshAgenda } from "@/lib/server/meetings";
import { rankedPortfolio } from "@/lib/server/portfolio";
import { seedDemo } from "@/prisma/seed/demo";
import { describeEachEngine } from "./engines";

const code = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (err: unknown) => err);
  if (e instanceof ForbiddenError) return 403;
  if (e instanceof AppError) return `${e.status} ${e.code}`;
  throw new Error(`expected a refusal, got ${String(e)}`);
};

describeEachEngine("portfolio meetings", (ctx) => {
  const a: Record<string, Actor> = {};
  let soc = "";
  const db = () => ctx.db.prisma;
  const meetingInput = (title = "Portföljmöte december") => ({ title, date: "2026-11-26", registryNumber: "KS 2026/0500", participants: "Per Håkansson (ordförande)\nSara Nyström (sekreterare)" });

  beforeAll(async () => {
    await seedDemo(ctx.db.prisma);
    for (const u of await db().user.findMany()) a[u.email.split("@")[0]!] = { id: u.id, role: u.role, departmentId: u.departmentId, name: u.name };
    soc = (await db().department.findUniqueOrThrow({ where: { name: "Socialförvaltningen" } })).id;
  });

  /** An initiative as triage leaves it (a fixture of the test's own, independent of the demo data). */
  async function initiative(title: string, o: { status?: InitiativeStatus; tracks?: TriageTrack[]; cost?: number | null; effort?: number | null } = {}) {
    const i = await db().initiative.create({
      data: {
        title, need: "Ett behov.", ownerDepartmentId: soc, status: o.status ?? "TRIAGED", benefitRecipient: "EXTERNAL", nature: "INNOVATION",
        estimatedCostSek: o.cost === undefined ? 500_000 : o.cost, estimatedEffortHours: o.effort === undefined ? 800 : o.effort,
      },
    });
    let at = Date.now() - 10_000;
    for (const track of o.tracks ?? ["PORTFOLIO"]) {
      await db().triageAssessment.create({ data: { initiativeId: i.id, kind: "BUSINESS_DEVELOPMENT", size: "LARGE", track, quadrant: "EXTERNAL_INNOVATION", completeness: 80, createdAt: new Date((at += 1000)) } });
    }
    return i;
  }

  const counts = async () => ({
    meetings: await db().portfolioMeeting.count(),
    agenda: await db().agendaItem.count(),
    decisions: await db().decision.count(),
    statusChanges: await db().statusChange.count(),
    audit: await db().auditEvent.count(),
    notifications: await db().notification.count(),
  });

  it("a new meeting's agenda is every TRIAGED initiative whose latest triage put it on the portfolio track, in ranking order", async () => {
    const rerouted = await initiative("Omdirigerad till snabbspåret", { tracks: ["PORTFOLIO", "FAST_LANE"] });
    const promoted = await initiative("Flyttad till portföljspåret", { tracks: ["FAST_LANE", "PORTFOLIO"] });
    const created = await createMeeting(a.ledning!, meetingInput());
    const meeting = await getMeeting(a.insyn!, created.id);
    const titles = meeting.agenda.map((i) => i.initiative.title);
    expect(titles).toEqual(expect.arrayContaining(["Chatbot för kommunens kontaktcenter", "Ersättning av journalsystem för kommunal hälso- och sjukvård", "3D-stadsmodell och digital tvilling för planering", promoted.title]));
    for (const excluded of ["RPA för registrering av frånvaro i lönesystemet", "Smart gatubelysning med närvarostyrning", rerouted.title]) expect(titles).not.toContain(excluded);
    expect(meeting.agenda).toHaveLength(4);
    expect(created.agendaCount).toBe(4);
    expect(meeting.agenda.map((i) => i.position)).toEqual([1, 2, 3, 4]);
    expect(meeting.agenda.every((i) => i.initiative.status === "TRIAGED" && i.allowedDecisions.length === 5)).toBe(true);
    const ranking = await rankedPortfolio(a.insyn!);
    const positions = meeting.agenda.map((item) => ranking.find((r) => r.id === item.initiative.id)!.position);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(meeting).toMatchObject({ status: "PLANNED", title: "Portföljmöte december", registryNumber: "KS 2026/0500", date: "2026-11-26T12:00:00.000Z" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityType: "PortfolioMeeting", entityId: created.id, action: "meeting.create" } });
    expect(audit.actorId).toBe(a.ledning!.id);
    await db().initiative.updateMany({ where: { id: { in: [rerouted.id, promoted.id] } }, data: { status: "DEFERRED" } });
  });

  it("every decision type moves the status (or keeps it), records a StatusChange and audit events, and bumps the version", async () => {
    const [approve, reject, defer, info] = [await initiative("Att godkänna"), await initiative("Att avslå"), await initiative("Att skjuta upp"), await initiative("Att komplettera")];
    const running = await initiative("Pågående att omprioritera", { status: "IN_PROGRESS" });
    const { id } = await createMeeting(a.admin!, meetingInput("Beslutsmöte"));
    await addAgendaItem(a.ledning!, id, { initiativeId: running.id });
    const cases = [
      { i: approve, type: "APPROVE", to: "APPROVED" },
      { i: reject, type: "REJECT", to: "REJECTED" },
      { i: defer, type: "DEFER", to: "DEFERRED" },
      { i: info, type: "REQUEST_INFO", to: "NEEDS_INFO" },
      { i: running, type: "REPRIORITISE", to: "IN_PROGRESS" },
    ] as const;
    for (const c of cases) {
      const changesBefore = await db().statusChange.count({ where: { initiativeId: c.i.id } });
      const result = await decide(a.ledning!, id, { initiativeId: c.i.id, type: c.type, rationale: `  Motivering för ${c.type}  `, version: c.i.version });
      expect(result).toMatchObject({ fromStatus: c.i.status, toStatus: c.to, version: c.i.version + 1 });
      const after = await db().initiative.findUniqueOrThrow({ where: { id: c.i.id } });
      expect([after.status, after.version]).toEqual([c.to, c.i.version + 1]);
      expect(after.decidedAt !== null).toBe(c.type === "APPROVE");
      const decision = await db().decision.findFirstOrThrow({ where: { meetingId: id, initiativeId: c.i.id } });
      expect(decision).toMatchObject({ type: c.type, rationale: `Motivering för ${c.type}`, fromStatus: c.i.status, toStatus: c.to, decidedById: a.ledning!.id, underDelegation: false });
      const changes = await db().statusChange.findMany({ where: { initiativeId: c.i.id }, orderBy: { at: "asc" } });
      if (c.type === "REPRIORITISE") {
        expect(changes).toHaveLength(changesBefore);
      } else {
        expect(changes).toHaveLength(changesBefore + 1);
        expect(changes.at(-1)).toMatchObject({ fromStatus: c.i.status, toStatus: c.to, actorId: a.ledning!.id, reason: `Motivering för ${c.type}` });
        expect(await db().auditEvent.count({ where: { entityId: c.i.id, action: `initiative.status.${c.to.toLowerCase()}` } })).toBe(1);
      }
      const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: c.i.id, action: `decision.${c.type.toLowerCase()}` } });
      expect(audit.after).toMatchObject({ meetingId: id, type: c.type, fromStatus: c.i.status, toStatus: c.to });
    }
    // The department's managers hear of decisions; REQUEST_INFO is one of them.
    const chef = await db().notification.findFirstOrThrow({ where: { userId: a.chef!.id, initiativeId: info.id } });
    expect(chef).toMatchObject({ kind: "decision", params: { decision: "REQUEST_INFO", number: info.number, title: info.title, meeting: "Beslutsmöte" } });
    expect(await db().notification.count({ where: { initiativeId: running.id } })).toBe(0);
    const meeting = await getMeeting(a.insyn!, id);
    expect(meeting.agenda.filter((i) => i.decision).map((i) => i.decision!.type).sort()).toEqual(["APPROVE", "DEFER", "REJECT", "REPRIORITISE", "REQUEST_INFO"]);
    expect(meeting.agenda.filter((i) => i.decision).every((i) => i.allowedDecisions.length === 0 && i.decision!.decidedBy === "Per Håkansson")).toBe(true);
  });

  it("refuses department managers, DIG and viewers on create, decide, add, refresh and close, writing nothing", async () => {
    const target = await initiative("Rollprov");
    const { id } = await createMeeting(a.ledning!, meetingInput("Rollprov"));
    const before = await counts();
    for (const who of ["chef", "chef.skola", "dig", "insyn"]) {
      const actor = a[who]!;
      expect(await code(createMeeting(actor, meetingInput()))).toBe(403);
      expect(await code(decide(actor, id, { initiativeId: target.id, type: "APPROVE", rationale: "Godkänns", version: target.version }))).toBe(403);
      expect(await code(addAgendaItem(actor, id, { initiativeId: target.id }))).toBe(403);
      expect(await code(refreshAgenda(actor, id))).toBe(403);
      expect(await code(closeMeeting(actor, id))).toBe(403);
    }
    expect(await counts()).toEqual(before);
    expect((await db().initiative.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("TRIAGED");
    expect((await db().portfolioMeeting.findUniqueOrThrow({ where: { id } })).status).toBe("PLANNED");
    // Everyone reads meetings.
    expect((await listMeetings(a.insyn!)).upcoming.some((m) => m.id === id)).toBe(true);
  });

  it("bad input is a clear 4xx and writes nothing", async () => {
    const target = await initiative("Felaktig indata");
    const outsider = await initiative("Inte på dagordningen", { tracks: ["FAST_LANE"] });
    const { id } = await createMeeting(a.ledning!, meetingInput("Felprov"));
    const before = await counts();
    const decision = { initiativeId: target.id, type: "APPROVE", rationale: "Godkänns", version: target.version };
    const issues = async (p: Promise<unknown>) => ((await p.catch((e) => e)) as ValidationError).issues;
    expect(await issues(decide(a.ledning!, id, { ...decision, rationale: "   " }))).toEqual([{ path: "rationale", message: "required" }]);
    expect(await issues(decide(a.ledning!, id, { ...decision, rationale: "x".repeat(2001) }))).toEqual([{ path: "rationale", message: "tooLong" }]);
    expect(await issues(decide(a.ledning!, id, { ...decision, type: "APPROVE_ALL" }))).toEqual([{ path: "type", message: "invalidOption" }]);
    expect(await issues(decide(a.ledning!, id, { ...decision, version: undefined }))).toEqual([{ path: "version", message: "versionRequired" }]);
    expect(await issues(decide(a.ledning!, id, { ...decision, extra: 1 }))).toEqual([{ path: "", message: "unknownField" }]);
    expect(await code(decide(a.ledning!, id, { ...decision, initiativeId: "no-such-initiative" }))).toBe("400 NOT_ON_AGENDA");
    expect(await code(decide(a.ledning!, id, { ...decision, initiativeId: outsider.id, version: outsider.version }))).toBe("400 NOT_ON_AGENDA");
    expect(await code(decide(a.ledning!, "no-such-meeting", decision))).toBe("404 NOT_FOUND");
    expect(await code(addAgendaItem(a.ledning!, id, { initiativeId: "no-such-initiative" }))).toBe("400 UNKNOWN_INITIATIVE");
    expect(await code(addAgendaItem(a.ledning!, id, {}))).toBe("400 VALIDATION_FAILED");
    expect(await code(addAgendaItem(a.ledning!, "no-such-meeting", { initiativeId: target.id }))).toBe("404 NOT_FOUND");
    expect(await code(addAgendaItem(a.ledning!, id, { initiativeId: target.id }))).toBe("409 ALREADY_ON_AGENDA");
    for (const status of ["DRAFT", "SUBMITTED", "NEEDS_INFO", "DONE", "REJECTED", "CANCELLED"] as const) {
      const other = await db().initiative.findFirstOrThrow({ where: { status } });
      expect(await code(addAgendaItem(a.ledning!, id, { initiativeId: other.id }))).toBe("400 NOT_ELIGIBLE");
    }
    expect(await issues(createMeeting(a.ledning!, { ...meetingInput(), title: " " }))).toEqual([{ path: "title", message: "required" }]);
    expect(await issues(createMeeting(a.ledning!, { ...meetingInput(), date: "2026-02-30" }))).toEqual([{ path: "date", message: "invalid" }]);
    expect(await issues(createMeeting(a.ledning!, { ...meetingInput(), participants: "" }))).toEqual([{ path: "participants", message: "required" }]);
    expect(await code(closeMeeting(a.ledning!, "no-such-meeting"))).toBe("404 NOT_FOUND");
    expect(await counts()).toEqual(before);
    expect((await db().initiative.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("TRIAGED");
  });

  it("a decision the table does not allow, a stale version and a second decision on the same item are 409s that write nothing", async () => {
    const running = await initiative("Pågår redan", { status: "IN_PROGRESS" });
    const target = await initiative("Dubbelbeslut");
    const { id } = await createMeeting(a.ledning!, meetingInput("Konfliktprov"));
    await addAgendaItem(a.ledning!, id, { initiativeId: running.id });
    const before = await counts();
    expect(await code(decide(a.ledning!, id, { initiativeId: running.id, type: "APPROVE", rationale: "Godkänns", version: running.version }))).toBe("409 INVALID_STATUS");
    expect(await code(decide(a.ledning!, id, { initiativeId: target.id, type: "APPROVE", rationale: "Godkänns", version: target.version + 5 }))).toBe("409 VERSION_CONFLICT");
    expect(await counts()).toEqual(before);
    await decide(a.ledning!, id, { initiativeId: target.id, type: "DEFER", rationale: "Vänta ett år", version: target.version });
    const afterFirst = await counts();
    // Deferred now, so APPROVE would be allowed by the table: the item is decided all the same.
    expect(await code(decide(a.ledning!, id, { initiativeId: target.id, type: "APPROVE", rationale: "Ändå godkänt", version: target.version + 1 }))).toBe("409 ALREADY_DECIDED");
    expect(await counts()).toEqual(afterFirst);
    expect((await db().initiative.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("DEFERRED");
  });

  it("two leaders deciding the same item at once: exactly one wins", async () => {
    const target = await initiative("Samtidigt beslut");
    const { id } = await createMeeting(a.ledning!, meetingInput("Samtidighet"));
    const results = await Promise.allSettled([
      decide(a.ledning!, id, { initiativeId: target.id, type: "APPROVE", rationale: "Godkänns", version: target.version }),
      decide(a.admin!, id, { initiativeId: target.id, type: "REJECT", rationale: "Avslås", version: target.version }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0]!.reason as AppError).status).toBe(409);
    const decisions = await db().decision.findMany({ where: { meetingId: id, initiativeId: target.id } });
    expect(decisions).toHaveLength(1);
    const after = await db().initiative.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.status).toBe(decisions[0]!.toStatus);
    expect(after.version).toBe(target.version + 1);
    expect(await db().statusChange.count({ where: { initiativeId: target.id, fromStatus: "TRIAGED" } })).toBe(1);
  });

  it("a decision racing the close is either in the snapshot or refused: never written after it", async () => {
    for (let round = 0; round < 3; round++) {
      const target = await initiative(`Kapplöpning ${round}`);
      const { id } = await createMeeting(a.ledning!, meetingInput(`Kapplöpning ${round}`));
      const [decided, closed] = await Promise.allSettled([
        decide(a.ledning!, id, { initiativeId: target.id, type: "APPROVE", rationale: "Godkänns", version: target.version }),
        closeMeeting(a.admin!, id),
      ]);
      expect(closed.status).toBe("fulfilled");
      const { minutes } = await meetingMinutes(a.insyn!, id);
      const rows = await db().decision.count({ where: { meetingId: id } });
      if (decided.status === "fulfilled") {
        expect(rows).toBe(1);
        expect(minutes.decisions.map((d) => d.initiativeId)).toEqual([target.id]);
      } else {
        expect(((decided as PromiseRejectedResult).reason as AppError).code).toBe("MEETING_CLOSED");
        expect(rows).toBe(0);
        expect(minutes.notHandled.map((i) => i.initiativeId)).toContain(target.id);
        expect((await db().initiative.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("TRIAGED");
      }
    }
  });

  it("refresh pulls in initiatives triaged to the portfolio track after the meeting was created", async () => {
    const { id } = await createMeeting(a.ledning!, meetingInput("Uppdatering"));
    expect(await refreshAgenda(a.ledning!, id)).toEqual({ added: 0 });
    const before = await getMeeting(a.insyn!, id);
    const late = await initiative("Sent triagerad");
    await initiative("Sent men snabbspår", { tracks: ["FAST_LANE"] });
    expect(await refreshAgenda(a.ledning!, id)).toEqual({ added: 1 });
    const after = await getMeeting(a.insyn!, id);
    expect(after.agenda).toHaveLength(before.agenda.length + 1);
    expect(after.agenda.at(-1)).toMatchObject({ position: before.agenda.length + 1, initiative: { id: late.id } });
    expect(await refreshAgenda(a.ledning!, id)).toEqual({ added: 0 });
  });

  it("previews what approving would do to the balance and the central pools' load (hand-computed capacity)", async () => {
    const candidate = await initiative("Förhandsgranskas", { cost: 1_000_000, effort: 700 });
    const { id } = await createMeeting(a.ledning!, meetingInput("Förhandsgranskning"));
    const p = await previewDecision(a.insyn!, id, candidate.id);
    // The meeting is on 2026-12-10: 2026-Q4 … 2027-Q3. DIG 1800 + 1800 + 1800 + 1200 = 6600;
    // Digitalt center 2200 + 2200 + 2200 + 1400 = 8000 (whole-pool rows; competences are a breakdown).
    expect(p.quarters).toEqual(["2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3"]);
    expect(p.capacity.capacityHours).toBe(14_600);
    expect(p.capacity.candidate).toEqual({ hours: 700, source: "estimate" });
    expect(p.capacity.after.demandHours - p.capacity.before.demandHours).toBe(700);
    expect(p.capacity.after.loadPercent).toBe(Math.round((1000 * p.capacity.after.demandHours) / 14_600) / 10);
    const ei = (b: typeof p.balance.cost.before) => b.quadrants.find((q) => q.quadrant === "EXTERNAL_INNOVATION")!;
    expect(ei(p.balance.cost.after).amount - ei(p.balance.cost.before).amount).toBe(1_000_000);
    expect(ei(p.balance.count.after).amount - ei(p.balance.count.before).amount).toBe(1);
    expect(p.targetYear).toBe(2026);
    expect(ei(p.balance.cost.before).targetPercent).toBe(15); // the demo's 2026 target
    expect(p.alreadyActive).toBe(false);
    // Before = the active portfolio as stored: its count is the number of approved, running and paused initiatives.
    expect(p.balance.count.before.total + p.balance.count.before.excluded).toBe(await db().initiative.count({ where: { status: { in: ["APPROVED", "IN_PROGRESS", "PAUSED"] } } }));
    const outsider = await initiative("Ej på dagordningen", { status: "APPROVED" });
    expect(await code(previewDecision(a.insyn!, id, outsider.id))).toBe("404 NOT_FOUND");
    expect(await code(previewDecision(a.insyn!, "no-such-meeting", candidate.id))).toBe("404 NOT_FOUND");
  });

  it("closing freezes ranking, decisions and participants; afterwards nothing changes and later edits do not alter the minutes", async () => {
    const approved = await initiative("Godkänns före stängning");
    const left = await initiative("Hinns inte med");
    const { id } = await createMeeting(a.ledning!, meetingInput("Stängningsprov"));
    await decide(a.ledning!, id, { initiativeId: approved.id, type: "APPROVE", rationale: "Hög nytta för invånarna", version: approved.version });
    const ranking = await rankedPortfolio(a.insyn!);
    const closed = await closeMeeting(a.ledning!, id);
    const row = await db().portfolioMeeting.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("CLOSED");
    expect(row.closedAt?.toISOString()).toBe(closed.closedAt);
    const { minutes, status } = await meetingMinutes(a.insyn!, id);
    expect(status).toBe("CLOSED");
    expect(minutes).toMatchObject({ title: "Stängningsprov", registryNumber: "KS 2026/0500", participants: "Per Håkansson (ordförande)\nSara Nyström (sekreterare)", frozenAt: closed.closedAt });
    expect(minutes.decisions).toEqual([
      expect.objectContaining({ initiativeId: approved.id, number: approved.number, title: approved.title, department: "Socialförvaltningen", type: "APPROVE", rationale: "Hög nytta för invånarna", fromStatus: "TRIAGED", toStatus: "APPROVED", decidedBy: "Per Håkansson" }),
    ]);
    expect(minutes.notHandled.map((i) => i.initiativeId)).toContain(left.id);
    expect(minutes.notHandled.some((i) => i.initiativeId === approved.id)).toBe(false);
    // The ranking as it stood (the approved initiative now ranks among the approved).
    expect(minutes.ranking).toEqual(ranking.map((r) => ({ position: r.position, initiativeId: r.id, number: r.number, title: r.title, score: r.score.total })));
    expect(await db().auditEvent.count({ where: { entityId: id, action: "meeting.close" } })).toBe(1);

    const before = await counts();
    expect(await code(decide(a.ledning!, id, { initiativeId: left.id, type: "APPROVE", rationale: "För sent", version: left.version }))).toBe("409 MEETING_CLOSED");
    expect(await code(addAgendaItem(a.ledning!, id, { initiativeId: left.id }))).toBe("409 MEETING_CLOSED");
    expect(await code(refreshAgenda(a.ledning!, id))).toBe("409 MEETING_CLOSED");
    expect(await code(closeMeeting(a.ledning!, id))).toBe("409 MEETING_CLOSED");
    expect(await counts()).toEqual(before);
    expect((await getMeeting(a.ledning!, id)).agenda.every((i) => i.allowedDecisions.length === 0)).toBe(true);

    await db().initiative.update({ where: { id: approved.id }, data: { title: "Nytt namn efter mötet", status: "IN_PROGRESS" } });
    await db().decision.updateMany({ where: { meetingId: id }, data: { rationale: "Ändrad i efterhand" } });
    expect((await meetingMinutes(a.insyn!, id)).minutes).toEqual(minutes);
  });

  it("a meeting dated after today is closed only with a reason, which the minutes and the audit keep; one dated today needs none", async () => {
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
    const later = (await createMeeting(a.ledning!, { ...meetingInput("Planeras senare"), date: day(30) })).id;
    const before = await counts();
    const refused = (await closeMeeting(a.ledning!, later).catch((e) => e)) as ValidationError;
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.issues).toEqual([{ path: "earlyReason", message: "earlyCloseReason" }]);
    expect(await code(closeMeeting(a.ledning!, later, { earlyReason: "   " }))).toBe("400 VALIDATION_FAILED");
    expect(await code(closeMeeting(a.ledning!, later, { earlyReason: "x", extra: 1 }))).toBe("400 VALIDATION_FAILED");
    // Authorization before the input: a viewer learns nothing about the date.
    expect(await code(closeMeeting(a.insyn!, later))).toBe(403);
    expect(await counts()).toEqual(before);
    expect((await db().portfolioMeeting.findUniqueOrThrow({ where: { id: later } })).status).toBe("PLANNED");

    await closeMeeting(a.ledning!, later, { earlyReason: "Mötet hölls tidigare på grund av budgetberedningen." });
    const { minutes } = await meetingMinutes(a.insyn!, later);
    expect(minutes.closedEarlyReason).toBe("Mötet hölls tidigare på grund av budgetberedningen.");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: later, action: "meeting.close" } });
    expect(audit.after).toMatchObject({ status: "CLOSED", closedEarlyReason: "Mötet hölls tidigare på grund av budgetberedningen." });

    const today = (await createMeeting(a.ledning!, { ...meetingInput("Hålls i dag"), date: day(0) })).id;
    await closeMeeting(a.ledning!, today);
    expect((await meetingMinutes(a.insyn!, today)).minutes.closedEarlyReason).toBeNull();
  });

  it("finds initiatives to add by number or a word of the title: eligible by status and not on the agenda yet", async () => {
    const running = await initiative("Sökbar pågående e-tjänst för hemtjänsten", { status: "IN_PROGRESS" });
    const draft = await initiative("Sökbar e-tjänst som är ett utkast", { status: "DRAFT" });
    const { id } = await createMeeting(a.ledning!, meetingInput("Sökprov"));
    const byWord = await agendaCandidates(a.ledning!, id, "sökbar");
    expect(byWord.map((c) => c.id)).toContain(running.id);
    expect(byWord.map((c) => c.id)).not.toContain(draft.id);
    expect((await agendaCandidates(a.ledning!, id, `#${running.number}`)).map((c) => c.id)).toEqual([running.id]);
    expect(await agendaCandidates(a.ledning!, id, "   ")).toEqual([]);
    await addAgendaItem(a.ledning!, id, { initiativeId: running.id });
    expect((await agendaCandidates(a.ledning!, id, "sökbar")).map((c) => c.id)).not.toContain(running.id);
    // Wildcards are words, not patterns; and a viewer may not search to add.
    expect(await agendaCandidates(a.ledning!, id, "%_%")).toEqual([]);
    expect(await code(agendaCandidates(a.insyn!, id, "sökbar"))).toBe(403);
  });

  it("the demo's closed meeting has minutes from its snapshot; past and upcoming meetings are listed apart", async () => {
    const list = await listMeetings(a.insyn!);
    const demo = list.past.find((m) => m.title === "Portföljmöte hösten 2026")!;
    expect(demo).toMatchObject({ status: "CLOSED", registryNumber: "KS 2026/0412", decisionCount: 10, agendaCount: 10 });
    expect(list.upcoming.every((m) => m.status === "PLANNED")).toBe(true);
    expect(list.past.every((m) => m.status === "CLOSED")).toBe(true);
    const { minutes } = await meetingMinutes(a.insyn!, demo.id);
    expect(minutes.decisions).toHaveLength(10);
    expect(minutes.municipality).toBe("Demo kommun");
    expect(minutes.decisions.every((d) => d.department && d.decidedBy === "Per Håkansson" && d.rationale && d.number > 0)).toBe(true);
    expect(minutes.decisions.map((d) => d.type).filter((t) => t === "APPROVE")).toHaveLength(4);
    expect(minutes.participants).toContain("Per Håkansson");
    expect(minutes.ranking.length).toBeGreaterThan(0);
  });
});
