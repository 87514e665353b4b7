import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { listScenarios, type ScenarioView } from "@/lib/server/scenarios";
import { PortfolioHeader } from "@/components/portfolio/PortfolioHeader";
import { ActionForm } from "@/components/ui/ActionForm";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { TextAreaField, TextField } from "@/components/ui/fields";
import { createScenarioAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portfolio"))("views.scenarios") };
}

/** Saved what-if variants of the portfolio; pick up to four to compare with the live portfolio. */
export default async function ScenariosPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireUser();
  const [{ done }, t, format, scenarios] = await Promise.all([searchParams, getTranslations(), getFormatter(), listScenarios(user)]);
  const state = (s: ScenarioView) =>
    s.adoptedInMeeting ? t("scenarios.state.adopted", { meeting: s.adoptedInMeeting.title })
    : s.onAgenda.length ? t("scenarios.state.onAgenda", { meeting: s.onAgenda[0]!.title })
    : t("scenarios.state.draft");
  const run = (s: ScenarioView) =>
    !s.latestRun ? t("scenarios.run.none")
    : s.latestRun.status === "RUNNING" ? t("scenarios.run.running")
    : s.latestRun.status === "FAILED" ? t("scenarios.run.failed")
    : s.latestRun.scenarioVersion !== s.version ? t("scenarios.run.outdated")
    : t("scenarios.run.done", { date: format.dateTime(s.latestRun.finishedAt ?? s.latestRun.startedAt, { dateStyle: "short", timeStyle: "short" }) });
  return (
    <div className="space-y-8">
      <PortfolioHeader user={user} current="scenarios" />
      <p className="max-w-3xl">{t("scenarios.intro")}</p>
      {done === "deleted" ? <p role="status" className="rounded border-2 border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900">{t("scenarios.done.deleted")}</p> : null}
      <section aria-labelledby="list-title" className="space-y-3">
        <h2 id="list-title" className="text-xl font-semibold">{t("scenarios.listTitle")}</h2>
        {scenarios.length ? (
          <form method="get" action="/portfolio/scenarios/compare" className="space-y-3" aria-labelledby="list-title">
            <table className="w-full text-left text-sm" data-testid="scenario-list">
              <caption className="sr-only">{t("scenarios.listTitle")}</caption>
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="py-2 pr-3">{t("scenarios.columns.compare")}</th>
                  <th scope="col" className="py-2 pr-3">{t("scenarios.columns.name")}</th>
                  <th scope="col" className="py-2 pr-3">{t("scenarios.columns.state")}</th>
                  <th scope="col" className="py-2 pr-3">{t("scenarios.columns.run")}</th>
                  <th scope="col" className="py-2 pr-3">{t("scenarios.columns.updated")}</th>
                </tr>
              </thead>
              <tbody>
                {scenarios.map((s) => (
                  <tr key={s.id} className="border-b border-slate-200">
                    <td className="py-2 pr-3">
                      <input type="checkbox" name="ids" value={s.id} id={`compare-${s.id}`} aria-label={t("scenarios.compareOne", { name: s.name })} className="h-5 w-5" />
                    </td>
                    <th scope="row" className="py-2 pr-3 font-normal"><a href={`/portfolio/scenarios/${s.id}`} className="font-medium text-brand-800 underline">{s.name}</a></th>
                    <td className="py-2 pr-3">{state(s)}</td>
                    <td className="py-2 pr-3">{run(s)}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(s.updatedAt, { dateStyle: "medium" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="text-sm text-slate-700" id="compare-help">{t("scenarios.compareHelp")}</p>
            <button type="submit" aria-describedby="compare-help" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("scenarios.compare")}</button>
          </form>
        ) : (
          <p>{t("scenarios.none")}</p>
        )}
      </section>
      {can(user, "scenario.write") ? (
        <section aria-labelledby="new-title" className="space-y-3 rounded border border-slate-300 p-4">
          <h2 id="new-title" className="text-xl font-semibold">{t("scenarios.newTitle")}</h2>
          <p className="max-w-3xl">{t("scenarios.newIntro")}</p>
          <ClientMessages namespaces={["validation"]}>
            <ActionForm action={createScenarioAction} submitLabel={t("scenarios.create")} messages={{ FORBIDDEN: t("initiative.forbidden"), default: t("initiative.error") }} testId="new-scenario-form">
              <TextField id="scenario-name" name="name" label={t("scenarios.fields.name")} required maxLength={120} />
              <TextAreaField id="scenario-description" name="description" label={t("scenarios.fields.description")} rows={2} />
            </ActionForm>
          </ClientMessages>
        </section>
      ) : null}
    </div>
  );
}
