import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { GlossaryTerms, type GlossaryTerm } from "@/components/ui/GlossaryTerms";

export type PortfolioView = "ranking" | "balance" | "scenarios" | "settings";

// The words each view uses that the glossary explains.
const TERMS: Record<PortfolioView, GlossaryTerm[]> = {
  ranking: ["benefitScore", "pios", "targetBalance"],
  balance: ["pios", "targetBalance", "percentagePoints", "backlog", "equity"],
  scenarios: ["scenario", "optimiser", "gap", "benefitScore", "capacity", "targetBalance", "equity"],
  settings: ["benefitScore", "targetBalance", "pios"],
};

const VIEWS: Array<{ view: PortfolioView; href: string }> = [
  { view: "ranking", href: "/portfolio" },
  { view: "balance", href: "/portfolio/balance" },
  { view: "scenarios", href: "/portfolio/scenarios" },
  { view: "settings", href: "/portfolio/settings" },
];

/**
 * The portfolio's heading and its views: the ranking leadership prioritises in, the balance
 * and charts, and (for those who may set them) the weights and target balance. Separate
 * pages keep each one light enough to use live on a projector.
 */
export async function PortfolioHeader({ user, current }: { user: Actor; current: PortfolioView }) {
  const t = await getTranslations("portfolio");
  const views = VIEWS.filter((v) => v.view !== "settings" || can(user, "portfolio.settings"));
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl">{t("intro")}</p>
      <div className="mt-2">
        <GlossaryTerms terms={TERMS[current]} />
      </div>
      <nav aria-label={t("views.label")} className="mt-4 border-b border-slate-300">
        <ul className="flex flex-wrap gap-2">
          {views.map((v) => (
            <li key={v.view}>
              <Link
                href={v.href}
                aria-current={v.view === current ? "page" : undefined}
                className={`-mb-px inline-block rounded-t border px-4 py-2 font-medium ${v.view === current ? "border-slate-300 border-b-white bg-white text-slate-900" : "border-transparent text-brand-800 underline"}`}
              >
                {t(`views.${v.view}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
