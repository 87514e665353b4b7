import "server-only";
// One-time links to set a password: an invitation, a reset, and the first administrator's
// setup on an empty database. The secret travels only in the link; the database keeps its
// SHA-256. A link works once, before it expires; a newer link for the same person replaces
// the older ones. No default password exists anywhere.
import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import type { PasswordLinkPurpose, Prisma } from "@/lib/generated/prisma/client";
import { passwordInput, setupInput } from "@/lib/validation/users";
import { actorUserId, recordAudit } from "./audit";
import { AppError, parseInput } from "./errors";
import { publicUrl } from "./mail";

type Tx = Prisma.TransactionClient;

export const LINK_HOURS: Record<PasswordLinkPurpose, number> = { INVITATION: 72, RESET: 72, SETUP: 24 };
const HOUR_MS = 3_600_000;

const hash = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");
/** 32 random bytes, base64url: 43 characters. Anything else is no secret of ours. */
const wellFormed = (secret: string) => /^[A-Za-z0-9_-]{43}$/.test(secret);

export const SETUP_ACTOR: Actor = { id: "setup:first-start", role: "ADMIN", departmentId: null, name: "Första start (setup)" };
/** Who runs `npm run admin:create`: the server's operator, acting as no user. */
export const ADMIN_CLI_ACTOR: Actor = { id: "cli:admin-create", role: "ADMIN", departmentId: null, name: "Kommandoraden (npm run admin:create)" };

export function linkPath(purpose: PasswordLinkPurpose, secret: string): string {
  return purpose === "SETUP" ? `/setup/${secret}` : `/password/${secret}`;
}

export type IssuedLink = { url: string; purpose: PasswordLinkPurpose; expiresAt: Date; secret: string };

/** A new link for a person (or for the setup); earlier unused links of the person stop working. */
export async function issueLink(tx: Tx, input: { purpose: PasswordLinkPurpose; userId: string | null; issuer: Actor }, now = new Date()): Promise<IssuedLink> {
  if (input.userId) await tx.passwordLink.updateMany({ where: { userId: input.userId, usedAt: null }, data: { usedAt: now } });
  const secret = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + LINK_HOURS[input.purpose] * HOUR_MS);
  await tx.passwordLink.create({ data: { purpose: input.purpose, userId: input.userId, secretHash: hash(secret), expiresAt, createdById: actorUserId(input.issuer) } });
  return { url: publicUrl(linkPath(input.purpose, secret)), purpose: input.purpose, expiresAt, secret };
}

export type LinkState =
  | { state: "valid"; purpose: PasswordLinkPurpose; name: string | null; email: string | null; expiresAt: Date }
  | { state: "expired" | "used" | "unknown" };

/** What a link is, for its page: valid (for whom), expired, already used, or not a link at all. */
export async function inspectLink(secret: string, expected: "password" | "setup", now = new Date()): Promise<LinkState> {
  if (!wellFormed(secret)) return { state: "unknown" };
  const link = await prisma.passwordLink.findUnique({ where: { secretHash: hash(secret) }, include: { user: { select: { name: true, email: true, active: true } } } });
  if (!link || (expected === "setup") !== (link.purpose === "SETUP")) return { state: "unknown" };
  if (link.usedAt) return { state: "used" };
  if (link.expiresAt <= now) return { state: "expired" };
  if (link.purpose === "SETUP") {
    // The setup is for an empty database only: once anyone exists, its links are spent.
    if ((await prisma.user.count()) > 0) return { state: "used" };
    return { state: "valid", purpose: link.purpose, name: null, email: null, expiresAt: link.expiresAt };
  }
  if (!link.user?.active) return { state: "unknown" };
  return { state: "valid", purpose: link.purpose, name: link.user.name, email: link.user.email, expiresAt: link.expiresAt };
}

export class LinkNotUsableError extends AppError {
  constructor(readonly state: "expired" | "used" | "unknown") {
    super(state === "expired" ? "LINK_EXPIRED" : state === "used" ? "LINK_USED" : "LINK_UNKNOWN", 410, `This link cannot be used: ${state}. Ask an administrator for a new one.`);
  }
}

/**
 * Claims a link inside the transaction: marks it used only if it is unused, unexpired and of
 * the expected kind, so two uses at once cannot both succeed.
 */
async function claim(tx: Tx, secret: string, expected: "password" | "setup", now: Date) {
  if (!wellFormed(secret)) throw new LinkNotUsableError("unknown");
  const link = await tx.passwordLink.findUnique({ where: { secretHash: hash(secret) } });
  if (!link || (expected === "setup") !== (link.purpose === "SETUP")) throw new LinkNotUsableError("unknown");
  const claimed = await tx.passwordLink.updateMany({ where: { id: link.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count !== 1) throw new LinkNotUsableError(link.usedAt ? "used" : "expired");
  return link;
}

/** Sets the person's password through an invitation or reset link; every open session of theirs ends. */
export async function setPasswordWithLink(secret: string, input: unknown, now = new Date()): Promise<{ email: string }> {
  const { password } = parseInput(passwordInput, input);
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const link = await claim(tx, secret, "password", now);
    const user = link.userId ? await tx.user.findUnique({ where: { id: link.userId } }) : null;
    if (!user || !user.active) throw new LinkNotUsableError("unknown");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.passwordLink.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    const self: Actor = { id: user.id, role: user.role, departmentId: user.departmentId, name: user.name };
    await recordAudit(tx, self, { action: "user.setPassword", entityType: "User", entityId: user.id, after: { through: link.purpose } });
    return { email: user.email };
  });
}

/** The first administrator of an empty database, through the setup link from the server log. */
export async function completeSetup(secret: string, input: unknown, now = new Date()): Promise<{ id: string; email: string }> {
  const fields = parseInput(setupInput, input);
  const passwordHash = await hashPassword(fields.password);
  return prisma.$transaction(async (tx) => {
    // One setup at a time, across server processes too.
    await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(72707370)");
    await claim(tx, secret, "setup", now);
    if ((await tx.user.count()) > 0) throw new LinkNotUsableError("used");
    const user = await tx.user.create({ data: { email: fields.email, name: fields.name, role: "ADMIN", passwordHash, locale: "sv" } });
    await tx.passwordLink.updateMany({ where: { purpose: "SETUP", usedAt: null }, data: { usedAt: now } });
    await recordAudit(tx, SETUP_ACTOR, { action: "user.create", entityType: "User", entityId: user.id, after: { email: user.email, name: user.name, role: user.role, through: "setup" } });
    return { id: user.id, email: user.email };
  });
}

/**
 * At start: an empty database (no person at all) gets a setup link, printed in the server
 * log, with which the first administrator is created. Each start prints a fresh one.
 */
export async function ensureSetupLink(log: (line: string) => void, db: Tx = prisma): Promise<string | null> {
  if ((await db.user.count()) > 0) return null;
  const link = await issueLink(db, { purpose: "SETUP", userId: null, issuer: SETUP_ACTOR });
  log(`[portföljen] No one can sign in yet. Create the first administrator within ${LINK_HOURS.SETUP} h at: ${link.url}`);
  log(`[portföljen] (or run: npm run admin:create -- --email <e-mail> --name "<name>")`);
  return link.url;
}
