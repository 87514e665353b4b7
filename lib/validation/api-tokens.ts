// API tokens: what an admin sends to create one, and what the API answers about tokens.
import { z } from "zod";
import { API_SCOPES, TOKEN_ROLES } from "@/lib/auth/api-token";
import { text } from "./common";

/** The longest a token may live: a forgotten integration should not hold access for ever. */
export const MAX_TOKEN_DAYS = 730;
const DAY_MS = 86_400_000;

/** A calendar date "YYYY-MM-DD" that exists. */
const isValidDate = (s: unknown): s is string => typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const isoDate = z.string({ message: "invalidDate" }).regex(/^\d{4}-\d{2}-\d{2}$/, { message: "invalidDate", abort: true }).refine(isValidDate, { message: "invalidDate" });

/** A token is valid through its last day: it expires when that day ends (UTC). */
export function expiryInstant(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS);
}

export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The last allowed expiry date, counted from today. */
export function maxExpiryDate(now: Date = new Date()): string {
  return new Date(Date.parse(`${today(now)}T00:00:00Z`) + MAX_TOKEN_DAYS * DAY_MS).toISOString().slice(0, 10);
}

export const createTokenInput = z
  .object({
    name: text(100, 1),
    role: z.enum(TOKEN_ROLES, { message: "invalidOption" }),
    scopes: z.array(z.enum(API_SCOPES, { message: "invalidOption" })).min(1, { message: "scopeRequired" }).max(2, { message: "tooMany" }),
    expiresAt: isoDate.meta({ description: "Last day the token is valid (YYYY-MM-DD, UTC); at most two years ahead", format: "date", example: "2027-06-30" }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!isValidDate(v.expiresAt)) return;
    if (v.expiresAt <= today()) ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "expiryNotFuture" });
    else if (v.expiresAt > maxExpiryDate()) ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "expiryTooFar" });
  });

export type CreateTokenInput = z.infer<typeof createTokenInput>;

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "The first characters of the secret, to recognise the token", example: "pf_Ab12Cd34" }),
    role: z.enum(TOKEN_ROLES),
    scopes: z.array(z.enum(API_SCOPES)),
    status: z.enum(["ACTIVE", "EXPIRED", "REVOKED"]),
    createdAt: z.string().meta({ format: "date-time" }),
    expiresAt: z.string().meta({ format: "date-time" }),
    lastUsedAt: z.string().meta({ format: "date-time" }).nullable(),
    revokedAt: z.string().meta({ format: "date-time" }).nullable(),
    createdBy: z.string().nullable().meta({ description: "Who created it" }),
  })
  .meta({ id: "ApiToken" });

export const apiTokenList = z.object({ data: z.array(apiTokenSchema) }).meta({ id: "ApiTokenList" });
export const createdApiToken = z
  .object({ data: apiTokenSchema.extend({ secret: z.string().meta({ description: "The secret: shown only in this answer, stored hashed", example: "pf_…" }) }) })
  .meta({ id: "CreatedApiToken" });
export const revokedApiToken = z.object({ data: apiTokenSchema }).meta({ id: "RevokedApiToken" });
