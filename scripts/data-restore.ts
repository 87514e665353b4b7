// `npm run data:restore -- <file>`: restores a full export into the configured database
// (DATABASE_URL, else the embedded one under data/, or PGLITE_DATA_DIR), which must be
// empty: a new PostgreSQL database, or an embedded one before the server's first start.
// `-` reads standard input. Streamed: the file is read as it is restored, never held whole,
// so there is no size limit here (the API's is 32 MB).
import fs from "node:fs";
import { database } from "../lib/db";
import { toErrorResponse } from "../lib/server/errors";
import { CLI_ACTOR, CLI_TIMEOUT_MS, restoreStream } from "../lib/server/full-export";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run data:restore -- <file.json | ->");
  process.exit(2);
}
let input: NodeJS.ReadableStream;
try {
  input = file === "-" ? process.stdin : fs.createReadStream(file, { fd: fs.openSync(file, "r") });
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as Error).message}`);
  process.exit(1);
}
const db = database();
try {
  await db.migrate();
  const started = Date.now();
  let reported = 0;
  const result = await restoreStream(CLI_ACTOR, input as AsyncIterable<Uint8Array>, db.prisma, {
    timeoutMs: CLI_TIMEOUT_MS,
    onProgress: (rows) => {
      if (rows - reported < 100_000) return;
      reported = rows;
      console.log(`  ${rows} rows written (committed only when all are in) …`);
    },
  });
  console.log(`Restored ${result.rows} rows (${result.counts.initiatives ?? 0} initiatives) into the ${db.engine} database in ${Date.now() - started} ms.`);
} catch (error) {
  const { body } = toErrorResponse(error);
  console.error(`Restore refused (${body.error.code}): ${body.error.message}`);
  for (const issue of body.error.issues ?? []) console.error(`  ${issue.path}: ${issue.message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
