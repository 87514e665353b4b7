import { beforeAll, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { AppError, ConflictError, ValidationError } from "@/lib/server/errors";
import { createInitiative, getInitiative, submitInitiative, updateInitiative } from "@/lib/server/initiatives";
import { DEFAULT_TRIAGE_SETTINGS, triageSettings, updateTriageSettings } from "@/lib/server/settings";
import { approveInFastLane, decideTriage, requestInfo, TRIAGE_PAGE_SIZE, triageFlow, triageQueue, triageQueuePage, triageView } from "@/lib/server/triage";
import { seedDemo } from "@/prisma/seed/demo";
import { describeEachEngine } from "./engines";

describeEachEngine("triage", (ctx) => {
  const a: Record<string, Actor> = {};

  beforeAll(async () => {
    await seedDemo(ctx.db.prisma);
    for (const u of await ctx.db.prisma.user.findMany()) a[u.email.split("@")[0]!] = { id: u.id, role: u.role, departmentId: u.departmentId, name: u.name };
  });

  async function submitted(fields: Record<string, unknown>) {
    const base = { ownerDepartmentId: a.chef!.departmentId!, benefitRecipient: "EXTERNAL", nature: "EFFICIENCY", ...fields };
    const { id } = await createInitiative(a.chef!, base);
    await submitInitiative(a.chef!, id, { version: 1 });
    return { id, version: 2, base };
  }

  const eService = { title: "E-tjänst för ansökan om färdtjänst", need: "Invånare ska kunna ansöka om färdtjänst digitalt i stället för på papper.", estimatedCostSek: 60_000, estimatedEffortHours: 120 };
  const wifi = { title: "Nytt trådlöst nätverk i skolorna", need: "Wifi och nätverk i skolorna behöver bytas: accesspunkter, switchar och brandvägg.", estimatedCostSek: 3_500_000, estimatedEffortHours: 2_000, benefitRecipient: "INTERNAL" };

  it("only DIG and ADMIN may triage or read the queue", async () => {
    const { id, version } = await submitted(eService);
    for (const who of ["chef", "chef.skola", "ledning", "insyn"]) {
      await expect(triageQueue(a[who]!)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(decideTriage(a[who]!, id, { version, kind: "BUSINESS_DEVELOPMENT", size: "SMALL", track: "FAST_LANE", quadrant: "EXTERNAL_EFFICIENCY" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(requestInfo(a[who]!, id, { version, message: "Mer info tack" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(approveInFastLane(a[who]!, id, { version, quadrant: "EXTERNAL_EFFICIENCY", rationale: "Bra idé" })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await getInitiative(a.dig!, id)).status).toBe("SUBMITTED");
    const queue = await triageQueue(a.admin!);
    const item = queue.find((q) => q.id === id)!;
    expect(item.suggestion.kind.value).toBe("BUSINESS_DEVELOPMENT");
    // Oldest first.
    const waits = queue.map((q) => q.submittedAt!.getTime());
    expect(waits).toEqual([...waits].sort((x, y) => x - y));
  });

  it("accepting the suggestion triages without a reason and records what was suggested", async () => {
    const { id, version } = await submitted(wifi);
    const { suggestion } = await triageView(a.dig!, id);
    expect(suggestion.kind.value).toBe("INFRASTRUCTURE");
    expect(suggestion.track.value).toBe("TECHNICAL");
    await decideTriage(a.dig!, id, { version, kind: suggestion.kind.value, size: suggestion.size.value, track: suggestion.track.value, quadrant: "INTERNAL_EFFICIENCY" });
    const stored = await getInitiative(a.dig!, id);
    expect(stored.status).toBe("TRIAGED");
    expect(stored.triage[0]).toMatchObject({ kind: "INFRASTRUCTURE", suggestedKind: "INFRASTRUCTURE", track: "TECHNICAL", overrideReason: null });
    // Triage of an initiative that is no longer SUBMITTED is refused.
    const again = await decideTriage(a.dig!, id, { version: version + 1, kind: "INFRASTRUCTURE", size: "LARGE", track: "TECHNICAL", quadrant: "INTERNAL_EFFICIENCY" }).catch((e) => e);
    expect(again).toBeInstanceOf(ConflictError);
    expect((again as AppError).code).toBe("INVALID_STATUS");
  });

  it("an override needs a reason, which is stored", async () => {
    const { id, version } = await submitted(eService);
    const override = { version, kind: "BUSINESS_DEVELOPMENT", size: "MEDIUM", track: "PORTFOLIO", quadrant: "EXTERNAL_EFFICIENCY" };
    const refused = await decideTriage(a.dig!, id, override).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as AppError).issues).toEqual([{ path: "overrideReason", message: "overrideReasonRequired" }]);
    await decideTriage(a.dig!, id, { ...override, overrideReason: "Berör flera förvaltningar, bör prioriteras i portföljen." });
    const stored = await getInitiative(a.dig!, id);
    expect(stored.triage[0]).toMatchObject({ size: "MEDIUM", track: "PORTFOLIO", suggestedTrack: "FAST_LANE", overrideReason: "Berör flera förvaltningar, bör prioriteras i portföljen." });
    expect(stored.statusChanges.at(-1)).toMatchObject({ toStatus: "TRIAGED", reason: "Berör flera förvaltningar, bör prioriteras i portföljen." });
  });

  it("two DIG members at once: one wins, the other is told, nothing is lost", async () => {
    const { id, version } = await submitted(eService);
    const decision = { version, kind: "BUSINESS_DEVELOPMENT", size: "SMALL", track: "FAST_LANE", quadrant: "EXTERNAL_EFFICIENCY" };
    const results = await Promise.allSettled([decideTriage(a.dig!, id, decision), decideTriage(a.admin!, id, decision)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await ctx.db.prisma.triageAssessment.count({ where: { initiativeId: id } })).toBe(1);
  });

  it("requesting information reaches the department, which completes and resubmits", async () => {
    const { id, version, base } = await submitted(eService);
    await requestInfo(a.dig!, id, { version, message: "Hur många ansökningar kommer per år?" });
    const stored = await getInitiative(a.chef!, id);
    expect(stored.status).toBe("NEEDS_INFO");
    expect(stored.comments.at(-1)!.body).toBe("Hur många ansökningar kommer per år?");
    const notes = await ctx.db.prisma.notification.findMany({ where: { userId: a.chef!.id, initiativeId: id } });
    expect(notes.map((n) => n.kind)).toEqual(["needsInfo"]);
    await updateInitiative(a.chef!, id, { ...base, version: version + 1, reachCount: 1200 });
    await submitInitiative(a.chef!, id, { version: version + 2 });
    expect((await getInitiative(a.dig!, id)).status).toBe("SUBMITTED");
  });

  it("approves a small initiative in the fast lane under delegation, and refuses one over the limit", async () => {
    const small = await submitted(eService);
    await approveInFastLane(a.dig!, small.id, { version: small.version, quadrant: "EXTERNAL_EFFICIENCY", rationale: "Liten och tydlig nytta för invånarna." });
    const stored = await getInitiative(a.dig!, small.id);
    expect(stored.status).toBe("APPROVED");
    const decision = await ctx.db.prisma.decision.findFirstOrThrow({ where: { initiativeId: small.id } });
    expect(decision).toMatchObject({ type: "APPROVE", underDelegation: true, meetingId: null, fromStatus: "SUBMITTED", toStatus: "APPROVED" });

    const dear = await submitted({ ...eService, estimatedCostSek: DEFAULT_TRIAGE_SETTINGS.delegationLimitSek + 1 });
    const refused = await approveInFastLane(a.dig!, dear.id, { version: dear.version, quadrant: "EXTERNAL_EFFICIENCY", rationale: "Försök" }).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((await getInitiative(a.dig!, dear.id)).status).toBe("SUBMITTED");
  });

  it("settings steer the suggestion; bad settings and wrong roles are refused", async () => {
    const { id } = await submitted(eService);
    expect((await triageView(a.dig!, id)).suggestion.size.value).toBe("SMALL");
    const settings = await triageSettings();
    await expect(updateTriageSettings(a.ledning!, settings)).rejects.toBeInstanceOf(ForbiddenError);
    const bad = await updateTriageSettings(a.dig!, { ...settings, size: { ...settings.size, smallMaxCostSek: settings.size.mediumMaxCostSek + 1 } }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    await updateTriageSettings(a.dig!, { ...settings, size: { ...settings.size, smallMaxCostSek: 10_000, smallMaxEffortHours: 10 } });
    expect((await triageView(a.dig!, id)).suggestion.size.value).toBe("MEDIUM");
    const audit = await ctx.db.prisma.auditEvent.findFirst({ where: { entityType: "Setting", action: "settings.update" } });
    expect(audit?.actorLabel).toBe(a.dig!.name);
    await updateTriageSettings(a.dig!, settings);
  });

  it("reports median and p90 days from submission to triage", async () => {
    const flow = await triageFlow(a.dig!);
    expect(flow.count).toBeGreaterThan(0);
    expect(flow.median).not.toBeNull();
    expect(flow.p90!).toBeGreaterThanOrEqual(flow.median!);
  });

  it("the queue page shows 50 at a time, oldest first, however long the queue grows", async () => {
    const department = a.chef!.departmentId!;
    const base = Date.parse("2020-01-01T08:00:00Z");
    // Older than anything else in the queue, so they fill the first pages in this order.
    await ctx.db.prisma.initiative.createMany({
      data: Array.from({ length: TRIAGE_PAGE_SIZE + 7 }, (_, i) => ({
        title: `Köad ${i}`, need: "Ett behov som väntar på triage.", benefitRecipient: "INTERNAL" as const, nature: "EFFICIENCY" as const,
        status: "SUBMITTED" as const, ownerDepartmentId: department, createdById: a.chef!.id, submittedAt: new Date(base + i * 60_000),
      })),
    });
    for (const who of ["chef", "ledning", "insyn"]) await expect(triageQueuePage(a[who]!, 1)).rejects.toBeInstanceOf(ForbiddenError);
    const whole = await triageQueue(a.dig!);
    const first = await triageQueuePage(a.dig!, 1);
    const second = await triageQueuePage(a.dig!, 2);
    expect(first.total).toBe(whole.length);
    expect(first.pages).toBe(Math.ceil(whole.length / TRIAGE_PAGE_SIZE));
    expect(first.rows.map((r) => r.title)).toEqual(Array.from({ length: TRIAGE_PAGE_SIZE }, (_, i) => `Köad ${i}`));
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(whole.slice(0, first.rows.length + second.rows.length).map((r) => r.id));
    expect(first.rows[0]).toEqual(whole[0]);
    // Beyond the last page or nonsense: the nearest page.
    expect((await triageQueuePage(a.dig!, 999)).page).toBe(first.pages);
    expect((await triageQueuePage(a.dig!, Number.NaN)).page).toBe(1);
  });
});
