import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { formatLocale, LOCALE_COOKIE, toLocale } from "./locales";

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const messages = (await import(`./${locale}.json`)).default;
  // next-intl formats with the regional locale; the page's language stays "sv" or "en" (app/layout.tsx).
  return {
    locale: formatLocale(locale),
    messages,
    timeZone: "Europe/Stockholm",
    // Under the end-to-end tests a missing message fails the page instead of showing its key
    // (as two meeting errors did); in use, the key stays readable and the error is logged.
    ...(process.env.I18N_STRICT === "1" ? { onError: (error: Error) => { throw error; } } : {}),
  };
});
