// `npm run admin:create`: the operator's way in, on both engines, as the README documents it.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { expect, inject, it } from "vitest";
import { openDatabase } from "@/lib/db";

const run = promisify(execFile);
const cli = (env: Record<string, string>, ...args: string[]) =>
  run("npx", ["tsx", "--conditions=react-server", "scripts/admin-create.ts", ...args], { env: { ...process.env, NEXTAUTH_URL: "https://portfoljen.kommun.test", ...env } }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

async function check(env: Record<string, string>, open: () => ReturnType<typeof openDatabase>) {
  const created = await cli(env, "--email", "IT@Kommun.test", "--name", "Ada Admin");
  expect(created.code, created.out).toBe(0);
  const link = /https:\/\/portfoljen\.kommun\.test\/password\/[A-Za-z0-9_-]{43}/.exec(created.out)?.[0];
  expect(link).toBeTruthy();
  const again = await cli(env, "--email", "it@kommun.test", "--name", "Ada Igen");
  expect(again.code).toBe(1);
  expect(again.out).toMatch(/already has this e-mail/);
  expect((await cli(env)).code).toBe(2);
  const db = open();
  try {
    const users = await db.prisma.user.findMany();
    expect(users.map((u) => [u.email, u.role, u.passwordHash])).toEqual([["it@kommun.test", "ADMIN", null]]);
    expect(await db.prisma.passwordLink.count({ where: { userId: users[0]!.id, usedAt: null, purpose: "INVITATION" } })).toBe(1);
    expect((await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: users[0]!.id } })).actorLabel).toMatch(/admin:create/);
  } finally {
    await db.close();
  }
}

it("adds an administrator with a one-time link to the embedded database, refuses a taken e-mail and a missing argument", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portfoljen-cli-"));
  try {
    await check({ PGLITE_DATA_DIR: dir, DATABASE_URL: "" }, () => openDatabase({ dataDir: dir }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

it("does the same on a PostgreSQL server", async (ctx) => {
  const adminUrl = inject("pgAdminUrl");
  if (!adminUrl) ctx.skip();
  const name = `portfoljen_cli_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    await check({ DATABASE_URL: url.toString() }, () => openDatabase({ url: url.toString() }));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}, 120_000);
