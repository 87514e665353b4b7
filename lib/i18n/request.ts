import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { formatLocale, LOCALE_COOKIE, toLocale } from "./locales";

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const messages = (await import(`./${locale}.json`)).default;
  // next-intl formats with the regional locale; the page's language stays "sv" or "en" (app/layout.tsx).
  return { locale: formatLocale(locale), messages, timeZone: "Europe/Stockholm" };
});
