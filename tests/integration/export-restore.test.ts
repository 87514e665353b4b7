import { afterAll, beforeAll, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { verifyPassword } from "@/lib/auth/password";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/server/errors";
import { databaseRowCounts, exportAll, restoreAll, type ExportDocument } from "@/lib/server/full-export";
import { ENTITIES } from "@/lib/server/full-export/entities";
import { updateScoreWeights } from "@/lib/server/settings";
import { DEFAULT_SCORE_WEIGHTS } from "@/lib/domain/score";
import { generate } from "@/bench/generate";
import { seedDemo } from "@/prisma/seed/demo";
import { describeEachEngine, engines, type Engine } from "./engines";

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const withoutTime = ({ exportedAt: _at, ...rest }: ExportDocument) => rest;
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describeEachEngine("full export and restore", (ctx) => {
  const a: Record<string, Actor> = {};
  const opened: Awaited<ReturnType<Engine["open"]>>[] = [];
  /** A fresh, migrated, empty database on the same engine. */
  const fresh = async (): Promise<Database> => {
    const engine = engines().find((e) => e.name === ctx.engine)!;
    const target = await engine.open();
    opened.push(target);
    return target.db;
  };
  let docA: ExportDocument;

  beforeAll(async () => {
    await seedDemo(ctx.db.prisma);
    // More of everything: allocations, triage, audit trails, a stored setting and an API token.
    await generate(ctx.db.prisma, 60);
    for (const u of await ctx.db.prisma.user.findMany()) a[u.email.split("@")[0]!] = { id: u.id, role: u.role, departmentId: u.departmentId, name: u.name };
    await updateScoreWeights(a.admin!, { ...DEFAULT_SCORE_WEIGHTS, urgency: 3 });
    await ctx.db.prisma.apiToken.create({
      data: { name: "Ekonomisystemet", prefix: "pf_abc", secretHash: "sha256:00ff", scopes: ["READ", "WRITE"], role: "VIEWER", createdById: a.admin!.id, expiresAt: new Date("2027-01-01T00:00:00.000Z") },
    });
    docA = clone(await exportAll(a.admin!, ctx.db.prisma));
  });
  afterAll(async () => {
    for (const target of opened) await target.dispose();
  });

  it("exports every model in dependency order, with the format version and nothing excluded", async () => {
    expect(docA).toMatchObject({ format: "portfoljen-export", version: 1, excluded: [], sensitive: ["users.passwordHash", "users.email", "passwordLinks.secretHash", "apiTokens.secretHash"] });
    expect(docA.schema).toMatch(/^\d{14}_/);
    expect(Object.keys(docA.entities)).toEqual(ENTITIES.map((e) => e.key));
    const counts = await databaseRowCounts(a.admin!, ctx.db.prisma);
    // The export's own audit event came after the read.
    expect(counts.auditEvents).toBe(docA.entities.auditEvents!.length + 1);
    for (const e of ENTITIES) if (e.key !== "auditEvents") expect([e.key, docA.entities[e.key]!.length]).toEqual([e.key, counts[e.key]]);
    for (const key of ["departments", "users", "initiatives", "statusChanges", "resourceAllocations", "portfolioMeetings", "notifications", "apiTokens", "settings"]) {
      expect([key, docA.entities[key]!.length > 0]).toEqual([key, true]);
    }
    const ids = docA.entities.initiatives!.map((i) => i.id as string);
    expect(ids).toEqual([...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    const admin = docA.entities.users!.find((u) => u.email === "admin@demo.kommun.se")!;
    expect(admin.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(typeof admin.createdAt).toBe("string");
    const lastExport = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "data.export" }, orderBy: { at: "desc" } });
    expect([lastExport.actorId, lastExport.entityType]).toEqual([a.admin!.id, "Database"]);
  });

  it("round trip: export → restore into a fresh database → export gives the same document", async () => {
    const b = await fresh();
    const result = await restoreAll(a.admin!, clone(docA), b.prisma);
    expect(result.rows).toBe(total(Object.fromEntries(Object.entries(docA.entities).map(([k, rows]) => [k, rows.length]))));
    const docB = clone(await exportAll(a.admin!, b.prisma));
    // The one difference, by design: the restore left its own audit event.
    const restoreEvents = docB.entities.auditEvents!.filter((e) => e.action === "data.restore");
    expect(restoreEvents).toHaveLength(1);
    expect(restoreEvents[0]).toMatchObject({ actorId: a.admin!.id, entityType: "Database", after: { exportedAt: docA.exportedAt, rows: result.rows } });
    docB.entities.auditEvents = docB.entities.auditEvents!.filter((e) => e.action !== "data.restore");
    expect(withoutTime(docB)).toEqual(withoutTime(docA));

    // Sign-in works with the restored password hashes, and numbers continue after the highest.
    const admin = await b.prisma.user.findUniqueOrThrow({ where: { email: "admin@demo.kommun.se" } });
    expect(await verifyPassword("demo", admin.passwordHash!)).toBe(true);
    const highest = Math.max(...docA.entities.initiatives!.map((i) => i.number as number));
    const next = await b.prisma.initiative.create({ data: { title: "Efter återläsning", ownerDepartmentId: docA.entities.departments![0]!.id as string } });
    expect(next.number).toBe(highest + 1);
  });

  it("refuses to restore into a database that holds data, and writes nothing", async () => {
    const before = await databaseRowCounts(a.admin!, ctx.db.prisma);
    const error = (await restoreAll(a.admin!, clone(docA), ctx.db.prisma).catch((e) => e)) as AppError;
    expect([error.status, error.code]).toEqual([409, "DATABASE_NOT_EMPTY"]);
    expect(error.message).toContain("empty database");
    expect(await databaseRowCounts(a.admin!, ctx.db.prisma)).toEqual(before);
  });

  it("refuses a corrupted document with a clear message and writes nothing", async () => {
    const c = await fresh();
    const attempt = async (doc: unknown) => (await restoreAll(a.admin!, doc, c.prisma).catch((e) => e)) as AppError;

    expect((await attempt({ hello: "world" })).code).toBe("NOT_AN_EXPORT");
    const version = await attempt({ ...clone(docA), version: 2 });
    expect([version.status, version.code, version.message]).toEqual([400, "UNSUPPORTED_VERSION", "The export has format version 2; this Portföljen restores version 1."]);

    const dangling = clone(docA);
    dangling.entities.initiatives![3]!.ownerDepartmentId = "no-such-department";
    const refError = await attempt(dangling);
    expect(refError.code).toBe("INVALID_EXPORT");
    expect(refError.issues).toEqual([{ path: "entities.initiatives.3.ownerDepartmentId", message: 'refers to departments "no-such-department", which is not in the export' }]);

    const wrongType = clone(docA);
    wrongType.entities.users![0]!.role = "KING";
    wrongType.entities.departments![1]!.surprise = true;
    const typeError = await attempt(wrongType);
    expect(typeError.code).toBe("INVALID_EXPORT");
    expect(typeError.issues?.map((i) => i.path).sort()).toEqual(["entities.departments.1", "entities.users.0.role"]);

    const duplicateId = clone(docA);
    duplicateId.entities.comments!.push(clone(duplicateId.entities.comments![0]!));
    expect((await attempt(duplicateId)).issues?.[0]?.message).toMatch(/^duplicate primary key id/);

    const otherSchema = clone(docA);
    otherSchema.schema = "20200101000000_older";
    expect((await attempt(otherSchema)).code).toBe("SCHEMA_MISMATCH");

    // Valid on its face but breaks a unique rule late in the write: the transaction rolls back.
    const sameEmail = clone(docA);
    sameEmail.entities.users![1]!.email = sameEmail.entities.users![0]!.email;
    const unique = await attempt(sameEmail);
    expect([unique.status, unique.code]).toEqual([400, "INVALID_EXPORT"]);
    expect(unique.message).toMatch(/rule of the database: .*email/);

    expect(total(await databaseRowCounts(a.admin!, c.prisma))).toBe(0);
  });

  it("refuses a NUL byte or a lone surrogate in a text or JSON field with a 400, and writes nothing", async () => {
    const c = await fresh();
    const attempt = async (doc: unknown) => (await restoreAll(a.admin!, doc, c.prisma).catch((e) => e)) as AppError;
    const inText = clone(docA);
    inText.entities.initiatives![2]!.title = "Nul\u0000byte";
    const inJson = clone(docA);
    const event = inJson.entities.auditEvents!.find((e) => e.after && typeof e.after === "object")!;
    event.after = { ...(event.after as object), note: "Nul\u0000byte" };
    const surrogate = clone(docA);
    surrogate.entities.comments![0]!.body = "half \ud800 a pair";
    for (const doc of [inText, inJson, surrogate]) {
      const error = await attempt(doc);
      expect([error.status, error.code]).toEqual([400, "INVALID_EXPORT"]);
      expect(error.issues?.[0]?.message).toMatch(/cannot be stored/);
    }
    expect(total(await databaseRowCounts(a.admin!, c.prisma))).toBe(0);
  });

  it("lets only an administrator export and restore", async () => {
    for (const who of ["chef", "dig", "ledning", "insyn"]) {
      await expect(exportAll(a[who]!, ctx.db.prisma)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(restoreAll(a[who]!, clone(docA), ctx.db.prisma)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
