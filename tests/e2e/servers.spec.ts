// Production runs two or more Portföljen processes behind a load balancer on one PostgreSQL
// database. Nothing one of them keeps in memory may make the other wrong: a write on one is seen
// on the other's next request (the derived figures are cached per database snapshot), and the
// sign-in throttle counts attempts made on either (its failures live in the database).
import { spawnSync } from "node:child_process";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { ownPort, startOwnServer, type OwnServer } from "./own-server";

async function signedIn(request: APIRequestContext, email: string, password: string, address: string): Promise<number> {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    headers: { "x-forwarded-for": address },
    maxRedirects: 0,
  });
  return response.status();
}

test("two servers on one database: a write on one is read on the other at once; sign-in failures on both count together", async ({ playwright }) => {
  test.setTimeout(240_000);
  const secret = "two-servers-one-secret";
  const servers: OwnServer[] = [];
  try {
    servers.push(await startOwnServer(ownPort(3140), { NEXTAUTH_SECRET: secret }));
    const databaseUrl = servers[0]!.databaseUrl!;
    const seeded = spawnSync("npx", ["tsx", "scripts/seed-demo.ts"], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
    expect(seeded.status, seeded.stderr).toBe(0);
    servers.push(await startOwnServer(ownPort(3141), { NEXTAUTH_SECRET: secret }, { databaseUrl }));
    const [a, b] = await Promise.all(servers.map((s) => playwright.request.newContext({ baseURL: s.baseURL })));

    // Both signed in as leadership; each server has already computed (and cached) the ranking.
    for (const api of [a!, b!]) expect(await signedIn(api, "ledning@demo.kommun.se", "demo", "198.51.100.1")).toBe(200);
    const ranking = async (api: APIRequestContext) => ((await (await api.get("/api/v1/portfolio/ranking")).json()).data as { id: string; version: number }[]);
    const before = await ranking(b!);
    expect((await ranking(a!)).map((r) => r.id)).toEqual(before.map((r) => r.id));

    // Leadership moves the last-ranked initiative to the top on server A …
    const last = before.at(-1)!;
    const moved = await a!.put(`/api/v1/portfolio/ranking/${last.id}`, { data: { position: 1, rationale: "Flyttas först efter beslut i kommunstyrelsen.", version: last.version } });
    expect(moved.status(), await moved.text()).toBe(200);
    // … and server B's very next answer has it there.
    expect((await ranking(b!))[0]!.id).toBe(last.id);

    // Six failed sign-ins from one address, alternating between the servers: all six are counted …
    const address = "203.0.113.9";
    const [c, d] = await Promise.all(servers.map((s) => playwright.request.newContext({ baseURL: s.baseURL })));
    for (let i = 0; i < 6; i++) expect(await signedIn(i % 2 ? c! : d!, "ledning@demo.kommun.se", "fel-lösenord", address)).toBe(401);
    const failures = async () => {
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      const { rows } = await db.query<{ key: string; count: number }>(`SELECT key, count FROM "SignInFailure" ORDER BY key`);
      await db.end();
      return Object.fromEntries(rows.map((r) => [r.key, r.count]));
    };
    expect(await failures()).toEqual({ [`address:${address}`]: 6, "account:ledning@demo.kommun.se": 6 });
    // … and those on the account count from any address (a forged X-Forwarded-For does not help).
    const started7 = Date.now();
    expect(await signedIn(d!, "ledning@demo.kommun.se", "fel-lösenord", "192.0.2.77")).toBe(401);
    expect(Date.now() - started7).toBeGreaterThanOrEqual(1000);
    expect(await failures()).toEqual({ [`address:${address}`]: 6, "address:192.0.2.77": 1, "account:ledning@demo.kommun.se": 7 });
    // So the next one waits on either server, even with the right password.
    const started = Date.now();
    expect(await signedIn(c!, "ledning@demo.kommun.se", "demo", address)).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  } finally {
    for (const s of servers.reverse()) await s.stop();
  }
});
