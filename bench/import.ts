// `npm run bench:import`: time to import 5,000 rows from CSV and from Excel, on embedded
// PGlite (a fresh folder under /tmp) and on a PostgreSQL server (a fresh database), each
// with the demo municipality. Prints numbers; it is not a timed test. Wall time depends on
// what else runs on the machine; the CPU time of this process does not (with PGlite it
// includes the database's own work, with a server only ours).
//
//   npm run bench:import -- [--rows 5000]
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import pg from "pg";
import type { Actor } from "../lib/auth/roles";
import { openDatabase, useDatabase, type Database } from "../lib/db";
import { importInitiatives } from "../lib/server/import/initiatives";
import { mulberry32, seedDemo } from "../prisma/seed/demo";

const args = process.argv.slice(2);
const rows = Number(args[args.indexOf("--rows") + 1] || 5000);
const RUNS = 3;
const seconds = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(2)} s [${(sorted[0]! / 1000).toFixed(2)}–${(sorted.at(-1)! / 1000).toFixed(2)}]`;
};
const pgAdmin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres:postgres@localhost:5432/postgres";

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

async function measure(label: string, db: Database) {
  try {
    await run(label, db);
  } finally {
    await db.close();
  }
}

async function run(label: string, db: Database) {
  await db.migrate();
  await seedDemo(db.prisma);
  useDatabase(db);
  const admin = await db.prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  const actor: Actor = { id: admin.id, role: admin.role, departmentId: admin.departmentId, name: admin.name };
  const departments = (await db.prisma.department.findMany({ select: { name: true } })).map((d) => d.name);
  // Warm-up: the first queries of a process compile Prisma's query plans.
  await importInitiatives(actor, { fileName: "warm.csv", bytes: csvOf(list(departments, 20, "warm")), dryRun: false });

  for (const format of ["csv", "xlsx"] as const) {
    const previews: number[] = [];
    const imports: number[] = [];
    const cpu: number[] = [];
    let size = 0;
    for (let run = 1; run <= RUNS; run++) {
      const table = list(departments, rows, `${format}${run}`);
      const bytes = format === "csv" ? csvOf(table) : await xlsxOf(table);
      size = bytes.length;
      const before = await db.prisma.initiative.count();
      let t = performance.now();
      const preview = await importInitiatives(actor, { fileName: `lista.${format}`, bytes, dryRun: true });
      previews.push(performance.now() - t);
      if (preview.issueCount) throw new Error(`${preview.issueCount} issues, first: ${JSON.stringify(preview.issues[0])}`);
      t = performance.now();
      const cpuBefore = process.cpuUsage();
      const result = await importInitiatives(actor, { fileName: `lista.${format}`, bytes, dryRun: false });
      imports.push(performance.now() - t);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
      const after = await db.prisma.initiative.count();
      if (after - before !== rows || result.created !== rows) throw new Error(`expected ${rows} new initiatives, got ${after - before}`);
    }
    console.log(
      `${label}, ${format.toUpperCase()} (${(size / 1024).toFixed(0)} kB, ${rows} rows), median of ${RUNS} [min–max]: ` +
        `preview (read + validate) ${seconds(previews)}; import (read + validate + write in one transaction) ${seconds(imports)}, CPU of this process ${seconds(cpu)}; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`,
    );
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portfoljen-bench-import-"));
try {
  await measure("embedded PGlite", openDatabase({ dataDir: dir }));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

// Dropping the bench database ends any connection the pool still keeps; that is expected here.
process.on("uncaughtException", (error) => {
  if ((error as { code?: string }).code === "57P01") return;
  console.error(error);
  process.exit(1);
});
const name = `portfoljen_bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: pgAdmin });
try {
  await admin.connect();
} catch (error) {
  console.log(`PostgreSQL server not reachable (${(error as Error).message}); skipped.`);
  process.exit(0);
}
await admin.query(`CREATE DATABASE "${name}"`);
try {
  const url = new URL(pgAdmin);
  url.pathname = `/${name}`;
  await measure("PostgreSQL server", openDatabase({ url: url.toString() }));
} finally {
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
