// `npm run bench:export`: time to export and to restore the bench database (the demo
// municipality plus N generated initiatives, default 2,000), and the export's size, on
// embedded PGlite (folders under /tmp) and on a PostgreSQL server (fresh databases).
// Also checks the round trip: the restored database exports the same document.
//
//   npm run bench:export -- [--count 2000]
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { openDatabase, type Database } from "../lib/db";
import { CLI_ACTOR, exportAll, restoreAll, type ExportDocument } from "../lib/server/full-export";
import { seedDemo } from "../prisma/seed/demo";
import { generate } from "./generate";

const args = process.argv.slice(2);
const count = Number(args[args.indexOf("--count") + 1] || 2000);
const pgAdmin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres:postgres@localhost:5432/postgres";

const rowsOf = (document: ExportDocument) => Object.values(document.entities).reduce((sum, rows) => sum + rows.length, 0);
const comparable = (document: ExportDocument) => {
  const { exportedAt: _at, ...rest } = document;
  return { ...rest, entities: { ...rest.entities, auditEvents: rest.entities.auditEvents!.filter((e) => e.action !== "data.restore") } };
};

async function measure(label: string, source: Database, target: Database) {
  try {
    await source.migrate();
    await seedDemo(source.prisma);
    await generate(source.prisma, count);
    await target.migrate();
    // The first export of a process also compiles Prisma's query plans; time a second one too.
    let t = performance.now();
    await exportAll(CLI_ACTOR, source.prisma);
    const coldMs = performance.now() - t;
    t = performance.now();
    const exportCpuBefore = process.cpuUsage();
    const document = await exportAll(CLI_ACTOR, source.prisma);
    const text = JSON.stringify(document);
    const exportMs = performance.now() - t;
    const exportCpu = process.cpuUsage(exportCpuBefore);
    t = performance.now();
    const cpuBefore = process.cpuUsage();
    await restoreAll(CLI_ACTOR, JSON.parse(text), target.prisma);
    const restoreMs = performance.now() - t;
    const cpu = process.cpuUsage(cpuBefore);
    const again = await exportAll(CLI_ACTOR, target.prisma);
    const same = isDeepStrictEqual(comparable(JSON.parse(JSON.stringify(again)) as ExportDocument), comparable(JSON.parse(text) as ExportDocument));
    console.log(
      `${label}: ${document.entities.initiatives!.length} initiatives, ${rowsOf(document)} rows; export ${(exportMs / 1000).toFixed(2)} s (CPU of this process ${((exportCpu.user + exportCpu.system) / 1e6).toFixed(2)} s; the first export in the process ${(coldMs / 1000).toFixed(2)} s), ` +
        `${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB JSON; restore into an empty database ${(restoreMs / 1000).toFixed(2)} s (CPU of this process ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s); ` +
        `round trip identical: ${same}; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`,
    );
    if (!same) process.exitCode = 1;
  } finally {
    await source.close();
    await target.close();
  }
}

const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), "portfoljen-bench-export-")));
try {
  await measure("embedded PGlite", openDatabase({ dataDir: dirs[0] }), openDatabase({ dataDir: dirs[1] }));
} finally {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}

const admin = new pg.Client({ connectionString: pgAdmin });
try {
  await admin.connect();
} catch (error) {
  console.log(`PostgreSQL server not reachable (${(error as Error).message}); skipped.`);
  process.exit(0);
}
const names = [0, 1].map(() => `portfoljen_bench_${randomBytes(4).toString("hex")}`);
const urlOf = (name: string) => {
  const url = new URL(pgAdmin);
  url.pathname = `/${name}`;
  return url.toString();
};
try {
  for (const name of names) await admin.query(`CREATE DATABASE "${name}"`);
  await measure("PostgreSQL server", openDatabase({ url: urlOf(names[0]!) }), openDatabase({ url: urlOf(names[1]!) }));
} finally {
  for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
