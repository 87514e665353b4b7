// Single sign-on against a real OpenID Connect provider (oidc-provider, started here): next-auth's
// own request handler (next-auth/core) runs the whole authorization-code flow with PKCE over
// HTTP, our callbacks provision the person, and the session token is decoded as pages do.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AuthOptions } from "next-auth";
import NextAuth from "next-auth";
import { decode } from "next-auth/jwt";
import type { Actor } from "@/lib/auth/roles";
import { sessionIsCurrent, updateUser } from "@/lib/server/users";
import { startOidcProvider, type TestProvider } from "../support/oidc-provider";
import { describeEachEngine } from "./engines";

const APP = "http://localhost:3999";
const SECRET = "sso-test-secret";
let idp: TestProvider;
let authOptions: AuthOptions;

beforeAll(async () => {
  idp = await startOidcProvider({ redirectUris: [`${APP}/api/auth/callback/oidc`] });
  Object.assign(process.env, { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, NEXTAUTH_URL: APP, NEXTAUTH_SECRET: SECRET });
  // The options read the OIDC settings when they are built, so after the environment is set.
  authOptions = (await import("@/lib/auth/options")).authOptions;
});

afterAll(async () => {
  await idp?.close();
  for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_AUTO_CREATE"]) delete process.env[key];
});

type Jar = Map<string, string>;

/**
 * One request to next-auth's own handler (its Node API-route form, NextAuth(req, res, options)),
 * with the query, body and cookies a browser would send; the cookies it sets go in the jar.
 */
async function nextAuth(jar: Jar, action: string, init: { method?: string; providerId?: string; query?: Record<string, string>; body?: Record<string, string> } = {}) {
  const headers = new Map<string, string | string[]>();
  const out: { status: number; redirect?: string; body?: unknown } = { status: 200 };
  const res = {
    status(code: number) { out.status = code; return res; },
    setHeader(key: string, value: string | string[]) { headers.set(key.toLowerCase(), value); if (key.toLowerCase() === "location") out.redirect = String(value); return res; },
    getHeader(key: string) { return headers.get(key.toLowerCase()); },
    end() { return res; },
    json(value: unknown) { out.body = value; return res; },
    send(value: unknown) { out.body = typeof value === "string" ? JSON.parse(value) : value; return res; },
  };
  const req = {
    method: init.method ?? "GET",
    query: { nextauth: [action, ...(init.providerId ? [init.providerId] : [])], ...(init.query ?? {}) },
    body: init.body,
    cookies: Object.fromEntries(jar),
    headers: { host: "localhost:3999", "x-forwarded-proto": "http" },
  };
  await NextAuth(req as never, res as never, authOptions);
  const setCookies = headers.get("set-cookie") ?? [];
  for (const line of Array.isArray(setCookies) ? setCookies : [setCookies]) {
    const [pair] = line.split(";");
    const [name, ...value] = pair!.split("=");
    if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name!.trim());
    else jar.set(name!.trim(), decodeURIComponent(value.join("=")));
  }
  return out;
}

/** The browser's side at the provider: follows redirects with its cookies, fills the dev sign-in and consent forms. */
async function atProvider(start: string, jar: Jar, login: string): Promise<URL> {
  let url = new URL(start);
  let init: RequestInit = {};
  for (let step = 0; step < 20; step++) {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers ?? {}), cookie } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      if (/expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name!.trim());
      else jar.set(name!.trim(), value.join("="));
    }
    init = {};
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url);
      if (url.origin === APP) return url;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action) throw new Error(`unexpected page at the provider (${response.status}): ${html.slice(0, 300)}`);
    const form = new URLSearchParams(/name="login"/.test(html) ? { prompt: "login", login, password: "anything" } : { prompt: "consent" });
    url = new URL(action.replace(/&amp;/g, "&"), url);
    init = { method: "POST", body: form.toString(), headers: { "content-type": "application/x-www-form-urlencoded" } };
  }
  throw new Error("too many steps at the provider");
}

/** A whole sign-in: where next-auth sends the person at the end, and the session token it set. */
async function signInThroughProvider(login: string, providerJar: Jar = new Map()) {
  const jar: Jar = new Map();
  const { body } = await nextAuth(jar, "csrf");
  const csrfToken = (body as { csrfToken: string }).csrfToken;
  const started = await nextAuth(jar, "signin", { method: "POST", providerId: "oidc", body: { csrfToken, callbackUrl: `${APP}/` } });
  expect(started.redirect, "next-auth sends the browser to the provider").toMatch(new RegExp(`^${idp.issuer}/auth\\?`));
  const callback = await atProvider(started.redirect!, providerJar, login);
  expect(callback.pathname).toBe("/api/auth/callback/oidc");
  const done = await nextAuth(jar, "callback", { providerId: "oidc", query: Object.fromEntries(callback.searchParams) });
  const raw = jar.get("next-auth.session-token");
  const token = raw ? await decode({ token: raw, secret: SECRET }) : null;
  return { redirect: done.redirect ?? "", token };
}

describeEachEngine("single sign-on provisioning against a real OIDC provider", (ctx) => {
  const SOC_GROUP = "3f1c-socialforvaltningen-chefer";
  const DIG_GROUP = "9a7e-digitaliseringsenheten";
  let soc: string;
  let admin: Actor;

  beforeAll(async () => {
    const db = ctx.db.prisma;
    soc = (await db.department.create({ data: { name: "Socialförvaltningen", shortName: "SOC" } })).id;
    const klk = (await db.department.create({ data: { name: "Kommunledningskontoret", shortName: "KLK" } })).id;
    const a = await db.user.create({ data: { email: "admin@kommun.test", name: "Admin", role: "ADMIN" } });
    admin = { id: a.id, role: "ADMIN", departmentId: null, name: a.name };
    await db.ssoGroupMapping.create({ data: { claimValue: SOC_GROUP, role: "DEPARTMENT_MANAGER", departmentId: soc, description: "Chefer SOC" } });
    await db.ssoGroupMapping.create({ data: { claimValue: DIG_GROUP, role: "DIG", departmentId: klk } });
  });

  it("refuses someone unknown while automatic creation is off, and creates nobody", async () => {
    delete process.env.OIDC_AUTO_CREATE;
    idp.accounts.set("okand", { email: "okand@kommun.test", name: "Okänd Person", groups: [SOC_GROUP] });
    const result = await signInThroughProvider("okand");
    expect(result.redirect).toContain("/signin?error=SsoUnknown");
    expect(result.token).toBeNull();
    expect(await ctx.db.prisma.user.count({ where: { email: "okand@kommun.test" } })).toBe(0);
  });

  it("creates a person on the first sign-in with the role and department of their group, and re-applies a changed group at the next", async () => {
    process.env.OIDC_AUTO_CREATE = "true";
    idp.accounts.set("anna", { email: "Anna.Berg@Kommun.test", name: "Anna Berg", groups: ["unrelated", SOC_GROUP] });
    const providerSession: Jar = new Map();
    const first = await signInThroughProvider("anna", providerSession);
    expect(first.redirect).toBe(`${APP}/`);
    const created = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "anna.berg@kommun.test" } });
    expect(created).toMatchObject({ role: "DEPARTMENT_MANAGER", departmentId: soc, ssoManaged: true, passwordHash: null, active: true });
    expect(first.token).toMatchObject({ uid: created.id, role: "DEPARTMENT_MANAGER", departmentId: soc, sv: created.sessionVersion });
    expect(await sessionIsCurrent(created.id, first.token!.sv as number)).toBe(true);
    const creation = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: "user.create" } });
    expect(creation.actorLabel).toMatch(/SSO/);

    // Moved to DIG in the identity provider: the next sign-in (same provider session) brings the new role.
    idp.accounts.set("anna", { email: "anna.berg@kommun.test", name: "Anna Berg", groups: [DIG_GROUP] });
    const second = await signInThroughProvider("anna", providerSession);
    expect(second.redirect).toBe(`${APP}/`);
    const moved = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(moved.role).toBe("DIG");
    expect(second.token).toMatchObject({ uid: created.id, role: "DIG" });
    // The session from before the change no longer works; the new one does.
    expect(await sessionIsCurrent(created.id, first.token!.sv as number)).toBe(false);
    expect(await sessionIsCurrent(created.id, second.token!.sv as number)).toBe(true);
    const sync = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: "user.ssoSync" } });
    expect(sync.before).toMatchObject({ role: "DEPARTMENT_MANAGER" });
    expect(sync.after).toMatchObject({ role: "DIG" });
    expect(await ctx.db.prisma.user.count({ where: { email: { contains: "anna.berg", mode: "insensitive" } } })).toBe(1);
  });

  it("signs in people no group covers as viewers, or refuses them, as the setting says", async () => {
    process.env.OIDC_AUTO_CREATE = "true";
    idp.accounts.set("vera", { email: "vera@kommun.test", name: "Vera Viewer", groups: ["some-other-group"] });
    const viewer = await signInThroughProvider("vera");
    expect(viewer.token).toMatchObject({ role: "VIEWER" });

    await ctx.db.prisma.setting.upsert({ where: { key: "sso" }, create: { key: "sso", value: { unmapped: "REFUSE" } }, update: { value: { unmapped: "REFUSE" } } });
    idp.accounts.set("rut", { email: "rut@kommun.test", name: "Rut Refused", groups: [] });
    const refused = await signInThroughProvider("rut");
    expect(refused.redirect).toContain("error=SsoUnmapped");
    expect(refused.token).toBeNull();
    expect(await ctx.db.prisma.user.count({ where: { email: "rut@kommun.test" } })).toBe(0);
    // Vera's role came from the groups, so she is now refused too.
    expect((await signInThroughProvider("vera")).redirect).toContain("error=SsoUnmapped");
    await ctx.db.prisma.setting.delete({ where: { key: "sso" } });
  });

  it("keeps a role an administrator set by hand when no group matches", async () => {
    await ctx.db.prisma.user.create({ data: { email: "leda@kommun.test", name: "Leda Ledning", role: "LEADERSHIP" } });
    idp.accounts.set("leda", { email: "leda@kommun.test", name: "Leda Ledning", groups: [] });
    const result = await signInThroughProvider("leda");
    expect(result.token).toMatchObject({ role: "LEADERSHIP" });
  });

  it("refuses a deactivated person", async () => {
    const anna = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "anna.berg@kommun.test" } });
    await updateUser(admin, anna.id, { active: false, version: anna.version });
    const result = await signInThroughProvider("anna");
    expect(result.redirect).toContain("error=SsoDeactivated");
    expect(result.token).toBeNull();
    expect(await sessionIsCurrent(anna.id, anna.sessionVersion)).toBe(false);
  });
});
