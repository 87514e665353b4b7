// Backups in each engine's own format: backup → restore into a new database → the full export
// equals the one before, on the embedded database (PGlite's dump) and on a PostgreSQL server
// (pg_dump / pg_restore). The scripts (npm run db:backup, db:restore-backup) call these.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db";
import { backupEmbedded, backupServer, restoreEmbedded, restoreServer } from "@/lib/database/backup";
import { CLI_ACTOR, exportAll } from "@/lib/server/full-export";
import { seedDemo } from "@/prisma/seed/demo";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portfoljen-backup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every table's rows as the full export reads them. */
async function entities(db: Database) {
  return (await exportAll(CLI_ACTOR, db.prisma)).entities;
}

async function seeded(db: Database) {
  await db.migrate();
  await seedDemo(db.prisma);
  // Something of every kind a backup must keep: an audit event, a sign-in failure.
  await db.prisma.signInFailure.create({ data: { key: "address:192.0.2.1", count: 3 } });
}

describe("backups", () => {
  it("embedded: PGlite's dump restored into a new folder holds exactly what the database held", async () => {
    const source = path.join(tmp, "source");
    let db = openDatabase({ dataDir: source });
    await seeded(db);
    await db.close();
    const file = path.join(tmp, "embedded.tar.gz");
    await backupEmbedded(source, file);
    db = openDatabase({ dataDir: source });
    const before = await entities(db);
    await db.close();

    const target = path.join(tmp, "target");
    await restoreEmbedded(target, file);
    const restored = openDatabase({ dataDir: target });
    expect(await restored.migrate()).toEqual([]);
    expect(await entities(restored)).toEqual(before);
    expect(before.initiatives!.length).toBeGreaterThan(50);
    await restored.close();
    // Never over a database that exists.
    await expect(restoreEmbedded(target, file)).rejects.toThrow(/not empty/);
  }, 120_000);

  const adminUrl = inject("pgAdminUrl");
  it.runIf(Boolean(adminUrl))("PostgreSQL server: pg_dump restored with pg_restore into a new database holds exactly what the database held", async () => {
    const admin = new pg.Client({ connectionString: adminUrl! });
    await admin.connect();
    const names = [0, 1].map(() => `portfoljen_backup_${randomBytes(5).toString("hex")}`);
    const urls = names.map((name) => Object.assign(new URL(adminUrl!), { pathname: `/${name}` }).toString());
    for (const name of names) await admin.query(`CREATE DATABASE "${name}"`);
    try {
      const source = openDatabase({ url: urls[0] });
      await seeded(source);
      const file = path.join(tmp, "server.dump");
      await backupServer(urls[0]!, file);
      const before = await entities(source);
      await source.close();

      await restoreServer(urls[1]!, file);
      const restored = openDatabase({ url: urls[1] });
      expect(await restored.migrate()).toEqual([]);
      expect(await entities(restored)).toEqual(before);
      await restored.close();
      await expect(restoreServer(urls[1]!, path.join(tmp, "missing.dump"))).rejects.toThrow(/No backup/);
    } finally {
      for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);
});
