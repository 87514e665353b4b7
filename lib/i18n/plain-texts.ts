// A translator that keeps the plain texts it has looked up. Half or more of a page's messages
// are plain texts (a heading, a column name, a status), asked for again on every request, and
// use-intl resolves and formats each anew: 2–4 µs a call, 0.3–0.8 ms of a list page
// (measured, triage 392 calls). The catalogue is fixed at build time, so a plain text looked up
// once is the same on every request.

/** The part of a next-intl / use-intl translator this needs. */
type Translate = {
  (key: string, values?: unknown, formats?: unknown): string;
  raw(key: string): unknown;
  has(key: string): boolean;
};

/**
 * `t` with its plain texts kept in `texts` (one map per locale and namespace, shared between
 * requests). A text is kept only when the key exists and the formatted text is the message
 * itself, so a message with arguments or markup, a missing key and its fallback, and a message
 * with ICU escapes are always formatted by `t`.
 */
export function keepingPlainTexts<T extends Translate>(t: T, texts: Map<string, string>): T {
  const keeping = (key: string, values?: unknown, formats?: unknown): string => {
    if (values !== undefined || formats !== undefined) return t(key, values, formats);
    const kept = texts.get(key);
    if (kept !== undefined) return kept;
    const text = t(key);
    if (t.has(key) && t.raw(key) === text) texts.set(key, text);
    return text;
  };
  // rich, markup, raw and has stay use-intl's own.
  return Object.assign(keeping, t) as unknown as T;
}
