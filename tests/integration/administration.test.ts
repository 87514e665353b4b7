// The administration a municipality goes live with: people, organisation, goals, pools, the
// first administrator and the audit log. Every rule on both engines; mail through a real SMTP server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Actor, Role } from "@/lib/auth/roles";
import { auditEventsForExport, auditLog } from "@/lib/server/audit-log";
import type { AppError } from "@/lib/server/errors";
import { createGoal, deleteGoal, listGoals, updateGoal } from "@/lib/server/goals";
import { createInitiative, formOptions } from "@/lib/server/initiatives";
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from "@/lib/server/organisation";
import { completeSetup, ensureSetupLink, inspectLink, setPasswordWithLink } from "@/lib/server/password-links";
import { portfolioRanking } from "@/lib/server/portfolio";
import { createAllocation, createPool, currentQuarter, demandPicture, updatePool } from "@/lib/server/resources";
import { createAdministrator, createUser, issuePasswordLink, listUsers, sessionIsCurrent, updateUser, verifyCredentials } from "@/lib/server/users";
import { startSmtpServer, type TestSmtp } from "../support/smtp-server";
import { describeEachEngine } from "./engines";

const secretOf = (url: string) => url.split("/").pop()!;
/** The error a use case threw: its code, status and the paths of its field issues. */
async function refusal(pending: Promise<unknown>) {
  try {
    await pending;
  } catch (error) {
    const e = error as AppError & { action?: string };
    if (error instanceof ForbiddenError) return { status: 403, code: "FORBIDDEN", fields: [] as string[] };
    return { status: e.status, code: e.code, fields: (e.issues ?? []).map((i) => `${i.path}:${i.message}`) };
  }
  throw new Error("expected a refusal, but it succeeded");
}

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await smtp?.close();
});

describeEachEngine("administration", (ctx) => {
  let admin: Actor;
  /** Someone of the role (a person in the database, so their changes are audited under their id). */
  const people = new Map<string, Actor>();
  const as = (role: Role, departmentId: string | null = null): Actor => people.get(`${role}:${departmentId}`) ?? { id: `test-${role}`, role, departmentId, name: role };
  let soc: string;
  let klk: string;

  beforeAll(async () => {
    const db = ctx.db.prisma;
    // An empty database, as a municipality starts: the first administrator through the setup link.
    const log: string[] = [];
    const url = await ensureSetupLink((line) => log.push(line));
    expect(url).toMatch(/\/setup\/[A-Za-z0-9_-]{43}$/);
    expect(log.join("\n")).toContain(url!);
    expect(await inspectLink(secretOf(url!), "setup")).toMatchObject({ state: "valid" });
    expect(await refusal(completeSetup(secretOf(url!), { name: "Ada Admin", email: "ada@kommun.test", password: "kort", confirm: "kort" }))).toMatchObject({ status: 400, fields: ["password:passwordTooShort"] });
    expect(await db.user.count()).toBe(0);
    const first = await completeSetup(secretOf(url!), { name: "Ada Admin", email: "Ada@Kommun.test", password: "en lång fras att minnas", confirm: "en lång fras att minnas" });
    expect(first.email).toBe("ada@kommun.test");
    const ada = await db.user.findUniqueOrThrow({ where: { id: first.id } });
    admin = { id: ada.id, role: "ADMIN", departmentId: null, name: ada.name };
    expect(ada.role).toBe("ADMIN");
    expect(await verifyCredentials("ada@kommun.test", "en lång fras att minnas")).toMatchObject({ id: ada.id });
    // The setup link is spent, and a database with people prints none.
    expect(await inspectLink(secretOf(url!), "setup")).toEqual({ state: "used" });
    expect(await refusal(completeSetup(secretOf(url!), { name: "Eve", email: "eve@kommun.test", password: "en annan lång fras", confirm: "en annan lång fras" }))).toMatchObject({ status: 410, code: "LINK_USED" });
    expect(await ensureSetupLink(() => undefined)).toBeNull();
    soc = (await createDepartment(admin, { name: "Socialförvaltningen", shortName: "SOC", kind: "DEPARTMENT" })).id;
    klk = (await createDepartment(admin, { name: "Kommunledningskontoret", shortName: "KLK", kind: "DEPARTMENT" })).id;
    for (const [role, departmentId] of [["DIG", klk], ["LEADERSHIP", klk], ["DEPARTMENT_MANAGER", soc]] as const) {
      const u = await db.user.create({ data: { email: `${role.toLowerCase()}@test.kommun.test`, name: `Test ${role}`, role, departmentId } });
      people.set(`${role}:${departmentId}`, { id: u.id, role, departmentId, name: u.name });
    }
  });

  describe("people", () => {
    it("adds a person with an invitation link, mailed in their language through SMTP; the link sets a password once", async () => {
      Object.assign(process.env, { SMTP_URL: smtp.url, MAIL_FROM: "Portföljen <portfoljen@kommun.test>" });
      const before = smtp.messages.length;
      const created = await createUser(admin, { email: "  Maria.Lind@Kommun.TEST ", name: "Maria Lind", role: "DEPARTMENT_MANAGER", departmentId: soc, locale: "en" });
      expect(created).toMatchObject({ email: "maria.lind@kommun.test", role: "DEPARTMENT_MANAGER", departmentId: soc, departmentName: "Socialförvaltningen", status: "INVITED", locale: "en" });
      expect(JSON.stringify(created)).not.toMatch(/passwordHash|\$2[aby]\$/);
      expect(created.link).toMatchObject({ purpose: "INVITATION", mailed: true });
      expect(created.link.expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * 3_600_000);
      const [mail] = (await smtp.waitFor(before + 1)).slice(before);
      expect(mail!.to).toMatchObject({ text: "maria.lind@kommun.test" });
      expect(mail!.from?.text).toContain("portfoljen@kommun.test");
      expect(mail!.subject).toBe("Welcome to Portföljen");
      expect(mail!.text).toContain(created.link.url);
      expect(mail!.text).toContain("Hello Maria Lind");
      delete process.env.SMTP_URL;

      const secret = secretOf(created.link.url);
      expect(await inspectLink(secret, "password")).toMatchObject({ state: "valid", purpose: "INVITATION", email: "maria.lind@kommun.test" });
      expect(await refusal(setPasswordWithLink(secret, { password: "lösenord för maria", confirm: "något annat" }))).toMatchObject({ status: 400, fields: ["confirm:passwordsDiffer"] });
      await setPasswordWithLink(secret, { password: "lösenord för maria", confirm: "lösenord för maria" });
      expect(await verifyCredentials("MARIA.LIND@kommun.test", "lösenord för maria")).toMatchObject({ email: "maria.lind@kommun.test" });
      expect(await inspectLink(secret, "password")).toEqual({ state: "used" });
      expect(await refusal(setPasswordWithLink(secret, { password: "ett tredje lösenord", confirm: "ett tredje lösenord" }))).toMatchObject({ status: 410, code: "LINK_USED" });
      // Not a link of ours at all, and an expired one (time moved past its 72 hours).
      expect(await inspectLink("x".repeat(43), "password")).toEqual({ state: "unknown" });
      const reset = await issuePasswordLink(admin, created.id);
      expect(reset.purpose).toBe("RESET");
      expect(await inspectLink(secretOf(reset.url), "password", new Date(Date.now() + 73 * 3_600_000))).toEqual({ state: "expired" });
      expect(await refusal(setPasswordWithLink(secretOf(reset.url), { password: "för sent lösenord", confirm: "för sent lösenord" }, new Date(Date.now() + 73 * 3_600_000)))).toMatchObject({ code: "LINK_EXPIRED" });
      // A newer link replaces an older one.
      const newer = await issuePasswordLink(admin, created.id);
      expect(await inspectLink(secretOf(reset.url), "password")).toEqual({ state: "used" });
      expect(await inspectLink(secretOf(newer.url), "password")).toMatchObject({ state: "valid", purpose: "RESET" });
    });

    it("refuses duplicates whatever the case, unknown departments and roles, and managers without a department, writing nothing", async () => {
      const count = await ctx.db.prisma.user.count();
      expect(await refusal(createUser(admin, { email: "MARIA.LIND@kommun.test", name: "Maria igen", role: "VIEWER" }))).toMatchObject({ status: 409, code: "EMAIL_TAKEN", fields: ["email:emailTaken"] });
      expect(await refusal(createUser(admin, { email: "ny@kommun.test", name: "Ny Person", role: "VIEWER", departmentId: "does-not-exist" }))).toMatchObject({ status: 400, fields: ["departmentId:unknownDepartment"] });
      expect(await refusal(createUser(admin, { email: "ny@kommun.test", name: "Ny Person", role: "MAYOR" }))).toMatchObject({ status: 400, fields: ["role:invalidRole"] });
      expect(await refusal(createUser(admin, { email: "ny@kommun.test", name: "Ny Person", role: "DEPARTMENT_MANAGER" }))).toMatchObject({ status: 400, fields: ["departmentId:departmentRequired"] });
      expect(await refusal(createUser(admin, { email: "inte-en-adress", name: "Ny Person", role: "VIEWER" }))).toMatchObject({ status: 400, fields: ["email:invalidEmail"] });
      const extra = await refusal(createUser(admin, { email: "ny@kommun.test", name: "Ny", role: "VIEWER", passwordHash: "x" }));
      expect(extra.status).toBe(400);
      expect(extra.fields).toContain(":unknownField");
      expect(await ctx.db.prisma.user.count()).toBe(count);
    });

    it("lets only administrators read and change people", async () => {
      for (const role of ["DEPARTMENT_MANAGER", "DIG", "LEADERSHIP", "VIEWER"] as const) {
        expect((await refusal(listUsers(as(role)))).status).toBe(403);
        expect((await refusal(createUser(as(role), { email: `${role}@kommun.test`, name: "Inte tillåten", role: "ADMIN" }))).status).toBe(403);
      }
    });

    it("searches and filters people by role, department and active", async () => {
      await createUser(admin, { email: "dig.person@kommun.test", name: "Dagny Digsson", role: "DIG", departmentId: klk });
      expect((await listUsers(admin, { q: "dagny" })).data.map((u) => u.email)).toEqual(["dig.person@kommun.test"]);
      expect((await listUsers(admin, { q: "KOMMUN.TEST", role: "DIG" })).data.map((u) => u.name)).toEqual(["Dagny Digsson", "Test DIG"]);
      expect((await listUsers(admin, { departmentId: soc })).data.map((u) => u.name)).toEqual(["Maria Lind", "Test DEPARTMENT_MANAGER"]);
      expect((await listUsers(admin, { active: "false" })).total).toBe(0);
      expect((await refusal(listUsers(admin, { role: "KING" }))).status).toBe(400);
    });

    it("changes a role with before and after in the audit log, and ends the person's sessions; a stale version gets 409", async () => {
      const maria = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "maria.lind@kommun.test" } });
      const changed = await updateUser(admin, maria.id, { role: "LEADERSHIP", departmentId: klk, version: maria.version });
      expect(changed).toMatchObject({ role: "LEADERSHIP", departmentId: klk, version: maria.version + 1 });
      const event = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: maria.id, action: "user.update" }, orderBy: { at: "desc" } });
      expect(event.before).toEqual({ role: "DEPARTMENT_MANAGER", departmentId: soc });
      expect(event.after).toEqual({ role: "LEADERSHIP", departmentId: klk });
      expect(await sessionIsCurrent(maria.id, maria.sessionVersion)).toBe(false);
      expect(await sessionIsCurrent(maria.id, maria.sessionVersion + 1)).toBe(true);
      // A second admin who read the same version: refused, nothing written.
      expect(await refusal(updateUser(admin, maria.id, { name: "Maria Andersson", version: maria.version }))).toMatchObject({ status: 409, code: "VERSION_CONFLICT" });
      expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: maria.id } })).name).toBe("Maria Lind");
      // A name change alone keeps the sessions.
      await updateUser(admin, maria.id, { name: "Maria Lind-Ek", version: changed.version });
      expect(await sessionIsCurrent(maria.id, maria.sessionVersion + 1)).toBe(true);
    });

    it("deactivates: no sign-in, sessions end, links die; reactivates", async () => {
      const dagny = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "dig.person@kommun.test" } });
      const link = await issuePasswordLink(admin, dagny.id);
      await setPasswordWithLink(secretOf(link.url), { password: "dagnys långa lösenord", confirm: "dagnys långa lösenord" });
      const signedIn = (await verifyCredentials("dig.person@kommun.test", "dagnys långa lösenord"))!;
      expect(await sessionIsCurrent(dagny.id, signedIn.sessionVersion)).toBe(true);
      const pending = await issuePasswordLink(admin, dagny.id);
      const current = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: dagny.id } });
      const off = await updateUser(admin, dagny.id, { active: false, version: current.version });
      expect(off.status).toBe("DEACTIVATED");
      expect(await verifyCredentials("dig.person@kommun.test", "dagnys långa lösenord")).toBeNull();
      expect(await sessionIsCurrent(dagny.id, signedIn.sessionVersion)).toBe(false);
      expect(await inspectLink(secretOf(pending.url), "password")).not.toMatchObject({ state: "valid" });
      expect(await refusal(issuePasswordLink(admin, dagny.id))).toMatchObject({ status: 409, code: "USER_INACTIVE" });
      expect((await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: dagny.id }, orderBy: { at: "desc" } })).action).toBe("user.deactivate");
      await updateUser(admin, dagny.id, { active: true, version: off.version });
      expect(await verifyCredentials("dig.person@kommun.test", "dagnys långa lösenord")).not.toBeNull();
    });

    it("keeps the last active administrator: no demotion, no deactivation (409); of two admins demoting each other at once, one wins", async () => {
      const ada = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
      expect(await refusal(updateUser(admin, ada.id, { role: "VIEWER", version: ada.version }))).toMatchObject({ status: 409, code: "LAST_ADMIN" });
      expect(await refusal(updateUser(admin, ada.id, { active: false, version: ada.version }))).toMatchObject({ status: 409, code: "LAST_ADMIN" });
      const bo = await createAdministrator({ email: "bo.admin@kommun.test", name: "Bo Admin" });
      expect(bo.link.url).toMatch(/\/password\//);
      const boActor: Actor = { id: bo.user.id, role: "ADMIN", departmentId: null, name: "Bo Admin" };
      const results = await Promise.allSettled([
        updateUser(admin, bo.user.id, { role: "VIEWER", version: bo.user.version }),
        updateUser(boActor, ada.id, { role: "VIEWER", version: ada.version }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await ctx.db.prisma.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
      // Put things back: whoever is still admin makes the other admin again.
      const still = (await ctx.db.prisma.user.findFirstOrThrow({ where: { role: "ADMIN", active: true } })).id;
      const other = still === ada.id ? bo.user.id : ada.id;
      const otherNow = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: other } });
      await updateUser({ id: still, role: "ADMIN", departmentId: null, name: "x" }, other, { role: "ADMIN", version: otherNow.version });
      admin = { id: ada.id, role: "ADMIN", departmentId: null, name: ada.name };
    });
  });

  describe("organisation", () => {
    it("adds units with unique names and codes whatever the case, a parent, and no cycles", async () => {
      const group = await createDepartment(admin, { name: "Stadshus AB", shortName: "STAD", kind: "COMPANY" });
      const company = await createDepartment(admin, { name: "Bostäder AB", shortName: "BOST", kind: "COMPANY", parentId: group.id });
      expect(company).toMatchObject({ kind: "COMPANY", parentId: group.id, parentName: "Stadshus AB", active: true });
      expect(await refusal(createDepartment(admin, { name: "SOCIALFÖRVALTNINGEN", shortName: "NY", kind: "DEPARTMENT" }))).toMatchObject({ status: 409, code: "NAME_TAKEN" });
      expect(await refusal(createDepartment(admin, { name: "Ny förvaltning", shortName: "soc", kind: "DEPARTMENT" }))).toMatchObject({ status: 409, code: "CODE_TAKEN", fields: ["shortName:codeTaken"] });
      expect(await refusal(createDepartment(admin, { name: "Ny förvaltning", shortName: "NY", kind: "AGENCY" }))).toMatchObject({ status: 400, fields: ["kind:invalidOption"] });
      expect(await refusal(createDepartment(admin, { name: "Ny förvaltning", shortName: "NY", kind: "DEPARTMENT", parentId: "missing" }))).toMatchObject({ status: 400, fields: ["parentId:unknownDepartment"] });
      expect(await refusal(updateDepartment(admin, group.id, { parentId: company.id, version: group.version }))).toMatchObject({ status: 400, fields: ["parentId:parentCycle"] });
      expect((await refusal(createDepartment(as("DIG"), { name: "Ny förvaltning", shortName: "NY", kind: "DEPARTMENT" }))).status).toBe(403);
    });

    it("renames with the old name kept in the audit log; a stale version gets 409", async () => {
      const unit = await createDepartment(admin, { name: "Kultur", shortName: "KUL", kind: "DEPARTMENT" });
      const renamed = await updateDepartment(admin, unit.id, { name: "Kultur- och fritidsförvaltningen", version: unit.version });
      expect(renamed.name).toBe("Kultur- och fritidsförvaltningen");
      const event = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: unit.id, action: "department.update" } });
      expect([event.before, event.after]).toEqual([{ name: "Kultur" }, { name: "Kultur- och fritidsförvaltningen" }]);
      expect(await refusal(updateDepartment(admin, unit.id, { name: "Något annat", version: unit.version }))).toMatchObject({ status: 409, code: "VERSION_CONFLICT" });
      await deleteDepartment(admin, unit.id);
      expect((await listDepartments(admin)).some((d) => d.id === unit.id)).toBe(false);
    });

    it("deactivates a unit in use (never deletes it): it leaves the pickers and stays on old records", async () => {
      const unit = await createDepartment(admin, { name: "Tekniska förvaltningen", shortName: "TF", kind: "DEPARTMENT" });
      const initiative = await createInitiative(admin, { title: "Ny belysning i parker", ownerDepartmentId: unit.id });
      expect(await refusal(deleteDepartment(admin, unit.id))).toMatchObject({ status: 409, code: "IN_USE" });
      const off = await updateDepartment(admin, unit.id, { active: false, version: unit.version });
      expect(off.usage.initiatives).toBe(1);
      const options = await formOptions();
      expect(options.departments.some((d) => d.id === unit.id)).toBe(false);
      expect(options.allDepartments.some((d) => d.id === unit.id)).toBe(true);
      expect((await ctx.db.prisma.initiative.findUniqueOrThrow({ where: { id: initiative.id }, include: { ownerDepartment: true } })).ownerDepartment.name).toBe("Tekniska förvaltningen");
      expect(await refusal(createInitiative(admin, { title: "Ännu ett initiativ", ownerDepartmentId: unit.id }))).toMatchObject({ status: 400, fields: ["ownerDepartmentId:inactiveDepartment"] });
      expect(await refusal(createUser(admin, { email: "tf@kommun.test", name: "Tekniker", role: "DEPARTMENT_MANAGER", departmentId: unit.id }))).toMatchObject({ fields: ["departmentId:inactiveDepartment"] });
      expect((await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: unit.id }, orderBy: { at: "desc" } })).action).toBe("department.deactivate");
    });
  });

  describe("strategic goals", () => {
    it("validates goals; the ranking follows a deactivation and a validity period at once; a goal in use is not deleted", async () => {
      const year = new Date().getFullYear();
      expect(await refusal(createGoal(admin, { code: "M9", title: "Ett mål", weight: 6 }))).toMatchObject({ status: 400, fields: ["weight:weightOutOfRange"] });
      expect(await refusal(createGoal(admin, { code: "M9", title: "Ett mål", weight: 3, validFrom: 2030, validTo: 2027 }))).toMatchObject({ status: 400, fields: ["validTo:periodReversed"] });
      expect((await refusal(createGoal(as("DIG"), { code: "M9", title: "Ett mål", weight: 3 }))).status).toBe(403);
      const leadership = as("LEADERSHIP", klk);
      const m1 = await createGoal(leadership, { code: "M1", title: "Enkel service för invånare", weight: 5 });
      const m2 = await createGoal(admin, { code: "M2", title: "Effektiv verksamhet", weight: 1, validFrom: year - 4, validTo: year + 3 });
      expect(await refusal(createGoal(admin, { code: "m1", title: "Dubblett", weight: 2 }))).toMatchObject({ status: 409, code: "CODE_TAKEN" });
      // Two triaged initiatives: one serves M1 strongly, the other M2.
      const make = async (title: string, goalId: string) => {
        const i = await createInitiative(admin, { title, ownerDepartmentId: soc, goals: [{ goalId, alignment: 3 }] });
        await ctx.db.prisma.initiative.update({ where: { id: i.id }, data: { status: "TRIAGED", benefitRecipient: "EXTERNAL", nature: "EFFICIENCY" } });
        return i.id;
      };
      const servesM1 = await make("E-tjänst för bygglov", m1.id);
      const servesM2 = await make("Automatiserad fakturahantering", m2.id);
      const order = async () => (await portfolioRanking(admin)).ranking.map((r) => r.id).filter((id) => id === servesM1 || id === servesM2);
      const alignment = async (id: string) => (await portfolioRanking(admin)).ranking.find((r) => r.id === id)!.score;
      expect(await order()).toEqual([servesM1, servesM2]);
      // M1 deactivated: its initiative loses its alignment at once, and the order turns.
      const off = await updateGoal(leadership, m1.id, { active: false, version: m1.version });
      expect(off).toMatchObject({ active: false, inEffect: false });
      expect(await order()).toEqual([servesM2, servesM1]);
      await updateGoal(leadership, m1.id, { active: true, version: off.version });
      expect(await order()).toEqual([servesM1, servesM2]);
      // M1's period ended last year: it counts no longer, though active.
      const ended = await updateGoal(admin, m1.id, { validFrom: year - 4, validTo: year - 1, version: off.version + 1 });
      expect(ended.inEffect).toBe(false);
      const m1Score = await alignment(servesM1);
      expect(m1Score.total).toBeLessThan((await alignment(servesM2)).total);
      expect(await refusal(deleteGoal(admin, m1.id))).toMatchObject({ status: 409, code: "IN_USE" });
      expect(await refusal(updateGoal(admin, m1.id, { weight: 2, version: m1.version }))).toMatchObject({ status: 409, code: "VERSION_CONFLICT" });
      const unused = await createGoal(admin, { code: "M8", title: "Registrerat av misstag", weight: 1 });
      await deleteGoal(admin, unused.id);
      expect((await listGoals(admin)).map((g) => g.code).sort()).toEqual(["M1", "M2"]);
      expect((await listGoals(admin)).some((g) => g.code === "M8")).toBe(false);
    });
  });

  describe("pools", () => {
    it("DIG creates central pools, a manager the own department's local pool; names are unique; deactivated pools take no allocations", async () => {
      const dig = as("DIG", klk);
      const manager = as("DEPARTMENT_MANAGER", soc);
      const central = await createPool(dig, { name: "Integrationsteamet", kind: "DIG" });
      expect(central).toMatchObject({ kind: "DIG", departmentId: null, active: true });
      const local = await createPool(manager, { name: "Socialförvaltningens IT-stöd", kind: "LOCAL", departmentId: soc, wipLimit: 3 });
      expect(local).toMatchObject({ departmentId: soc, wipLimit: 3 });
      expect((await refusal(createPool(manager, { name: "Någon annans pool", kind: "LOCAL", departmentId: klk }))).status).toBe(403);
      expect((await refusal(createPool(manager, { name: "Central av chef", kind: "DIG" }))).status).toBe(403);
      expect((await refusal(createPool(as("LEADERSHIP", klk), { name: "Ledningens pool", kind: "DIG" }))).status).toBe(403);
      expect(await refusal(createPool(dig, { name: "Lokal utan förvaltning", kind: "LOCAL" }))).toMatchObject({ status: 400, fields: ["departmentId:departmentRequired"] });
      expect(await refusal(createPool(dig, { name: "INTEGRATIONSTEAMET", kind: "DIGITAL_CENTER" }))).toMatchObject({ status: 409, code: "NAME_TAKEN" });
      const renamed = await updatePool(dig, central.id, { name: "Integrationer och API", version: central.version });
      expect(await refusal(updatePool(dig, central.id, { name: "Gammal version", version: central.version }))).toMatchObject({ status: 409, code: "VERSION_CONFLICT" });
      expect(await refusal(updatePool(dig, central.id, { name: "Utan version" }))).toMatchObject({ status: 400, fields: ["version:versionRequired"] });
      const off = await updatePool(dig, central.id, { active: false, version: renamed.version });
      expect(off.active).toBe(false);
      const initiative = await createInitiative(admin, { title: "Behöver integrationer", ownerDepartmentId: soc });
      await ctx.db.prisma.initiative.update({ where: { id: initiative.id }, data: { status: "APPROVED" } });
      expect(await refusal(createAllocation(dig, { initiativeId: initiative.id, poolId: central.id, quarter: currentQuarter(), hours: 10 }))).toMatchObject({ status: 409, code: "POOL_INACTIVE" });
      expect((await demandPicture(dig)).pools.some((p) => p.id === central.id)).toBe(false);
      expect((await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: central.id }, orderBy: { at: "desc" } })).action).toBe("pool.deactivate");
    });
  });

  describe("audit log", () => {
    it("filters by actor, entity, action and date, pages by cursor both ways, and exports the filter as CSV with formulas neutralised", async () => {
      const leadership = as("LEADERSHIP", klk);
      const all = await auditLog(leadership, { pageSize: "200" });
      expect(all.data.length).toBeGreaterThan(10);
      const times = all.data.map((e) => e.at.getTime());
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect((await refusal(auditLog(as("VIEWER")))).status).toBe(403);
      expect((await refusal(auditLog(as("DIG", klk)))).status).toBe(403);

      const byAction = await auditLog(admin, { action: "department.create" });
      expect(byAction.data.length).toBeGreaterThanOrEqual(4);
      expect(new Set(byAction.data.map((e) => e.action))).toEqual(new Set(["department.create"]));
      const byActor = await auditLog(admin, { actor: "ADA@" });
      expect(byActor.data.length).toBeGreaterThan(0);
      expect(byActor.data.every((e) => e.actorId === admin.id)).toBe(true);
      expect((await auditLog(admin, { actor: "setup" })).data.map((e) => e.action)).toContain("user.create");
      const maria = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "maria.lind@kommun.test" } });
      const entity = await auditLog(admin, { entityType: "User", entityId: maria.id });
      expect(entity.data.every((e) => e.entityId === maria.id)).toBe(true);
      expect(entity.data.map((e) => e.action)).toContain("user.create");
      const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
      expect((await auditLog(admin, { from: today, to: today, pageSize: "200" })).data.length).toBe(all.data.length);
      expect((await auditLog(admin, { to: "2001-01-01" })).data).toEqual([]);
      expect(await refusal(auditLog(admin, { from: "2026-13-01" }))).toMatchObject({ status: 400, fields: ["from:invalidDate"] });
      expect(await refusal(auditLog(admin, { unknown: "x" }))).toMatchObject({ status: 400 });

      // Pages of three, older and back newer: the same events, none twice, none skipped.
      const first = await auditLog(admin, { pageSize: "3" });
      expect(first.newer).toBeNull();
      const second = await auditLog(admin, { pageSize: "3", cursor: first.older!, direction: "older" });
      const back = await auditLog(admin, { pageSize: "3", cursor: second.newer!, direction: "newer" });
      expect(back.data.map((e) => e.id)).toEqual(first.data.map((e) => e.id));
      expect([...first.data, ...second.data].map((e) => e.id)).toEqual(all.data.slice(0, 6).map((e) => e.id));

      // An entity named like a formula, exported: the cell is neutralised.
      await createDepartment(admin, { name: "=HYPERLINK(\"http://evil\")", shortName: "EVIL", kind: "DEPARTMENT" });
      const rows: string[] = [];
      for await (const e of await auditEventsForExport(admin, { action: "department.create" })) rows.push(JSON.stringify(e.after));
      expect(rows[0]).toContain("HYPERLINK");
      const response = await (await import("@/app/api/v1/audit-events/export/route")).GET(
        new Request("http://localhost/api/v1/audit-events/export?action=department.create", { headers: { authorization: `Bearer ${await tokenFor(ctx.db.prisma, admin)}` } }),
        { params: Promise.resolve({}) },
      );
      expect(response.status).toBe(200);
      const csv = await response.text();
      const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
      expect(lines[0]).toBe("at;actor;actorId;action;entityType;entityId;before;after");
      expect(lines).toHaveLength(byAction.data.length + 2);
      expect(csv).not.toMatch(/;=HYPERLINK/);
    });
  });
});

/** An ADMIN API token for calling a route handler in-process. */
async function tokenFor(_prisma: unknown, admin: Actor): Promise<string> {
  const { createToken } = await import("@/lib/server/api-tokens");
  const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  return (await createToken(admin, { name: `Audit export ${Math.random()}`, role: "ADMIN", scopes: ["READ"], expiresAt: day })).secret;
}
