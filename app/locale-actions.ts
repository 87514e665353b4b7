"use server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";

/** Switches the interface language; the page re-renders in the new language. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get("locale") ?? ""));
  // Read only by the server: no script needs it (HttpOnly); over HTTPS only when the app is served so.
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true, secure });
}
