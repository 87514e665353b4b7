import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { NAV_ITEMS } from "@/lib/navigation";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { LanguageSwitch } from "@/components/layout/LanguageSwitch";
import { SkipLink } from "@/components/layout/SkipLink";
import { setLocaleAction } from "../locale-actions";
import { signOutAction } from "../sign-out-action";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations();
  const items = NAV_ITEMS.filter((item) => can(user, item.action));
  return (
    <>
      <SkipLink label={t("app.skipToContent")} />
      <header className="border-b border-slate-300 bg-brand-50 no-print">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="text-xl font-bold text-brand-800">
            {t("app.name")}
          </Link>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span>{t("app.signedInAs", { name: user.name })}</span>
            <LanguageSwitch action={setLocaleAction} />
            <SignOutButton label={t("app.signOut")} action={signOutAction} />
          </div>
        </div>
        <nav aria-label={t("app.mainNavigation")} className="mx-auto max-w-6xl px-4 pb-2">
          <ul className="flex flex-wrap gap-4">
            {items.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="font-medium text-brand-800 underline-offset-4 hover:underline">
                  {t(`nav.${item.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl border-t border-slate-200 px-4 py-6 text-sm text-slate-700 no-print">
        {t("app.footer")}{" "}
        <Link href="/glossary" className="text-brand-800 underline">{t("glossary.footerLink")}</Link>{" · "}
        <Link href="/api-docs" className="text-brand-800 underline">{t("apiAccess.docs.link")}</Link>
      </footer>
    </>
  );
}
