// Contract tests: every operation in /api/v1/openapi.json is called through its real route
// handler (in-process, authenticated with API tokens), and every answer, success or error,
// must have a documented status and a body that matches the documented schema. The cases
// themselves are in api-cases.ts.
import { beforeAll, expect, it } from "vitest";
import { exportAll } from "@/lib/server/full-export";
import { buildFixture, call, cases, MISSING, NO_SUCCESS_IN_PROCESS, operations, validator, WRITES_NOTHING, type Case, type Fixture, type TokenName } from "./api-cases";
import { describeEachEngine } from "./engines";


describeEachEngine("contract: every documented operation answers as documented", (ctx) => {
  let secrets: Partial<Record<TokenName, string>>;
  let fx: Fixture;
  const exercised = new Map<string, Set<number>>();
  /** Per writing operation: the most audit events one of its successes wrote. */
  const audited = new Map<string, number>();

  beforeAll(async () => {
    ({ fx, secrets } = await buildFixture(ctx.db.prisma));
  });

  async function run(operationId: string, c: Case, record = true): Promise<void> {
    const found = operations.get(operationId);
    if (!found) throw new Error(`cases has "${operationId}", which the document does not describe`);
    const { path: route, method, op } = found;
    const where = `${operationId} (${method} ${route}) – ${c.name}`;
    const as = c.as ?? "admin";

    // A success's request must itself match the documented request schema.
    if (c.status < 300 && c.body !== undefined) {
      const schema = op.requestBody?.content["application/json"]?.schema;
      expect(schema, `${where}: request body documented`).toBeTruthy();
      const check = validator(schema!);
      expect(check(c.body) ? [] : check.errors, `${where}: request matches the document`).toEqual([]);
    }

    const auditBefore = method === "GET" ? 0 : await fx.prisma.auditEvent.count();
    const response = await call(operationId, c, as === "none" ? {} : { authorization: `Bearer ${secrets[as]}` });
    const documented = op.responses[String(response.status)];
    const text = await response.text();
    expect(response.status, `${where}: ${text.slice(0, 300)}`).toBe(c.status);
    expect(documented, `${where}: status ${response.status} is documented`).toBeTruthy();

    const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
    const content = documented!.content ?? {};
    expect(Object.keys(content), `${where}: content type`).toContain(mediaType);
    if (mediaType === "application/json") {
      const check = validator(content[mediaType]!.schema!);
      const json = JSON.parse(text);
      expect(check(json) ? [] : check.errors, `${where}: body matches the ${response.status} schema`).toEqual([]);
    } else {
      expect(text.length, `${where}: a body`).toBeGreaterThan(0);
    }
    if (!record) return;
    if (method !== "GET" && response.status < 300) {
      const written = (await fx.prisma.auditEvent.count()) - auditBefore;
      audited.set(operationId, Math.max(audited.get(operationId) ?? 0, written));
      // Each names who (the token acts for its creator), what, on which entity, and what changed.
      for (const e of await fx.prisma.auditEvent.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], take: written })) {
        expect(e.actorLabel && e.action && e.entityType && e.entityId, `${where}: audit event ${e.action}`).toBeTruthy();
        expect(e.before !== null || e.after !== null, `${where}: audit event ${e.action} records a change`).toBe(true);
      }
    }
    const statuses = exercised.get(operationId) ?? new Set<number>();
    statuses.add(response.status);
    exercised.set(operationId, statuses);
  }

  for (const [operationId, build] of Object.entries(cases)) {
    it(operationId, async () => {
      for (const c of await build(fx)) await run(operationId, c);
    });
  }

  it("every operation answers an unknown token with 401 INVALID_TOKEN in the documented shape", async () => {
    for (const [operationId, { path: route, method }] of operations) {
      const params = Object.fromEntries([...route.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, MISSING]));
      const body = method === "GET" || method === "DELETE" ? undefined : { anything: true };
      // Not counted as the operation's error case: each operation needs one of its own in `cases`.
      await run(operationId, { name: "unknown token", as: "unknown", params, body, status: 401 }, false);
    }
  });

  it("hostile input: a NUL byte in a path parameter, control characters in the query, invalid UTF-8 in a body get 400 in the documented shape, and nothing is written", async () => {
    const checksum = async () => {
      const { entities } = await exportAll(fx.admin);
      // The export records itself, and a token records when it was last used: neither is the refused request's doing.
      const { apiTokens: _tokens, auditEvents, ...rest } = entities;
      return JSON.stringify({ ...rest, auditEvents: (auditEvents as { action: string }[]).filter((e) => e.action !== "data.export") });
    };
    const before = await checksum();
    let requests = 0;
    for (const [operationId, { path: route, method, op }] of operations) {
      const names = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const body = method === "GET" || method === "DELETE" ? undefined : { name: "x" };
      for (const hostile of ["\u0000", "a\u0000b", "x".repeat(65), "../../etc/passwd", "%00"]) {
        if (!names.length) break;
        await run(operationId, { name: `path parameter ${JSON.stringify(hostile)}`, params: Object.fromEntries(names.map((n) => [n, hostile])), body, status: 400 }, false);
        requests++;
      }
      const params = Object.fromEntries(names.map((n) => [n, MISSING]));
      await run(operationId, { name: "NUL in the query", params, query: { q: "a\u0000b" }, body, status: 400 }, false);
      requests++;
      // Where a JSON body is read (an optional one may be ignored, as documented).
      if (op.requestBody?.content["application/json"] && op.requestBody.required !== false) {
        await run(operationId, { name: "invalid UTF-8", params, raw: { body: new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), contentType: "application/json" }, status: 400 }, false);
        requests++;
      }
    }
    expect(requests).toBeGreaterThan(operations.size);
    expect(await checksum()).toBe(before);
  });

  it("every operation that writes leaves an audit event when it succeeds (a new one without fails here)", () => {
    const unaudited = [...audited].filter(([operationId, n]) => n === 0 && !WRITES_NOTHING.has(operationId)).map(([operationId]) => operationId);
    expect(unaudited).toEqual([]);
    // And the list of exceptions holds only operations that were called.
    for (const operationId of WRITES_NOTHING) expect(audited.has(operationId) || NO_SUCCESS_IN_PROCESS.has(operationId), operationId).toBe(true);
  });

  it("every documented operation was called, with at least one success and one error", () => {
    const documented = [...operations.keys()].sort();
    expect(Object.keys(cases).sort(), "cases and documented operations").toEqual(documented);
    for (const operationId of documented) {
      const statuses = [...(exercised.get(operationId) ?? [])];
      if (!NO_SUCCESS_IN_PROCESS.has(operationId)) expect(statuses.some((s) => s >= 200 && s < 300), `${operationId}: a success`).toBe(true);
      expect(statuses.some((s) => s >= 400 && s < 500), `${operationId}: an error`).toBe(true);
    }
  });
});
