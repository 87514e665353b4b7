#!/usr/bin/env node
// `npm run test:e2e`: a fresh production build, then Playwright against it (see playwright.config.ts).
import { spawnSync } from "node:child_process";

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
if (process.env.E2E_SKIP_BUILD !== "1") run("npx", ["next", "build"]);
run("npx", ["playwright", "test", ...process.argv.slice(2)]);
