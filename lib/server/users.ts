import "server-only";
// People: sign-in checks, and the administration of who may use Portföljen (ADMIN).
// Mutations: authorize → validate → one transaction → audit; mail, when configured, after commit.
import { authorize } from "@/lib/auth/policy";
import { verifyAgainstNothing, verifyPassword } from "@/lib/auth/password";
import type { Actor, Role } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { personStatus } from "@/lib/domain/organisation";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toLocale, formatLocale } from "@/lib/i18n/locales";
import { id as idSchema } from "@/lib/validation/common";
import { USER_PAGE_SIZE, userCreateInput, userQuery, userUpdateInput } from "@/lib/validation/users";
import { diff, recordAudit } from "./audit";
import { AppError, ConflictError, NotFoundError, parseInput, uniqueViolationAs, ValidationError } from "./errors";
import { sendMail } from "./mail";
import { ADMIN_CLI_ACTOR, issueLink, type IssuedLink } from "./password-links";
import { cachedUntilWrite } from "./snapshot-cache";
import { DEMO_MARKER_EMAIL } from "@/prisma/seed/demo-data";

type Tx = Prisma.TransactionClient;

export type SignedInUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
  departmentName: string | null;
  sessionVersion: number;
};

type UserWithDepartment = { id: string; email: string; name: string; role: Role; departmentId: string | null; sessionVersion: number; department: { name: string } | null };

function toSignedIn(user: UserWithDepartment): SignedInUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, departmentId: user.departmentId, departmentName: user.department?.name ?? null, sessionVersion: user.sessionVersion };
}

/** Checks e-mail and password; null for any failure, with the same cost either way. */
export async function verifyCredentials(email: string, password: string): Promise<SignedInUser | null> {
  const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() }, include: { department: { select: { name: true } } } });
  if (!user || !user.active || !user.passwordHash) {
    await verifyAgainstNothing(password);
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  await prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return toSignedIn(user);
}

/** An active person by e-mail (any case), or null. */
export async function findActiveUserByEmail(email: string): Promise<SignedInUser | null> {
  const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() }, include: { department: { select: { name: true } } } });
  return user && user.active ? toSignedIn(user) : null;
}

/**
 * Is a session token still good? Its person must be active and its session version current:
 * deactivating someone, changing their role or department, or a new password ends every open
 * session at its next request. Kept until the next write, like the other derived figures.
 */
export async function sessionIsCurrent(userId: string, sessionVersion: number | undefined): Promise<boolean> {
  const state = await cachedUntilWrite(`session:${userId}`, () => prisma.user.findUnique({ where: { id: userId }, select: { active: true, sessionVersion: true } }));
  return Boolean(state?.active && state.sessionVersion === (sessionVersion ?? 1));
}

// ---------------------------------------------------------------------------
// Administration

export type UserView = {
  id: string; email: string; name: string; role: Role; departmentId: string | null; departmentName: string | null; locale: "sv" | "en";
  active: boolean; status: "ACTIVE" | "INVITED" | "DEACTIVATED"; ssoManaged: boolean; version: number; lastSignInAt: Date | null; createdAt: Date; updatedAt: Date;
};

const USER_SELECT = {
  id: true, email: true, name: true, role: true, departmentId: true, locale: true, active: true, ssoManaged: true, version: true, lastSignInAt: true,
  createdAt: true, updatedAt: true, passwordHash: true, department: { select: { name: true } },
} as const;
type UserRow = Prisma.UserGetPayload<{ select: typeof USER_SELECT }>;

/** Never the password hash: only whether there is one. */
function userView(u: UserRow): UserView {
  return {
    id: u.id, email: u.email, name: u.name, role: u.role, departmentId: u.departmentId, departmentName: u.department?.name ?? null, locale: toLocale(u.locale),
    active: u.active, status: personStatus({ active: u.active, hasPassword: u.passwordHash !== null, ssoManaged: u.ssoManaged, lastSignInAt: u.lastSignInAt }),
    ssoManaged: u.ssoManaged, version: u.version, lastSignInAt: u.lastSignInAt, createdAt: u.createdAt, updatedAt: u.updatedAt,
  };
}

export type UserPage = { data: UserView[]; page: number; pageSize: number; total: number; pages: number };

/** People, filtered by search (name or e-mail), role, department and active; by name. */
export async function listUsers(actor: Actor, query: unknown = {}): Promise<UserPage> {
  authorize(actor, "admin.users");
  const filter = parseInput(userQuery, query);
  const where: Prisma.UserWhereInput = {
    ...(filter.q ? { OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { email: { contains: filter.q, mode: "insensitive" } }] } : {}),
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.departmentId ? { departmentId: filter.departmentId } : {}),
    ...(filter.active !== undefined ? { active: filter.active } : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({ where, select: USER_SELECT, orderBy: [{ name: "asc" }, { id: "asc" }], skip: (filter.page - 1) * USER_PAGE_SIZE, take: USER_PAGE_SIZE }),
  ]);
  return { data: rows.map(userView), page: filter.page, pageSize: USER_PAGE_SIZE, total, pages: Math.max(1, Math.ceil(total / USER_PAGE_SIZE)) };
}

export async function getUser(actor: Actor, id: string): Promise<UserView> {
  authorize(actor, "admin.users");
  if (!idSchema.safeParse(id).success) throw new NotFoundError("User");
  const row = await prisma.user.findUnique({ where: { id }, select: USER_SELECT });
  if (!row) throw new NotFoundError("User");
  return userView(row);
}

const emailTaken = () => new AppError("EMAIL_TAKEN", 409, "Someone already has this e-mail address.", [{ path: "email", message: "emailTaken" }]);

/** The department a person may be placed in: one that exists and is active (or the one they already have). */
async function checkDepartment(tx: Tx, departmentId: string | null | undefined, role: Role, keep?: string | null): Promise<void> {
  if (role === "DEPARTMENT_MANAGER" && !departmentId) throw new ValidationError([{ path: "departmentId", message: "departmentRequired" }]);
  if (!departmentId || departmentId === keep) return;
  const department = await tx.department.findUnique({ where: { id: departmentId }, select: { active: true } });
  if (!department) throw new ValidationError([{ path: "departmentId", message: "unknownDepartment" }]);
  if (!department.active) throw new ValidationError([{ path: "departmentId", message: "inactiveDepartment" }]);
}

export type LinkView = { url: string; purpose: "INVITATION" | "RESET"; expiresAt: Date; mailed: boolean };

/** Mails the link in the person's language, after the change has committed. */
async function mailLink(user: { email: string; name: string; locale: string }, link: IssuedLink, inviter: string): Promise<LinkView> {
  const locale = toLocale(user.locale);
  // Loaded when a mail is written: the command line (npm run admin:create) never needs it.
  const { translator } = await import("@/lib/i18n/translator");
  const t = translator(locale);
  const hours = Math.round((link.expiresAt.getTime() - Date.now()) / 3_600_000);
  const kind = link.purpose === "RESET" ? "reset" : "invitation";
  const expires = new Intl.DateTimeFormat(formatLocale(locale), { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Stockholm" }).format(link.expiresAt);
  const result = await sendMail({
    to: user.email,
    subject: t(`mail.${kind}.subject`),
    text: t(`mail.${kind}.body`, { name: user.name, inviter, url: link.url, hours, expires }),
  });
  return { url: link.url, purpose: link.purpose === "RESET" ? "RESET" : "INVITATION", expiresAt: link.expiresAt, mailed: result.sent };
}

/** Adds a person and returns their one-time invitation link (also mailed when mail is configured). */
export async function createUser(actor: Actor, input: unknown): Promise<UserView & { link: LinkView }> {
  authorize(actor, "admin.users");
  const fields = parseInput(userCreateInput, input);
  const { user, link } = await prisma.$transaction(async (tx) => {
    await checkDepartment(tx, fields.departmentId, fields.role);
    if (await tx.user.findFirst({ where: { email: { equals: fields.email, mode: "insensitive" } }, select: { id: true } })) throw emailTaken();
    const created = await tx.user.create({
      data: { email: fields.email, name: fields.name, role: fields.role, departmentId: fields.departmentId ?? null, locale: fields.locale },
      select: USER_SELECT,
    });
    await recordAudit(tx, actor, {
      action: "user.create", entityType: "User", entityId: created.id,
      after: { email: created.email, name: created.name, role: created.role, departmentId: created.departmentId, locale: created.locale },
    });
    const link = await issueLink(tx, { purpose: "INVITATION", userId: created.id, issuer: actor });
    return { user: created, link };
  }).catch(uniqueViolationAs(emailTaken));
  return { ...userView(user), link: await mailLink(user, link, actor.name) };
}

const ROLE_FIELDS = ["role", "departmentId", "active"] as const;

/**
 * Changes a person: name, role, department, language, active. Names the version read (409
 * if someone changed the person since). The last active administrator can be neither
 * demoted nor deactivated (409 LAST_ADMIN). A new role or department, or a deactivation,
 * ends the person's open sessions at their next request.
 */
export async function updateUser(actor: Actor, id: string, input: unknown): Promise<UserView> {
  authorize(actor, "admin.users");
  if (!idSchema.safeParse(id).success) throw new NotFoundError("User");
  const { version, ...changes } = parseInput(userUpdateInput, input);
  return prisma.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id }, select: USER_SELECT });
    if (!current) throw new NotFoundError("User");
    if (current.version !== version) throw new ConflictError("Someone changed this person after you read it.", userView(current) as unknown as Record<string, unknown>);
    const next = {
      name: changes.name ?? current.name,
      role: changes.role ?? current.role,
      departmentId: changes.departmentId !== undefined ? changes.departmentId : current.departmentId,
      locale: changes.locale ?? current.locale,
      active: changes.active ?? current.active,
    };
    if (next.role !== current.role || next.departmentId !== current.departmentId) await checkDepartment(tx, next.departmentId, next.role, current.departmentId);
    const losesAdmin = current.role === "ADMIN" && current.active && (next.role !== "ADMIN" || !next.active);
    if (losesAdmin) await keepAnAdmin(tx, id);
    const before = { name: current.name, role: current.role, departmentId: current.departmentId, locale: current.locale, active: current.active };
    const changed = diff(before, next);
    if (Object.keys(changed.after).length === 0) return userView(current);
    const endsSessions = ROLE_FIELDS.some((f) => f in changed.after);
    const updated = await tx.user.updateMany({
      where: { id, version },
      data: { ...next, version: { increment: 1 }, ...(endsSessions ? { sessionVersion: { increment: 1 } } : {}) },
    });
    if (updated.count !== 1) throw new ConflictError("Someone changed this person after you read it.");
    if (changed.after.active === false) await tx.passwordLink.updateMany({ where: { userId: id, usedAt: null }, data: { usedAt: new Date() } });
    const only = Object.keys(changed.after);
    const action = only.length === 1 && only[0] === "active" ? (next.active ? "user.reactivate" : "user.deactivate") : "user.update";
    await recordAudit(tx, actor, { action, entityType: "User", entityId: id, ...changed });
    return userView((await tx.user.findUnique({ where: { id }, select: USER_SELECT }))!);
  });
}

/**
 * Refuses to leave the municipality without an active administrator. The active admins'
 * rows are locked, so two administrators demoting each other at once cannot both succeed.
 */
async function keepAnAdmin(tx: Tx, leaving: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "active" ORDER BY "id" FOR UPDATE`;
  if (!admins.some((a) => a.id !== leaving)) {
    throw new AppError("LAST_ADMIN", 409, "This is the last active administrator: make someone else administrator first.");
  }
}

/**
 * A new one-time link to set a password: an invitation for someone who has none yet, a reset
 * for someone who has. Earlier links stop working. Shown to the admin; mailed when configured.
 */
export async function issuePasswordLink(actor: Actor, id: string): Promise<LinkView> {
  authorize(actor, "admin.users");
  if (!idSchema.safeParse(id).success) throw new NotFoundError("User");
  const { user, link } = await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, locale: true, active: true, passwordHash: true } });
    if (!user) throw new NotFoundError("User");
    if (!user.active) throw new AppError("USER_INACTIVE", 409, "A deactivated person gets no link: reactivate them first.");
    const purpose = user.passwordHash ? "RESET" : "INVITATION";
    const link = await issueLink(tx, { purpose, userId: id, issuer: actor });
    await recordAudit(tx, actor, { action: "user.passwordLink", entityType: "User", entityId: id, after: { purpose, expiresAt: link.expiresAt.toISOString() } });
    return { user, link };
  });
  return mailLink(user, link, actor.name);
}

/** Everyone who may be picked as a person (program leaders, benefit owners): active, by name. */
export async function activePeople(db: Tx = prisma) {
  return db.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true, department: { select: { shortName: true } } } });
}

/**
 * The operator's way in (`npm run admin:create`): an administrator with a one-time link to
 * set their password. Runs with access to the database itself, so it needs no signed-in admin.
 */
export async function createAdministrator(input: { email: string; name: string }): Promise<{ user: UserView; link: IssuedLink }> {
  const fields = parseInput(userCreateInput, { ...input, role: "ADMIN" });
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findFirst({ where: { email: { equals: fields.email, mode: "insensitive" } }, select: { id: true } })) throw emailTaken();
    const created = await tx.user.create({ data: { email: fields.email, name: fields.name, role: "ADMIN", locale: fields.locale }, select: USER_SELECT });
    await recordAudit(tx, ADMIN_CLI_ACTOR, { action: "user.create", entityType: "User", entityId: created.id, after: { email: created.email, name: created.name, role: "ADMIN", through: "admin:create" } });
    const link = await issueLink(tx, { purpose: "INVITATION", userId: created.id, issuer: ADMIN_CLI_ACTOR });
    return { user: userView(created), link };
  }).catch(uniqueViolationAs(emailTaken));
}

/** Whether the demo municipality's accounts exist here (the sign-in page lists them only then). */
export async function demoAccountsPresent(): Promise<boolean> {
  return cachedUntilWrite("demoAccounts", async () => Boolean(await prisma.user.findUnique({ where: { email: DEMO_MARKER_EMAIL }, select: { active: true } })));
}
