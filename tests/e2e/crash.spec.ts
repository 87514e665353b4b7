// Issue #17, "Crashes": kill -9 the server while clients write through the API, on embedded
// PGlite and on a PostgreSQL server, then start it again on the same database. It must start
// without manual repair, and every write it acknowledged must be there. This is the short
// profile; `npm run bench:reliability` runs more clients and several rounds and prints a table.
import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { missingWrites, page, prepareWrites, writeUntilKilled, type Write } from "./crash-workload";
import { ownPort, startOwnServer } from "./own-server";

const CLIENTS = 8;
const KILL_AFTER = 60;

const tally = (writes: Write[]) => ["initiative", "comment", "allocation"].map((kind) => `${writes.filter((w) => w.kind === kind).length} ${kind}s`).join(", ");

(["embedded", "server"] as const).forEach((database, index) => {
  test(`kill -9 amid ${CLIENTS} clients' writes (${database}): it starts again by itself and no acknowledged write is lost`, async () => {
    test.setTimeout(150_000);
    const server = await startOwnServer(ownPort(3150 + index), {}, { database });
    try {
      if (database === "server") {
        // A PostgreSQL server is never seeded on its own; the embedded one seeded itself at its first start.
        const seeded = spawnSync("npx", ["tsx", "scripts/seed-demo.ts"], { env: { ...process.env, DATABASE_URL: server.databaseUrl! }, encoding: "utf8" });
        expect(seeded.status, seeded.stderr).toBe(0);
      }
      const { session, targets } = await prepareWrites(server.baseURL);
      const round = await writeUntilKilled(session, targets, { clients: CLIENTS, killAfter: KILL_AFTER, tag: database, kill: () => server.kill() });
      expect(round.failedBeforeKill).toEqual([]);
      expect(round.inFlightAtKill, "the kill came while writes were in flight").toBeGreaterThan(0);

      const restartMs = await server.restart();
      expect((await fetch(`${server.baseURL}/api/health`)).status).toBe(200);
      // The session cookie of before the crash still holds: same database, same secret.
      const missing = await missingWrites(session, round.acknowledged);
      console.log(
        `[crash ${database}] ${CLIENTS} clients, ${round.writingMs} ms of writing: ${round.acknowledged.length} writes acknowledged (${tally(round.acknowledged)}), ` +
          `${round.inFlightAtKill} in flight at the kill; ${missing.length} lost; restart to a healthy server in ${restartMs} ms`,
      );
      expect(missing).toEqual([]);

      // A page, rendered after the restart, shows a write of before the crash.
      const last = round.acknowledged.findLast((w) => w.kind === "initiative")!;
      const shown = await page(session, `/initiatives/${last.id}`);
      expect(shown.status).toBe(200);
      expect(shown.html).toContain(last.title);
    } finally {
      await server.stop();
    }
  });
});
