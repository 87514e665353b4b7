import "server-only";
import { cache } from "react";
import { getLocale, getTranslations as getIntlTranslations } from "next-intl/server";
import { keepingPlainTexts } from "./plain-texts";

/** Plain texts by "locale|namespace", then key: bounded by the catalogue. */
const plainTexts = new Map<string, Map<string, string>>();

/** One translator per request and namespace, as next-intl's own (React's cache). */
const translator = cache(async (namespace: string | undefined) => {
  const t = await getIntlTranslations(namespace as never);
  const scope = `${await getLocale()}|${namespace ?? ""}`;
  let texts = plainTexts.get(scope);
  if (!texts) plainTexts.set(scope, (texts = new Map()));
  return keepingPlainTexts(t as never, texts);
});

/**
 * next-intl's getTranslations for server components, actions and route handlers, keeping plain
 * texts between requests (lib/i18n/plain-texts.ts). With an explicit locale ({ locale, namespace })
 * it is next-intl's own.
 */
export const getTranslations = ((arg?: unknown) =>
  arg === undefined || typeof arg === "string" ? translator(arg) : getIntlTranslations(arg as never)) as typeof getIntlTranslations;
