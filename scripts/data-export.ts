// `npm run data:export -- <file>`: writes the full export of the configured database
// (DATABASE_URL, else the embedded one under data/; never while a server owns it) to <file>.
import fs from "node:fs";
import { database } from "../lib/db";
import { CLI_ACTOR, exportAll } from "../lib/server/full-export";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run data:export -- <file.json>");
  process.exit(2);
}
const db = database();
try {
  await db.migrate();
  const started = Date.now();
  const document = await exportAll(CLI_ACTOR, db.prisma);
  const text = JSON.stringify(document);
  fs.writeFileSync(file, text);
  const rows = Object.values(document.entities).reduce((sum, list) => sum + list.length, 0);
  console.log(`Exported ${rows} rows (${document.entities.initiatives?.length ?? 0} initiatives) from the ${db.engine} database to ${file}: ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB in ${Date.now() - started} ms.`);
  console.log("The file holds password and API token hashes and personal data: keep it safe.");
} finally {
  await db.close();
}
