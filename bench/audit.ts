// `npm run bench:audit`: the audit log viewer at a million events. p50/p95 of /settings/audit
// (the newest page, filtered by event, by record, by person and by a date range far back, and a
// page deep in the log by cursor) against the trivial route, in the same run, on embedded PGlite
// and on a PostgreSQL server. Needs a production build. Prints numbers; not a timed test.
// Options: --events N (default 1,000,000), --rounds N, --engines pglite,pg, --reuse (PGlite: the
// previous run's database again).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../lib/db";
import { seedDemo } from "../prisma/seed/demo";
import { generateAuditEvents, generateInitiatives, settle } from "./generate";
import { ROOT, signIn, startServer, timeRoutes } from "./http";
import { arg, flag } from "./args";

const events = Number(arg("events", "1000000"));
const rounds = Number(arg("rounds", "100"));
const engines = arg("engines", "pglite,pg").split(",");
const pgAdmin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres:postgres@localhost:5432/postgres";

async function prepare(db: ReturnType<typeof openDatabase>): Promise<{ initiative: string; deepCursor: string }> {
  await db.migrate();
  await seedDemo(db.prisma);
  await generateInitiatives(db.prisma, 2000);
  const t = Date.now();
  await generateAuditEvents(db.prisma, events);
  console.log(`  wrote ${events} audit events in ${Date.now() - t} ms (${await db.prisma.auditEvent.count()} in all)`);
  await settle(db.prisma);
  const initiative = (await db.prisma.initiative.findFirstOrThrow({ orderBy: { number: "asc" }, select: { id: true } })).id;
  // A cursor 900,000 events back, as the pages would hand one over.
  const [deep] = await db.prisma.$queryRawUnsafe<{ at: Date; id: string }[]>(`SELECT "at", "id" FROM "AuditEvent" ORDER BY "at" DESC, "id" DESC OFFSET ${Math.floor(events * 0.9)} LIMIT 1`);
  if (!deep) throw new Error("no event to start a deep page from");
  await db.close();
  const at = deep.at instanceof Date ? deep.at.toISOString() : new Date(`${deep.at}Z`).toISOString();
  return { initiative, deepCursor: Buffer.from(`${at}|${deep.id}`, "utf8").toString("base64url") };
}

async function measure(label: string, env: Record<string, string>, port: number, ids: { initiative: string; deepCursor: string }) {
  const server = await startServer(port, env);
  try {
    const base = `http://localhost:${port}`;
    const cookie = await signIn(base, "admin@demo.kommun.se");
    const pages = {
      "audit (newest)": "/settings/audit",
      "audit ?action": "/settings/audit?action=initiative.update",
      "audit ?entity": `/settings/audit?entityType=Initiative&entityId=${ids.initiative}`,
      "audit ?actor": "/settings/audit?actor=ledning",
      "audit ?from/to (8 years back)": "/settings/audit?from=2018-03-01&to=2018-03-31",
      "audit deep cursor": `/settings/audit?cursor=${ids.deepCursor}&direction=older`,
    };
    const result = await timeRoutes(base, { ...pages, trivial: "/api/health" }, cookie, rounds);
    const trivial = result.trivial!;
    console.log(`${label}: trivial p50 ${trivial.p50.toFixed(1)} ms p95 ${trivial.p95.toFixed(1)} ms (n=${rounds})`);
    for (const name of Object.keys(pages)) {
      const r = result[name]!;
      console.log(`  ${name}: p50 ${r.p50.toFixed(1)} ms p95 ${r.p95.toFixed(1)} ms; p95 ratio to trivial ${(r.p95 / trivial.p95).toFixed(2)}`);
    }
  } finally {
    await server.stop();
  }
}

if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");

if (engines.includes("pglite")) {
  const dir = path.join(ROOT, "data", "bench-audit-pglite");
  const saved = path.join(ROOT, "data", "bench-audit-pglite.json");
  // --reuse: measure the database of the previous run again (for comparing changes of the code).
  const reuse = flag("reuse") && fs.existsSync(saved);
  if (!reuse) fs.rmSync(dir, { recursive: true, force: true });
  console.log(`embedded PGlite (${dir}${reuse ? ", reused" : ""}):`);
  const ids = reuse ? (JSON.parse(fs.readFileSync(saved, "utf8")) as Awaited<ReturnType<typeof prepare>>) : await prepare(openDatabase({ dataDir: dir }));
  fs.writeFileSync(saved, JSON.stringify(ids));
  await measure("embedded PGlite", { PGLITE_DATA_DIR: dir, DATABASE_URL: "" }, 3211, ids);
}
if (engines.includes("pg")) {
  const admin = new pg.Client({ connectionString: pgAdmin });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS portfoljen_bench_audit WITH (FORCE)");
  await admin.query("CREATE DATABASE portfoljen_bench_audit");
  const url = new URL(pgAdmin);
  url.pathname = "/portfoljen_bench_audit";
  console.log("PostgreSQL server:");
  const ids = await prepare(openDatabase({ url: url.toString() }));
  await measure("PostgreSQL server", { DATABASE_URL: url.toString() }, 3212, ids);
  await admin.query("DROP DATABASE IF EXISTS portfoljen_bench_audit WITH (FORCE)");
  await admin.end();
}
