// `npx tsx bench/programs.ts [--count 2000] [--rounds 40] [--port 3153]`: p50/p95 server time of
// the roadmap (timeline, table, grouped by department, the API) and the program pages against
// the trivial route, on embedded PGlite filled with N generated initiatives. Needs a
// production build. Prints numbers; it is not a timed test.
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../lib/db";
import { seedDemo } from "../prisma/seed/demo";
import { generateInitiatives } from "./generate";
import { ROOT, signIn, startServer, timeRoutes } from "./http";
import { arg } from "./args";

const count = Number(arg("count", "2000"));
const rounds = Number(arg("rounds", "40"));
const port = Number(arg("port", "3153"));

if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");

const dir = path.join(ROOT, "data", "bench-programs");
fs.rmSync(dir, { recursive: true, force: true });
const db = openDatabase({ dataDir: dir });
await db.migrate();
await seedDemo(db.prisma);
await generateInitiatives(db.prisma, count);
const program = await db.prisma.program.findFirstOrThrow({ where: { name: "Digital välfärd" }, select: { id: true } });
const members = await db.prisma.initiative.count({ where: { programId: program.id } });
const active = await db.prisma.initiative.count({ where: { status: { in: ["APPROVED", "IN_PROGRESS", "PAUSED"] } } });
const total = await db.prisma.initiative.count();
await db.close();
console.log(`embedded PGlite: ${total} initiatives, ${active} active, ${members} in "Digital välfärd"`);

const server = await startServer(port, { PGLITE_DATA_DIR: dir, DATABASE_URL: "" });
try {
  const base = `http://localhost:${port}`;
  const cookie = await signIn(base, "ledning@demo.kommun.se");
  const routes = {
    trivial: "/api/health",
    roadmap: "/roadmap",
    roadmapTable: "/roadmap?view=table",
    roadmapByDepartment: "/roadmap?groupBy=department",
    roadmapApi: "/api/v1/roadmap",
    programs: "/programs",
    program: `/programs/${program.id}`,
  };
  const result = await timeRoutes(base, routes, cookie, rounds);
  const bytes = async (route: string) => (await (await fetch(base + route, { headers: { cookie } })).arrayBuffer()).byteLength;
  for (const [name, r] of Object.entries(result)) {
    const ratio = r.p95 / result.trivial!.p95;
    console.log(`${name.padEnd(20)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms  p95/trivial ${ratio.toFixed(1).padStart(5)}  ${(await bytes(routes[name as keyof typeof routes]) / 1024).toFixed(0)} kB  (n=${r.n})`);
  }
} finally {
  await server.stop();
}
