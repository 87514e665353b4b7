import { beforeAll, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import {
  addComment,
  auditHistory,
  checkSubmission,
  createInitiative,
  getEditableInitiative,
  getInitiative,
  listInitiatives,
  submitInitiative,
  updateClassification,
  updateInitiative,
} from "@/lib/server/initiatives";
import { AppError, ConflictError, ValidationError } from "@/lib/server/errors";
import { parseFilter } from "@/lib/validation/initiative";
import { seedDemo } from "@/prisma/seed/demo";
import { describeEachEngine } from "./engines";

describeEachEngine("initiatives", (ctx) => {
  const actors: Record<string, Actor> = {};
  let social = "";
  let school = "";
  let goal = "";

  beforeAll(async () => {
    await seedDemo(ctx.db.prisma);
    const users = await ctx.db.prisma.user.findMany();
    for (const u of users) actors[u.email.split("@")[0]!] = { id: u.id, role: u.role, departmentId: u.departmentId, name: u.name };
    social = actors["chef"]!.departmentId!;
    school = actors["chef.skola"]!.departmentId!;
    goal = (await ctx.db.prisma.strategicGoal.findFirstOrThrow()).id;
  });

  const draft = () => ({ title: "Digital signering av avtal", ownerDepartmentId: social });

  it("a manager saves a draft with only a title, completes it, and submits it", async () => {
    const { id, version } = await createInitiative(actors.chef!, draft());
    expect(version).toBe(1);
    // Missing required fields block submission with per-field issues, and nothing changes.
    const refused = await submitInitiative(actors.chef!, id, { version }).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues!.map((i) => i.path).sort()).toEqual(["benefitRecipient", "nature", "need"]);
    expect((await getInitiative(actors.chef!, id)).status).toBe("DRAFT");

    const v2 = await updateInitiative(actors.chef!, id, {
      ...draft(),
      version,
      need: "Avtal skickas på papper och tar veckor att få underskrivna.",
      benefitRecipient: "INTERNAL",
      nature: "EFFICIENCY",
      estimatedCostSek: null,
      goals: [{ goalId: goal, alignment: 2 }],
      benefits: [{ category: "REALLOCATION", description: "Mindre tid på utskick", annualHours: 400, certainty: "YELLOW" }],
    });
    expect(v2.version).toBe(2);
    const submitted = await submitInitiative(actors.chef!, id, { version: 2 });
    expect(submitted.version).toBe(3);
    const stored = await getInitiative(actors.chef!, id);
    expect(stored.status).toBe("SUBMITTED");
    expect(stored.submittedAt).not.toBeNull();
    expect(stored.statusChanges.map((s) => s.toStatus)).toEqual(["DRAFT", "SUBMITTED"]);
    expect(stored.goals).toHaveLength(1);
    expect(stored.benefits[0]!.annualHours).toBe(400);
    const { events: audit, names } = await auditHistory(actors.chef!, id);
    expect(audit.map((a) => a.action).sort()).toEqual(["initiative.create", "initiative.status.submitted", "initiative.update"]);
    const update = audit.find((a) => a.action === "initiative.update")!;
    expect(update.after).toMatchObject({ nature: "EFFICIENCY" });
    expect(update.actorLabel).toBe(actors.chef!.name);
    // The history names what changed, as rows, and the records it refers to by name.
    expect(update.changes).toContainEqual({ field: "nature", before: { kind: "none" }, after: { kind: "code", group: "nature", value: "EFFICIENCY" } });
    const created = audit.find((a) => a.action === "initiative.create")!;
    expect(created.changes.find((c) => c.field === "ownerDepartmentId")?.after).toEqual({ kind: "reference", ref: "department", id: draft().ownerDepartmentId });
    expect(names.department[draft().ownerDepartmentId]).toBe("Socialförvaltningen");
    expect(update.changes.find((c) => c.field === "goals")).toEqual({ field: "goals", before: { kind: "none" }, after: { kind: "list", items: [{ kind: "reference", ref: "goal", id: goal }] } });
    expect(names.goal[goal]).toMatch(/^\S+ \S/);
    // Once submitted, the department can no longer edit it.
    await expect(updateInitiative(actors.chef!, id, { ...draft(), version: 3 })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a submit that cannot succeed names every missing field at once, in the form's order", async () => {
    const refused = (fields: unknown) => {
      try {
        checkSubmission(actors.chef!, fields);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues!.map((i) => `${i.path}:${i.message}`);
      }
    };
    expect(refused({ title: "", ownerDepartmentId: social })).toEqual(["title:required", "need:required", "benefitRecipient:chooseOne", "nature:chooseOne"]);
    expect(refused({ ...draft(), need: "kort" })).toEqual(["need:needTooShort", "benefitRecipient:chooseOne", "nature:chooseOne"]);
    expect(refused({ ...draft(), need: "Avtal skrivs ut och skickas runt", benefitRecipient: "EXTERNAL", nature: "EFFICIENCY", reachCount: -1 })).toEqual(["reachCount:negative"]);
    expect(refused({ ...draft(), need: "Avtal skrivs ut och skickas runt", benefitRecipient: "EXTERNAL", nature: "EFFICIENCY" })).toEqual([]);
    // Someone who may not submit at all hears that, and nothing about the fields.
    expect(() => checkSubmission(actors.insyn!, { title: "" })).toThrow(ForbiddenError);
  });

  it("another department's manager and a viewer can read but not edit; DIG edits classification", async () => {
    const { id, version } = await createInitiative(actors.chef!, draft());
    expect((await getInitiative(actors["chef.skola"]!, id)).title).toBe(draft().title);
    expect((await getInitiative(actors.insyn!, id)).title).toBe(draft().title);
    await expect(updateInitiative(actors["chef.skola"]!, id, { ...draft(), version })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateInitiative(actors.insyn!, id, { ...draft(), version })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createInitiative(actors.insyn!, draft())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateClassification(actors.chef!, id, { version, nature: "INNOVATION" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await updateClassification(actors.dig!, id, { version, nature: "INNOVATION" })).toEqual({ version: 2 });
    await expect(addComment(actors.insyn!, id, { body: "Hej" })).rejects.toBeInstanceOf(ForbiddenError);
    await addComment(actors.dig!, id, { body: "Vilka avtal gäller det?" });
    await addComment(actors.chef!, id, { body: "Främst hyresavtal." });
    expect((await getInitiative(actors.chef!, id)).comments.map((c) => c.body)).toEqual(["Vilka avtal gäller det?", "Främst hyresavtal."]);
  });

  it("refuses creating for another department", async () => {
    await expect(createInitiative(actors.chef!, { ...draft(), ownerDepartmentId: school })).rejects.toBeInstanceOf(ForbiddenError);
    const before = await ctx.db.prisma.initiative.count();
    await expect(updateInitiative(actors.chef!, "nope", { ...draft(), version: 1 })).rejects.toMatchObject({ status: 404 });
    expect(await ctx.db.prisma.initiative.count()).toBe(before);
  });

  it("a stale edit is refused with the newer values and never overwrites", async () => {
    const { id } = await createInitiative(actors.chef!, draft());
    await updateInitiative(actors.chef!, id, { ...draft(), title: "Första fliken sparade", version: 1 });
    const stale = await updateInitiative(actors.chef!, id, { ...draft(), title: "Andra fliken", version: 1 }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).status).toBe(409);
    expect((stale as ConflictError).details).toMatchObject({ current: { title: "Första fliken sparade", version: 2 } });
    expect((await getEditableInitiative(actors.chef!, id)).title).toBe("Första fliken sparade");
  });

  it("two concurrent edits of the same version: exactly one wins", async () => {
    const { id } = await createInitiative(actors.chef!, draft());
    const results = await Promise.allSettled([
      updateInitiative(actors.chef!, id, { ...draft(), title: "Variant A", version: 1 }),
      updateInitiative(actors.chef!, id, { ...draft(), title: "Variant B", version: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(ConflictError);
    const stored = await getEditableInitiative(actors.chef!, id);
    expect(stored.version).toBe(2);
  });

  it.each([
    ["over-long title", { title: "x".repeat(201) }, "title", "tooLong"],
    ["negative cost", { estimatedCostSek: -5 }, "estimatedCostSek", "negative"],
    ["absurd effort", { estimatedEffortHours: 1e12 }, "estimatedEffortHours", "tooLarge"],
    ["fractional cost", { estimatedCostSek: 10.5 }, "estimatedCostSek", "notWhole"],
    ["unknown enum", { nature: "MAGIC" }, "nature", "invalidOption"],
    ["bad quarter", { desiredStartQuarter: "2027-Q5" }, "desiredStartQuarter", "invalidQuarter"],
    ["unknown field", { hacked: true }, "", "unknownField"],
    ["alignment out of range", { goals: [{ goalId: "g", alignment: 4 }] }, "goals.0.alignment", "alignmentRange"],
    ["control characters", { title: "Bra\u0000titel" }, "title", "invalidCharacters"],
  ])("rejects %s with a per-field issue and writes nothing", async (_name, patch, path, message) => {
    const before = await ctx.db.prisma.initiative.count();
    const error = await createInitiative(actors.chef!, { ...draft(), ...patch }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).issues).toContainEqual({ path, message });
    expect(await ctx.db.prisma.initiative.count()).toBe(before);
  });

  it("rejects an unknown department or goal without a partial write", async () => {
    const before = await ctx.db.prisma.initiative.count();
    const error = await createInitiative(actors.admin!, { ...draft(), ownerDepartmentId: "unknown-dep", goals: [{ goalId: "unknown-goal", alignment: 1 }] }).catch((e) => e);
    expect((error as AppError).issues).toEqual([
      { path: "ownerDepartmentId", message: "unknownDepartment" },
      { path: "goals.0.goalId", message: "unknownGoal" },
    ]);
    expect(await ctx.db.prisma.initiative.count()).toBe(before);
  });

  it("a missing version is a validation error, not a crash", async () => {
    const { id } = await createInitiative(actors.chef!, draft());
    const error = await updateInitiative(actors.chef!, id, draft()).catch((e) => e);
    expect((error as AppError).issues).toContainEqual({ path: "version", message: "versionRequired" });
  });

  it("keeps HTML in text as text", async () => {
    const { id } = await createInitiative(actors.chef!, { ...draft(), title: "<script>alert(1)</script> Test" });
    expect((await getInitiative(actors.chef!, id)).title).toBe("<script>alert(1)</script> Test");
  });

  it("lists with server-side filters, sorting and pagination", async () => {
    const all = await listInitiatives(actors.insyn!, parseFilter({ pageSize: "10" }));
    expect(all.rows).toHaveLength(10);
    expect(all.total).toBeGreaterThan(60);
    const page2 = await listInitiatives(actors.insyn!, parseFilter({ pageSize: "10", page: "2" }));
    expect(page2.rows.map((r) => r.id)).not.toContain(all.rows[0]!.id);
    const own = await listInitiatives(actors.insyn!, parseFilter({ department: social, pageSize: "200" }));
    expect(own.rows.every((r) => r.ownerDepartment.id === social)).toBe(true);
    const ext = await listInitiatives(actors.insyn!, parseFilter({ quadrant: "EXTERNAL_INNOVATION", status: "APPROVED,IN_PROGRESS", pageSize: "200" }));
    expect(ext.rows.length).toBeGreaterThan(0);
    expect(ext.rows.every((r) => r.quadrant === "EXTERNAL_INNOVATION" && ["APPROVED", "IN_PROGRESS"].includes(r.status))).toBe(true);
    const infra = await listInitiatives(actors.insyn!, parseFilter({ kind: "INFRASTRUCTURE", pageSize: "200" }));
    expect(infra.rows.length).toBeGreaterThan(0);
    expect(infra.rows.every((r) => r.triage.some((t) => t.kind === "INFRASTRUCTURE"))).toBe(true);
    const text = await listInitiatives(actors.insyn!, parseFilter({ q: "SIGNERING" }));
    expect(text.rows.length).toBeGreaterThan(0);
    // Case-insensitive, in title or need: every hit mentions it somewhere.
    const hits = await ctx.db.prisma.initiative.findMany({ where: { id: { in: text.rows.map((r) => r.id) } }, select: { title: true, need: true } });
    expect(hits.every((h) => /signering/i.test(`${h.title} ${h.need}`))).toBe(true);
    const byCost = await listInitiatives(actors.insyn!, parseFilter({ sort: "cost", dir: "desc", pageSize: "5" }));
    const costs = byCost.rows.map((r) => r.estimatedCostSek ?? -1);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
  });
});
