import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { triageSettings } from "@/lib/server/settings";
import { TRACKS } from "@/lib/validation/triage";
import { ActionForm, FieldError } from "@/components/ui/ActionForm";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { saveTriageSettingsAction } from "../../triage/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("triage"))("settingsTitle") };
}

const field = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2";

export default async function TriageSettingsPage() {
  const user = await requireUser();
  if (!can(user, "triage.settings")) redirect("/settings?denied=triage");
  const [t, s] = await Promise.all([getTranslations(), triageSettings()]);
  const numbers = [
    ["smallMaxCostSek", s.size.smallMaxCostSek, "size.smallMaxCostSek"],
    ["smallMaxEffortHours", s.size.smallMaxEffortHours, "size.smallMaxEffortHours"],
    ["mediumMaxCostSek", s.size.mediumMaxCostSek, "size.mediumMaxCostSek"],
    ["mediumMaxEffortHours", s.size.mediumMaxEffortHours, "size.mediumMaxEffortHours"],
  ] as const;
  const routes = ["infrastructure", "businessSmall", "businessMedium", "businessLarge"] as const;
  const vocab = [
    ["vocabularyInfrastructure", s.vocabulary.infrastructure],
    ["vocabularyBusinessDevelopment", s.vocabulary.businessDevelopment],
    ["vocabularyExternal", s.vocabulary.external],
    ["vocabularyInternal", s.vocabulary.internal],
    ["vocabularyInnovation", s.vocabulary.innovation],
    ["vocabularyEfficiency", s.vocabulary.efficiency],
  ] as const;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("triage.settingsTitle")}</h1>
      <p>{t("triage.settingsIntro")}</p>
      <ClientMessages namespaces={["validation"]}>
        <ActionForm action={saveTriageSettingsAction} submitLabel={t("triage.settings.save")} okMessage={t("triage.settingsSaved")} messages={{ FORBIDDEN: t("initiative.forbidden"), default: t("initiative.error") }} className="space-y-6" testId="settings-form">
          <fieldset className="grid gap-3 md:grid-cols-2">
            <legend className="mb-2 text-xl font-semibold">{t("triage.settings.size")}</legend>
            {numbers.map(([name, value, path]) => (
              <div key={name}>
                <label htmlFor={name} className="font-medium">{t(`triage.settings.${name}`)}</label>
                <input id={name} name={name} inputMode="numeric" defaultValue={value} className={field} />
                <FieldError name={path} />
              </div>
            ))}
            <div>
              <label htmlFor="delegationLimitSek" className="font-medium">{t("triage.settings.delegationLimitSek")}</label>
              <input id="delegationLimitSek" name="delegationLimitSek" inputMode="numeric" defaultValue={s.delegationLimitSek} className={field} />
              <FieldError name="delegationLimitSek" />
            </div>
          </fieldset>
          <fieldset className="grid gap-3 md:grid-cols-2">
            <legend className="mb-2 text-xl font-semibold">{t("triage.settings.routing")}</legend>
            {routes.map((name) => (
              <div key={name}>
                <label htmlFor={name} className="font-medium">{t(`triage.settings.${name}`)}</label>
                <select id={name} name={name} defaultValue={s.routing[name]} className={field}>
                  {TRACKS.map((v) => <option key={v} value={v}>{t(`track.${v}`)}</option>)}
                </select>
              </div>
            ))}
          </fieldset>
          <fieldset className="grid gap-3 md:grid-cols-3">
            <legend className="mb-2 text-xl font-semibold">{t("triage.settings.vocabulary")}</legend>
            {vocab.map(([name, words]) => (
              <div key={name}>
                <label htmlFor={name} className="font-medium">{t(`triage.settings.${name}`)}</label>
                <textarea id={name} name={name} rows={8} defaultValue={words.join("\n")} className={field} />
              </div>
            ))}
          </fieldset>
        </ActionForm>
      </ClientMessages>
    </div>
  );
}
