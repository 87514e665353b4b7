import { createHash } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { AppError, ValidationError } from "@/lib/server/errors";
import { createToken, listTokens, revokeToken, tokenActor } from "@/lib/server/api-tokens";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as tokenRoute from "@/app/api/v1/tokens/[id]/route";
import * as commentsRoute from "@/app/api/v1/initiatives/[id]/comments/route";
import * as initiativesRoute from "@/app/api/v1/initiatives/route";
import { seedDemo } from "@/prisma/seed/demo";
import { describeEachEngine } from "./engines";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const noParams = { params: Promise.resolve({}) } as { params: Promise<Record<string, never>> };

function call(url: string, init: { method?: string; token?: string | null; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined && init.token !== null) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://localhost${url}`, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

describeEachEngine("API tokens", (ctx) => {
  const a: Record<string, Actor> = {};
  let initiativeId = "";
  beforeAll(async () => {
    await seedDemo(ctx.db.prisma);
    for (const u of await ctx.db.prisma.user.findMany()) a[u.email.split("@")[0]!] = { id: u.id, role: u.role, departmentId: u.departmentId, name: u.name };
    initiativeId = (await ctx.db.prisma.initiative.findFirstOrThrow({ where: { status: "SUBMITTED" }, orderBy: { number: "asc" } })).id;
  });

  it("admin creates a token: the secret is returned once, stored only as its SHA-256 with a prefix, and the creation is audited", async () => {
    const created = await createToken(a.admin!, { name: "Ekonomisystemet", role: "VIEWER", scopes: ["READ"], expiresAt: inDays(90) });
    expect(created.secret).toMatch(/^pf_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: "Ekonomisystemet", role: "VIEWER", scopes: ["READ"], status: "ACTIVE", lastUsedAt: null, revokedAt: null, prefix: created.secret.slice(0, 11) });
    expect(created.expiresAt.toISOString()).toBe(`${inDays(91)}T00:00:00.000Z`);

    const row = await ctx.db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secretHash).toBe(createHash("sha256").update(created.secret).digest("hex"));
    expect(row.createdById).toBe(a.admin!.id);
    // The secret itself is nowhere in the row (only its first 11 characters, as the prefix).
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(11));

    const audit = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "ApiToken", entityId: created.id, action: "apiToken.create" } });
    expect(audit).toMatchObject({ actorId: a.admin!.id, actorLabel: a.admin!.name });
    expect(audit.after).toMatchObject({ name: "Ekonomisystemet", role: "VIEWER", scopes: ["READ"] });
    expect(JSON.stringify(audit)).not.toContain(created.secret.slice(11));

    const listed = (await listTokens(a.admin!)).find((t) => t.id === created.id)!;
    expect(listed).toMatchObject({ name: "Ekonomisystemet", prefix: created.prefix, status: "ACTIVE", createdBy: a.admin!.name });
    expect(listed).not.toHaveProperty("secret");
    expect(listed).not.toHaveProperty("secretHash");
  });

  it("WRITE brings READ along; two active tokens may not share a name", async () => {
    const created = await createToken(a.admin!, { name: "Integration A", role: "DIG", scopes: ["WRITE"], expiresAt: inDays(10) });
    expect(created.scopes).toEqual(["READ", "WRITE"]);
    const clash = await createToken(a.admin!, { name: "Integration A", role: "VIEWER", scopes: ["READ"], expiresAt: inDays(10) }).catch((e) => e);
    expect(clash).toBeInstanceOf(ValidationError);
    expect((clash as AppError).issues).toEqual([{ path: "name", message: "nameTaken" }]);
  });

  it("only ADMIN manages tokens: every other role gets 403 and nothing is written", async () => {
    const target = await createToken(a.admin!, { name: "Mål för återkallning", role: "VIEWER", scopes: ["READ"], expiresAt: inDays(5) });
    const before = { tokens: await ctx.db.prisma.apiToken.count(), audit: await ctx.db.prisma.auditEvent.count() };
    for (const who of ["chef", "dig", "ledning", "insyn"]) {
      await expect(listTokens(a[who]!), who).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createToken(a[who]!, { name: `Av ${who}`, role: "VIEWER", scopes: ["READ"], expiresAt: inDays(5) }), who).rejects.toBeInstanceOf(ForbiddenError);
      await expect(revokeToken(a[who]!, target.id), who).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect({ tokens: await ctx.db.prisma.apiToken.count(), audit: await ctx.db.prisma.auditEvent.count() }).toEqual(before);
    expect((await ctx.db.prisma.apiToken.findUniqueOrThrow({ where: { id: target.id } })).revokedAt).toBeNull();
  });

  it("bad input gets 400 with per-field issues and writes nothing", async () => {
    const before = { tokens: await ctx.db.prisma.apiToken.count(), audit: await ctx.db.prisma.auditEvent.count() };
    const bad = [
      [{ name: "", role: "VIEWER", scopes: ["READ"], expiresAt: inDays(5) }, "name"],
      [{ name: "X", role: "DEPARTMENT_MANAGER", scopes: ["READ"], expiresAt: inDays(5) }, "role"],
      [{ name: "X", role: "VIEWER", scopes: [], expiresAt: inDays(5) }, "scopes"],
      [{ name: "X", role: "VIEWER", scopes: ["READ"], expiresAt: inDays(-1) }, "expiresAt"],
      [{ name: "X", role: "VIEWER", scopes: ["READ"], expiresAt: inDays(800) }, "expiresAt"],
      [{ name: "X", role: "VIEWER", scopes: ["READ"] }, "expiresAt"],
    ] as const;
    for (const [input, path] of bad) {
      const error = await createToken(a.admin!, input).catch((e) => e);
      expect(error, path).toBeInstanceOf(ValidationError);
      expect((error as AppError).issues!.map((i) => i.path), path).toContain(path);
    }
    const admin = await createToken(a.admin!, { name: "Admin-token för bad input", role: "ADMIN", scopes: ["WRITE"], expiresAt: inDays(5) });
    const malformed = await tokensRoute.POST(new Request("http://localhost/api/v1/tokens", { method: "POST", headers: { authorization: `Bearer ${admin.secret}`, "content-type": "application/json" }, body: "{ nope" }), noParams);
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("MALFORMED_JSON");
    const wrongType = await tokensRoute.POST(new Request("http://localhost/api/v1/tokens", { method: "POST", headers: { authorization: `Bearer ${admin.secret}`, "content-type": "text/plain" }, body: "x" }), noParams);
    expect(wrongType.status).toBe(415);
    const unknownField = await tokensRoute.POST(call("/api/v1/tokens", { method: "POST", token: admin.secret, body: { name: "Y", role: "VIEWER", scopes: ["READ"], expiresAt: inDays(5), secret: "pf_mine" } }), noParams);
    expect(unknownField.status).toBe(400);
    expect((await unknownField.json()).error.issues).toEqual([{ path: "", message: "unknownField" }]);
    expect({ tokens: await ctx.db.prisma.apiToken.count(), audit: await ctx.db.prisma.auditEvent.count() }).toEqual({ tokens: before.tokens + 1, audit: before.audit + 1 });
  });

  it("a token acts through the API with its role: a READ token reads (200) but may not write (403); its use is recorded, at most once a minute", async () => {
    const read = await createToken(a.admin!, { name: "Läsande system", role: "LEADERSHIP", scopes: ["READ"], expiresAt: inDays(5) });
    const list = await initiativesRoute.GET(call("/api/v1/initiatives?pageSize=5", { token: read.secret }), noParams);
    expect(list.status).toBe(200);
    expect((await list.json()).data).toHaveLength(5);
    const firstUse = (await ctx.db.prisma.apiToken.findUniqueOrThrow({ where: { id: read.id } })).lastUsedAt;
    expect(firstUse).not.toBeNull();
    expect(Date.now() - firstUse!.getTime()).toBeLessThan(60_000);

    const before = await ctx.db.prisma.comment.count();
    const write = await commentsRoute.POST(call(`/api/v1/initiatives/${initiativeId}/comments`, { method: "POST", token: read.secret, body: { body: "Får inte skrivas" } }), { params: Promise.resolve({ id: initiativeId }) });
    expect(write.status).toBe(403);
    expect((await write.json()).error.code).toBe("INSUFFICIENT_SCOPE");
    expect(await ctx.db.prisma.comment.count()).toBe(before);

    // Within the minute: no second write of lastUsedAt.
    await initiativesRoute.GET(call("/api/v1/initiatives?pageSize=1", { token: read.secret }), noParams);
    expect((await ctx.db.prisma.apiToken.findUniqueOrThrow({ where: { id: read.id } })).lastUsedAt).toEqual(firstUse);
    // A minute later (as the clock sees it), the next use is recorded.
    const later = new Date(firstUse!.getTime() + 61_000);
    await tokenActor(read.secret, "GET", later);
    expect((await ctx.db.prisma.apiToken.findUniqueOrThrow({ where: { id: read.id } })).lastUsedAt).toEqual(later);
  });

  it("a WRITE token writes under its role, audited as 'API-token: <name>' with no user", async () => {
    const dig = await createToken(a.admin!, { name: "Ärendehanteringen", role: "DIG", scopes: ["READ", "WRITE"], expiresAt: inDays(5) });
    const res = await commentsRoute.POST(call(`/api/v1/initiatives/${initiativeId}/comments`, { method: "POST", token: dig.secret, body: { body: "Synkat från ärendehanteringen" } }), { params: Promise.resolve({ id: initiativeId }) });
    expect(res.status).toBe(201);
    const { data } = await res.json();
    const comment = await ctx.db.prisma.comment.findUniqueOrThrow({ where: { id: data.id } });
    expect(comment.authorId).toBeNull();
    const audit = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "Initiative", entityId: initiativeId }, orderBy: { at: "desc" } });
    expect(audit).toMatchObject({ actorId: null, actorLabel: "API-token: Ärendehanteringen" });

    // The same policy as people: a DIG identity may not register initiatives.
    const department = await ctx.db.prisma.department.findFirstOrThrow();
    const create = await initiativesRoute.POST(call("/api/v1/initiatives", { method: "POST", token: dig.secret, body: { title: "Via token", ownerDepartmentId: department.id } }), noParams);
    expect(create.status).toBe(403);
    expect((await create.json()).error.code).toBe("FORBIDDEN");
  });

  it("an ADMIN token with WRITE manages tokens through the API; the revocation is audited under the token's name", async () => {
    const admin = await createToken(a.admin!, { name: "Driftautomatik", role: "ADMIN", scopes: ["WRITE"], expiresAt: inDays(5) });
    const created = await tokensRoute.POST(call("/api/v1/tokens", { method: "POST", token: admin.secret, body: { name: "Skapad av automatik", role: "VIEWER", scopes: ["READ"], expiresAt: inDays(3) } }), noParams);
    expect(created.status).toBe(201);
    const token = (await created.json()).data;
    expect(token.secret).toMatch(/^pf_/);
    const row = await ctx.db.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.createdById).toBeNull();

    const listed = await tokensRoute.GET(call("/api/v1/tokens", { token: admin.secret }), noParams);
    expect(listed.status).toBe(200);
    const names = (await listed.json()).data.map((t: { name: string; secret?: string }) => (t.secret ? "LEAK" : t.name));
    expect(names).toContain("Skapad av automatik");
    expect(names).not.toContain("LEAK");

    const revoked = await tokenRoute.DELETE(call(`/api/v1/tokens/${token.id}`, { method: "DELETE", token: admin.secret }), { params: Promise.resolve({ id: token.id }) });
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).data).toMatchObject({ id: token.id, status: "REVOKED" });
    const audit = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: token.id, action: "apiToken.revoke" } });
    expect(audit).toMatchObject({ actorId: null, actorLabel: "API-token: Driftautomatik" });

    // Revoking again changes nothing and records nothing; an unknown id is 404.
    const again = await tokenRoute.DELETE(call(`/api/v1/tokens/${token.id}`, { method: "DELETE", token: admin.secret }), { params: Promise.resolve({ id: token.id }) });
    expect(again.status).toBe(200);
    expect(await ctx.db.prisma.auditEvent.count({ where: { entityId: token.id, action: "apiToken.revoke" } })).toBe(1);
    const missing = await tokenRoute.DELETE(call("/api/v1/tokens/nope", { method: "DELETE", token: admin.secret }), { params: Promise.resolve({ id: "nope" }) });
    expect(missing.status).toBe(404);
  });

  it("a revoked, an expired, an unknown or a malformed token gets 401 INVALID_TOKEN; no credential gets 401 too", async () => {
    const revoked = await createToken(a.admin!, { name: "Snart återkallad", role: "VIEWER", scopes: ["READ"], expiresAt: inDays(5) });
    expect((await initiativesRoute.GET(call("/api/v1/initiatives", { token: revoked.secret }), noParams)).status).toBe(200);
    await revokeToken(a.admin!, revoked.id);
    const expired = await createToken(a.admin!, { name: "Snart utgången", role: "VIEWER", scopes: ["READ"], expiresAt: inDays(5) });
    await ctx.db.prisma.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const unknown = "pf_" + "A".repeat(43);
    for (const [label, token] of [["revoked", revoked.secret], ["expired", expired.secret], ["unknown", unknown], ["malformed", "not-a-token"], ["empty", ""]] as const) {
      const res = await initiativesRoute.GET(call("/api/v1/initiatives", { token }), noParams);
      expect(res.status, label).toBe(401);
      expect(res.headers.get("www-authenticate"), label).toContain("Bearer");
      expect(await res.json(), label).toEqual({ error: { code: "INVALID_TOKEN", message: expect.any(String) } });
    }
    // A revoked READ token trying to write: 401 first (who you are), not 403.
    const write = await commentsRoute.POST(call(`/api/v1/initiatives/${initiativeId}/comments`, { method: "POST", token: revoked.secret, body: { body: "x" } }), { params: Promise.resolve({ id: initiativeId }) });
    expect(write.status).toBe(401);
    const anonymous = await initiativesRoute.GET(call("/api/v1/initiatives"), noParams);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("UNAUTHENTICATED");
    const listed = await listTokens(a.admin!);
    expect(listed.find((t) => t.id === revoked.id)!.status).toBe("REVOKED");
    expect(listed.find((t) => t.id === expired.id)!.status).toBe("EXPIRED");
    // An expired token's name is free again.
    await expect(createToken(a.admin!, { name: "Snart utgången", role: "VIEWER", scopes: ["READ"], expiresAt: inDays(5) })).resolves.toMatchObject({ status: "ACTIVE" });
  });
});
