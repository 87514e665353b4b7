// A property-based fuzzer driven by the OpenAPI document: requests to every documented operation
// with wrong types, missing and extra fields, huge strings, NUL bytes, lone surrogates, invalid
// UTF-8, prototype-pollution keys, malformed JSON, wrong content types and bodies over the limit,
// in bodies, queries and path parameters (fast-check, fixed seed, so a failure replays).
//
// Every answer must be below 500, have a status the document lists for the operation, and, when
// refused, the documented JSON error shape. And no refused request may write: its transaction ids
// are watched (a request that assigned none wrote nothing); when a refused request did assign one,
// a checksum of every table must equal the one before it (a rolled-back write is not a write).
//
// FUZZ_RUNS sets the requests per engine (CI: 5,000 per engine, 10,000 per run); the long
// profile is `npm run bench:reliability`.
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { buildFixture, call, cases, operations, validator, type Case, type Fixture, type JsonSchema, type TokenName } from "./api-cases";
import { describeEachEngine } from "./engines";

const RUNS = Number(process.env.FUZZ_RUNS ?? 5_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);

type Probe = Omit<Case, "name" | "status">;
type Parameter = { name: string; in: string; schema?: JsonSchema };

/** Strings an attacker tries first. */
const nasty = fc.constantFrom(
  "\u0000", "a\u0000b", "\uD800", "\uDFFF\uD800", "x".repeat(70_000), "__proto__", "constructor", "prototype",
  "'; DROP TABLE \"Initiative\"; --", "../../../etc/passwd", "%00", "%ZZ", "<script>alert(1)</script>", "=HYPERLINK(\"http://x\",\"y\")",
  "@SUM(1)", "-1", "1e309", "NaN", "Infinity", "0x10", " ", "", "\r\n", "\t", "😀".repeat(1000), "ǅ\u0301\u200B", "9".repeat(400),
  "2026-02-30", "2026-13-01", "0000-00-00", "2026Q5", "true", "null", "[]", "{}",
);
const hostileString = fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, -0), fc.boolean(), fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  // Deep nesting, which a recursive parser or validator could choke on.
  fc.integer({ min: 50, max: 3000 }).map((depth) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown),
);
const pollutionKey = fc.constantFrom("__proto__", "constructor", "prototype");

/** Mutations of a valid body: a field dropped, given a wrong value, an extra (or polluting) field added. */
function mutate(body: unknown): fc.Arbitrary<string> {
  const base = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const keys = Object.keys(base);
  const step = fc.oneof(
    keys.length ? fc.record({ kind: fc.constant("drop" as const), key: fc.constantFrom(...keys) }) : fc.record({ kind: fc.constant("drop" as const), key: fc.constant("none") }),
    keys.length ? fc.record({ kind: fc.constant("set" as const), key: fc.constantFrom(...keys), value: hostileValue }) : fc.record({ kind: fc.constant("set" as const), key: hostileString, value: hostileValue }),
    fc.record({ kind: fc.constant("extra" as const), key: fc.oneof(pollutionKey, hostileString), value: hostileValue }),
  );
  return fc.array(step, { minLength: 1, maxLength: 3 }).map((steps) => {
    // Built as text so that "__proto__" arrives as an own key, as it would over the wire.
    const entries = new Map<string, unknown>(Object.entries(base));
    for (const s of steps) {
      if (s.kind === "drop") entries.delete(s.key);
      else entries.set(s.key, s.value);
    }
    return `{${[...entries].map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`).join(",")}}`;
  });
}

/** A body that is not what it claims to be. */
const rawBody = fc.oneof(
  fc.constant({ body: "{ nope", contentType: "application/json" }),
  fc.constant({ body: "", contentType: "application/json" }),
  fc.constant({ body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]), contentType: "application/json" }),
  fc.constant({ body: `{"a":"${"x".repeat(300_000)}"}`, contentType: "application/json" }),
  fc.constant({ body: "<a>1</a>", contentType: "application/xml" }),
  fc.constant({ body: "title=x&ownerDepartmentId=y", contentType: "application/x-www-form-urlencoded" }),
  fc.constant({ body: "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n\u0000\r\n--x--", contentType: "multipart/form-data; boundary=x" }),
  fc.constant({ body: "{}", contentType: "text/plain" }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ body: JSON.stringify(v), contentType: "application/json; charset=utf-8" })),
  fc.string({ unit: "binary", maxLength: 200 }).map((s) => ({ body: s, contentType: "application/json" })),
);

describeEachEngine("fuzz: hostile requests to every documented operation", (ctx) => {
  let fx: Fixture;
  let secrets: Partial<Record<TokenName, string>>;
  /** Per operation: its first success case, the valid request the mutations start from. */
  const valid = new Map<string, Probe>();
  let ids: string[] = [];

  beforeAll(async () => {
    ({ fx, secrets } = await buildFixture(ctx.db.prisma));
    for (const [operationId, build] of Object.entries(cases)) {
      if (operationId === "restoreFull") continue; // its valid body is the whole export; random bodies only
      if (operationId === "getOptimiserRun") continue; // needs a run; its path parameters are fuzzed below
      const success = (await build(fx)).find((c) => c.status < 300);
      if (success) valid.set(operationId, success);
    }
    ids = [...new Set([...valid.values()].flatMap((c) => Object.values(c.params ?? {})))];
  }, 300_000);

  /**
   * Every table's rows, hashed in the database. Left out: what a GET may touch (a token's last use,
   * the export's own audit event) and optimiser runs, which an accepted request's worker keeps
   * writing (progress, result) while later requests run.
   */
  async function checksum(): Promise<string> {
    const tables = await ctx.db.prisma.$queryRaw<{ t: string }[]>`SELECT table_name::text AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'OptimiserRun') ORDER BY table_name`;
    const parts = tables.map(({ t }) => {
      const row = t === "ApiToken" ? `(to_jsonb(x) - 'lastUsedAt')::text` : "to_jsonb(x)::text";
      const where = t === "AuditEvent" ? ` WHERE x."action" <> 'data.export'` : "";
      return `SELECT '${t}' AS t, md5(coalesce(string_agg(md5(${row}), '' ORDER BY md5(${row})), '')) AS h FROM "${t}" x${where}`;
    });
    const rows = await ctx.db.prisma.$queryRawUnsafe<{ t: string; h: string }[]>(parts.join(" UNION ALL "));
    return rows.map((r) => `${r.t}:${r.h}`).sort().join(",");
  }
  /** The next transaction id to be assigned: unchanged means no one wrote (or even began to). */
  const nextXid = async () => (await ctx.db.prisma.$queryRaw<{ x: string }[]>`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`)[0]!.x;

  it(`${RUNS} requests: never a 5xx, always a documented status and error shape, no write from a refused one`, async () => {
    const operationIds = [...operations.keys()];
    const request = fc.constantFrom(...operationIds).chain((operationId) => {
      const { path: route, method, op } = operations.get(operationId)!;
      const base = valid.get(operationId);
      const names = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const query = ((op as unknown as { parameters?: Parameter[] }).parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
      const params = fc.oneof(
        { weight: 3, arbitrary: fc.constant(base?.params ?? {}) },
        fc.record(Object.fromEntries(names.map((n) => [n, fc.oneof(hostileString, ids.length ? fc.constantFrom(...ids) : hostileString)]))),
      );
      const queryArb = fc.oneof(
        fc.constant(base?.query),
        fc.dictionary(fc.oneof(query.length ? fc.constantFrom(...query) : hostileString, hostileString), hostileString, { maxKeys: 3 }).map((q) => ({ ...base?.query, ...q })),
      );
      const writes = method !== "GET";
      const bodyArb: fc.Arbitrary<Pick<Probe, "body" | "raw" | "form">> = writes
        ? fc.oneof(
            { weight: 5, arbitrary: mutate(base?.body).map((text) => ({ raw: { body: text, contentType: "application/json" } })) },
            { weight: 2, arbitrary: rawBody.map((raw) => ({ raw })) },
            { weight: 1, arbitrary: fc.constant({}) },
            { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 500 }).map((text) => {
              const form = new FormData();
              form.set("file", new File([text], "import.csv", { type: "text/csv" }));
              return { form };
            }) },
          )
        : fc.constant({});
      const as = fc.constantFrom<TokenName>("admin", "admin", "admin", "admin", "dig", "leadership", "viewer", "adminRead", "none");
      return fc.record({ operationId: fc.constant(operationId), params, query: queryArb, body: bodyArb, as });
    });

    let count = 0;
    let refused = 0;
    let checked = 0;
    const statuses = new Map<number, number>();
    const time = new Map<string, number>();
    let baseline: string | null = await checksum();
    await fc.assert(
      fc.asyncProperty(request, async ({ operationId, params, query, body, as }) => {
        const { method, op } = operations.get(operationId)!;
        baseline ??= await checksum();
        const before = await nextXid();
        const probe: Probe = { params, query, ...body };
        const started = performance.now();
        const response = await call(operationId, probe, as === "none" ? {} : { authorization: `Bearer ${secrets[as]}` });
        const text = await response.text();
        time.set(operationId, (time.get(operationId) ?? 0) + performance.now() - started);
        count++;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        // Described only when something is wrong (a 300 kB body is not stringified 5,000 times).
        const fail = (why: string) => {
          throw new Error(`${operationId} ${JSON.stringify({ params, query, as, body: JSON.stringify(body).slice(0, 300) })}: ${why}`);
        };
        if (response.status >= 500) fail(`${response.status}: ${text.slice(0, 300)}`);
        const documented = op.responses[String(response.status)];
        if (!documented) fail(`status ${response.status} is not documented: ${text.slice(0, 300)}`);
        if (response.status >= 400) {
          refused++;
          const check = validator(documented!.content?.["application/json"]?.schema ?? {});
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            fail(`not JSON: ${text.slice(0, 300)}`);
          }
          if (!check(json)) fail(`not the documented error shape: ${JSON.stringify(check.errors)}`);
          if ((await nextXid()) !== before) {
            checked++;
            if ((await checksum()) !== baseline) fail("a refused request wrote");
          }
        } else if (method !== "GET") baseline = null; // an accepted write: the next request starts from a new checksum
        // Nothing reached Object.prototype.
        if (Object.keys(Object.prototype).length || ({} as Record<string, unknown>).polluted !== undefined) fail("Object.prototype was changed");
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(`[fuzz] ${ctx.engine}: ${count} requests over ${operationIds.length} operations (seed ${SEED}); refused ${refused}, of which ${checked} began a transaction and were checked against the checksum; 0 5xx; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    const slowest = [...time].sort(([, a], [, b]) => b - a).slice(0, 5).map(([id, ms]) => `${id} ${Math.round(ms)} ms`);
    console.log(`[fuzz] ${ctx.engine}: the operations that took longest in all: ${slowest.join(", ")}`);
    expect(count).toBe(RUNS);
  }, 1_800_000);
});
