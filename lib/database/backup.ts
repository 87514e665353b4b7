// Backups of the whole database in the engine's own format: pg_dump's custom format for a
// PostgreSQL server (restored with pg_restore), PGlite's data directory dump (a tarball, gzipped)
// for the embedded database. Unlike the full export (JSON, for moving data between systems) a
// backup keeps everything PostgreSQL keeps, and restoring it needs no application code.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_EXTENSIONS } from "./adapters";

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => reject(new Error(`${command} could not be started (is the PostgreSQL client installed?): ${error.message}`)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (${code}): ${stderr.trim()}`))));
  });
}

/** pg_dump of the server database at `url` into `file` (custom format, compressed). */
export function backupServer(url: string, file: string): Promise<void> {
  return run("pg_dump", ["--format=custom", "--no-owner", "--file", file, "--dbname", url]);
}

/** pg_restore of `file` into the server database at `url`, replacing what it holds, in one transaction. */
export function restoreServer(url: string, file: string): Promise<void> {
  if (!fs.existsSync(file)) return Promise.reject(new Error(`No backup at ${file}.`));
  return run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", "--dbname", url, file]);
}

/** PGlite's dump of the embedded data directory `dataDir` into `file`. Not while a server has it open. */
export async function backupEmbedded(dataDir: string, file: string): Promise<void> {
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) throw new Error(`No embedded database in ${dataDir}.`);
  const db = new PGlite(dataDir, { extensions: PGLITE_EXTENSIONS });
  try {
    // Ready first: a dump asked for while PGlite is still starting never finishes. Compressed
    // here with zlib rather than by PGlite (its CompressionStream route stalled under Node).
    await db.waitReady;
    const dump = await db.dumpDataDir("none");
    fs.writeFileSync(file, gzipSync(Buffer.from(await dump.arrayBuffer())));
  } finally {
    await db.close();
  }
}

/** Loads `file` into the embedded data directory `dataDir`, which must not hold a database yet. */
export async function restoreEmbedded(dataDir: string, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`No backup at ${file}.`);
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) throw new Error(`${dataDir} is not empty: restore into a new folder (PGLITE_DATA_DIR) and point the app at it.`);
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new PGlite(dataDir, { extensions: PGLITE_EXTENSIONS, loadDataDir: new Blob([gunzipSync(fs.readFileSync(file))]) });
  try {
    await db.waitReady;
    await db.query("SELECT 1");
  } finally {
    await db.close();
  }
}
