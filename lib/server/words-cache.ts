import "server-only";
// On the portfolio views, wording the figures (labels, formatted numbers, plurals) costs the
// server more than rendering them. The words change only when the figures do, so they are
// kept per language until the next write, like the figures (./snapshot-cache.ts).
import { getLocale } from "next-intl/server";
import { cachedUntilWrite } from "./snapshot-cache";

/** `key` must name everything the words depend on besides the database and the language. */
export async function wordsUntilWrite<T>(key: string, word: () => T): Promise<T> {
  const locale = await getLocale();
  return cachedUntilWrite(`words:${key}:${locale}`, async () => word());
}
