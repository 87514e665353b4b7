// `npm run data:export -- <file>`: writes the full export of the configured database
// (DATABASE_URL, else the embedded one under data/; never while a server owns it) to <file>,
// or to standard output with `-`. Streamed: memory stays flat however large the database.
import fs from "node:fs";
import { database } from "../lib/db";
import { CLI_ACTOR, CLI_TIMEOUT_MS, exportToFile, streamSink, writeExport, type ExportSummary } from "../lib/server/full-export";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run data:export -- <file.json | ->");
  process.exit(2);
}
const db = database();
// With `-` the document is standard output, so what is said goes to standard error.
const say = file === "-" ? console.error : console.log;
try {
  await db.migrate();
  const started = Date.now();
  let summary: ExportSummary;
  if (file === "-") {
    summary = await writeExport(CLI_ACTOR, streamSink(process.stdout), db.prisma, { timeoutMs: CLI_TIMEOUT_MS });
  } else {
    // Written beside the target and renamed when complete: a failed export leaves no half file.
    const partial = `${file}.partial`;
    try {
      summary = await exportToFile(CLI_ACTOR, partial, db.prisma, { timeoutMs: CLI_TIMEOUT_MS });
      fs.renameSync(partial, file);
    } finally {
      fs.rmSync(partial, { force: true });
    }
  }
  say(
    `Exported ${summary.rows} rows (${summary.counts.initiatives ?? 0} initiatives) from the ${db.engine} database to ${file === "-" ? "standard output" : file}: ${(summary.bytes / 1024 / 1024).toFixed(1)} MB in ${Date.now() - started} ms.`,
  );
  say("The file holds password and API token hashes and personal data: keep it safe.");
} catch (error) {
  // E.g. a full disk, or standard output closed early (`| head`).
  console.error(`Export failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
