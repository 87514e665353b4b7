// Errors that use cases throw and every surface (server actions, API) turns into a
// clear answer: JSON { error: { code, message, issues? } } with the right 4xx status.
import { ZodError } from "zod";
import { ForbiddenError, UnauthenticatedError } from "@/lib/auth/policy";

export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly issues?: FieldIssue[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export class ValidationError extends AppError {
  constructor(issues: FieldIssue[], message = "The input is not valid.") {
    super("VALIDATION_FAILED", 400, message, issues);
  }
  static fromZod(error: ZodError): ValidationError {
    return new ValidationError(error.issues.map((i) => ({ path: i.path.join("."), message: i.code === "unrecognized_keys" ? "unknownField" : i.message.match(/^[a-zA-Z][a-zA-Z0-9]*$/) ? i.message : "invalid" })));
  }
}

export class NotFoundError extends AppError {
  constructor(what = "Resource") {
    super("NOT_FOUND", 404, `${what} not found.`);
  }
}

/** Someone else changed it first: the newer values travel with the error. */
export class ConflictError extends AppError {
  constructor(message: string, current?: Record<string, unknown>, code = "VERSION_CONFLICT") {
    super(code, 409, message, undefined, current ? { current } : undefined);
  }
}

export function toErrorResponse(error: unknown): { status: number; body: { error: { code: string; message: string; issues?: FieldIssue[]; current?: unknown } } } {
  if (error instanceof ZodError) error = ValidationError.fromZod(error);
  if (error instanceof AppError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}), ...(error.details ?? {}) } } };
  }
  if (error instanceof UnauthenticatedError) return { status: 401, body: { error: { code: "UNAUTHENTICATED", message: "Sign-in required." } } };
  if (error instanceof ForbiddenError) return { status: 403, body: { error: { code: "FORBIDDEN", message: "You may not do this." } } };
  if (isDatabaseUnavailable(error)) return { status: 503, body: { error: { code: "DATABASE_UNAVAILABLE", message: "The database cannot be reached just now. Nothing was saved; try again in a moment." } } };
  if (isInvalidText(error)) return { status: 400, body: { error: { code: "INVALID_CHARACTERS", message: "The request holds characters that cannot be stored (such as a NUL byte)." } } };
  console.error(error);
  return { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong." } } };
}

/** Parses with a zod schema or throws a ValidationError with per-field issues. */
export function parseInput<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod(result.error);
  return result.data;
}

export type ActionFailure = { ok: false; code: string; issues?: FieldIssue[] };

/** What a server action returns to its form when a use case refuses: the code and per-field issues. */
export function actionFailure(error: unknown): ActionFailure {
  const { body } = toErrorResponse(error);
  return { ok: false, code: body.error.code, ...(body.error.issues ? { issues: body.error.issues } : {}) };
}

/**
 * The PostgreSQL server cannot be reached or went away mid-request (a restart, a failover, the
 * network): a 503 the caller may retry, not a 500. The pool opens new connections once it is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const codes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08006", "P1001", "P1002", "P1017"]);
  const e = error as { code?: string; cause?: { code?: string; originalCode?: string } };
  if ((e?.code && codes.has(e.code)) || (e?.cause?.code && codes.has(e.cause.code)) || (e?.cause?.originalCode && codes.has(e.cause.originalCode))) return true;
  const text = error instanceof Error ? `${error.message} ${JSON.stringify((error as { cause?: unknown }).cause ?? "")}` : "";
  return /ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|terminating connection due to administrator command|the database system is (?:starting up|shutting down)|Can't reach database server|Server has closed the connection/i.test(text);
}

/**
 * PostgreSQL refused text it cannot hold (a NUL byte: "invalid byte sequence", SQLSTATE 22021 or
 * 22P05). A safety net behind the checks at the edges: whatever slips through is the caller's 400.
 */
export function isInvalidText(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  if (e?.code === "22021" || e?.code === "22P05" || e?.cause?.code === "22021" || e?.cause?.code === "22P05") return true;
  const text = error instanceof Error ? `${error.message} ${JSON.stringify((error as { cause?: unknown }).cause ?? "")}` : "";
  // "hex escape": Prisma's engine on a lone UTF-16 surrogate that slipped past the edges.
  return /invalid byte sequence for encoding|22021|22P05|unsupported Unicode escape sequence|unexpected end of hex escape/i.test(text);
}

/** A unique index refused the write: Prisma's P2002 on the pg adapter, PostgreSQL's 23505 through PGlite. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  if (e?.code === "P2002" || e?.cause?.code === "23505") return true;
  // Driver adapters may also surface it only in the message or the cause.
  const text = error instanceof Error ? `${error.message} ${JSON.stringify((error as { cause?: unknown }).cause ?? "")}` : "";
  return /23505|unique constraint|UniqueConstraintViolation/i.test(text);
}

/**
 * For `.catch()` after a check-then-write: two people writing the same unique value at once get
 * the same answer as the one the check gives, from the database's unique index.
 */
export function uniqueViolationAs(make: () => AppError): (error: unknown) => never {
  return (error) => {
    if (isUniqueViolation(error)) throw make();
    throw error;
  };
}
