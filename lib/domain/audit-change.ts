// An audit event's before and after as lines to read: each changed field with its value before
// and after, as the JSON stored ("–" where a side has no value).

const show = (value: unknown) => (value === undefined ? "–" : value === null ? "null" : typeof value === "string" ? value : JSON.stringify(value));
const isRecord = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === "object" && !Array.isArray(v);

/** Field, before, after; one line without a field name when a side is not an object; null when both are empty. */
export function changeLines(before: unknown, after: unknown): [string, string, string][] | null {
  if (before == null && after == null) return null;
  if (!isRecord(before ?? {}) || !isRecord(after ?? {})) return [["", show(before ?? undefined), show(after ?? undefined)]];
  const keys = [...new Set([...Object.keys((before ?? {}) as object), ...Object.keys((after ?? {}) as object)])];
  if (!keys.length) return [["", show(before ?? undefined), show(after ?? undefined)]];
  return keys.map((k) => [k, show((before as Record<string, unknown> | null)?.[k]), show((after as Record<string, unknown> | null)?.[k])]);
}
