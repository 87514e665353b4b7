import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { QUADRANTS } from "@/lib/domain/pios";
import { SCORE_KEYS } from "@/lib/domain/score";
import { portfolioOverview } from "@/lib/server/portfolio";
import { scoreWeights } from "@/lib/server/settings";
import { ActionForm, FieldError } from "@/components/ui/ActionForm";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { PortfolioHeader } from "@/components/portfolio/PortfolioHeader";
import { setBalanceTargetAction, setScoreWeightsAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portfolio"))("views.settings") };
}

/** Leadership and admin set the year's target balance and the weights of the benefit score. */
export default async function PortfolioSettingsPage() {
  const user = await requireUser();
  if (!can(user, "portfolio.settings")) redirect("/?denied=portfolioSettings");
  const year = new Date().getFullYear();
  const [t, overview, weights] = await Promise.all([getTranslations(), portfolioOverview(user, "cost", year), scoreWeights()]);
  const messages = { FORBIDDEN: t("initiative.forbidden"), default: t("initiative.error") };
  return (
    <div className="space-y-8">
      <PortfolioHeader user={user} current="settings" />
      <ClientMessages namespaces={["validation"]}>
        <section aria-labelledby="target-title" className="space-y-3">
          <h2 id="target-title" className="text-xl font-semibold">{t("portfolio.targetTitle", { year })}</h2>
          <ActionForm action={setBalanceTargetAction.bind(null, year)} submitLabel={t("portfolio.targetSave")} okMessage={t("portfolio.targetSaved")} messages={messages} testId="target-form" className="space-y-3">
            <p id="target-help">{t("portfolio.targetIntro")}</p>
            <div className="grid gap-3 md:grid-cols-4">
              {QUADRANTS.map((q) => (
                <div key={q}>
                  <label htmlFor={`target-${q}`} className="font-medium">{t(`quadrant.${q}`)}</label>
                  <input id={`target-${q}`} name={q} inputMode="numeric" aria-describedby="target-help" defaultValue={overview.balance.quadrants.find((b) => b.quadrant === q)?.targetPercent ?? ""} className="mt-1 block w-full rounded border border-slate-500 px-3 py-2" />
                  <FieldError name={`shares.${q}`} />
                </div>
              ))}
            </div>
            <FieldError name="shares" />
          </ActionForm>
        </section>
        <section aria-labelledby="weights-title" className="space-y-3">
          <h2 id="weights-title" className="text-xl font-semibold">{t("portfolio.weightsTitle")}</h2>
          <ActionForm action={setScoreWeightsAction} submitLabel={t("portfolio.weightsSave")} okMessage={t("portfolio.weightsSaved")} messages={messages} testId="weights-form" className="space-y-3">
            <p id="weights-help">{t("portfolio.weightsIntro")}</p>
            <div className="grid gap-3 md:grid-cols-5">
              {SCORE_KEYS.map((key) => (
                <div key={key}>
                  <label htmlFor={`weight-${key}`} className="font-medium">{t(`portfolio.components.${key}`)}</label>
                  <input id={`weight-${key}`} name={key} inputMode="decimal" aria-describedby="weights-help" defaultValue={weights[key]} className="mt-1 block w-full rounded border border-slate-500 px-3 py-2" />
                  <FieldError name={key} />
                </div>
              ))}
            </div>
            <FieldError name="" />
          </ActionForm>
        </section>
      </ClientMessages>
    </div>
  );
}
