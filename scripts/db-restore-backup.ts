// `npm run db:restore-backup -- <file>`: restores a backup made by `npm run db:backup`. On a
// PostgreSQL server (DATABASE_URL) it replaces what the database holds, in one transaction; the
// embedded database is restored into PGLITE_DATA_DIR, which must be a new, empty folder.
import { restoreEmbedded, restoreServer } from "../lib/database/backup";
import { embeddedDataDir } from "../lib/database/adapters";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run db:restore-backup -- <file>");
  process.exit(2);
}
const url = process.env.DATABASE_URL;
const started = Date.now();
try {
  if (url) await restoreServer(url, file);
  else await restoreEmbedded(embeddedDataDir(), file);
  console.log(`Restored ${file} into the ${url ? "PostgreSQL server" : `embedded database at ${embeddedDataDir()}`} in ${Date.now() - started} ms.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
