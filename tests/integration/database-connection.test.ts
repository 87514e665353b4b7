// The server may end a connection at any time (restart, failover, an administrator); the app
// must carry on with a new one instead of crashing on the idle one's error.
import net from "node:net";
import pg from "pg";
import { expect, inject, it } from "vitest";
import { openDatabase } from "@/lib/db";
import { toErrorResponse } from "@/lib/server/errors";

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

/** A TCP relay to the PostgreSQL server that can be cut and restored, as a network or a failover would. */
async function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, () => {
      const p = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(p));
    });
  });
  const up = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("error", () => undefined);
          s.on("close", () => sockets.delete(s));
        }
        client.pipe(upstream).pipe(client);
      }).listen(port, resolve);
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server ? server.close(() => resolve()) : resolve();
    });
  await up();
  return { port, up, down };
}

it("answers 503 with a clear message while the PostgreSQL server is away, and recovers without a restart", async (ctx) => {
  const adminUrl = inject("pgAdminUrl");
  if (!adminUrl) ctx.skip();
  const target = new URL(adminUrl!);
  const link = await relay(target);
  const db = openDatabase({ url: Object.assign(new URL(adminUrl!), { hostname: "127.0.0.1", port: String(link.port) }).toString() });
  try {
    expect(await db.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    await link.down();
    const failure = await db.prisma.$queryRaw`SELECT 1 AS one`.then(() => null, (error: unknown) => error);
    expect(failure).not.toBeNull();
    const { status, body } = toErrorResponse(failure);
    expect(status).toBe(503);
    expect(body.error).toEqual({ code: "DATABASE_UNAVAILABLE", message: expect.stringMatching(/database/i) });
    await link.up();
    expect(await db.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  } finally {
    await db.close();
    await link.down();
  }
});
