// `npm run bench:export`: time and peak memory of the full export and of the restore of the bench
// database (the demo municipality plus N generated initiatives, default 2,000), and the export's
// size, on embedded PGlite (folders under /tmp) and on a PostgreSQL server (fresh databases).
// Also checks the round trip: the restored database exports the same document.
//
//   npm run bench:export -- [--count 2000] [--engines pglite,server]
//
// How memory is measured: each phase (export to a file, restore from it, the export of the
// restored database) runs in a fresh child process, as `npm run data:export` / `data:restore`
// would, so what one phase left behind is not counted in the next and the kernel's figure is the
// phase's own. Reported per phase:
// - peak RSS: the child's maxRSS (getrusage), the kernel's high-water mark of resident memory, so
//   no peak between two samples is missed. It includes Node and Prisma themselves (the "at start"
//   figure, taken after opening and migrating the database) and, on PGlite, the embedded database
//   engine, which runs in the same process (its WebAssembly memory grows and is never given back).
// - peak JS: the highest heapUsed + external (buffers, WebAssembly memory included) seen by a 10 ms
//   sampler: JavaScript's own share, less exact (a peak between samples can be missed).
// The figure that matters is how these change with N: a streamed phase holds one page or batch,
// so 50,000 initiatives should cost about what 2,000 do.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { openDatabase } from "../lib/db";
import { CLI_ACTOR, CLI_TIMEOUT_MS, exportToFile, restoreStream } from "../lib/server/full-export";
import { documentEvents, type DocumentEvent } from "../lib/server/full-export/reader";
import { seedDemo } from "../prisma/seed/demo";
import { arg } from "./args";
import { generate } from "./generate";

type Target = { dataDir?: string; url?: string };
type PhaseResult = { ms: number; rows: number; bytes: number; startRssMB: number; peakRssMB: number; peakJsMB: number; liveJsMB: number; liveStartMB: number };

const MB = 1024 * 1024;

// ---- A phase, in its own process ------------------------------------------------------

async function runPhase(phase: string, target: Target, file: string): Promise<void> {
  const db = openDatabase(target);
  await db.migrate();
  let peakJs = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakJs = Math.max(peakJs, m.heapUsed + m.external);
  };
  sample();
  const startRss = process.memoryUsage().rss;
  const sampler = setInterval(sample, 10);
  // What is still referenced: a full collection each second, then the heap's size. V8 collects
  // lazily, so the peaks above include garbage it had not yet bothered to collect.
  const collect = globalThis.gc;
  let liveJs = 0;
  const live = () => {
    collect?.();
    const m = process.memoryUsage();
    liveJs = Math.max(liveJs, m.heapUsed + m.external);
  };
  live();
  const liveStart = liveJs;
  const collector = setInterval(live, 1000);
  const started = performance.now();
  let rows: number;
  let bytes: number;
  try {
    if (phase === "export") ({ rows, bytes } = await exportToFile(CLI_ACTOR, file, db.prisma, { timeoutMs: CLI_TIMEOUT_MS }));
    else {
      ({ rows } = await restoreStream(CLI_ACTOR, fs.createReadStream(file), db.prisma, { timeoutMs: CLI_TIMEOUT_MS }));
      bytes = fs.statSync(file).size;
    }
  } finally {
    clearInterval(sampler);
    clearInterval(collector);
    live();
    await db.close();
  }
  const ms = performance.now() - started;
  sample();
  const result: PhaseResult = { ms, rows, bytes, startRssMB: startRss / MB, peakRssMB: (process.resourceUsage().maxRSS * 1024) / MB, peakJsMB: peakJs / MB, liveJsMB: liveJs / MB, liveStartMB: liveStart / MB };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Runs a phase in a fresh Node process with the same loader (tsx) and conditions as this one. */
function phase(name: string, target: Target, file: string): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, "--expose-gc", fileURLToPath(import.meta.url), "--phase", name, "--target", JSON.stringify(target), "--file", file], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as PhaseResult);
      else reject(new Error(`${name} phase failed (exit ${code}): ${out}`));
    });
  });
}

// ---- The round trip, compared as streams ----------------------------------------------

/** Whether two exports hold the same document, less the time of export and the restore's own audit event. */
async function sameDocument(fileA: string, fileB: string): Promise<boolean> {
  const relevant = async function* (file: string): AsyncGenerator<DocumentEvent> {
    for await (const event of documentEvents(fs.createReadStream(file))) {
      if (event.type === "field" && event.key === "exportedAt") continue;
      if (event.type === "entityEnd" && event.key === "auditEvents") continue;
      if (event.type === "row" && event.key === "auditEvents") {
        if ((event.value as { action?: string }).action === "data.restore") continue;
        yield { ...event, index: 0, bytes: 0 };
        continue;
      }
      yield event.type === "row" ? { ...event, bytes: 0 } : event;
    }
  };
  const a = relevant(fileA);
  const b = relevant(fileB);
  for (;;) {
    const [x, y] = await Promise.all([a.next(), b.next()]);
    if (x.done || y.done) return Boolean(x.done && y.done);
    if (!isDeepStrictEqual(x.value, y.value)) {
      console.log("  first difference:", JSON.stringify(x.value).slice(0, 300), "vs", JSON.stringify(y.value).slice(0, 300));
      return false;
    }
  }
}

// ---- The bench ------------------------------------------------------------------------

const fmt = (r: PhaseResult) => `${(r.ms / 1000).toFixed(2)} s, peak RSS ${r.peakRssMB.toFixed(0)} MB (${r.startRssMB.toFixed(0)} MB at start), peak JS ${r.peakJsMB.toFixed(0)} MB, live JS at most ${r.liveJsMB.toFixed(0)} MB (${r.liveStartMB.toFixed(0)} MB at start)`;

async function measure(label: string, source: Target, target: Target, count: number, dir: string): Promise<boolean> {
  const t = performance.now();
  const db = openDatabase(source);
  await db.migrate();
  await seedDemo(db.prisma);
  await generate(db.prisma, count);
  await db.close();
  const generatedMs = performance.now() - t;
  const empty = openDatabase(target);
  await empty.migrate();
  await empty.close();

  const fileA = path.join(dir, "export.json");
  const fileB = path.join(dir, "export-of-restored.json");
  const exported = await phase("export", source, fileA);
  const restored = await phase("restore", target, fileA);
  const again = await phase("export", target, fileB);
  const same = await sameDocument(fileA, fileB);
  console.log(
    `${label}, ${count} generated initiatives (generated in ${(generatedMs / 1000).toFixed(0)} s): ${exported.rows} rows, ${(exported.bytes / MB).toFixed(1)} MB JSON\n` +
      `  export:  ${fmt(exported)}\n` +
      `  restore: ${fmt(restored)}\n` +
      `  export of the restored database: ${fmt(again)}\n` +
      `  round trip identical: ${same}; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`,
  );
  return same;
}

async function main() {
  const count = Number(arg("count", "2000"));
  const engines = arg("engines", "pglite,server").split(",");
  const pgAdmin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres:postgres@localhost:5432/postgres";
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "portfoljen-bench-export-"));
  try {
    if (engines.includes("pglite")) {
      const [a, b] = ["source", "target"].map((name) => path.join(work, name));
      if (!(await measure("embedded PGlite", { dataDir: a }, { dataDir: b }, count, work))) process.exitCode = 1;
      for (const dir of [a!, b!]) fs.rmSync(dir, { recursive: true, force: true });
    }
    if (engines.includes("server")) {
      const admin = new pg.Client({ connectionString: pgAdmin });
      try {
        await admin.connect();
      } catch (error) {
        console.log(`PostgreSQL server not reachable (${(error as Error).message}); skipped.`);
        return;
      }
      const names = [0, 1].map(() => `portfoljen_bench_${randomBytes(4).toString("hex")}`);
      const urlOf = (name: string) => {
        const url = new URL(pgAdmin);
        url.pathname = `/${name}`;
        return url.toString();
      };
      try {
        for (const name of names) await admin.query(`CREATE DATABASE "${name}"`);
        if (!(await measure("PostgreSQL server", { url: urlOf(names[0]!) }, { url: urlOf(names[1]!) }, count, work))) process.exitCode = 1;
      } finally {
        for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const phaseName = arg("phase", "");
if (phaseName) await runPhase(phaseName, JSON.parse(arg("target", "{}")) as Target, arg("file", ""));
else await main();
