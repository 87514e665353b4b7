// `npm run bench:reliability`: the long profile of the crash test (tests/e2e/crash.spec.ts,
// issue #17 "Crashes"). On embedded PGlite and on a PostgreSQL server, several rounds of: clients
// write through the API, the server is killed with SIGKILL mid-write, it is started again on the
// same database. After each restart every write acknowledged so far, in this round or an earlier
// one, is looked for. Each round also kills the server a second time while it starts again (on
// PGlite, while it replays its log), at a different moment each round, before the restart that is
// timed. Needs a production build. Prints a table; exits 1 if a write was lost.
// Options: --clients N (default 16), --rounds N (default 5), --kill-after N (acknowledged writes
// per round before the kill, default 200), --engines pglite,pg, --port N (default 3190). Then the
// fuzzer's long profile: --fuzz N requests per engine (default 25,000; 0 leaves it out).
import { spawnSync } from "node:child_process";
import { missingWrites, page, prepareWrites, writeUntilKilled, type Write } from "../tests/e2e/crash-workload";
import { startOwnServer } from "../tests/e2e/own-server";
import { arg } from "./args";

const clients = Number(arg("clients", "16"));
const rounds = Number(arg("rounds", "5"));
const killAfter = Number(arg("kill-after", "200"));
const engines = arg("engines", "pglite,pg").split(",");
const port = Number(arg("port", "3190"));

type Row = { engine: string; round: number; acknowledged: number; inFlight: number; writingMs: number; failed: number; secondKill: string; restartMs: number; checked: number; lost: number; pageOk: boolean };
const rows: Row[] = [];

for (const [index, engine] of engines.entries()) {
  const database = engine === "pg" ? "server" : "embedded";
  const t = Date.now();
  const server = await startOwnServer(port + index, {}, { database });
  try {
    if (database === "server") {
      const seeded = spawnSync("npx", ["tsx", "scripts/seed-demo.ts"], { env: { ...process.env, DATABASE_URL: server.databaseUrl! }, encoding: "utf8" });
      if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);
    }
    console.log(`${engine}: first start (and demo data) in ${Date.now() - t} ms`);
    const { session, targets } = await prepareWrites(server.baseURL);
    const all: Write[] = [];
    for (let round = 1; round <= rounds; round++) {
      const result = await writeUntilKilled(session, targets, { clients, killAfter, tag: `${engine} r${round}`, kill: () => server.kill() });
      all.push(...result.acknowledged);
      const secondKillMs = 200 + (((round - 1) * 500) % 2500);
      const starting = server.restart().then(() => "up", () => "starting");
      await new Promise((r) => setTimeout(r, secondKillMs));
      await server.kill();
      const secondKill = `${secondKillMs} ms, ${await starting}`;
      const restartMs = await server.restart();
      const lost = await missingWrites(session, all);
      const last = result.acknowledged.findLast((w) => w.kind === "initiative");
      const shown = last && (await page(session, `/initiatives/${last.id}`));
      const row = {
        engine,
        round,
        acknowledged: result.acknowledged.length,
        inFlight: result.inFlightAtKill,
        writingMs: result.writingMs,
        failed: result.failedBeforeKill.length,
        secondKill,
        restartMs,
        checked: all.length,
        lost: lost.length,
        pageOk: !!shown && shown.status === 200 && shown.html.includes(last!.title),
      };
      rows.push(row);
      console.log(`  round ${round}: ${row.acknowledged} acknowledged, ${row.inFlight} in flight at the kill, killed again ${secondKill}, restart ${restartMs} ms, ${row.lost} of ${row.checked} lost`);
      for (const failure of result.failedBeforeKill.slice(0, 3)) console.log(`    refused before the kill: ${failure}`);
    }
  } finally {
    await server.stop();
  }
}

const header = ["engine", "round", "clients", "acked", "in flight", "writes/s", "refused", "killed again after", "restart ms", "checked", "lost", "page"];
const table = rows.map((r) => [r.engine, String(r.round), String(clients), String(r.acknowledged), String(r.inFlight), ((r.acknowledged * 1000) / r.writingMs).toFixed(0), String(r.failed), r.secondKill, String(r.restartMs), String(r.checked), String(r.lost), r.pageOk ? "ok" : "FAIL"]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join("  ");
console.log(`\nkill -9 under load: ${clients} clients, the kill after ${killAfter} acknowledged writes, ${rounds} rounds per engine`);
console.log(line(header));
for (const row of table) console.log(line(row));
for (const engine of engines) {
  const mine = rows.filter((r) => r.engine === engine);
  const restarts = mine.map((r) => r.restartMs).sort((a, b) => a - b);
  console.log(`${engine}: ${mine.reduce((s, r) => s + r.acknowledged, 0)} writes acknowledged in all, ${Math.max(0, ...mine.map((r) => r.lost))} lost; restart median ${restarts[Math.floor(restarts.length / 2)]} ms, max ${restarts.at(-1)} ms`);
}
if (rows.some((r) => r.lost > 0 || !r.pageOk)) process.exit(1);

// The fuzzer's long profile (tests/integration/fuzz.test.ts runs 5,000 requests per engine in CI).
const fuzzRuns = Number(arg("fuzz", "25000"));
if (fuzzRuns > 0) {
  console.log(`\nfuzz: ${fuzzRuns} requests per engine`);
  const fuzz = spawnSync("npx", ["vitest", "run", "--project", "integration", "tests/integration/fuzz.test.ts"], { env: { ...process.env, FUZZ_RUNS: String(fuzzRuns) }, stdio: "inherit" });
  if (fuzz.status !== 0) process.exit(1);
}
