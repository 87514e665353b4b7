#!/usr/bin/env node
// `npm run db:migration:new -- <name>`: writes the SQL that takes the last committed
// prisma/schema.prisma to the working copy's, offline (no shadow database needed).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:migration:new -- <name>");
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portfoljen-schema-"));
const previous = path.join(tmp, "previous.prisma");
let from = ["--from-empty"];
try {
  fs.writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" }));
  from = ["--from-schema-datamodel", previous];
} catch {
  console.log("No committed schema: diffing from an empty database.");
}
const result = spawnSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], {
  encoding: "utf8",
  env: { ...process.env, PGLITE_DATA_DIR: "memory://", DATABASE_URL: "" },
});
if (result.status !== 0) {
  console.error(result.stderr);
  process.exit(result.status ?? 1);
}
const sql = result.stdout.trim();
if (!sql || sql === "-- This is an empty migration.") {
  console.log("The schema has not changed since the last commit: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
console.log(`Wrote ${dir}/migration.sql`);
