import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, type Action } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

/** Every settings page, the permission it needs, in the order a municipality sets itself up. */
const SECTIONS: { key: string; href: string; action: Action }[] = [
  { key: "organisation", href: "/settings/organisation", action: "admin.organisation" },
  { key: "users", href: "/settings/users", action: "admin.users" },
  { key: "goals", href: "/settings/goals", action: "goals.manage" },
  { key: "pools", href: "/resources/manage", action: "pool.managePage" },
  { key: "sso", href: "/settings/sso", action: "admin.sso" },
  { key: "weights", href: "/portfolio/settings", action: "portfolio.settings" },
  { key: "benefits", href: "/settings/benefits", action: "benefit.settings" },
  { key: "triage", href: "/settings/triage", action: "triage.settings" },
  { key: "data", href: "/settings/import", action: "data.import" },
  { key: "tokens", href: "/settings/tokens", action: "admin.tokens" },
  { key: "audit", href: "/settings/audit", action: "audit.browse" },
];
const DENIED = new Set(["pools", "organisation", "users", "goals", "sso", "audit", "tokens", "triage", "data", "benefits"]);

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const user = await requireUser();
  const { denied } = await searchParams;
  const [t, tApp] = await Promise.all([getTranslations("settings"), getTranslations("app")]);
  const sections = SECTIONS.filter((s) => can(user, s.action));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 max-w-3xl">{t("intro")}</p>
      </div>
      {denied && DENIED.has(denied) ? (
        <p role="alert" className="rounded border-2 border-amber-700 bg-amber-50 p-3 font-medium" data-testid="settings-denied">{tApp("denied", { page: t(`sections.${denied}.title` as never) })}</p>
      ) : null}
      {sections.length === 0 ? (
        <p>{t("nothing")}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" data-testid="settings-sections">
          {sections.map((s) => (
            <li key={s.key} className="rounded border border-slate-300 p-4">
              <h2 className="text-lg font-semibold">
                <Link href={s.href} className="text-brand-800 underline">{t(`sections.${s.key}.title` as never)}</Link>
              </h2>
              <p className="mt-1">{t(`sections.${s.key}.text` as never)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
