import "server-only";
import { UnauthenticatedError } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/roles";
import { bearerActor } from "./api-tokens";
import { readBody } from "./body";
import { AppError, ValidationError, toErrorResponse, type FieldIssue } from "./errors";
import { LONE_SURROGATE, textPaths } from "@/lib/validation/common";

export const MAX_JSON_BYTES = 256 * 1024;

/**
 * Who calls the API: an API token (Authorization: Bearer), else a signed-in session (cookie).
 * A Bearer request never falls back to the session, and needs no Next request scope, so
 * route handlers can be called in-process (tests, scripts) with a token.
 */
export async function apiActor(request?: Request): Promise<Actor> {
  if (request) {
    const token = await bearerActor(request);
    if (token) return token;
    // No cookie at all means no session; answering here also spares reading Next's request scope.
    if (!request.headers.get("cookie")) throw new UnauthenticatedError();
  }
  return requireActor();
}

/** Reads a JSON body: right content type, bounded size, well-formed, else a clear 4xx. */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", 415, "Send JSON with Content-Type: application/json.");
  const bytes = await readBody(request, MAX_JSON_BYTES, () => new AppError("PAYLOAD_TOO_LARGE", 413, `The body may be at most ${MAX_JSON_BYTES} bytes.`));
  let text: string;
  try {
    // Invalid UTF-8 is refused, not silently replaced with U+FFFD and stored.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("INVALID_ENCODING", 400, "The body is not valid UTF-8.");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("MALFORMED_JSON", 400, "The body is not valid JSON.");
  }
  // JSON may escape half of a UTF-16 pair ("\ud800"), which is no character: PostgreSQL and
  // Prisma's engine cannot take it (it was a 500 from any text field). Valid UTF-8 cannot carry
  // one, so JSON's escapes are the only way in; keys are checked too.
  if (textPaths(value, LONE_SURROGATE).length) throw new AppError("INVALID_CHARACTERS", 400, "The request holds characters that cannot be stored (a lone surrogate such as \\ud800).");
  return value;
}

/** A body that may be left out (no content type and nothing sent): {} then, else as readJson. */
export async function readOptionalJson(request: Request): Promise<unknown> {
  if (!request.headers.get("content-type") && !Number(request.headers.get("content-length") ?? "0")) return {};
  return readJson(request);
}

/** What a path parameter can be: every id in Portföljen (uuid, cuid) is of these characters. */
const PARAM = /^[A-Za-z0-9_-]{1,64}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Refuses, before anything reaches the database, a path parameter that cannot be an id (a NUL
 * byte there was a 500 from PostgreSQL) and a query value with control characters.
 */
function checkRequest(request: Request, params: unknown): void {
  const issues: FieldIssue[] = [];
  for (const [name, value] of Object.entries((params ?? {}) as Record<string, unknown>)) {
    if (typeof value === "string" && !PARAM.test(value)) issues.push({ path: name, message: "invalidId" });
  }
  for (const [name, value] of new URL(request.url).searchParams) {
    if (CONTROL.test(value) || CONTROL.test(name)) issues.push({ path: name, message: "invalidCharacters" });
  }
  if (issues.length) throw new ValidationError(issues);
}

type Handler<P> = (ctx: { request: Request; actor: Actor; params: P }) => Promise<Response | { status?: number; data: unknown }>;

/** Wraps a route handler: resolves the caller, maps errors to the documented JSON shape. */
export function api<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const actor = await apiActor(request);
      const params = await context.params;
      checkRequest(request, params);
      const result = await handler({ request, actor, params });
      if (result instanceof Response) return result;
      return Response.json({ data: result.data }, { status: result.status ?? 200 });
    } catch (error) {
      const { status, body } = toErrorResponse(error);
      // RFC 6750/7235: a 401 names the scheme that would be accepted.
      return Response.json(body, { status, headers: status === 401 ? { "www-authenticate": 'Bearer realm="portfoljen"' } : undefined });
    }
  };
}
