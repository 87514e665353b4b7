// `npm run db:backup -- <file>`: a backup of the configured database in its engine's own format:
// pg_dump (custom format) when DATABASE_URL names a PostgreSQL server, else PGlite's dump of the
// embedded data directory (PGLITE_DATA_DIR, default data/pglite; never while a server has it open).
import { backupEmbedded, backupServer } from "../lib/database/backup";
import { embeddedDataDir } from "../lib/database/adapters";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run db:backup -- <file>");
  process.exit(2);
}
const url = process.env.DATABASE_URL;
const started = Date.now();
try {
  if (url) await backupServer(url, file);
  else await backupEmbedded(embeddedDataDir(), file);
  console.log(`Backed up the ${url ? "PostgreSQL server" : "embedded"} database to ${file} in ${Date.now() - started} ms. It holds personal data and password hashes: keep it safe.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
