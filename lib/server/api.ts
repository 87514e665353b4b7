import "server-only";
import { requireActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/roles";
import { AppError, toErrorResponse } from "./errors";

export const MAX_JSON_BYTES = 256 * 1024;

/** Who calls the API: a signed-in session (cookie). API tokens join here (Authorization: Bearer). */
export async function apiActor(): Promise<Actor> {
  return requireActor();
}

/** Reads a JSON body: right content type, bounded size, well-formed, else a clear 4xx. */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", 415, "Send JSON with Content-Type: application/json.");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", 413, `The body may be at most ${MAX_JSON_BYTES} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", 413, `The body may be at most ${MAX_JSON_BYTES} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("MALFORMED_JSON", 400, "The body is not valid JSON.");
  }
}

type Handler<P> = (ctx: { request: Request; actor: Actor; params: P }) => Promise<Response | { status?: number; data: unknown }>;

/** Wraps a route handler: resolves the caller, maps errors to the documented JSON shape. */
export function api<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const actor = await apiActor();
      const result = await handler({ request, actor, params: await context.params });
      if (result instanceof Response) return result;
      return Response.json({ data: result.data }, { status: result.status ?? 200 });
    } catch (error) {
      const { status, body } = toErrorResponse(error);
      return Response.json(body, { status });
    }
  };
}
