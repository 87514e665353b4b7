// A Portföljen server of a test's own (the production build, `node scripts/start.mjs`) on a
// database of its own: for what the shared demo server cannot show, such as a municipality's
// first start or a clock moved months ahead. The test reads the server's log, as an operator would.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres:postgres@localhost:5432/postgres";

export type OwnServer = {
  baseURL: string;
  databaseUrl: string | null;
  log: () => string;
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** kill -9 of the whole process group (start.mjs and the Next server under it), as a crash would; resolves once it is gone. */
  kill(): Promise<void>;
  /** Starts the server again on the same database with the same secret; resolves with the ms until /api/health answered. */
  restart(): Promise<number>;
  stop(): Promise<void>;
};

/**
 * A port for a test's own server, beside the shared one: the number written for the default
 * E2E_PORT (3100), moved by as much as E2E_PORT is, so two suites on one machine (each with its
 * own E2E_PORT) do not start their own servers on the same ports.
 */
export const ownPort = (port: number): number => port + (Number(process.env.E2E_PORT ?? 3100) - 3100);

/**
 * `database: "server"` (default): a new, empty PostgreSQL database. `"embedded"`: a new PGlite
 * folder, which the server seeds with the demo municipality on its first start. `databaseUrl`:
 * another server's PostgreSQL database (a second process on it; left for that server to drop).
 */
export async function startOwnServer(port: number, env: Record<string, string> = {}, options: { database?: "server" | "embedded"; databaseUrl?: string } = {}): Promise<OwnServer> {
  const name = `portfoljen_e2e_${randomBytes(5).toString("hex")}`;
  const embedded = options.database === "embedded";
  const shared = options.databaseUrl !== undefined;
  const url = shared ? new URL(options.databaseUrl!) : new URL(PG_ADMIN_URL);
  if (!shared) url.pathname = `/${name}`;
  if (!embedded && !shared) {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
  }
  const where = embedded ? { DATABASE_URL: "", PGLITE_DATA_DIR: path.join("data", name) } : { DATABASE_URL: url.toString() };
  const baseURL = `http://localhost:${port}`;
  const secret = `own-${name}`;
  let output = "";
  let child: ChildProcess;
  // `child` is set at once, so a kill during the start (while the database recovers) reaches the new process.
  const launch = async (): Promise<void> => {
    const started = spawn(process.execPath, ["scripts/start.mjs"], {
      env: { ...process.env, PORT: String(port), ...where, NEXTAUTH_URL: baseURL, NEXTAUTH_SECRET: secret, I18N_STRICT: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    child = started;
    started.stdout!.on("data", (chunk) => (output += chunk));
    started.stderr!.on("data", (chunk) => (output += chunk));
    const until = Date.now() + 120_000;
    for (;;) {
      try {
        if ((await fetch(`${baseURL}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      if (started.exitCode !== null || started.signalCode !== null || Date.now() > until) throw new Error(`the server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  await launch();
  return {
    baseURL,
    databaseUrl: embedded ? null : url.toString(),
    log: () => output,
    async waitForLog(pattern, timeoutMs = 20_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const match = output.match(pattern);
        if (match) return match;
        if (Date.now() > end) throw new Error(`not in the server log: ${pattern}\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async kill() {
      const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once("exit", r));
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      await exited;
      // The Next server is start.mjs's child: wait until no process of the group is left.
      const until = Date.now() + 10_000;
      for (;;) {
        try {
          process.kill(-child.pid!, 0);
        } catch {
          return;
        }
        if (Date.now() > until) throw new Error(`process group ${child.pid} still alive 10 s after SIGKILL`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async restart() {
      output += "\n--- restart ---\n";
      // Something still answering on the port would pass for the restarted server.
      if (await fetch(`${baseURL}/api/health`).then(() => true, () => false)) throw new Error(`port ${port} still answers: the old server is not gone`);
      const started = Date.now();
      await launch();
      return Date.now() - started;
    },
    async stop() {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 500));
      if (embedded) {
        fs.rmSync(path.join("data", name), { recursive: true, force: true });
        return;
      }
      if (shared) return;
      const cleanup = new pg.Client({ connectionString: PG_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
