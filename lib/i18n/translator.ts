// A translator outside React (route handlers, exports), for a given locale.
import { createTranslator } from "next-intl";
import en from "./en.json";
import sv from "./sv.json";
import type { Locale } from "./locales";

export function translator(locale: Locale) {
  return createTranslator({ locale, messages: locale === "en" ? en : sv });
}
