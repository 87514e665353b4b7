import "server-only";

/**
 * A request's query string as an object for a zod schema: every parameter (unknown ones too,
 * so a strict schema can refuse them), a repeated one by its first value.
 */
export function searchObject(request: Request): Record<string, string> {
  const params = new URL(request.url).searchParams;
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in out)) out[key] = value;
  return out;
}
