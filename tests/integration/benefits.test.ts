// Benefit realisation: the plan, the rule for finishing, measurements (append-only), follow-ups
// with their reminders and mail through a real SMTP server, and realised against planned.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Actor, Role } from "@/lib/auth/roles";
import { addMonths } from "@/lib/domain/benefits";
import { runBenefitReminders } from "@/lib/server/benefit-reminders";
import {
  benefitPlan, completeFollowUp, createBenefit, deleteBenefit, listFollowUps, postponeFollowUp, realisationSummary, recordMeasurement, setNoBenefitReason, updateBenefit,
} from "@/lib/server/benefits";
import type { AppError } from "@/lib/server/errors";
import { createInitiative, getEditableInitiative, updateInitiative } from "@/lib/server/initiatives";
import { progressInitiative } from "@/lib/server/lifecycle";
import { startSmtpServer, type TestSmtp } from "../support/smtp-server";
import { describeEachEngine } from "./engines";

async function refusal(pending: Promise<unknown>) {
  try {
    await pending;
  } catch (error) {
    if (error instanceof ForbiddenError) return { status: 403, code: "FORBIDDEN", fields: [] as string[] };
    const e = error as AppError;
    return { status: e.status, code: e.code, fields: (e.issues ?? []).map((i) => `${i.path}:${i.message}`) };
  }
  throw new Error("expected a refusal, but it succeeded");
}

const DAY = 86_400_000;
const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await smtp?.close();
});

describeEachEngine("benefit realisation", (ctx) => {
  const people: Record<string, Actor> = {};
  let soc: string;
  let fg: string;

  beforeAll(async () => {
    const db = ctx.db.prisma;
    soc = (await db.department.create({ data: { name: "Socialförvaltningen", shortName: "SOC" } })).id;
    fg = (await db.department.create({ data: { name: "Förskola & Grundskola", shortName: "FG" } })).id;
    const add = async (key: string, role: Role, departmentId: string | null, locale = "sv") => {
      const u = await db.user.create({ data: { email: `${key}@kommun.test`, name: `Person ${key}`, role, departmentId, locale } });
      people[key] = { id: u.id, role, departmentId, name: u.name };
    };
    await add("chef", "DEPARTMENT_MANAGER", soc);
    await add("agare", "DEPARTMENT_MANAGER", soc, "en");
    await add("skolchef", "DEPARTMENT_MANAGER", fg);
    await add("dig", "DIG", null);
    await add("ledning", "LEADERSHIP", null);
    await add("insyn", "VIEWER", null);
    await add("admin", "ADMIN", null);
  });

  /** A running initiative of Socialförvaltningen. */
  async function running(title: string) {
    const { id } = await createInitiative(people.admin!, { title, ownerDepartmentId: soc });
    await ctx.db.prisma.initiative.update({ where: { id }, data: { status: "IN_PROGRESS", version: 1 } });
    return id;
  }
  const version = async (id: string) => (await ctx.db.prisma.initiative.findUniqueOrThrow({ where: { id } })).version;

  describe("the plan", () => {
    it("is kept by the owning department, DIG and leadership; others are refused; the owner is told", async () => {
      const id = await running("Digital ansökan om färdtjänst");
      const plan = { category: "REALLOCATION", description: "Kortare handläggning", certainty: "YELLOW", ownerId: people.agare!.id, owner: "Enhetschef", indicator: "Handläggningstid", unit: "dagar", baseline: 20, baselineDate: daysAgo(200), target: 10, annualHours: 800 };
      const created = await createBenefit(people.chef!, id, plan);
      expect(created).toMatchObject({ ownerId: people.agare!.id, ownerName: "Person agare", unit: "dagar", baseline: 20, target: 10, version: 1 });
      expect(await ctx.db.prisma.notification.count({ where: { userId: people.agare!.id, kind: "benefitOwnerAssigned" } })).toBe(1);
      for (const who of ["skolchef", "insyn"]) expect((await refusal(createBenefit(people[who]!, id, plan))).status).toBe(403);
      await createBenefit(people.dig!, id, { ...plan, description: "Från DIG", ownerId: null });
      await createBenefit(people.ledning!, id, { ...plan, description: "Från ledningen", ownerId: null });
      expect(await refusal(createBenefit(people.chef!, id, { ...plan, ownerId: "no-such-person" }))).toMatchObject({ status: 400, fields: ["ownerId:unknownUser"] });
      expect(await refusal(createBenefit(people.chef!, id, { ...plan, baseline: "tjugo" }))).toMatchObject({ status: 400, fields: ["baseline:notANumber"] });
      const updated = await updateBenefit(people.dig!, created.id, { target: 8, version: 1 });
      expect(updated).toMatchObject({ target: 8, version: 2 });
      expect(await refusal(updateBenefit(people.chef!, created.id, { target: 7, version: 1 }))).toMatchObject({ status: 409, code: "VERSION_CONFLICT" });
      const event = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "benefit.update" } });
      expect([event.before, event.after]).toEqual([{ benefitId: created.id, target: 10 }, { benefitId: created.id, target: 8 }]);
    });

    it("stays when the initiative is edited through its form, and a measured benefit is not removed there", async () => {
      const { id } = await createInitiative(people.chef!, { title: "Ett utkast med nytta", ownerDepartmentId: soc, benefits: [{ category: "QUALITY", description: "Nöjdare brukare", certainty: "RED" }] });
      const [benefit] = (await benefitPlan(people.chef!, id)).benefits;
      await updateBenefit(people.chef!, benefit!.id, { ownerId: people.agare!.id, target: 90, unit: "%", version: 1 });
      await ctx.db.prisma.measurement.create({ data: { indicatorId: benefit!.id, measuredAt: new Date(), value: 70 } });
      const form = async () => {
        const e = await getEditableInitiative(people.chef!, id);
        return { title: e.title, ownerDepartmentId: e.ownerDepartmentId, need: e.need, benefits: e.benefits, goals: e.goals, version: e.version };
      };
      await updateInitiative(people.chef!, id, { ...(await form()), need: "Behovet beskrivs bättre nu." });
      const after = (await benefitPlan(people.chef!, id)).benefits;
      expect(after.map((b) => [b.id, b.ownerId, b.target, b.measurements.length])).toEqual([[benefit!.id, people.agare!.id, 90, 1]]);
      expect(await refusal(updateInitiative(people.chef!, id, { ...(await form()), benefits: [] }))).toMatchObject({ status: 409, code: "HAS_MEASUREMENTS" });
      expect(await refusal(deleteBenefit(people.chef!, benefit!.id))).toMatchObject({ status: 409, code: "HAS_MEASUREMENTS" });
    });
  });

  describe("finishing", () => {
    it("needs a benefit with an owner and a target, or a recorded reason; then follow-ups fall due at 6, 12 and 24 months", async () => {
      const id = await running("Automatiserad fakturahantering");
      await createBenefit(people.chef!, id, { category: "FINANCIAL", description: "Utan ägare", certainty: "GREEN", target: 100 });
      expect(await refusal(progressInitiative(people.dig!, id, { to: "DONE", version: await version(id) }))).toMatchObject({ status: 409, code: "BENEFIT_PLAN_REQUIRED" });
      expect((await ctx.db.prisma.initiative.findUniqueOrThrow({ where: { id } })).status).toBe("IN_PROGRESS");
      const owned = await createBenefit(people.chef!, id, { category: "FINANCIAL", description: "Lägre kostnad per faktura", certainty: "GREEN", ownerId: people.agare!.id, unit: "kr", baseline: 120, target: 40, annualValueSek: 600_000 });
      await progressInitiative(people.dig!, id, { to: "DONE", version: await version(id) });
      const completedAt = (await ctx.db.prisma.initiative.findUniqueOrThrow({ where: { id } })).completedAt!;
      const followUps = await ctx.db.prisma.followUp.findMany({ where: { indicatorId: owned.id }, orderBy: { offsetMonths: "asc" } });
      expect(followUps.map((f) => [f.offsetMonths, f.dueAt.toISOString()])).toEqual([6, 12, 24].map((m) => [m, addMonths(completedAt, m).toISOString()]));
      // The benefit without an owner gets none; given one later, it does.
      expect(await ctx.db.prisma.followUp.count({ where: { initiativeId: id } })).toBe(3);
      const unowned = (await benefitPlan(people.dig!, id)).benefits.find((b) => b.description === "Utan ägare")!;
      await updateBenefit(people.dig!, unowned.id, { ownerId: people.chef!.id, version: unowned.version });
      expect(await ctx.db.prisma.followUp.count({ where: { initiativeId: id } })).toBe(6);
    });

    it("with a recorded reason instead, and the reason is audited", async () => {
      const id = await running("Lagstadgad tillgänglighetsredogörelse");
      const saved = await setNoBenefitReason(people.chef!, id, { reason: "Ett lagkrav utan mätbar nytta.", version: await version(id) });
      expect(saved.noBenefitReason).toBe("Ett lagkrav utan mätbar nytta.");
      expect((await refusal(setNoBenefitReason(people.insyn!, id, { reason: "x", version: saved.version }))).status).toBe(403);
      await progressInitiative(people.dig!, id, { to: "DONE", version: saved.version });
      expect(await ctx.db.prisma.followUp.count({ where: { initiativeId: id } })).toBe(0);
      expect(await ctx.db.prisma.auditEvent.count({ where: { entityId: id, action: "initiative.noBenefitReason" } })).toBe(1);
    });
  });

  describe("measurements", () => {
    let benefitId: string;
    beforeAll(async () => {
      const id = await running("E-tjänst för bygglov");
      benefitId = (await createBenefit(people.chef!, id, { category: "REALLOCATION", description: "Färre kompletteringar", certainty: "YELLOW", ownerId: people.agare!.id, unit: "ärenden", baseline: 100, baselineDate: daysAgo(100), target: 50, annualHours: 1000 })).id;
    });

    it("the owner, the department's managers and DIG record; viewers, leadership and other departments do not", async () => {
      const m = { measuredAt: daysAgo(10), value: 80, unit: "Ärenden", source: "Ärendesystemet" };
      for (const who of ["agare", "chef", "dig", "admin"]) expect((await recordMeasurement(people[who]!, benefitId, m)).value).toBe(80);
      for (const who of ["insyn", "ledning", "skolchef"]) expect((await refusal(recordMeasurement(people[who]!, benefitId, m))).status).toBe(403);
    });

    it("refuses a date in the future or before the baseline, a value that is not a number, another unit, naming the field; writes nothing", async () => {
      const count = await ctx.db.prisma.measurement.count({ where: { indicatorId: benefitId } });
      expect(await refusal(recordMeasurement(people.agare!, benefitId, { measuredAt: new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10), value: 1 }))).toMatchObject({ status: 400, fields: ["measuredAt:inFuture"] });
      expect(await refusal(recordMeasurement(people.agare!, benefitId, { measuredAt: daysAgo(200), value: 1 }))).toMatchObject({ status: 400, fields: ["measuredAt:beforeBaseline"] });
      expect(await refusal(recordMeasurement(people.agare!, benefitId, { measuredAt: today(), value: "sjuttio" }))).toMatchObject({ status: 400, fields: ["value:notANumber"] });
      expect(await refusal(recordMeasurement(people.agare!, benefitId, { measuredAt: today(), value: 70, unit: "timmar" }))).toMatchObject({ status: 400, fields: ["unit:unitMismatch"] });
      expect(await refusal(recordMeasurement(people.agare!, benefitId, { measuredAt: "2026-02-30", value: 70 }))).toMatchObject({ status: 400, fields: ["measuredAt:invalidDate"] });
      expect(await ctx.db.prisma.measurement.count({ where: { indicatorId: benefitId } })).toBe(count);
    });

    it("never overwrites: a correction is a new entry that replaces the value it names; two people recording at once both land", async () => {
      const wrong = await recordMeasurement(people.agare!, benefitId, { measuredAt: today(), value: 7, comment: "Felskrivet" });
      let plan = (await benefitPlan(people.agare!, (await ctx.db.prisma.benefitIndicator.findUniqueOrThrow({ where: { id: benefitId } })).initiativeId)).benefits[0]!;
      expect(plan.realisation.latest?.value).toBe(7);
      const fixed = await recordMeasurement(people.agare!, benefitId, { measuredAt: today(), value: 70, correctsId: wrong.id, comment: "Rättat" });
      expect(fixed.correctsId).toBe(wrong.id);
      expect(await refusal(recordMeasurement(people.agare!, benefitId, { measuredAt: today(), value: 71, correctsId: wrong.id }))).toMatchObject({ status: 400, fields: ["correctsId:alreadyCorrected"] });
      plan = (await benefitPlan(people.agare!, plan.initiativeId)).benefits[0]!;
      expect(plan.measurements.find((m) => m.id === wrong.id)).toMatchObject({ value: 7, corrected: true });
      // 70 is 60 % of the way from 100 to 50; 60 % of the planned 1,000 hours.
      expect(plan.realisation).toMatchObject({ latest: { value: 70 }, percent: 60, realisedHours: 600, trend: "towards" });
      const before = await ctx.db.prisma.measurement.count({ where: { indicatorId: benefitId } });
      await Promise.all([
        recordMeasurement(people.agare!, benefitId, { measuredAt: today(), value: 65 }),
        recordMeasurement(people.dig!, benefitId, { measuredAt: today(), value: 66 }),
      ]);
      expect(await ctx.db.prisma.measurement.count({ where: { indicatorId: benefitId } })).toBe(before + 2);
    });
  });

  describe("follow-ups", () => {
    let initiativeId: string;
    let completedAt: Date;
    beforeAll(async () => {
      initiativeId = await running("Digital signering av avtal");
      await createBenefit(people.chef!, initiativeId, { category: "REALLOCATION", description: "Snabbare avtal", certainty: "YELLOW", ownerId: people.agare!.id, unit: "dagar", baseline: 16, baselineDate: daysAgo(30), target: 4, annualHours: 400, annualValueSek: 200_000 });
      await progressInitiative(people.dig!, initiativeId, { to: "DONE", version: await version(initiativeId) });
      completedAt = (await ctx.db.prisma.initiative.findUniqueOrThrow({ where: { id: initiativeId } })).completedAt!;
    });

    it("fall due: the owner is told once in the app and by mail in their language; overdue a month later; a weekly digest", async () => {
      Object.assign(process.env, { SMTP_URL: smtp.url, MAIL_FROM: "Portföljen <portfoljen@kommun.test>" });
      const before = smtp.messages.length;
      const at = new Date(addMonths(completedAt, 6).getTime() + DAY);
      const first = await runBenefitReminders(at);
      expect(first.due).toBeGreaterThanOrEqual(1);
      const notices = await ctx.db.prisma.notification.findMany({ where: { userId: people.agare!.id, kind: "followUpDue", initiativeId } });
      expect(notices).toHaveLength(1);
      expect(notices[0]!.params).toMatchObject({ months: 6 });
      const mails = (await smtp.waitFor(before + 2)).slice(before).filter((m) => m.to && JSON.stringify(m.to).includes("agare@kommun.test"));
      const due = mails.find((m) => m.subject?.startsWith("Time to follow up") && m.text?.includes(initiativeId));
      expect(due?.text).toContain(`/initiatives/${initiativeId}#benefit-plan`);
      expect(due?.text).toContain("6 months");
      const digest = mails.find((m) => /waiting for you/.test(m.subject ?? ""));
      expect(digest?.text).toContain("Digital signering av avtal");
      // Again at the same time: nothing new, no second digest within the week.
      const again = await runBenefitReminders(at);
      expect(await ctx.db.prisma.notification.count({ where: { userId: people.agare!.id, kind: "followUpDue", initiativeId } })).toBe(1);
      expect(again.digests).toBe(0);
      const late = await runBenefitReminders(new Date(at.getTime() + 31 * DAY));
      expect(late.overdue).toBeGreaterThanOrEqual(1);
      expect(await ctx.db.prisma.notification.count({ where: { userId: people.agare!.id, kind: "followUpOverdue", initiativeId } })).toBe(1);
      delete process.env.SMTP_URL;
    });

    it("are listed as mine, my department's and (for DIG, leadership, admin) everyone's", async () => {
      const mine = await listFollowUps(people.agare!, { scope: "mine", state: "open" });
      expect(mine.data.map((f) => f.initiative.id)).not.toContain(initiativeId); // due in six months, in real time
      const done = await listFollowUps(people.agare!, { scope: "mine", state: "done" });
      expect(done).toEqual({ data: [], page: 1, pageSize: 500, total: 0, pages: 1 });
      expect((await refusal(listFollowUps(people.chef!, { scope: "all" }))).status).toBe(403);
      expect((await refusal(listFollowUps(people.chef!, { scope: "everyone" }))).status).toBe(400);
      expect(await refusal(listFollowUps(people.dig!, { scope: "all", pageSize: "501" }))).toMatchObject({ status: 400, fields: ["pageSize:tooLarge"] });
      // Another delivered initiative whose three follow-ups fell due 3, 2 and 1 days ago.
      const other = await running("Digitala fakturor");
      await createBenefit(people.chef!, other, { category: "REALLOCATION", description: "Färre pappersfakturor", certainty: "GREEN", ownerId: people.agare!.id, unit: "st", baseline: 100, baselineDate: daysAgo(60), target: 10 });
      await progressInitiative(people.dig!, other, { to: "DONE", version: await version(other) });
      const fallen = await ctx.db.prisma.followUp.findMany({ where: { initiativeId: other }, orderBy: { offsetMonths: "asc" } });
      for (const [i, f] of fallen.entries()) await ctx.db.prisma.followUp.update({ where: { id: f.id }, data: { dueAt: new Date(Date.now() - (3 - i) * DAY) } });
      // Everyone's open ones, a page of two at a time: the pages hold each once, oldest due first.
      const all = await listFollowUps(people.dig!, { scope: "all", state: "open" });
      expect(all.total).toBe(await ctx.db.prisma.followUp.count({ where: { completedAt: null, dueAt: { lte: new Date() } } }));
      expect(all.data.filter((f) => f.initiative.id === other).map((f) => f.offsetMonths)).toEqual([6, 12, 24]);
      const pages = Math.ceil(all.total / 2);
      expect(pages).toBeGreaterThanOrEqual(2);
      const paged: string[] = [];
      for (let page = 1; page <= pages; page++) {
        const p = await listFollowUps(people.dig!, { scope: "all", state: "open", page: String(page), pageSize: "2" });
        expect(p).toMatchObject({ page, pageSize: 2, total: all.total, pages });
        paged.push(...p.data.map((f) => f.id));
      }
      expect(paged).toEqual(all.data.map((f) => f.id));
      // A page past the last shows the last; my own open ones are the owner's.
      expect((await listFollowUps(people.dig!, { scope: "all", state: "open", page: "999", pageSize: "2" })).page).toBe(pages);
      expect((await listFollowUps(people.agare!, { scope: "mine", state: "open" })).data.map((f) => f.initiative.id)).toContain(other);
      expect((await listFollowUps(people.skolchef!, { scope: "department", state: "open" })).total).toBe(0);
      // Back in the future, so the tests below see a plain state.
      for (const f of fallen) await ctx.db.prisma.followUp.update({ where: { id: f.id }, data: { dueAt: f.dueAt } });
    });

    it("are answered with an assessment and a measurement, once; postponed once with a reason", async () => {
      const [six, twelve] = await ctx.db.prisma.followUp.findMany({ where: { initiativeId }, orderBy: { offsetMonths: "asc" } });
      expect((await refusal(completeFollowUp(people.insyn!, six!.id, { assessment: "REALISED", version: six!.version }))).status).toBe(403);
      expect(await refusal(completeFollowUp(people.agare!, six!.id, { assessment: "MAYBE", version: six!.version }))).toMatchObject({ status: 400, fields: ["assessment:invalidOption"] });
      const answered = await completeFollowUp(people.agare!, six!.id, { assessment: "PARTLY", comment: "Halvvägs", version: six!.version, measurement: { measuredAt: today(), value: 10 } });
      expect(answered).toMatchObject({ assessment: "PARTLY", state: "done", completedBy: "Person agare" });
      expect(await ctx.db.prisma.measurement.count({ where: { followUpId: six!.id, value: 10 } })).toBe(1);
      expect(await refusal(completeFollowUp(people.agare!, six!.id, { assessment: "REALISED", version: answered.version }))).toMatchObject({ status: 409, code: "FOLLOW_UP_DONE" });
      // A bad measurement in the answer: nothing of the answer is written.
      expect(await refusal(completeFollowUp(people.agare!, twelve!.id, { assessment: "PARTLY", version: twelve!.version, measurement: { measuredAt: today(), value: 5, unit: "veckor" } }))).toMatchObject({ status: 400, fields: ["measurement.unit:unitMismatch"] });
      expect((await ctx.db.prisma.followUp.findUniqueOrThrow({ where: { id: twelve!.id } })).completedAt).toBeNull();
      expect(await refusal(postponeFollowUp(people.agare!, twelve!.id, { until: twelve!.dueAt.toISOString().slice(0, 10), reason: "Systemet byts", version: twelve!.version }))).toMatchObject({ status: 400, fields: ["until:notAfterDue"] });
      const later = new Date(twelve!.dueAt.getTime() + 60 * DAY).toISOString().slice(0, 10);
      const moved = await postponeFollowUp(people.chef!, twelve!.id, { until: later, reason: "Systemet byts under våren", version: twelve!.version });
      expect([moved.dueAt.toISOString().slice(0, 10), moved.originalDueAt?.toISOString(), moved.postponeReason]).toEqual([later, twelve!.dueAt.toISOString(), "Systemet byts under våren"]);
      expect(await refusal(postponeFollowUp(people.chef!, twelve!.id, { until: later, reason: "Igen", version: moved.version }))).toMatchObject({ status: 409, code: "ALREADY_POSTPONED" });
    });

    it("sum up as realised against planned, with the share done on time", async () => {
      const summary = await realisationSummary(people.insyn!, { groupBy: "initiative" });
      const row = summary.rows.find((r) => r.key === initiativeId)!;
      // 10 days is 6/12 = 50 % of the way from 16 to 4: half the planned SEK and hours.
      expect(row).toMatchObject({ label: "#" + (await ctx.db.prisma.initiative.findUniqueOrThrow({ where: { id: initiativeId } })).number + " Digital signering av avtal", plannedSek: 200_000, realisedSek: 100_000, plannedHours: 400, realisedHours: 200, measured: 1 });
      const byDepartment = await realisationSummary(people.insyn!, { groupBy: "department" });
      expect(byDepartment.rows.find((r) => r.key === soc)!.plannedSek).toBeGreaterThanOrEqual(200_000);
      const byYear = await realisationSummary(people.insyn!, { groupBy: "year" });
      expect(byYear.rows.map((r) => r.key)).toContain(String(completedAt.getUTCFullYear()));
      expect((await refusal(realisationSummary(people.insyn!, { groupBy: "colour" }))).status).toBe(400);
    });
  });
});
