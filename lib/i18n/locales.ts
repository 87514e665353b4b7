// Swedish first; English second. The choice lives in a cookie so URLs stay the same in both.
export const LOCALES = ["sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "sv";
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** A choice of language: each named in its own language, and marked as such for screen readers. */
export const LANGUAGE_OPTIONS: { value: Locale; label: string; lang: Locale }[] = [
  { value: "sv", label: "Svenska", lang: "sv" },
  { value: "en", label: "English", lang: "en" },
];

export function toLocale(value: string | undefined | null): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : DEFAULT_LOCALE;
}

// Numbers and dates follow the region, not only the language: Swedish as in Sweden (space for
// thousands, decimal comma), English as a Swedish municipality's English readers expect it
// (day before month, 24-hour clock) rather than American.
const FORMAT_LOCALE: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };

/** The formatting locale for an app locale or one already regional ("en", "en-GB" → "en-GB"). */
export function formatLocale(value: string | undefined | null): string {
  return FORMAT_LOCALE[toLocale(value?.slice(0, 2))];
}
