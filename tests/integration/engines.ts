// Runs a suite on both engines: embedded PGlite (in memory) and a PostgreSQL server
// (a fresh database per suite, dropped afterwards). Both get the real migrations.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { openDatabase, useDatabase, type Database } from "@/lib/db";

export type Engine = { name: string; open(): Promise<{ db: Database; dispose(): Promise<void> }> };

function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function engines(): Engine[] {
  const list: Engine[] = [
    {
      name: "embedded PGlite",
      async open() {
        const db = openDatabase({ dataDir: "memory://" });
        await db.migrate();
        return { db, dispose: () => db.close() };
      },
    },
  ];
  const adminUrl = inject("pgAdminUrl");
  if (adminUrl) {
    list.push({
      name: "PostgreSQL server",
      async open() {
        const name = `portfoljen_test_${randomBytes(6).toString("hex")}`;
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`CREATE DATABASE "${name}"`);
        await admin.end();
        const db = openDatabase({ url: withDatabase(adminUrl, name) });
        await db.migrate();
        return {
          db,
          async dispose() {
            await db.close();
            const cleanup = new pg.Client({ connectionString: adminUrl });
            await cleanup.connect();
            await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
            await cleanup.end();
          },
        };
      },
    });
  }
  return list;
}

/**
 * describe() once per engine. `ctx.db` is that engine's database, also installed as
 * the process database so lib/server code under test uses it.
 */
export function describeEachEngine(title: string, body: (ctx: { readonly db: Database; readonly engine: string; readonly adminUrl: string }) => void) {
  for (const engine of engines()) {
    describe(`${title} [${engine.name}]`, () => {
      let opened: Awaited<ReturnType<Engine["open"]>> | undefined;
      const ctx = {
        get db() {
          if (!opened) throw new Error("database not open yet");
          return opened.db;
        },
        engine: engine.name,
        adminUrl: inject("pgAdminUrl"),
      };
      beforeAll(async () => {
        opened = await engine.open();
        useDatabase(opened.db);
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      body(ctx);
    });
  }
}
