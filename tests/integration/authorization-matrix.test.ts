// The authorization matrix (lib/auth/authorization-matrix.ts), walked cell by cell against the
// route handlers on both engines: every documented operation × the signed-out caller, a session of
// every role (a department manager of the object's own department and of another one), and API
// tokens of every token role with scope READ and with scope WRITE.
//
// Each operation is called with its first success case from api-cases.ts (real objects, a valid
// body), so a refusal can only come from authorization. The denied callers go first: each must get
// exactly 401/403 and write nothing (no audit event: every write records one in its transaction),
// and a 403 must not depend on the body (with an empty one, still 403: authorization comes before
// anything about the input is revealed).
// Then the allowed ones must get past authorization (no 401/403, no 5xx), and at least one of them
// must succeed, so an operation that refuses everyone fails too.
//
// Sessions take the real path: a next-auth session cookie (a JWT encrypted with the secret) that
// the route decodes and checks against the person's session version. Only Next's request scope,
// which cookies() reads the cookie from, is stood in for: outside a running Next server there is none.
import { encode } from "next-auth/jwt";
import { beforeAll, expect, it, vi } from "vitest";
import { AUTHORIZATION_MATRIX, type Permission } from "@/lib/auth/authorization-matrix";
import type { Role } from "@/lib/auth/roles";
import { TOKEN_ROLES } from "@/lib/auth/api-token";
import { createToken } from "@/lib/server/api-tokens";
import { currentQuarter } from "@/lib/server/resources";
import { addQuarters } from "@/lib/domain/quarters";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { buildFixture, call, cases, NO_SUCCESS_IN_PROCESS, operations, type Case, type Fixture } from "./api-cases";
import { describeEachEngine } from "./engines";

const SECRET = "authorization-matrix-secret";
process.env.NEXTAUTH_SECRET = SECRET;

/** The cookie of the request being handled: what Next's cookies() would read from its request scope. */
let requestCookies: { name: string; value: string }[] = [];
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => requestCookies, get: (name: string) => requestCookies.find((c) => c.name === name) }),
  headers: async () => new Headers(),
}));

type Caller =
  | { kind: "none" }
  | { kind: "session"; role: Role; department?: "own" | "other" }
  | { kind: "token"; role: Role; scope: "READ" | "WRITE" };

const CALLERS: Caller[] = [
  { kind: "none" },
  ...(["ADMIN", "DIG", "LEADERSHIP", "VIEWER"] as const).map((role): Caller => ({ kind: "session", role })),
  { kind: "session", role: "DEPARTMENT_MANAGER", department: "own" },
  { kind: "session", role: "DEPARTMENT_MANAGER", department: "other" },
  ...TOKEN_ROLES.flatMap((role) => (["READ", "WRITE"] as const).map((scope): Caller => ({ kind: "token", role, scope }))),
];

const label = (c: Caller) =>
  c.kind === "none" ? "signed out" : c.kind === "session" ? `session ${c.role}${c.department ? ` (${c.department} department)` : ""}` : `token ${c.role} ${c.scope}`;

/** What the matrix says this caller gets for this operation: 401, 403, or past authorization. */
function expected(permission: Readonly<Record<Role, Permission>>, method: string, caller: Caller): 401 | 403 | "allowed" {
  if (caller.kind === "none") return 401;
  if (caller.kind === "token" && caller.scope === "READ" && method !== "GET") return 403;
  const p = permission[caller.role];
  if (p === "allowed") return "allowed";
  // A token has no department: `own` never covers it.
  return p === "own" && caller.kind === "session" && caller.department === "own" ? "allowed" : 403;
}

/**
 * Rows of the matrix that name a variant, `operationId[variant]`: the same operation on another
 * object (a local pool, a pause by the department) or with another query; and rows whose first
 * success case is itself a narrower variant (the contract reads everyone's follow-ups).
 */
const variants: Record<string, (fx: Fixture, extra: Extra) => Omit<Case, "name" | "status" | "as"> | Promise<Omit<Case, "name" | "status" | "as">>> = {
  listFollowUps: () => ({ query: { scope: "mine", state: "open" } }),
  "listFollowUps[scope=all]": () => ({ query: { scope: "all", state: "open" } }),
  "updatePool[local-pool]": (_fx, x) => ({ params: { id: x.localPool }, body: { wipLimit: 3 } }),
  "setPoolCapacity[local-pool]": (_fx, x) => ({ params: { id: x.localPool }, body: { quarter: x.quarter, competence: "utvecklare", hours: 300 } }),
  "createAllocation[local-pool]": (fx, x) => ({ body: { initiativeId: fx.ids.toAllocate, poolId: x.localPool, quarter: x.quarter, competence: "utvecklare", hours: 40 } }),
  "transitionInitiative[pause]": async (fx, x) => ({ params: { id: x.running }, body: { to: "PAUSED", reason: "Väntar på leverantören.", version: await fx.version(x.running) } }),
  "updateInitiative[submitted]": async (fx) => {
    const id = fx.ids.submitted[0]!;
    return { params: { id }, body: { title: "Matris: inskickat ändras", ownerDepartmentId: (await fx.prisma.initiative.findUniqueOrThrow({ where: { id } })).ownerDepartmentId, version: await fx.version(id) } };
  },
};
/**
 * Operations whose object, for a department manager, is named in the body (the department of a new
 * initiative or local pool, the pool of an allocation, the step asked for): the body is read before
 * the department can be checked, so an empty one is a 400 for them, not a 403.
 */
const SUBJECT_IN_BODY = new Set(["createInitiative", "createPool", "createAllocation", "transitionInitiative"]);

type Extra = { localPool: string; running: string; quarter: string };

/** The department an operation's object belongs to, for `own`: from the body's or the path's ids. */
async function objectDepartment(prisma: PrismaClient, c: Omit<Case, "name" | "status" | "as">): Promise<string | null> {
  const body = (c.body ?? {}) as Record<string, unknown>;
  if (typeof body.ownerDepartmentId === "string") return body.ownerDepartmentId;
  if (typeof body.departmentId === "string") return body.departmentId;
  const ids = [body.poolId, c.params?.id, body.initiativeId].filter((v): v is string => typeof v === "string");
  for (const id of ids) {
    const pool = await prisma.resourcePool.findUnique({ where: { id }, select: { departmentId: true } });
    if (pool) return pool.departmentId;
    const initiative = await prisma.initiative.findUnique({ where: { id }, select: { ownerDepartmentId: true } });
    if (initiative) return initiative.ownerDepartmentId;
    const benefit = await prisma.benefitIndicator.findUnique({ where: { id }, select: { initiative: { select: { ownerDepartmentId: true } } } });
    if (benefit) return benefit.initiative.ownerDepartmentId;
    const followUp = await prisma.followUp.findUnique({ where: { id }, select: { indicator: { select: { initiative: { select: { ownerDepartmentId: true } } } } } });
    if (followUp) return followUp.indicator.initiative.ownerDepartmentId;
  }
  return null;
}

describeEachEngine("authorization matrix: every operation × every caller answers as the matrix says", (ctx) => {
  let fx: Fixture;
  let extra: Extra;
  const tokens = new Map<string, string>();
  const sessions = new Map<string, string>();
  const managers = new Map<string, string>();
  let cells = 0;
  let emptyBodies = 0;
  const mismatches: string[] = [];

  /** A session cookie of this person, as next-auth's sign-in would set it. */
  async function sessionCookie(email: string): Promise<string> {
    const known = sessions.get(email);
    if (known) return known;
    const u = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email }, include: { department: true } });
    const jwt = await encode({
      secret: SECRET,
      token: { uid: u.id, name: u.name, email: u.email, role: u.role, departmentId: u.departmentId, departmentName: u.department?.name ?? null, sv: u.sessionVersion },
    });
    sessions.set(email, jwt);
    return jwt;
  }

  /** Another department than this one (asked once per department). */
  const others = new Map<string, string>();
  async function otherThan(department: string): Promise<string> {
    if (!others.has(department)) others.set(department, (await ctx.db.prisma.department.findFirstOrThrow({ where: { kind: "DEPARTMENT", id: { not: department } }, orderBy: { name: "asc" } })).id);
    return others.get(department)!;
  }

  /** A department manager of this department (one per department, made when first needed). */
  async function managerOf(departmentId: string): Promise<string> {
    const known = managers.get(departmentId);
    if (known) return known;
    const email = `matris.chef.${managers.size}@demo.kommun.se`;
    await ctx.db.prisma.user.create({ data: { email, name: `Matris chef ${managers.size}`, role: "DEPARTMENT_MANAGER", departmentId } });
    managers.set(departmentId, email);
    return email;
  }

  beforeAll(async () => {
    ({ fx } = await buildFixture(ctx.db.prisma));
    const prisma = ctx.db.prisma;
    for (const role of TOKEN_ROLES) for (const scope of ["READ", "WRITE"] as const) {
      tokens.set(`${role} ${scope}`, (await createToken(fx.admin, { name: `Matris ${role} ${scope}`, role, scopes: [scope], expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) })).secret);
    }
    const localPool = (await prisma.resourcePool.create({ data: { name: "Matris: lokal pool", kind: "LOCAL", departmentId: fx.ids.department } })).id;
    const running = (await prisma.initiative.create({ data: { title: "Matris: pågående", need: "Ett behov.", ownerDepartmentId: fx.ids.department, status: "IN_PROGRESS", benefitRecipient: "INTERNAL", nature: "EFFICIENCY" } })).id;
    extra = { localPool, running, quarter: addQuarters(currentQuarter(), 3) };
  });

  async function credentials(caller: Caller, department: string): Promise<{ headers: Record<string, string>; cookies: { name: string; value: string }[] }> {
    if (caller.kind === "none") return { headers: {}, cookies: [] };
    if (caller.kind === "token") return { headers: { authorization: `Bearer ${tokens.get(`${caller.role} ${caller.scope}`)}` }, cookies: [] };
    const demo: Partial<Record<Role, string>> = { ADMIN: "admin@demo.kommun.se", DIG: "dig@demo.kommun.se", LEADERSHIP: "ledning@demo.kommun.se", VIEWER: "insyn@demo.kommun.se" };
    let email = demo[caller.role];
    if (caller.role === "DEPARTMENT_MANAGER") email = await managerOf(caller.department === "own" ? department : await otherThan(department));
    const value = await sessionCookie(email!);
    return { headers: { cookie: `next-auth.session-token=${value}` }, cookies: [{ name: "next-auth.session-token", value }] };
  }

  for (const [row, permission] of AUTHORIZATION_MATRIX) {
    it(row, async () => {
      const operationId = row.replace(/\[.*\]$/, "");
      const { method } = operations.get(operationId) ?? {};
      expect(method, `${row}: a documented operation`).toBeTruthy();
      let probe: Omit<Case, "name" | "status" | "as">;
      if (variants[row]) probe = await variants[row](fx, extra);
      else {
        expect(row, `${row}: a variant the test knows`).toBe(operationId);
        const success = (await cases[operationId]!(fx)).find((c) => c.status < 300) ?? (await cases[operationId]!(fx))[0]!;
        probe = { params: success.params, query: success.query, body: success.body, raw: success.raw, form: success.form };
      }
      const department = (await objectDepartment(ctx.db.prisma, probe)) ?? fx.ids.department;
      const plan = CALLERS.map((caller) => ({ caller, expect: expected(permission, method!, caller) }));
      const ordered = [...plan.filter((p) => p.expect !== "allowed"), ...plan.filter((p) => p.expect === "allowed")];
      const auditBefore = await ctx.db.prisma.auditEvent.count();
      let succeeded = false;
      for (const [i, { caller, expect: want }] of ordered.entries()) {
        const { headers, cookies } = await credentials(caller, department);
        requestCookies = cookies;
        const response = await call(operationId, probe, headers);
        const status = response.status;
        const body = await response.text();
        cells++;
        const ok = want === "allowed" ? status !== 401 && status !== 403 && status < 500 : status === want;
        if (!ok) mismatches.push(`${row} – ${label(caller)}: expected ${want}, got ${status} ${body.slice(0, 160)}`);
        if (want !== "allowed" && status < 500) expect(JSON.parse(body).error?.code, `${row} – ${label(caller)}: the documented error shape`).toBeTruthy();
        if (want === "allowed" && status < 300) succeeded = true;
        // Refused before the input is looked at: with an empty body the same answer, not a 400 that tells what the body lacks.
        if (want === 403 && probe.body !== undefined && !(caller.kind === "session" && caller.role === "DEPARTMENT_MANAGER" && SUBJECT_IN_BODY.has(operationId))) {
          const empty = await call(operationId, { ...probe, body: {} }, headers);
          emptyBodies++;
          if (empty.status !== 403) mismatches.push(`${row} – ${label(caller)} with an empty body: expected 403, got ${empty.status} ${(await empty.text()).slice(0, 160)}`);
        }
        // The refused callers went first: nothing may have been written yet.
        const lastDenied = ordered[i + 1]?.expect === "allowed" || i === ordered.length - 1;
        if (want !== "allowed" && lastDenied) expect(await ctx.db.prisma.auditEvent.count(), `${row}: refused requests wrote nothing`).toBe(auditBefore);
      }
      if (!NO_SUCCESS_IN_PROCESS.has(operationId)) expect(succeeded, `${row}: an allowed caller succeeds`).toBe(true);
      expect(mismatches.filter((m) => m.startsWith(`${row} –`))).toEqual([]);
    });
  }

  it("covers every documented operation, and reports the cells walked", () => {
    const rows = new Set([...AUTHORIZATION_MATRIX.keys()].map((r) => r.replace(/\[.*\]$/, "")));
    expect([...operations.keys()].filter((id) => !rows.has(id))).toEqual([]);
    console.log(`[authorization matrix] ${ctx.engine}: ${AUTHORIZATION_MATRIX.size} rows × ${CALLERS.length} callers = ${cells} cells (and ${emptyBodies} refusals repeated with an empty body), ${mismatches.length} differ`);
    expect(cells).toBe(AUTHORIZATION_MATRIX.size * CALLERS.length);
    expect(mismatches).toEqual([]);
  });
});
