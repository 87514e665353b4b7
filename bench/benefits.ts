// `npm run bench:benefits`: the benefit view (/benefits: follow-ups, overdue, realised against
// planned) and an initiative's benefit plan, with 2,000 generated initiatives and 20,000
// measurements, p50/p95 against the trivial route in the same run, on embedded PGlite and on a
// PostgreSQL server. Needs a production build. Prints numbers; not a timed test.
// Options: --count, --measurements, --rounds, --engines pglite,pg, --reuse (PGlite: the previous
// run's database again).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../lib/db";
import { seedDemo } from "../prisma/seed/demo";
import { generateBenefitHistory, generateInitiatives, settle } from "./generate";
import { ROOT, signIn, startServer, timeRoutes } from "./http";
import { arg, flag } from "./args";

const count = Number(arg("count", "2000"));
const measurements = Number(arg("measurements", "20000"));
const rounds = Number(arg("rounds", "100"));
const engines = arg("engines", "pglite,pg").split(",");
const pgAdmin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres:postgres@localhost:5432/postgres";

async function prepare(db: ReturnType<typeof openDatabase>): Promise<string> {
  await db.migrate();
  await seedDemo(db.prisma);
  await generateInitiatives(db.prisma, count);
  const history = await generateBenefitHistory(db.prisma, measurements);
  console.log(`  ${count} initiatives, ${await db.prisma.benefitIndicator.count()} benefits, ${history.measurements} measurements, ${history.followUps} follow-ups`);
  await settle(db.prisma);
  // The initiative whose benefits have the most measurements.
  const [busiest] = await db.prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT b."initiativeId" AS id FROM "Measurement" m JOIN "BenefitIndicator" b ON b."id" = m."indicatorId" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  await db.close();
  return busiest!.id;
}

async function measure(label: string, env: Record<string, string>, port: number, initiative: string) {
  const server = await startServer(port, { PORTFOLJEN_REMINDERS: "0", ...env });
  try {
    const base = `http://localhost:${port}`;
    const results: string[] = [];
    for (const [who, email] of [["DIG", "dig@demo.kommun.se"], ["department manager", "chef@demo.kommun.se"]] as const) {
      const cookie = await signIn(base, email);
      const pages = { benefits: "/benefits", "benefits ?groupBy=initiative": "/benefits?groupBy=initiative", "initiative (benefit plan)": `/initiatives/${initiative}` };
      const result = await timeRoutes(base, { ...pages, trivial: "/api/health" }, cookie, rounds);
      const trivial = result.trivial!;
      results.push(`${label}, as ${who}: trivial p50 ${trivial.p50.toFixed(1)} ms p95 ${trivial.p95.toFixed(1)} ms (n=${rounds})`);
      for (const name of Object.keys(pages)) {
        const r = result[name]!;
        results.push(`  ${name}: p50 ${r.p50.toFixed(1)} ms p95 ${r.p95.toFixed(1)} ms; p95 ratio to trivial ${(r.p95 / trivial.p95).toFixed(2)}`);
      }
    }
    console.log(results.join("\n"));
  } finally {
    await server.stop();
  }
}

if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");

if (engines.includes("pglite")) {
  const dir = path.join(ROOT, "data", "bench-benefits-pglite");
  const saved = path.join(ROOT, "data", "bench-benefits-pglite.json");
  // --reuse: measure the database of the previous run again (for comparing changes of the code).
  const reuse = flag("reuse") && fs.existsSync(saved);
  if (!reuse) fs.rmSync(dir, { recursive: true, force: true });
  console.log(`embedded PGlite (${dir}${reuse ? ", reused" : ""}):`);
  const initiative = reuse ? (JSON.parse(fs.readFileSync(saved, "utf8")) as string) : await prepare(openDatabase({ dataDir: dir }));
  fs.writeFileSync(saved, JSON.stringify(initiative));
  await measure("embedded PGlite", { PGLITE_DATA_DIR: dir, DATABASE_URL: "" }, 3221, initiative);
}
if (engines.includes("pg")) {
  const admin = new pg.Client({ connectionString: pgAdmin });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS portfoljen_bench_benefits WITH (FORCE)");
  await admin.query("CREATE DATABASE portfoljen_bench_benefits");
  const url = new URL(pgAdmin);
  url.pathname = "/portfoljen_bench_benefits";
  console.log("PostgreSQL server:");
  const initiative = await prepare(openDatabase({ url: url.toString() }));
  await measure("PostgreSQL server", { DATABASE_URL: url.toString() }, 3222, initiative);
  await admin.query("DROP DATABASE IF EXISTS portfoljen_bench_benefits WITH (FORCE)");
  await admin.end();
}
