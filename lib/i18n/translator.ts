// A translator outside React (route handlers, exports), for a given locale.
import { createTranslator } from "next-intl";
import en from "./en.json";
import sv from "./sv.json";
import { formatLocale, type Locale } from "./locales";

export function translator(locale: Locale) {
  return createTranslator({ locale: formatLocale(locale), messages: locale === "en" ? en : sv });
}

/**
 * Plain labels by key (e.g. status names), for code that matches or writes words rather than
 * showing messages. Read through the translator, never from the JSON: in the app bundle the
 * catalogue is precompiled (next.config.ts), so a message is not always a plain string there.
 */
export function labels<K extends string>(locale: Locale, namespace: string, keys: readonly K[]): Record<K, string> {
  const t = translator(locale);
  return Object.fromEntries(keys.map((k) => [k, t(`${namespace}.${k}` as never)])) as Record<K, string>;
}
