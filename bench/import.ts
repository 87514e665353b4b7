// `npm run bench:import`: time to import 5,000 rows from CSV and from Excel, on embedded
// PGlite (a fresh folder under /tmp) and on a PostgreSQL server (a fresh database), each
// with the demo municipality and, with --existing, that many generated initiatives already
// there (bench/generate.ts, then VACUUM ANALYZE): an import must not slow down as the
// portfolio grows. Prints numbers; it is not a timed test. Wall time depends on what else
// runs on the machine; the CPU time of this process does not (with PGlite it includes the
// database's own work, with a server only ours; the server's backends are shown apart when
// the server runs on this machine).
//
//   npm run bench:import -- [--rows 5000] [--existing 0,50000] [--runs 3] [--engines pglite,pg] [--formats csv,xlsx] [--reuse]
//
// --reuse keeps each generated database (the folder portfoljen-bench-import-kept-<N> under /tmp,
// the template database portfoljen_bench_import_kept_<N> on the server) and starts later runs
// from a copy of it, migrated further: generating 50,000 initiatives takes minutes. Delete them
// when bench/generate.ts changes.
//
// Per format: the preview (a dry run: read + validate + look up), then the import split into
// its two calls as the API makes them: check (read + validate + look up) and write (one
// transaction: duplicates again, insert, audit), and the file's read alone for scale.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import pg from "pg";
import type { Actor } from "../lib/auth/roles";
import { openDatabase, useDatabase, type Database } from "../lib/db";
import { checkImport, importInitiatives, writeImport } from "../lib/server/import/initiatives";
import { readTable } from "../lib/server/import/parse";
import { mulberry32, seedDemo } from "../prisma/seed/demo";
import { arg, flag } from "./args";
import { generate } from "./generate";

const rows = Number(arg("rows", "5000"));
const RUNS = Number(arg("runs", "3"));
const existingCounts = arg("existing", "0").split(",").map(Number);
const engines = arg("engines", "pglite,pg").split(",");
const formats = arg("formats", "csv,xlsx").split(",") as ("csv" | "xlsx")[];
const reuse = flag("reuse");
for (const n of [rows, RUNS, ...existingCounts]) if (!Number.isInteger(n) || n < 0) throw new Error("--rows, --runs and --existing take whole numbers");
const seconds = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(2)} s [${(sorted[0]! / 1000).toFixed(2)}–${(sorted.at(-1)! / 1000).toFixed(2)}]`;
};
const pgAdmin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres:postgres@localhost:5432/postgres";

/** Wall and CPU (user + system of this process) milliseconds of one call. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const cpuBefore = process.cpuUsage();
  const t = performance.now();
  const value = await work();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpuBefore);
  return { value, wall, cpu: (used.user + used.system) / 1000 };
}

const HEADERS = ["Titel", "Behov", "Förvaltning", "Nyttomottagare", "Karaktär", "Kostnad (kr)", "Insats (timmar)", "Önskad start", "Status", "Kontaktperson"];
const SUBJECTS = ["frånvaroanmälan", "bygglov", "felanmälan", "försörjningsstöd", "schemaläggning", "fakturahantering", "bokning av lokaler", "tillsyn", "rekrytering", "avtalsuppföljning"];
const KINDS = ["E-tjänst för", "Automatisering av", "AI-stöd för", "Digital hantering av", "Självservice för"];

/** A municipality's list: realistic, varied, deterministic, every title unique. */
function list(departments: string[], n: number, tag: string): string[][] {
  const random = mulberry32(n);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const submitted = random() < 0.3;
    return [
      `${pick(KINDS)} ${pick(SUBJECTS)} ${tag}-${i + 1}`,
      "Handläggarna gör i dag detta för hand och invånarna får vänta på besked i flera veckor.",
      pick(departments),
      pick(["intern", "extern"]),
      pick(["effektivisering", "innovation"]),
      String(Math.round(random() * 2_000) * 1000),
      String(Math.round(random() * 3000)),
      `${2026 + Math.floor(random() * 3)}-Q${1 + Math.floor(random() * 4)}`,
      submitted ? "Inskickad" : "",
      pick(["Anna Andersson", "Erik Johansson", "Karin Nilsson", ""]),
    ];
  });
}

const csvOf = (table: string[][]) => new TextEncoder().encode(`\uFEFF${[HEADERS, ...table].map((r) => r.join(";")).join("\r\n")}\r\n`);

async function xlsxOf(table: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Initiativ");
  sheet.addRow(HEADERS);
  for (const r of table) sheet.addRow(r.map((cell, i) => (i === 5 || i === 6 ? Number(cell) : cell)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function measure(label: string, open: (existing: number) => Promise<Database>) {
  for (const existing of existingCounts) {
    const db = await open(existing);
    try {
      await run(`${label}, ${existing.toLocaleString("en")} existing`, db, existing);
    } finally {
      await db.close();
    }
  }
}

/** Migrated, seeded and filled up to `existing` initiatives (counting the demo's own). */
async function prepare(label: string, db: Database, existing: number) {
  await db.migrate();
  await seedDemo(db.prisma);
  const before = await db.prisma.initiative.count();
  if (existing > before) {
    const generated = await timed(() => generate(db.prisma, existing - before));
    await db.prisma.$executeRawUnsafe("VACUUM ANALYZE");
    console.log(`${label}: generated ${generated.value.rows} rows (${generated.value.initiatives} initiatives) in ${(generated.wall / 1000).toFixed(1)} s`);
  }
}

/**
 * CPU milliseconds used so far by each of the server's backends for this database, read from
 * /proc/<pid>/stat: only when the server runs on this machine and we may read its processes
 * (else null). With a server, "CPU of this process" leaves the database's own work out.
 */
async function serverCpu(db: Database): Promise<Map<number, number> | null> {
  if (db.engine !== "server") return null;
  const rows = await db.prisma.$queryRawUnsafe<{ pid: number }[]>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  const used = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      // utime and stime: the 12th and 13th fields after the command's closing parenthesis.
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      used.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100); // USER_HZ is 100 on Linux.
    } catch {
      return null;
    }
  }
  return used;
}

/** CPU the backends used between two readings (a backend that started between them, all of its). */
const serverCpuUsed = (before: Map<number, number>, after: Map<number, number>) => [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

/**
 * Takes a timed import out again (its initiatives, their status changes and audit events), so
 * that every run meets the same database rather than one grown by the runs before it.
 */
async function forget(db: Database, importId: string) {
  await db.prisma.$executeRawUnsafe(
    `WITH imported AS (SELECT "entityId" AS id FROM "AuditEvent" WHERE "action" = 'initiative.import' AND "after"->>'importId' = $1),
       gone AS (DELETE FROM "AuditEvent" WHERE "action" = 'initiative.import' AND "after"->>'importId' = $1)
     DELETE FROM "Initiative" WHERE "id" IN (SELECT id FROM imported)`,
    importId,
  );
  await db.prisma.$executeRawUnsafe(`VACUUM ANALYZE "Initiative", "StatusChange", "AuditEvent"`);
}

async function run(label: string, db: Database, existing: number) {
  await prepare(label, db, existing);
  useDatabase(db);
  const admin = await db.prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  const actor: Actor = { id: admin.id, role: admin.role, departmentId: admin.departmentId, name: admin.name };
  const departments = (await db.prisma.department.findMany({ select: { name: true } })).map((d) => d.name);
  // Warm-up: the first queries of a process compile Prisma's query plans.
  await importInitiatives(actor, { fileName: "warm.csv", bytes: csvOf(list(departments, 20, "warm")), dryRun: false });

  for (const format of formats) {
    const m = { read: [] as number[], preview: [] as number[], check: [] as number[], write: [] as number[], wall: [] as number[], cpu: [] as number[], server: [] as number[] };
    let size = 0;
    let stored = 0;
    for (let run = 1; run <= RUNS; run++) {
      const table = list(departments, rows, `${format}${run}`);
      const bytes = format === "csv" ? csvOf(table) : await xlsxOf(table);
      const fileName = `lista.${format}`;
      size = bytes.length;
      const before = await db.prisma.initiative.count();
      stored = before;
      m.read.push((await timed(() => readTable(fileName, bytes))).wall);
      const preview = await timed(() => importInitiatives(actor, { fileName, bytes, dryRun: true }));
      m.preview.push(preview.wall);
      if (preview.value.issueCount) throw new Error(`${preview.value.issueCount} issues, first: ${JSON.stringify(preview.value.issues[0])}`);
      // The import as the API runs it: check, then write; timed as one and by part.
      const request = { fileName, bytes, dryRun: false };
      const serverBefore = await serverCpu(db);
      const whole = await timed(async () => {
        const check = await timed(() => checkImport(actor, request));
        const write = await timed(() => writeImport(actor, check.value, request));
        m.check.push(check.wall);
        m.write.push(write.wall);
        return write.value;
      });
      m.wall.push(whole.wall);
      m.cpu.push(whole.cpu);
      const serverAfter = await serverCpu(db);
      if (serverBefore && serverAfter) m.server.push(serverCpuUsed(serverBefore, serverAfter));
      const after = await db.prisma.initiative.count();
      if (after - before !== rows || whole.value.created !== rows) throw new Error(`expected ${rows} new initiatives, got ${after - before}`);
      const summary = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "data.import" }, orderBy: { at: "desc" }, select: { entityId: true } });
      await forget(db, summary.entityId);
    }
    console.log(
      `${label}, ${format.toUpperCase()} (${(size / 1024).toFixed(0)} kB, ${rows} rows, into ${stored.toLocaleString("en")} initiatives), median of ${RUNS} [min–max]:\n` +
        `  import ${seconds(m.wall)}, CPU of this process ${seconds(m.cpu)}${m.server.length ? `, CPU of the server's backends ${seconds(m.server)}` : ""}\n` +
        `    = check (read + validate + look up) ${seconds(m.check)} + write (one transaction) ${seconds(m.write)}; the read alone ${seconds(m.read)}\n` +
        `  preview (dry run) ${seconds(m.preview)}; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`,
    );
  }
}

if (engines.includes("pglite")) {
  const dirs: string[] = [];
  try {
    await measure("embedded PGlite", async (existing) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portfoljen-bench-import-"));
      dirs.push(dir);
      if (reuse && existing > 0) {
        const kept = path.join(os.tmpdir(), `portfoljen-bench-import-kept-${existing}`);
        if (!fs.existsSync(kept)) {
          const db = openDatabase({ dataDir: `${kept}.partial` });
          await prepare(`embedded PGlite, ${existing.toLocaleString("en")} existing (kept in ${kept})`, db, existing);
          await db.close();
          fs.renameSync(`${kept}.partial`, kept);
        }
        fs.cpSync(kept, dir, { recursive: true });
      }
      return openDatabase({ dataDir: dir });
    });
  } finally {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (engines.includes("pg")) {
  // Dropping a bench database ends any connection the pool still keeps; that is expected here.
  process.on("uncaughtException", (error) => {
    if ((error as { code?: string }).code === "57P01") return;
    console.error(error);
    process.exit(1);
  });
  const admin = new pg.Client({ connectionString: pgAdmin });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`PostgreSQL server not reachable (${(error as Error).message}); skipped.`);
    process.exit(0);
  }
  const names: string[] = [];
  try {
    const urlOf = (name: string) => {
      const url = new URL(pgAdmin);
      url.pathname = `/${name}`;
      return url.toString();
    };
    await measure("PostgreSQL server", async (existing) => {
      const name = `portfoljen_bench_${randomBytes(4).toString("hex")}`;
      if (reuse && existing > 0) {
        const kept = `portfoljen_bench_import_kept_${existing}`;
        const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [kept]);
        if (!rowCount) {
          await admin.query(`CREATE DATABASE "${kept}_partial"`);
          const db = openDatabase({ url: urlOf(`${kept}_partial`) });
          await prepare(`PostgreSQL server, ${existing.toLocaleString("en")} existing (kept as ${kept})`, db, existing);
          await db.close();
          await admin.query(`ALTER DATABASE "${kept}_partial" RENAME TO "${kept}"`);
        }
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${kept}"`);
      } else {
        await admin.query(`CREATE DATABASE "${name}"`);
      }
      names.push(name);
      return openDatabase({ url: urlOf(name) });
    });
  } finally {
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
