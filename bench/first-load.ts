// `npm run bench:first-load`: the first-load JavaScript (gzip) of every signed-in page, list and
// detail pages alike, on a fresh demo database: the figure #18 holds to 150 kB. Pages are found
// from app/(app)/**/page.tsx, so a new page is measured without touching this file; a page with
// an [id] gets a real one from the demo data. Signed in as the administrator (every page and
// control), and as leadership for the ranking's reorder mode. Needs a production build.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../lib/db";
import { seedDemo } from "../prisma/seed/demo";
import { firstLoadJsKb, ROOT, signIn, startServer } from "./http";

const LIMIT_KB = 150;
/** Ids in printed routes, shown as [id]: uuids and cuids. */
const ID = /[0-9a-f]{8}-[0-9a-f-]{27}|c[0-9a-z]{24}/g;
if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");

function pages(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const segment = entry.name.startsWith("(") ? "" : `/${entry.name}`;
    out.push(...pages(path.join(dir, entry.name), prefix + segment));
  }
  if (fs.existsSync(path.join(dir, "page.tsx"))) out.push(prefix || "/");
  return out;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portfoljen-first-load-"));
const db = openDatabase({ dataDir });
await db.migrate();
await seedDemo(db.prisma);
const admin = await db.prisma.user.findFirstOrThrow({ where: { email: "admin@demo.kommun.se" } });
const scenario = await db.prisma.scenario.create({ data: { name: "Mätning", changes: { horizon: { from: "2027-Q1", quarters: 4 } }, createdById: admin.id } });
const ids: Record<string, string> = {
  "/initiatives/[id]": (await db.prisma.initiative.findFirstOrThrow({ where: { status: "IN_PROGRESS" }, orderBy: { number: "asc" } })).id,
  "/triage/[id]": (await db.prisma.initiative.findFirstOrThrow({ where: { status: "SUBMITTED" }, orderBy: { number: "asc" } })).id,
  "/meetings/[id]": (await db.prisma.portfolioMeeting.findFirstOrThrow({ where: { status: "CLOSED" }, orderBy: { date: "asc" } })).id,
  "/programs/[id]": (await db.prisma.program.findFirstOrThrow({ orderBy: { name: "asc" } })).id,
  "/resources/[poolId]": (await db.prisma.resourcePool.findFirstOrThrow({ orderBy: { name: "asc" } })).id,
  "/settings/users/[id]": admin.id,
  "/portfolio/scenarios/[id]": scenario.id,
};
await db.close();

const routes = pages(path.join(ROOT, "app", "(app)"))
  .map((route) => {
    const dynamic = Object.keys(ids).find((pattern) => route.startsWith(pattern));
    return dynamic ? route.replace(dynamic, dynamic.replace(/\[[^\]]+\]/, ids[dynamic]!)) : route;
  })
  .map((route) => (route === "/portfolio/scenarios/compare" ? `${route}?ids=${scenario.id}` : route))
  .sort();

const server = await startServer(3204, { PGLITE_DATA_DIR: dataDir, DATABASE_URL: "" });
try {
  const base = "http://localhost:3204";
  const sessions = { admin: await signIn(base, "admin@demo.kommun.se"), leadership: await signIn(base, "ledning@demo.kommun.se") };
  let worst = { route: "", kb: 0 };
  for (const [who, cookie] of Object.entries(sessions)) {
    for (const route of who === "admin" ? routes : ["/portfolio"]) {
      const js = await firstLoadJsKb(base, route, cookie);
      if (js.kb > worst.kb) worst = { route: `${route} (${who})`, kb: js.kb };
      console.log(`${js.kb.toFixed(1).padStart(6)} kB  ${String(js.files).padStart(2)} files  ${route.replace(ID, "[id]")} (${who})${js.kb > LIMIT_KB ? `  OVER ${LIMIT_KB} kB` : ""}`);
    }
  }
  console.log(`\n${routes.length + 1} pages; the heaviest: ${worst.route.replace(ID, "[id]")} at ${worst.kb.toFixed(1)} kB gzip (limit ${LIMIT_KB} kB)`);
  if (worst.kb > LIMIT_KB) process.exitCode = 1;
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
