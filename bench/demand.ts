// `npx tsx bench/demand.ts`: server time of the demand-vs-capacity view (page and API) against a
// trivial route (/api/health) in the same interleaved run, on embedded PGlite and on a PostgreSQL
// server, each with the demo municipality + N generated initiatives, 20 resource pools and their
// capacity and allocations over 12 quarters. Needs a production build (npm run build). Prints numbers.
//
//   npx tsx bench/demand.ts [--count 2000] [--rounds 60] [--pools 20] [--quarters 12]   (BENCH_PORT, default 3204)
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../lib/db";
import { quarterOfDate } from "../lib/domain/quarters";
import { quarterSequence } from "../lib/domain/capacity";
import { seedDemo } from "../prisma/seed/demo";
import { generateInitiatives, generatePools } from "./generate";
import { ROOT, signIn, startServer, timeRoutes } from "./http";
import { arg } from "./args";

const count = Number(arg("count", "2000"));
const rounds = Number(arg("rounds", "60"));
const poolCount = Number(arg("pools", "20"));
const quarterCount = Number(arg("quarters", "12"));
const port = Number(process.env.BENCH_PORT ?? 3204);
const pgAdmin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres:postgres@localhost:5432/postgres";
const quarters = quarterSequence(quarterOfDate(new Date()), quarterCount);
const routes = {
  demandPage: `/resources/demand?quarters=${quarterCount}&n=4`,
  demandApi: `/api/v1/resources/demand?quarters=${quarterCount}&n=4`,
  trivial: "/api/health",
};

async function prepare(db: ReturnType<typeof openDatabase>) {
  await db.migrate();
  await seedDemo(db.prisma);
  const t = Date.now();
  const pools = await generatePools(db.prisma, poolCount, quarters);
  await generateInitiatives(db.prisma, count);
  const [allocations, inWindow] = await Promise.all([db.prisma.resourceAllocation.count(), db.prisma.resourceAllocation.count({ where: { quarter: { in: quarters } } })]);
  console.log(
    `  ${count} initiatives, ${pools.pools} pools, ${quarters[0]}–${quarters.at(-1)}: ${allocations} allocations (${inWindow} in the shown quarters) in ${Date.now() - t} ms`,
  );
  await db.close();
}

async function measure(label: string, env: Record<string, string>) {
  const server = await startServer(port, env);
  try {
    const base = `http://localhost:${port}`;
    const cookie = await signIn(base, "ledning@demo.kommun.se");
    const r = await timeRoutes(base, routes, cookie, rounds);
    const line = (name: keyof typeof routes) => `${name} p50 ${r[name]!.p50.toFixed(1)} ms p95 ${r[name]!.p95.toFixed(1)} ms`;
    console.log(
      `${label}: ${line("demandPage")}; ${line("demandApi")}; ${line("trivial")}; ` +
        `p95 ratio page/trivial ${(r.demandPage!.p95 / r.trivial!.p95).toFixed(2)}, api/trivial ${(r.demandApi!.p95 / r.trivial!.p95).toFixed(2)} (n=${rounds})`,
    );
  } finally {
    await server.stop();
  }
}

if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");

const dir = path.join(ROOT, "data", "bench-demand-pglite");
fs.rmSync(dir, { recursive: true, force: true });
console.log(`embedded PGlite (${dir}):`);
await prepare(openDatabase({ dataDir: dir }));
await measure("embedded PGlite", { PGLITE_DATA_DIR: dir, DATABASE_URL: "" });
fs.rmSync(dir, { recursive: true, force: true });

const admin = new pg.Client({ connectionString: pgAdmin });
try {
  await admin.connect();
} catch (error) {
  console.log(`PostgreSQL server not reachable (${(error as Error).message}): server half skipped.`);
  process.exit(0);
}
const name = "portfoljen_bench_demand";
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(pgAdmin);
url.pathname = `/${name}`;
console.log("PostgreSQL server:");
await prepare(openDatabase({ url: url.toString() }));
await measure("PostgreSQL server", { DATABASE_URL: url.toString() });
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.end();
