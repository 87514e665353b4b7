// The full export and restore stream (issue #18): the export is, byte for byte, the document the
// export wrote when it built it in memory; the restore writes while it reads, in batches, and
// still leaves nothing behind when the very last row is bad. Both engines.
import fs from "node:fs";
import os from "node:os";
import { afterAll, beforeAll, expect, it, onTestFinished } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/export/full/route";
import type { Actor } from "@/lib/auth/roles";
import type { Database } from "@/lib/db";
import { createToken } from "@/lib/server/api-tokens";
import type { AppError } from "@/lib/server/errors";
import { databaseRowCounts, EXPORT_FORMAT, EXPORT_VERSION, SENSITIVE_FIELDS, restoreStream, writeExport, type ExportDocument } from "@/lib/server/full-export";
import { ENTITIES } from "@/lib/server/full-export/entities";
import { generate } from "@/bench/generate";
import { seedDemo } from "@/prisma/seed/demo";
import { describeEachEngine, engines, type Engine } from "./engines";

type Row = Record<string, unknown>;
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The export as it was built before it streamed: every table read whole, sorted by primary key by code unit. */
async function previousEntities(db: Database): Promise<Record<string, Row[]>> {
  const plain = (row: Row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
  const byKey = (keys: string[]) => (a: Row, b: Row) => {
    for (const k of keys) {
      const [x, y] = [a[k] as string | number, b[k] as string | number];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
  return db.prisma.$transaction(
    async (tx) => {
      const entities: Record<string, Row[]> = {};
      for (const entity of ENTITIES) entities[entity.key] = (await entity.read(tx)).map(plain).sort(byKey(entity.primaryKey));
      return entities;
    },
    { isolationLevel: "RepeatableRead", timeout: 120_000 },
  );
}

/** Where two texts part, with a little of each around it; null when they are the same. */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i} of ${a.length}/${b.length}: …${a.slice(Math.max(0, i - 80), i + 80)}… vs …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

async function exportText(actor: Actor, db: Database, pageRows?: number): Promise<{ text: string; pieces: number }> {
  const parts: string[] = [];
  await writeExport(actor, (piece) => void parts.push(piece), db.prisma, { pageRows });
  return { text: parts.join(""), pieces: parts.length };
}

/** A document in 4 kB pieces, noting how many rows the restore had written when the last piece was asked for. */
function pieces(text: string, seen: { writtenBeforeLast: number; written: number }) {
  const bytes = new TextEncoder().encode(text);
  const size = 4096;
  return (function* () {
    for (let i = 0; i < bytes.length; i += size) {
      if (i + size >= bytes.length) seen.writtenBeforeLast = seen.written;
      yield bytes.subarray(i, i + size);
    }
  })();
}

describeEachEngine("streamed full export and restore", (ctx) => {
  let admin: Actor;
  const opened: Awaited<ReturnType<Engine["open"]>>[] = [];
  const fresh = async (): Promise<Database> => {
    const target = await engines().find((e) => e.name === ctx.engine)!.open();
    opened.push(target);
    return target.db;
  };

  beforeAll(async () => {
    const db = ctx.db.prisma;
    await seedDemo(db);
    await generate(db, 60);
    const u = await db.user.findFirstOrThrow({ where: { email: "admin@demo.kommun.se" } });
    admin = { id: u.id, role: u.role, departmentId: u.departmentId, name: u.name };
    // Rows that refer to their own table's rows further on in primary-key order.
    await db.department.create({ data: { id: "zz-förälder", name: "Förälder (ström)", shortName: "FÖR", kind: "DEPARTMENT" } });
    await db.department.create({ data: { id: "aa-barn", name: "Barn (ström)", shortName: "BARN", kind: "COMPANY", parentId: "zz-förälder" } });
    const indicator = await db.benefitIndicator.findFirstOrThrow();
    await db.measurement.create({ data: { id: "zz-mätning", indicatorId: indicator.id, measuredAt: new Date("2026-03-31T00:00:00.000Z"), value: 0.1 + 0.2 } });
    await db.measurement.create({ data: { id: "00-rättelse", indicatorId: indicator.id, measuredAt: new Date("2026-03-31T00:00:00.000Z"), value: -1e-7, correctsId: "zz-mätning", note: "😀 \u2028 \"citat\"" } });
    // Enum arrays, JSON columns with numbers, text and nesting.
    await db.apiToken.create({ data: { name: "Ström", prefix: "pf_str", secretHash: "sha256:ab", scopes: ["READ", "WRITE"], role: "VIEWER", createdById: admin.id, expiresAt: new Date("2027-01-01T00:00:00.123Z") } });
    const scenario = await db.scenario.create({ data: { name: "Scenario å", changes: { add: [1, 2.5, 1e21, { "ö": null, t: "tab\tx" }], nested: [[[["djupt"]]]] }, createdById: admin.id } });
    await db.optimiserRun.create({ data: { scenarioId: scenario.id, scenarioVersion: 1, status: "DONE", timeLimitSeconds: 5, progress: [0.1, 0.30000000000000004], result: "text", startedById: admin.id } });
  });
  afterAll(async () => {
    for (const target of opened) await target.dispose();
  });

  it("writes, byte for byte, the document the export built in memory before, in many pieces, and audits itself after the read", async () => {
    const before = await previousEntities(ctx.db);
    const eventsBefore = (await databaseRowCounts(admin, ctx.db.prisma)).auditEvents!;
    // Pages of 7 rows: tables of many pages, and pages that end exactly at a table's end.
    const { text, pieces: count } = await exportText(admin, ctx.db, 7);
    const { exportedAt, schema } = JSON.parse(text) as ExportDocument;
    const previous = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, schema, excluded: [], sensitive: SENSITIVE_FIELDS, entities: before });
    expect(firstDifference(text, previous)).toBeNull();
    expect(count).toBeGreaterThan(total(Object.fromEntries(Object.entries(before).map(([k, rows]) => [k, rows.length]))) / 7);
    expect((await databaseRowCounts(admin, ctx.db.prisma)).auditEvents).toBe(eventsBefore + 1);
    // The default page size gives the same text.
    const again = await exportText(admin, ctx.db);
    const doc = JSON.parse(again.text) as ExportDocument;
    expect(doc.entities.auditEvents!.length).toBe(before.auditEvents!.length + 1);
    doc.entities.auditEvents = doc.entities.auditEvents!.filter((e) => e.action !== "data.export" || before.auditEvents!.some((b) => b.id === e.id));
    expect(JSON.stringify({ ...doc, exportedAt })).toBe(previous);
  });

  it("serves the download streamed, complete, with its length, and leaves no temporary file behind", async () => {
    // A temporary directory of this process's own: other test files export at the same time, into the shared one.
    const shared = process.env.TMPDIR;
    const own = fs.mkdtempSync(`${os.tmpdir()}/export-stream-`);
    process.env.TMPDIR = own;
    onTestFinished(() => {
      if (shared === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = shared;
      fs.rmSync(own, { recursive: true, force: true });
    });
    expect(os.tmpdir()).toBe(own);
    const spooled = () => fs.readdirSync(own).length;
    const token = (await createToken(admin, { name: "Ström export", role: "ADMIN", scopes: ["READ"], expiresAt: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) })).secret;
    const response = await exportRoute(new Request("http://localhost/api/v1/export/full", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.body).toBeInstanceOf(ReadableStream);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Number(response.headers.get("content-length"))).toBe(bytes.length);
    expect(response.headers.get("content-disposition")).toMatch(/portfoljen-export-\d{4}-\d{2}-\d{2}\.json/);
    const doc = JSON.parse(new TextDecoder().decode(bytes)) as ExportDocument;
    expect(Object.keys(doc.entities)).toEqual(ENTITIES.map((e) => e.key));
    expect(spooled()).toBe(0);
  });

  it("restores while it reads, in batches, and the restored database exports the same document", async () => {
    const { text } = await exportText(admin, ctx.db);
    const target = await fresh();
    const seen = { writtenBeforeLast: 0, written: 0 };
    const result = await restoreStream(admin, pieces(text, seen), target.prisma, { batchRows: 50, onProgress: (rows) => (seen.written = rows) });
    // Rows were in the database before the document had been read to its end.
    expect(seen.writtenBeforeLast).toBeGreaterThan(1000);
    expect(seen.written).toBe(result.rows);
    const source = JSON.parse(text) as ExportDocument;
    const restored = JSON.parse((await exportText(admin, target)).text) as ExportDocument;
    restored.entities.auditEvents = restored.entities.auditEvents!.filter((e) => e.action !== "data.restore");
    expect(firstDifference(JSON.stringify({ ...restored, exportedAt: "" }), JSON.stringify({ ...source, exportedAt: "" }))).toBeNull();
    expect(restored.entities.departments!.find((d) => d.id === "aa-barn")!.parentId).toBe("zz-förälder");
  });

  it("leaves the database empty when the last row of the document is bad, however it is bad", async () => {
    const { text } = await exportText(admin, ctx.db);
    const doc = JSON.parse(text) as ExportDocument;
    const lastKey = [...ENTITIES].reverse().find((e) => doc.entities[e.key]!.length > 0)!.key;
    const last = doc.entities[lastKey]!.length - 1;
    const withLast = (change: (row: Row) => void) => {
      const copy = JSON.parse(text) as ExportDocument;
      change(copy.entities[lastKey]![last]!);
      return JSON.stringify(copy);
    };
    const statusRows = doc.entities.statusChanges!;
    const duplicateLate = JSON.parse(text) as ExportDocument;
    duplicateLate.entities.statusChanges![statusRows.length - 1]!.id = statusRows[3]!.id;

    const key = ENTITIES.find((e) => e.key === lastKey)!.primaryKey[0]!;
    const cases: [string, string, string, { path: string; message: string } | null][] = [
      ["a field of the wrong type", withLast((row) => (row[key] = [key])), "INVALID_EXPORT", { path: `entities.${lastKey}.${last}.${key}`, message: expect.stringMatching(/^Invalid input: expected \w+, received array$/) as unknown as string }],
      ["a field it does not know", withLast((row) => (row.surprise = true)), "INVALID_EXPORT", { path: `entities.${lastKey}.${last}`, message: 'Unrecognized key: "surprise"' }],
      ["the document cut short", text.slice(0, -3), "MALFORMED_JSON", null],
      ["a key taken by a row batches earlier", JSON.stringify(duplicateLate), "INVALID_EXPORT", { path: `entities.statusChanges.${statusRows.length - 1}`, message: `duplicate primary key id = ["${statusRows[3]!.id}"]` }],
    ];
    const refersTo = Object.entries(ENTITIES.find((e) => e.key === lastKey)!.references).find(([, target]) => target === "users");
    if (refersTo) {
      const [field] = refersTo;
      cases.push(["a reference to no row", withLast((row) => (row[field] = "ingen-sådan")), "INVALID_EXPORT", { path: `entities.${lastKey}.${last}.${field}`, message: 'refers to users "ingen-sådan", which is not in the export' }]);
    }
    expect(cases.length).toBe(5);
    const target = await fresh();
    for (const [what, bad, code, issue] of cases) {
      const seen = { writtenBeforeLast: 0, written: 0 };
      const error = (await restoreStream(admin, pieces(bad, seen), target.prisma, { batchRows: 50, onProgress: (rows) => (seen.written = rows) }).catch((e: unknown) => e)) as AppError;
      expect([what, error.status, error.code]).toEqual([what, 400, code]);
      if (issue) expect([what, error.issues?.[0]]).toEqual([what, issue]);
      // Batches were written before the document was read to its end, and rolled back with the rest.
      expect([what, seen.writtenBeforeLast > 0]).toEqual([what, true]);
      expect([what, total(await databaseRowCounts(admin, target.prisma))]).toEqual([what, 0]);
    }
  });
});
