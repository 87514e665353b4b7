// API token secrets: how they look, how they are hashed, what a scope lets a token do.
// Pure (node:crypto only), so it is unit-tested without a database.
import { createHash, randomBytes } from "node:crypto";

export const API_SCOPES = ["READ", "WRITE"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Roles a token may act as. DEPARTMENT_MANAGER is left out: a token has no department, so that role could do nothing of its own. */
export const TOKEN_ROLES = ["DIG", "LEADERSHIP", "VIEWER", "ADMIN"] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export const SECRET_PREFIX = "pf_";
/** pf_ + 32 random bytes in base64url (43 characters). */
const SECRET_PATTERN = /^pf_[A-Za-z0-9_-]{43}$/;
/** How much of the secret is stored in clear to recognise a token in lists (pf_ + 8 characters: 48 bits, useless to guess the rest). */
export const PREFIX_LENGTH = SECRET_PREFIX.length + 8;

export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64url");
}

/**
 * SHA-256, not bcrypt: the secret carries 256 random bits, so no dictionary or brute
 * force can reach it and a slow hash buys nothing; a fast, deterministic hash lets a
 * request find its token with one indexed lookup instead of comparing against every row.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function secretPrefix(secret: string): string {
  return secret.slice(0, PREFIX_LENGTH);
}

export function isWellFormedSecret(secret: string): boolean {
  return SECRET_PATTERN.test(secret);
}

/**
 * The token in an Authorization header: null when there is no Bearer credential at all
 * (the caller may then use a session), "" when a Bearer header carries nothing usable.
 */
export function bearerToken(authorization: string | null | undefined): string | null {
  if (!authorization) return null;
  const match = /^\s*Bearer(?:\s+(.*))?$/i.exec(authorization);
  if (!match) return null;
  return (match[1] ?? "").trim();
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** READ lets a token use safe methods; WRITE also the mutating ones (and implies READ). */
export function scopeAllows(scopes: readonly ApiScope[], method: string): boolean {
  if (scopes.includes("WRITE")) return true;
  return scopes.includes("READ") && READ_METHODS.has(method.toUpperCase());
}

/** The stored scopes for a choice: no duplicates, and WRITE brings READ along. */
export function normaliseScopes(scopes: readonly ApiScope[]): ApiScope[] {
  const set = new Set(scopes);
  if (set.has("WRITE")) set.add("READ");
  return API_SCOPES.filter((s) => set.has(s));
}

export type TokenStatus = "ACTIVE" | "EXPIRED" | "REVOKED";

export function tokenStatus(token: { revokedAt: Date | null; expiresAt: Date }, now: Date = new Date()): TokenStatus {
  if (token.revokedAt) return "REVOKED";
  if (token.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "ACTIVE";
}

/** Write lastUsedAt at most once a minute per token: a busy integration would otherwise write on every call. */
export const LAST_USED_INTERVAL_MS = 60_000;

export function shouldRecordUse(lastUsedAt: Date | null, now: Date = new Date()): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USED_INTERVAL_MS;
}

/** A token acts under this stable identity; lib/server/audit.ts records no user for it. */
export const TOKEN_ACTOR_PREFIX = "token:";
export const tokenActorId = (tokenId: string) => TOKEN_ACTOR_PREFIX + tokenId;
export const tokenActorLabel = (name: string) => `API-token: ${name}`;
