// The server may end a connection at any time (restart, failover, an administrator); the app
// must carry on with a new one instead of crashing on the idle one's error.
import pg from "pg";
import { expect, inject, it } from "vitest";
import { openDatabase } from "@/lib/db";

it("survives the PostgreSQL server ending its idle connections", async (ctx) => {
  const adminUrl = inject("pgAdminUrl");
  if (!adminUrl) ctx.skip();
  const db = openDatabase({ url: adminUrl });
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const pids = async () => (await db.prisma.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;
    const before = await pids();
    const ended = await admin.query("SELECT pg_terminate_backend($1) AS ok", [before]);
    expect(ended.rows[0].ok).toBe(true);
    // Give the pool a moment to receive the server's notice on the idle connection.
    await new Promise((r) => setTimeout(r, 300));
    const after = await pids();
    expect(after).not.toBe(before);
    // While closing: Prisma lets go of the pool before the pool's connections are gone, the
    // window in which a test's DROP DATABASE … WITH (FORCE) ends them.
    await db.prisma.$disconnect();
    await admin.query("SELECT pg_terminate_backend($1)", [after]);
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    await admin.end();
    await db.close();
  }
});
