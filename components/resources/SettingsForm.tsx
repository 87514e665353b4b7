"use client";
import { useTranslations } from "next-intl";
import { ResourceFieldError, ResourceForm, type ResourceActionState } from "./ResourceForm";

const input = "mt-1 block w-full rounded border border-slate-500 bg-white px-2 py-1.5";

/** The default WIP limit and the hours of one full-time person per quarter (DIG, leadership, admin). */
export function SettingsForm(props: { action: (prev: ResourceActionState, form: FormData) => Promise<ResourceActionState>; settings: { defaultWipLimit: number; hoursPerFte: number } }) {
  const t = useTranslations("resources");
  return (
    <ResourceForm action={props.action} submitLabel={t("settings.save")} okMessage={t("settings.saved")} testId="resource-settings" className="grid gap-3 md:grid-cols-2" buttonClassName="justify-self-start rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
      <div>
        <label htmlFor="defaultWipLimit" className="font-medium">{t("settings.defaultWipLimit")}</label>
        <input id="defaultWipLimit" name="defaultWipLimit" inputMode="numeric" defaultValue={props.settings.defaultWipLimit} aria-describedby="defaultWipLimit-help" className={input} />
        <p id="defaultWipLimit-help" className="text-sm text-slate-700">{t("settings.defaultWipLimitHelp")}</p>
        <ResourceFieldError name="defaultWipLimit" />
      </div>
      <div>
        <label htmlFor="hoursPerFte" className="font-medium">{t("settings.hoursPerFte")}</label>
        <input id="hoursPerFte" name="hoursPerFte" inputMode="numeric" defaultValue={props.settings.hoursPerFte} aria-describedby="hoursPerFte-help" className={input} />
        <p id="hoursPerFte-help" className="text-sm text-slate-700">{t("settings.hoursPerFteHelp")}</p>
        <ResourceFieldError name="hoursPerFte" />
      </div>
    </ResourceForm>
  );
}
