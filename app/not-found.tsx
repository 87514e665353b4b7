import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SkipLink } from "@/components/layout/SkipLink";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <>
      <SkipLink label={t("app.skipToContent")} />
      <header className="border-b border-slate-300 bg-brand-50">
        <p className="mx-auto max-w-6xl px-4 py-3 text-xl font-bold text-brand-800">{t("app.name")}</p>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-2xl space-y-4 px-4 py-12">
        <h1 className="text-3xl font-bold">{t("errors.notFoundTitle")}</h1>
        <p>{t("errors.notFoundText")}</p>
        <Link href="/" className="font-medium text-brand-800 underline">
          {t("errors.backHome")}
        </Link>
      </main>
    </>
  );
}
