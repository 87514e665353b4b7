import { beforeAll, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { AppError, ValidationError } from "@/lib/server/errors";
import { planInitiative, progressInitiative } from "@/lib/server/lifecycle";
import { addProgramInitiatives, createProgram, getProgram, listPrograms, removeProgramInitiative, setInitiativeProgram, updateProgram } from "@/lib/server/programs";
import { roadmap } from "@/lib/server/roadmap";
import { seedDemo } from "@/prisma/seed/demo";
import { describeEachEngine } from "./engines";

describeEachEngine("programs, roadmap and delivery steps", (ctx) => {
  const a: Record<string, Actor> = {};
  const goal: Record<string, string> = {};
  const program: Record<string, string> = {};
  const NOW = new Date("2026-11-26T12:00:00Z"); // the demo's today: window 2026-Q4 … 2028-Q3

  beforeAll(async () => {
    await seedDemo(ctx.db.prisma);
    for (const u of await ctx.db.prisma.user.findMany()) a[u.email.split("@")[0]!] = { id: u.id, role: u.role, departmentId: u.departmentId, name: u.name };
    for (const g of await ctx.db.prisma.strategicGoal.findMany()) goal[g.code] = g.id;
    for (const p of await ctx.db.prisma.program.findMany()) program[p.name] = p.id;
  });

  const initiative = (title: string) => ctx.db.prisma.initiative.findFirstOrThrow({ where: { title } });
  const counts = async () => ({
    programs: await ctx.db.prisma.program.count(),
    audit: await ctx.db.prisma.auditEvent.count(),
    statusChanges: await ctx.db.prisma.statusChange.count(),
  });
  const failure = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a refusal"); }, (e: unknown) => e as AppError);

  it("lists the seeded programs with totals computed over their initiatives", async () => {
    const list = await listPrograms(a.insyn!);
    expect(list.map((p) => p.name)).toEqual(["Digital välfärd", "Smart samhällsbyggnad"]);
    const ss = list.find((p) => p.name === "Smart samhällsbyggnad")!;
    // Hand-summed from prisma/seed/demo-data.ts: nine initiatives, none rejected or cancelled.
    expect(ss.totals).toEqual({
      count: 9, counted: 9,
      costSek: 16_575_000, effortHours: 8_980,
      benefitSekPerYear: 1_950_000, benefitHoursPerYear: 5_500,
      unknownCost: 0, unknownEffort: 0,
      byStatus: { IN_PROGRESS: 2, APPROVED: 3, TRIAGED: 2, DONE: 2 },
      doneShare: 2 / 9,
    });
    expect(ss.leader?.name).toBe("Sara Nyström");
  });

  it("roadmap: the active portfolio over eight quarters, bars clipped to the window, grouped and filtered", async () => {
    const map = await roadmap(a.insyn!, { program: program["Smart samhällsbyggnad"] }, NOW);
    expect(map.quarters).toEqual(["2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4", "2028-Q1", "2028-Q2", "2028-Q3"]);
    expect(map.groups.map((g) => g.label)).toEqual(["Smart samhällsbyggnad"]);
    const bars = map.groups[0]!.rows.map((r) => [r.title.slice(0, 20), r.status, r.bar!.column, r.bar!.span, r.bar!.continuesBefore]);
    expect(bars).toEqual([
      ["E-tjänst för bygglov", "IN_PROGRESS", 0, 1, true], // 2025-Q4 … 2026-Q4
      ["Sensorer i kommunens", "IN_PROGRESS", 0, 3, true], // 2026-Q1 … 2027-Q2
      ["Digitala detaljplane", "APPROVED", 0, 3, true], // 2026-Q3 … 2027-Q2
      ["Smarta vattenmätare ", "APPROVED", 0, 5, false], // 2026-Q4 … 2027-Q4
      ["Digitalisering av by", "APPROVED", 1, 4, false], // 2027-Q1 … 2027-Q4
    ]);
    expect([map.total, map.outside, map.unscheduledTotal]).toEqual([5, 0, 0]);

    const later = await roadmap(a.insyn!, { program: program["Smart samhällsbyggnad"], from: "2027-Q3", to: "2028-Q2" }, NOW);
    expect(later.groups[0]!.rows.map((r) => [r.title.slice(0, 20), r.bar!.column, r.bar!.span])).toEqual([
      ["Smarta vattenmätare ", 0, 2],
      ["Digitalisering av by", 0, 2],
    ]);
    expect(later.outside).toBe(3);

    // Grouped by department over the whole active portfolio: only the three active statuses.
    const byDept = await roadmap(a.insyn!, { groupBy: "department" }, NOW);
    const rows = byDept.groups.flatMap((g) => g.rows);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["APPROVED", "IN_PROGRESS", "PAUSED"]));
    for (const g of byDept.groups) expect(new Set(g.rows.map((r) => r.department.name))).toEqual(new Set([g.label]));
    // Triaged initiatives have only a desired start: a one-quarter "desired" bar.
    const triaged = await roadmap(a.insyn!, { status: ["TRIAGED"], program: program["Smart samhällsbyggnad"] }, NOW);
    expect(triaged.groups[0]!.rows.map((r) => [r.bar!.kind, r.bar!.start, r.bar!.span])).toEqual([
      ["desired", "2027-Q2", 1],
      ["desired", "2027-Q2", 1],
    ]);
  });

  it("roadmap pages: every scheduled initiative once, in pages of the given size", async () => {
    const all = await roadmap(a.insyn!, {}, NOW);
    const ids = all.groups.flatMap((g) => g.rows.map((r) => r.id));
    expect(ids).toHaveLength(all.total);
    const pages = await Promise.all([1, 2, 3].map((page) => roadmap(a.insyn!, { page }, NOW, 10)));
    expect(pages.map((m) => m.pages)).toEqual(Array(3).fill(Math.ceil(all.total / 10)));
    const paged = pages.flatMap((m) => m.groups.flatMap((g) => g.rows.map((r) => r.id)));
    expect(paged.length).toBe(Math.min(30, all.total));
    expect(new Set(paged).size).toBe(paged.length);
    for (const id of paged) expect(ids).toContain(id);
  });

  it("creates a program (DIG) with leader, council and goals, audited", async () => {
    const before = await counts();
    const created = await createProgram(a.dig!, {
      name: "Digital skola",
      targetState: "Alla elever har en likvärdig digital lärmiljö år 2028.",
      leaderId: a["chef.skola"]!.id,
      councilIds: [a.ledning!.id, a.dig!.id],
      goalIds: [goal.M4!],
    });
    program["Digital skola"] = created.id;
    const p = await getProgram(a.insyn!, created.id);
    expect([p.name, p.leader?.name, p.council.map((c) => c.name), p.goals.map((g) => g.code), p.initiatives.length]).toEqual([
      "Digital skola", "Anders Bergström", ["Per Håkansson", "Sara Nyström"], ["M4"], 0,
    ]);
    const audit = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "Program", entityId: created.id, action: "program.create" } });
    expect(audit.actorId).toBe(a.dig!.id);
    expect((audit.after as { name: string }).name).toBe("Digital skola");
    expect(await counts()).toEqual({ ...before, programs: before.programs + 1, audit: before.audit + 1 });
  });

  it("refuses a taken name (any case) with 409, and unknown users or goals with 400; nothing written", async () => {
    const before = await counts();
    const base = { targetState: "Ett tydligt mål för programmet.", leaderId: null, councilIds: [], goalIds: [] };
    const taken = await failure(createProgram(a.ledning!, { ...base, name: "digital VÄLFÄRD" }));
    expect([taken.status, taken.code, taken.issues]).toEqual([409, "NAME_TAKEN", [{ path: "name", message: "nameTaken" }]]);
    const unknown = await failure(createProgram(a.ledning!, { ...base, name: "Nytt program", leaderId: "nobody", councilIds: [a.dig!.id, "ghost"], goalIds: ["nogoal"] }));
    expect(unknown).toBeInstanceOf(ValidationError);
    expect(unknown.issues).toEqual([
      { path: "leaderId", message: "unknownUser" },
      { path: "councilIds.1", message: "unknownUser" },
      { path: "goalIds.0", message: "unknownGoal" },
    ]);
    const bad = await failure(createProgram(a.ledning!, { ...base, name: "X", targetState: "", councilIds: [a.dig!.id, a.dig!.id], extra: 1 }));
    expect(bad.status).toBe(400);
    expect(bad.issues!.map((i) => i.path).sort()).toEqual(["", "councilIds", "name", "targetState"].sort());
    // Renaming to another program's name is refused too.
    const p = await getProgram(a.insyn!, program["Digital skola"]!);
    const rename = await failure(updateProgram(a.dig!, p.id, { ...base, name: "Smart samhällsbyggnad", updatedAt: p.updatedAt.toISOString() }));
    expect(rename.code).toBe("NAME_TAKEN");
    expect(await counts()).toEqual(before);
  });

  it("two people creating the same name at once: one program, the other gets NAME_TAKEN", async () => {
    const fields = { name: "Samtidigt program", targetState: "Skapas av två personer samtidigt.", leaderId: null, councilIds: [], goalIds: [] };
    const results = await Promise.allSettled([createProgram(a.dig!, fields), createProgram(a.ledning!, fields)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect([refused.reason.status, refused.reason.code]).toEqual([409, "NAME_TAKEN"]);
    expect(await ctx.db.prisma.program.count({ where: { name: "Samtidigt program" } })).toBe(1);
  });

  it("only DIG, leadership and admin write programs and their membership (403 for managers and viewers)", async () => {
    const before = await counts();
    const p = await getProgram(a.insyn!, program["Digital skola"]!);
    const fields = { name: "Förbjudet", targetState: "Ska inte sparas alls.", leaderId: null, councilIds: [], goalIds: [] };
    const franvaro = await initiative("Digital frånvaroanmälan för vårdnadshavare");
    for (const who of ["chef", "chef.skola", "insyn"]) {
      await expect(createProgram(a[who]!, fields)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateProgram(a[who]!, p.id, { ...fields, updatedAt: p.updatedAt.toISOString() })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(addProgramInitiatives(a[who]!, p.id, { initiativeIds: [franvaro.id] })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(removeProgramInitiative(a[who]!, program["Digital välfärd"]!, (await initiative("Digitala lås i hemtjänsten")).id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setInitiativeProgram(a[who]!, franvaro.id, { programId: p.id, version: franvaro.version })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await counts()).toEqual(before);
  });

  it("edits a program with the timestamp it read; a stale one is 409 and changes nothing", async () => {
    const p = await getProgram(a.insyn!, program["Digital skola"]!);
    const edit = { name: "Digital skola", targetState: "Likvärdig digital lärmiljö och digitala nationella prov år 2028.", leaderId: a["chef.skola"]!.id, councilIds: [a.ledning!.id], goalIds: [goal.M4!, goal.M1!] };
    const saved = await updateProgram(a.ledning!, p.id, { ...edit, updatedAt: p.updatedAt.toISOString() });
    expect(saved.updatedAt.getTime()).toBeGreaterThan(p.updatedAt.getTime());
    const stale = await failure(updateProgram(a.dig!, p.id, { ...edit, targetState: "Skriver över?", updatedAt: p.updatedAt.toISOString() }));
    expect([stale.status, stale.code]).toEqual([409, "VERSION_CONFLICT"]);
    const after = await getProgram(a.insyn!, p.id);
    expect([after.targetState, after.council.map((c) => c.name), after.goals.map((g) => g.code)]).toEqual([edit.targetState, ["Per Håkansson"], ["M1", "M4"]]);
    const audit = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "Program", entityId: p.id, action: "program.update" } });
    expect(audit.before).toEqual({ targetState: "Alla elever har en likvärdig digital lärmiljö år 2028.", councilIds: [a.ledning!.id, a.dig!.id].sort(), goalIds: [goal.M4!] });
  });

  it("adds initiatives without a program; one in another program is refused (409, nothing written) and moved only from the initiative", async () => {
    const pid = program["Digital skola"]!;
    const wifi = await initiative("Wifi i alla skolor och förskolor");
    const prov = await initiative("Teknisk beredskap för digitala nationella prov");
    const lakemedel = await initiative("Läkemedelsrobotar för brukare i hemtjänsten"); // in Digital välfärd
    const before = await counts();
    const refused = await failure(addProgramInitiatives(a.dig!, pid, { initiativeIds: [wifi.id, lakemedel.id] }));
    expect([refused.status, refused.code, refused.details]).toEqual([409, "IN_OTHER_PROGRAM", { current: { initiativeIds: [lakemedel.id] } }]);
    const unknown = await failure(addProgramInitiatives(a.dig!, pid, { initiativeIds: [wifi.id, "nope"] }));
    expect([unknown.status, unknown.issues]).toEqual([400, [{ path: "initiativeIds.1", message: "unknownInitiative" }]]);
    expect(await counts()).toEqual(before);
    expect((await initiative(wifi.title)).programId).toBeNull();

    expect(await addProgramInitiatives(a.dig!, pid, { initiativeIds: [wifi.id, prov.id] })).toEqual({ programId: pid, initiativeIds: [wifi.id, prov.id] });
    // Adding again changes nothing and records nothing.
    const again = await counts();
    expect((await addProgramInitiatives(a.dig!, pid, { initiativeIds: [wifi.id] })).initiativeIds).toEqual([]);
    expect(await counts()).toEqual(again);
    const p = await getProgram(a.insyn!, pid);
    expect(p.initiatives.map((i) => i.title)).toEqual([wifi, prov].sort((x, y) => x.number - y.number).map((i) => i.title));
    expect(p.totals.costSek).toBe(3_600_000 + 950_000);
    expect(await ctx.db.prisma.auditEvent.count({ where: { entityType: "Initiative", entityId: wifi.id, action: "initiative.program" } })).toBe(1);

    // The deliberate move, from the initiative's page, with its version.
    const moved = await setInitiativeProgram(a.dig!, lakemedel.id, { programId: pid, version: lakemedel.version });
    expect(moved.version).toBe(lakemedel.version + 1);
    const stale = await failure(setInitiativeProgram(a.dig!, lakemedel.id, { programId: null, version: lakemedel.version }));
    expect([stale.status, stale.code]).toEqual([409, "VERSION_CONFLICT"]);
    const badProgram = await failure(setInitiativeProgram(a.dig!, lakemedel.id, { programId: "nope", version: moved.version }));
    expect(badProgram.issues).toEqual([{ path: "programId", message: "unknownProgram" }]);
    expect((await initiative(lakemedel.title)).programId).toBe(pid);

    await removeProgramInitiative(a.ledning!, pid, lakemedel.id);
    expect((await initiative(lakemedel.title)).programId).toBeNull();
    expect((await failure(removeProgramInitiative(a.ledning!, pid, lakemedel.id))).status).toBe(404);
  });

  it("starts, pauses, resumes and finishes as recorded transitions; wrong status, stale version and a missing reason are refused", async () => {
    const earkiv = await initiative("E-arkiv för kommunens verksamhetssystem"); // APPROVED
    const before = await counts();

    const finishEarly = await failure(progressInitiative(a.dig!, earkiv.id, { to: "DONE", version: earkiv.version }));
    expect([finishEarly.status, finishEarly.code]).toEqual([409, "INVALID_TRANSITION"]);
    const stale = await failure(progressInitiative(a.dig!, earkiv.id, { to: "IN_PROGRESS", version: earkiv.version + 5 }));
    expect([stale.status, stale.code]).toEqual([409, "VERSION_CONFLICT"]);
    const wrongTarget = await failure(progressInitiative(a.dig!, earkiv.id, { to: "APPROVED", version: earkiv.version }));
    expect(wrongTarget.status).toBe(400);
    expect(await counts()).toEqual(before);

    const started = await progressInitiative(a.dig!, earkiv.id, { to: "IN_PROGRESS", version: earkiv.version });
    expect(started).toEqual({ version: earkiv.version + 1, status: "IN_PROGRESS" });
    let row = await initiative(earkiv.title);
    expect([row.status, row.startedAt instanceof Date]).toEqual(["IN_PROGRESS", true]);
    const change = await ctx.db.prisma.statusChange.findFirstOrThrow({ where: { initiativeId: earkiv.id }, orderBy: { at: "desc" } });
    expect([change.fromStatus, change.toStatus, change.actorId]).toEqual(["APPROVED", "IN_PROGRESS", a.dig!.id]);
    expect(await ctx.db.prisma.auditEvent.count({ where: { entityId: earkiv.id, action: "initiative.status.in_progress" } })).toBe(1);

    const noReason = await failure(progressInitiative(a.ledning!, earkiv.id, { to: "PAUSED", version: started.version }));
    expect([noReason.status, noReason.issues]).toEqual([400, [{ path: "reason", message: "required" }]]);
    const blank = await failure(progressInitiative(a.ledning!, earkiv.id, { to: "PAUSED", reason: "   ", version: started.version }));
    expect(blank.status).toBe(400);
    expect((await initiative(earkiv.title)).status).toBe("IN_PROGRESS");

    const paused = await progressInitiative(a.ledning!, earkiv.id, { to: "PAUSED", reason: "Servermiljön försenad.", version: started.version });
    const pausedChange = await ctx.db.prisma.statusChange.findFirstOrThrow({ where: { initiativeId: earkiv.id, toStatus: "PAUSED" } });
    expect([pausedChange.reason, pausedChange.actorId]).toEqual(["Servermiljön försenad.", a.ledning!.id]);
    const startedAt = row.startedAt!.getTime();
    const resumed = await progressInitiative(a.admin!, earkiv.id, { to: "IN_PROGRESS", version: paused.version });
    row = await initiative(earkiv.title);
    expect(row.startedAt!.getTime()).toBe(startedAt); // resuming keeps the first start
    // Finished only with a benefit plan: a benefit with an owner and a target (or a reason why none applies).
    await ctx.db.prisma.benefitIndicator.updateMany({ where: { initiativeId: earkiv.id }, data: { ownerId: null, target: null } });
    const noPlan = await failure(progressInitiative(a.dig!, earkiv.id, { to: "DONE", version: resumed.version }));
    expect([noPlan.status, noPlan.code]).toEqual([409, "BENEFIT_PLAN_REQUIRED"]);
    expect((await initiative(earkiv.title)).status).toBe("IN_PROGRESS");
    await ctx.db.prisma.benefitIndicator.create({ data: { initiativeId: earkiv.id, category: "QUALITY", description: "Kortare söktid i arkivet", certainty: "RED", ownerId: a.dig!.id, baseline: 20, target: 5, unit: "minuter" } });
    await progressInitiative(a.dig!, earkiv.id, { to: "DONE", version: resumed.version });
    row = await initiative(earkiv.title);
    expect(await ctx.db.prisma.followUp.count({ where: { initiativeId: earkiv.id } })).toBe(3);
    expect([row.status, row.completedAt instanceof Date]).toEqual(["DONE", true]);
    expect((await counts()).statusChanges).toBe(before.statusChanges + 4);
    expect(await ctx.db.prisma.auditEvent.count({ where: { entityId: earkiv.id, action: { startsWith: "initiative.status." } } })).toBe(4);
  });

  it("cancels only with a reason; managers report a pause or finish of their own department's work only; viewers nothing", async () => {
    const bi = await initiative("Beslutsstöd med BI för ekonomi och personal"); // APPROVED, KLK
    expect((await failure(progressInitiative(a.ledning!, bi.id, { to: "CANCELLED", version: bi.version }))).status).toBe(400);
    await progressInitiative(a.ledning!, bi.id, { to: "CANCELLED", reason: "Ersätts av en gemensam lösning i regionen.", version: bi.version });
    expect((await initiative(bi.title)).status).toBe("CANCELLED");

    const etjanst = await initiative("E-tjänst för ansökan om försörjningsstöd"); // IN_PROGRESS, Socialförvaltningen
    const before = await counts();
    await expect(progressInitiative(a.insyn!, etjanst.id, { to: "PAUSED", reason: "x", version: etjanst.version })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(progressInitiative(a["chef.skola"]!, etjanst.id, { to: "PAUSED", reason: "x", version: etjanst.version })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(progressInitiative(a.chef!, etjanst.id, { to: "CANCELLED", reason: "x", version: etjanst.version })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
    const paused = await progressInitiative(a.chef!, etjanst.id, { to: "PAUSED", reason: "Leverantören byter plattform.", version: etjanst.version });
    await expect(progressInitiative(a.chef!, etjanst.id, { to: "IN_PROGRESS", version: paused.version })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("plans start and end quarters: end not before start, valid quarters, current version, open initiatives, central roles", async () => {
    const bygg = await initiative("Digitalisering av bygglovsarkivet"); // APPROVED
    const before = await counts();
    const backwards = await failure(planInitiative(a.dig!, bygg.id, { plannedStartQuarter: "2027-Q3", plannedEndQuarter: "2027-Q2", version: bygg.version }));
    expect([backwards.status, backwards.issues]).toEqual([400, [{ path: "plannedEndQuarter", message: "endBeforeStart" }]]);
    const malformed = await failure(planInitiative(a.dig!, bygg.id, { plannedStartQuarter: "2027-Q5", plannedEndQuarter: "2027", version: bygg.version }));
    expect(malformed.issues).toEqual([
      { path: "plannedStartQuarter", message: "invalidQuarter" },
      { path: "plannedEndQuarter", message: "invalidQuarter" },
    ]);
    const half = await failure(planInitiative(a.dig!, bygg.id, { plannedStartQuarter: "2027-Q1", plannedEndQuarter: null, version: bygg.version }));
    expect(half.issues).toEqual([{ path: "plannedEndQuarter", message: "required" }]);
    await expect(planInitiative(a.chef!, bygg.id, { plannedStartQuarter: "2027-Q1", plannedEndQuarter: "2027-Q2", version: bygg.version })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(planInitiative(a.insyn!, bygg.id, { plannedStartQuarter: "2027-Q1", plannedEndQuarter: "2027-Q2", version: bygg.version })).rejects.toBeInstanceOf(ForbiddenError);
    const stale = await failure(planInitiative(a.dig!, bygg.id, { plannedStartQuarter: "2027-Q1", plannedEndQuarter: "2027-Q2", version: bygg.version + 1 }));
    expect(stale.code).toBe("VERSION_CONFLICT");
    expect(await counts()).toEqual(before);

    const saved = await planInitiative(a.dig!, bygg.id, { plannedStartQuarter: "2027-Q2", plannedEndQuarter: "2028-Q1", version: bygg.version });
    expect(saved.version).toBe(bygg.version + 1);
    const row = await initiative(bygg.title);
    expect([row.plannedStartQuarter, row.plannedEndQuarter]).toEqual(["2027-Q2", "2028-Q1"]);
    const audit = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: bygg.id, action: "initiative.plan" } });
    expect([audit.before, audit.after]).toEqual([
      { plannedStartQuarter: "2027-Q1", plannedEndQuarter: "2027-Q4" },
      { plannedStartQuarter: "2027-Q2", plannedEndQuarter: "2028-Q1" },
    ]);
    // The roadmap follows: 2027-Q2 is column 2 of the window from 2026-Q4.
    const map = await roadmap(a.insyn!, { program: program["Smart samhällsbyggnad"] }, NOW);
    expect(map.groups[0]!.rows.find((r) => r.id === bygg.id)!.bar).toMatchObject({ column: 2, span: 4 });

    const done = await initiative("E-tjänst för beställning av nybyggnadskarta"); // DONE
    const closed = await failure(planInitiative(a.dig!, done.id, { plannedStartQuarter: "2027-Q1", plannedEndQuarter: "2027-Q2", version: done.version }));
    expect([closed.status, closed.code]).toEqual([409, "INVALID_STATUS"]);
  });
});
