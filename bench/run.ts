// `npm run bench`: p50/p95 server time of the pages users open every day (PAGES in bench/http.ts:
// home, the list, the ranking, the balance, roadmap, resources, demand, triage) against a trivial
// route (/api/health), in the same run, on embedded PGlite and on a PostgreSQL server, each
// filled with N generated initiatives; the server's peak resident memory; and each page's
// first-load JavaScript. Needs a production build (npm run build). Prints numbers; it is not a
// timed test. How the pages grow to 50,000 initiatives: `npm run bench:scale`.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../lib/db";
import { fillBenchDatabase } from "./generate";
import { firstLoadJsKb, PAGES, ROOT, signIn, startServer, TIMED_ROUNDS, timeRoutes, watchRss } from "./http";
import { arg } from "./args";

const count = Number(arg("count", "2000"));
const rounds = Number(arg("rounds", String(TIMED_ROUNDS)));
const pgAdmin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres:postgres@localhost:5432/postgres";

async function prepare(db: ReturnType<typeof openDatabase>) {
  console.log(`  generated ${count} initiatives in ${await fillBenchDatabase(db, count)} ms`);
}

async function measure(label: string, env: Record<string, string>, port: number) {
  const server = await startServer(port, env);
  try {
    const base = `http://localhost:${port}`;
    console.log(`${label}: ${await server.warm()}`);
    const cookie = await signIn(base, "admin@demo.kommun.se");
    const pages = { ...PAGES, "portfolio/settings": "/portfolio/settings" };
    const rss = watchRss(server.process.pid!);
    const result = await timeRoutes(base, { ...pages, trivial: "/api/health" }, cookie, rounds);
    const peak = rss.stop();
    const trivial = result.trivial!;
    console.log(`${label}: startup to healthy ${server.startupMs} ms; trivial p50 ${trivial.p50.toFixed(1)} ms p95 ${trivial.p95.toFixed(1)} ms (n=${rounds}); server peak RSS ${peak.toFixed(0)} MB`);
    for (const [name, route] of Object.entries(pages)) {
      const r = result[name]!;
      const js = await firstLoadJsKb(base, route, cookie);
      console.log(
        `  ${name}: p50 ${r.p50.toFixed(1)} ms p95 ${r.p95.toFixed(1)} ms; p95 ratio to trivial ${(r.p95 / trivial.p95).toFixed(2)}; ` +
          `first-load JS ${js.kb.toFixed(1)} kB gzip in ${js.files} files`,
      );
    }
  } finally {
    await server.stop();
  }
}

if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");

const dir = path.join(ROOT, "data", "bench-pglite");
fs.rmSync(dir, { recursive: true, force: true });
console.log(`embedded PGlite (${dir}):`);
await prepare(openDatabase({ dataDir: dir }));
await measure("embedded PGlite", { PGLITE_DATA_DIR: dir, DATABASE_URL: "" }, 3201);

const admin = new pg.Client({ connectionString: pgAdmin });
try {
  await admin.connect();
} catch (error) {
  console.log(`PostgreSQL server not reachable (${(error as Error).message}): server half skipped.`);
  process.exit(0);
}
await admin.query("DROP DATABASE IF EXISTS portfoljen_bench WITH (FORCE)");
await admin.query("CREATE DATABASE portfoljen_bench");
const url = new URL(pgAdmin);
url.pathname = "/portfoljen_bench";
console.log("PostgreSQL server:");
await prepare(openDatabase({ url: url.toString() }));
await measure("PostgreSQL server", { DATABASE_URL: url.toString() }, 3202);
await admin.query("DROP DATABASE IF EXISTS portfoljen_bench WITH (FORCE)");
await admin.end();
