import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const messages = await getMessages();
  return (
    <html lang={toLocale(locale.slice(0, 2))}>
      <body className="min-h-screen bg-white text-slate-900 antialiased">
        {/* Only the messages client components need travel to the browser. */}
        <NextIntlClientProvider locale={locale} messages={{ errors: messages.errors, signin: messages.signin }}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
