import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { listGoals, type GoalView } from "@/lib/server/goals";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { GoalForm } from "@/components/settings/GoalForm";
import { SettingsBack } from "@/components/settings/SettingsBack";
import { createGoalAction, deleteGoalAction, setGoalActiveAction, updateGoalAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("goals"))("title") };
}

export default async function GoalsPage() {
  const user = await requireUser();
  if (!can(user, "goals.manage")) redirect("/settings?denied=goals");
  const [t, goals] = await Promise.all([getTranslations(), listGoals(user)]);
  const period = (g: GoalView) =>
    g.validFrom !== null && g.validTo !== null ? t("goals.period", { from: String(g.validFrom), to: String(g.validTo) })
    : g.validFrom !== null ? t("goals.periodFrom", { from: String(g.validFrom) })
    : g.validTo !== null ? t("goals.periodTo", { to: String(g.validTo) })
    : t("goals.periodOpen");
  const state = (g: GoalView) => (!g.active ? "inactive" : g.inEffect ? "inEffect" : "notInEffect");
  const tone = { inEffect: "bg-emerald-100 text-emerald-900", notInEffect: "bg-amber-100 text-amber-900", inactive: "bg-slate-200 text-slate-800" } as const;
  return (
    <div className="space-y-8">
      <SettingsBack />
      <div>
        <h1 className="text-3xl font-bold">{t("goals.title")}</h1>
        <p className="mt-2 max-w-3xl">{t("goals.intro")}</p>
      </div>
      <section aria-labelledby="add-goal" className="space-y-3 rounded border border-slate-300 p-4">
        <h2 id="add-goal" className="text-xl font-semibold">{t("goals.addTitle")}</h2>
        <ClientMessages namespaces={["goals", "validation"]}>
          <GoalForm action={createGoalAction} idPrefix="new-goal" />
        </ClientMessages>
      </section>
      <section aria-labelledby="goal-list" className="space-y-4">
        <h2 id="goal-list" className="text-xl font-semibold">{t("goals.listTitle", { count: goals.length })}</h2>
        <ClientMessages namespaces={["goals", "validation"]}>
          <ul className="space-y-4" data-testid="goal-list">
            {goals.map((g) => (
              <li key={g.id} className="rounded border border-slate-300 p-4" data-testid={`goal-${g.code}`}>
                <h3 className="text-lg font-semibold">{`${g.code} ${g.title}`}</h3>
                <p className="mt-1 flex flex-wrap gap-3 text-sm">
                  <span className={`rounded px-2 py-0.5 font-medium ${tone[state(g)]}`}>{t(`goals.state.${state(g)}`)}</span>
                  <span>{t("goals.weightIs", { weight: g.weight })}</span>
                  <span>{period(g)}</span>
                  <span>{t("goals.usage", { initiatives: g.usage.initiatives, programs: g.usage.programs })}</span>
                </p>
                {g.description ? <p className="mt-2 max-w-3xl">{g.description}</p> : null}
                <div className="mt-3 flex flex-wrap items-start gap-3">
                  <details className="w-full">
                    <summary className="cursor-pointer font-medium text-brand-800 underline">{t("goals.edit")}<span className="sr-only"> {g.code}</span></summary>
                    <div className="mt-2 rounded border border-slate-200 p-3">
                      <GoalForm action={updateGoalAction.bind(null, g.id, g.version)} idPrefix={`goal-${g.id}`} values={g} submitName={`${t("goals.save")} ${g.code}`} />
                    </div>
                  </details>
                  <ConfirmAction
                    label={g.active ? t("goals.deactivate") : t("goals.reactivate")}
                    labelName={`${g.active ? t("goals.deactivate") : t("goals.reactivate")} ${g.code}`}
                    title={g.active ? t("goals.deactivateTitle", { code: g.code }) : t("goals.reactivateTitle", { code: g.code })}
                    body={g.active ? t("goals.deactivateBody") : t("goals.reactivateBody")}
                    confirm={g.active ? t("goals.deactivateYes") : t("goals.reactivateYes")}
                    cancel={t("goals.cancel")}
                    action={setGoalActiveAction.bind(null, g.id, g.version, !g.active)}
                    messages={{ VERSION_CONFLICT: t("goals.conflict"), default: t("goals.error") }}
                    danger={g.active}
                  />
                  {g.usage.initiatives + g.usage.programs === 0 ? (
                    <ConfirmAction
                      label={t("goals.delete")}
                      labelName={`${t("goals.delete")} ${g.code}`}
                      title={t("goals.deleteTitle", { code: g.code })}
                      body={t("goals.deleteBody")}
                      confirm={t("goals.deleteYes")}
                      cancel={t("goals.cancel")}
                      action={deleteGoalAction.bind(null, g.id)}
                      messages={{ IN_USE: t("goals.inUse"), default: t("goals.error") }}
                      danger
                    />
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </ClientMessages>
      </section>
    </div>
  );
}
