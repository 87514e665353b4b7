// `npm run bench:floor`: where a page's p95 ratio to the trivial route starts before it shows
// anything. #18 holds the pages to a ratio of their p95 to the trivial route (/api/health, a route
// handler with one `SELECT 1`). A page also goes through Next's page rendering (React's server
// render, then HTML from its payload) and, when signed in, through the layout (session, navigation,
// language switch). This bench measures those two floors on a copy of the project with two pages
// added that the product does not have:
//   bare:  a page under the root layout only, rendering one paragraph per request;
//   empty: a page inside the signed-in layout, rendering one heading;
// and times them with the trivial route and the bench's pages (PAGES), interleaved, on a PostgreSQL
// server (embedded PGlite when none is reachable) with 2,000 generated initiatives. The copy is
// built once (about a minute) and removed afterwards. Prints numbers; it is not a timed test.
//
//   npm run bench:floor -- [--count 2000] [--rounds 600]
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../lib/db";
import { fillBenchDatabase } from "./generate";
import { PAGES, ROOT, signIn, startServer, TIMED_ROUNDS, timeRoutes } from "./http";
import { arg } from "./args";

const count = Number(arg("count", "2000"));
const rounds = Number(arg("rounds", String(TIMED_ROUNDS)));
const pgAdmin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres:postgres@localhost:5432/postgres";

/** Not copied: dependencies are linked, builds and data are made anew, the rest is not the app. */
const SKIP = new Set(["node_modules", ".next", "data", ".git", "test-results", "playwright-report", "scratch"]);

const FLOOR_PAGES = {
  // Dynamic, so it is rendered per request like every page of the product.
  "app/bench-floor-bare/page.tsx": `export const dynamic = "force-dynamic";\nexport default function Page() {\n  return <p>Portföljen</p>;\n}\n`,
  // The signed-in layout reads the session, which makes it dynamic.
  "app/(app)/bench-floor-empty/page.tsx": `export default function Page() {\n  return <h1>Portföljen</h1>;\n}\n`,
};

const copy = fs.mkdtempSync(path.join(os.tmpdir(), "portfoljen-floor-"));
console.log(`copy of the project with the floor pages: ${copy}`);
try {
  fs.cpSync(ROOT, copy, { recursive: true, filter: (src) => path.dirname(src) !== ROOT || !SKIP.has(path.basename(src)) });
  // Hard links (the same files, instantly); a copy where links cannot be made.
  const linked = spawnSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(copy, "node_modules")]);
  if (linked.status !== 0) fs.cpSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"), { recursive: true });
  for (const [file, source] of Object.entries(FLOOR_PAGES)) {
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.writeFileSync(path.join(copy, file), source);
  }
  const t = Date.now();
  const build = spawnSync(process.execPath, [path.join(copy, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: copy, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, CI: "true" } });
  if (build.status !== 0) throw new Error(`building the copy failed (exit code ${build.status})`);
  console.log(`  built in ${((Date.now() - t) / 1000).toFixed(0)} s`);

  let env: Record<string, string>;
  let engine: string;
  let dropDatabase = async () => {};
  const admin = new pg.Client({ connectionString: pgAdmin });
  try {
    await admin.connect();
    await admin.query("DROP DATABASE IF EXISTS portfoljen_floor WITH (FORCE)");
    await admin.query("CREATE DATABASE portfoljen_floor");
    const url = new URL(pgAdmin);
    url.pathname = "/portfoljen_floor";
    env = { DATABASE_URL: url.toString() };
    engine = "PostgreSQL server";
    dropDatabase = async () => {
      await admin.query("DROP DATABASE IF EXISTS portfoljen_floor WITH (FORCE)");
      await admin.end();
    };
  } catch (error) {
    const dir = path.join(copy, "data", "floor-pglite");
    env = { PGLITE_DATA_DIR: dir, DATABASE_URL: "" };
    engine = `embedded PGlite (no PostgreSQL server: ${(error as Error).message})`;
  }
  try {
    const ms = await fillBenchDatabase(openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.PGLITE_DATA_DIR! }), count);
    console.log(`${engine}: ${count} initiatives generated in ${ms} ms`);

    const server = await startServer(3204, env, copy);
    try {
      const base = "http://localhost:3204";
      console.log(`  ${await server.warm()}`);
      const cookie = await signIn(base, "admin@demo.kommun.se");
      const floors = { bare: "/bench-floor-bare", empty: "/bench-floor-empty" };
      const results = await timeRoutes(base, { ...floors, ...PAGES, trivial: "/api/health" }, cookie, rounds);
      const trivial = results.trivial!;
      console.log(`  trivial (/api/health)   p50 ${trivial.p50.toFixed(1).padStart(5)} ms  p95 ${trivial.p95.toFixed(1).padStart(5)} ms  (n=${rounds})`);
      for (const name of [...Object.keys(floors), ...Object.keys(PAGES)]) {
        const r = results[name]!;
        const label = name === "bare" ? "floor: bare page" : name === "empty" ? "floor: empty signed-in" : name;
        console.log(`  ${label.padEnd(23)} p50 ${r.p50.toFixed(1).padStart(5)} ms  p95 ${r.p95.toFixed(1).padStart(5)} ms  p95/trivial ${(r.p95 / trivial.p95).toFixed(2)}`);
      }
    } finally {
      await server.stop();
    }
  } finally {
    await dropDatabase();
  }
} finally {
  fs.rmSync(copy, { recursive: true, force: true });
}
