import "server-only";
import {
  bearerToken, generateSecret, hashSecret, isWellFormedSecret, normaliseScopes, scopeAllows, secretPrefix, shouldRecordUse, tokenActorId, tokenActorLabel,
  tokenStatus, LAST_USED_INTERVAL_MS, type ApiScope, type TokenStatus,
} from "@/lib/auth/api-token";
import { authorize } from "@/lib/auth/policy";
import type { Actor, Role } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { createTokenInput, expiryInstant } from "@/lib/validation/api-tokens";
import { id as idSchema } from "@/lib/validation/common";
import { actorUserId, recordAudit } from "./audit";
import { AppError, NotFoundError, parseInput, ValidationError } from "./errors";

export type ApiTokenView = {
  id: string; name: string; prefix: string; role: Role; scopes: ApiScope[]; status: TokenStatus;
  createdAt: Date; expiresAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; createdBy: string | null;
};

const SELECT = {
  id: true, name: true, prefix: true, role: true, scopes: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true,
  createdBy: { select: { name: true } },
} as const;

type Row = { id: string; name: string; prefix: string; role: Role; scopes: ApiScope[]; createdAt: Date; expiresAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; createdBy: { name: string } | null };

function view(row: Row, now = new Date()): ApiTokenView {
  const { createdBy, ...rest } = row;
  return { ...rest, status: tokenStatus(row, now), createdBy: createdBy?.name ?? null };
}

/** All tokens, newest first (a municipality has a handful; bounded all the same). */
export async function listTokens(actor: Actor): Promise<ApiTokenView[]> {
  authorize(actor, "admin.tokens");
  const rows = await prisma.apiToken.findMany({ select: SELECT, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 500 });
  const now = new Date();
  return rows.map((r) => view(r, now));
}

/** Creates a token; the secret is in this answer only; the database keeps its hash and prefix. */
export async function createToken(actor: Actor, input: unknown): Promise<ApiTokenView & { secret: string }> {
  authorize(actor, "admin.tokens");
  const parsed = parseInput(createTokenInput, input);
  const name = parsed.name;
  const scopes = normaliseScopes(parsed.scopes);
  const expiresAt = expiryInstant(parsed.expiresAt);
  const secret = generateSecret();
  return prisma.$transaction(async (tx) => {
    // Names tell tokens apart in the audit trail, so two live tokens may not share one.
    const clash = await tx.apiToken.findFirst({ where: { name, revokedAt: null, expiresAt: { gt: new Date() } }, select: { id: true } });
    if (clash) throw new ValidationError([{ path: "name", message: "nameTaken" }], "An active token already has this name.");
    const row = await tx.apiToken.create({
      data: { name, role: parsed.role, scopes, expiresAt, prefix: secretPrefix(secret), secretHash: hashSecret(secret), createdById: actorUserId(actor) },
      select: SELECT,
    });
    await recordAudit(tx, actor, { action: "apiToken.create", entityType: "ApiToken", entityId: row.id, after: { name, role: parsed.role, scopes, expiresAt: expiresAt.toISOString(), prefix: row.prefix } });
    return { ...view(row), secret };
  });
}

/** Revokes a token at once; revoking it again changes nothing and records nothing. */
export async function revokeToken(actor: Actor, id: string): Promise<ApiTokenView> {
  authorize(actor, "admin.tokens");
  if (!idSchema.safeParse(id).success) throw new NotFoundError("API token");
  return prisma.$transaction(async (tx) => {
    const current = await tx.apiToken.findUnique({ where: { id }, select: SELECT });
    if (!current) throw new NotFoundError("API token");
    if (current.revokedAt) return view(current);
    const revokedAt = new Date();
    const row = await tx.apiToken.update({ where: { id }, data: { revokedAt }, select: SELECT });
    await recordAudit(tx, actor, { action: "apiToken.revoke", entityType: "ApiToken", entityId: id, before: { revokedAt: null }, after: { revokedAt: revokedAt.toISOString() } });
    return view(row);
  });
}

export class InvalidTokenError extends AppError {
  constructor() {
    // One answer for unknown, revoked and expired: a caller learns nothing about which tokens exist.
    super("INVALID_TOKEN", 401, "The API token is unknown, revoked or expired.");
  }
}

export class InsufficientScopeError extends AppError {
  constructor() {
    super("INSUFFICIENT_SCOPE", 403, "This API token may only read (scope READ); writing needs scope WRITE.");
  }
}

/**
 * The service identity behind a Bearer secret, for a request with this method: an Actor
 * with the token's role and no department, checked by the same policy as people.
 */
export async function tokenActor(secret: string, method: string, now: Date = new Date()): Promise<Actor> {
  if (!isWellFormedSecret(secret)) throw new InvalidTokenError();
  const token = await prisma.apiToken.findUnique({
    where: { secretHash: hashSecret(secret) },
    select: { id: true, name: true, role: true, scopes: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  if (!token || tokenStatus(token, now) !== "ACTIVE") throw new InvalidTokenError();
  if (!scopeAllows(token.scopes, method)) throw new InsufficientScopeError();
  if (shouldRecordUse(token.lastUsedAt, now)) {
    // Conditional, so concurrent requests in the same minute write once.
    await prisma.apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_INTERVAL_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { id: tokenActorId(token.id), role: token.role, departmentId: null, name: tokenActorLabel(token.name) };
}

/** The actor for a request that carries Authorization: Bearer, or null when it carries none. */
export async function bearerActor(request: Request): Promise<Actor | null> {
  const secret = bearerToken(request.headers.get("authorization"));
  if (secret === null) return null;
  return tokenActor(secret, request.method);
}
