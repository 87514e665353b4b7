// `npm run bench:scale`: how each page's cost grows with the portfolio, on a PostgreSQL server.
// One database grows step by step (default 2,000 → 10,000 → 50,000 initiatives, over 40
// departments and 10 years, with comments, status history, benefits, allocations and 20 audit
// events per initiative: 1,000,000 at 50,000); at each step the production server is started
// on it and every page is timed against the trivial route in the same loop. Prints p50/p95 per
// page, the p95 ratio to the trivial route, the growth of each page's p50 since the first step,
// and the server's peak resident memory. Needs a production build. Not a timed test.
//
//   npm run bench:scale -- [--sizes 2000,10000,50000] [--rounds 600] [--departments 40] [--years 10] [--audit-per-initiative 20]
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../lib/db";
import { seedDemo } from "../prisma/seed/demo";
import { generate, generateAuditEvents, generateDepartments, settle } from "./generate";
import { PAGES, ROOT, signIn, startServer, TIMED_ROUNDS, timeRoutes, watchRss } from "./http";
import { arg } from "./args";

const sizes = arg("sizes", "2000,10000,50000").split(",").map(Number);
const rounds = Number(arg("rounds", String(TIMED_ROUNDS)));
const departments = Number(arg("departments", "40"));
const years = Number(arg("years", "10"));
const auditPerInitiative = Number(arg("audit-per-initiative", "20"));
const keep = arg("keep", "") === "yes";
const pgAdmin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres:postgres@localhost:5432/postgres";
if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");

const admin = new pg.Client({ connectionString: pgAdmin });
await admin.connect();
await admin.query("DROP DATABASE IF EXISTS portfoljen_scale WITH (FORCE)");
await admin.query("CREATE DATABASE portfoljen_scale");
const url = new URL(pgAdmin);
url.pathname = "/portfoljen_scale";

const db = openDatabase({ url: url.toString() });
await db.migrate();
await seedDemo(db.prisma);
console.log(`departments: ${await generateDepartments(db.prisma, departments)}`);

type Step = { size: number; results: Record<string, { p50: number; p95: number }>; rssMb: number };
const steps: Step[] = [];
let audit = 0;
for (const size of sizes) {
  const have = await db.prisma.initiative.count();
  let t = Date.now();
  const stats = await generate(db.prisma, Math.max(0, size - have), { years });
  const wantAudit = size * auditPerInitiative - (await db.prisma.auditEvent.count());
  if (wantAudit > 0) audit += await generateAuditEvents(db.prisma, wantAudit, audit + 1);
  await settle(db.prisma);
  const counts = await db.prisma.$queryRawUnsafe<Array<{ initiatives: bigint; audit: bigint; comments: bigint; allocations: bigint }>>(
    `SELECT (SELECT count(*) FROM "Initiative") AS initiatives, (SELECT count(*) FROM "AuditEvent") AS audit,
            (SELECT count(*) FROM "Comment") AS comments, (SELECT count(*) FROM "ResourceAllocation") AS allocations`,
  );
  const c = counts[0]!;
  console.log(`\n${c.initiatives} initiatives, ${c.audit} audit events, ${c.comments} comments, ${c.allocations} allocations (generated ${stats.rows} rows + audit in ${Date.now() - t} ms)`);

  const server = await startServer(3203, { DATABASE_URL: url.toString() });
  try {
    const base = "http://localhost:3203";
    // Timed once the server has indexed similar initiatives (seconds at 50,000), as in use.
    console.log(`  ${await server.warm()}`);
    const cookie = await signIn(base, "admin@demo.kommun.se");
    const rss = watchRss(server.process.pid!);
    t = Date.now();
    const results = await timeRoutes(base, { ...PAGES, trivial: "/api/health" }, cookie, rounds);
    const rssMb = rss.stop();
    const trivial = results.trivial!;
    console.log(`  trivial p50 ${trivial.p50.toFixed(1)} ms p95 ${trivial.p95.toFixed(1)} ms; ${rounds} rounds in ${((Date.now() - t) / 1000).toFixed(0)} s; server peak RSS ${rssMb.toFixed(0)} MB`);
    for (const name of Object.keys(PAGES)) {
      const r = results[name]!;
      const first = steps[0]?.results[name];
      console.log(
        `  ${name.padEnd(18)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms  p95/trivial ${(r.p95 / trivial.p95).toFixed(2).padStart(6)}` +
          (first ? `  p50 growth since ${steps[0]!.size}: ×${(r.p50 / first.p50).toFixed(2)}` : ""),
      );
    }
    steps.push({ size, results, rssMb });
  } finally {
    await server.stop();
  }
}

if (steps.length > 1) {
  const [a, z] = [steps[0]!, steps.at(-1)!];
  console.log(`\nGrowth of p50 from ${a.size} to ${z.size} initiatives (×${(z.size / a.size).toFixed(0)} rows):`);
  for (const name of Object.keys(PAGES)) console.log(`  ${name.padEnd(18)} ${steps.map((s) => `${s.results[name]!.p50.toFixed(0)} ms`).join(" → ")}  ×${(z.results[name]!.p50 / a.results[name]!.p50).toFixed(2)}`);
}
await db.close();
if (!keep) await admin.query("DROP DATABASE IF EXISTS portfoljen_scale WITH (FORCE)");
await admin.end();
