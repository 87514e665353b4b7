#!/usr/bin/env node
// `npm start`: builds on first run, makes sure sign-in has a secret, then serves on $PORT.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const port = process.env.PORT || "3000";

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("[portföljen] no build found: building first (once)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Zero setup: without a configured secret, keep a generated one beside the data.
if (!process.env.NEXTAUTH_SECRET) {
  const file = path.join(root, "data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

await import("./server.mjs");
