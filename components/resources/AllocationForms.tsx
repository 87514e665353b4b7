"use client";
import { useTranslations } from "next-intl";
import { ResourceFieldError, ResourceForm, type ResourceActionState } from "./ResourceForm";

type Action = (prev: ResourceActionState, formData: FormData) => Promise<ResourceActionState>;
const input = "mt-1 block w-full rounded border border-slate-500 bg-white px-2 py-1.5";

/** New allocation: the initiative is fixed (initiative page) or named by number (pool page); the pool is chosen or fixed. */
export function AllocationCreateForm(props: {
  action: Action;
  idPrefix: string;
  pools?: { id: string; label: string }[];
  askInitiative?: boolean;
  quarters: string[];
  defaultQuarter: string;
  competences: string[];
}) {
  const t = useTranslations("resources");
  const id = (name: string) => `${props.idPrefix}-${name}`;
  return (
    <ResourceForm action={props.action} submitLabel={t("allocate.submit")} okMessage={t("allocate.saved")} testId={`${props.idPrefix}-form`} className="grid gap-3 rounded border border-slate-300 p-4 md:grid-cols-2" buttonClassName="justify-self-start rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
      {props.askInitiative ? (
        <div>
          <label htmlFor={id("number")} className="font-medium">{t("allocate.initiativeNumber")}</label>
          <input id={id("number")} name="initiativeNumber" inputMode="numeric" aria-describedby={`${id("number")}-help`} className={input} />
          <p id={`${id("number")}-help`} className="text-sm text-slate-700">{t("allocate.initiativeNumberHelp")}</p>
          <ResourceFieldError name="initiativeNumber" id={`${id("number")}-error`} />
          <ResourceFieldError name="initiativeId" id={`${id("initiative")}-error`} />
        </div>
      ) : null}
      {props.pools ? (
        <div>
          <label htmlFor={id("pool")} className="font-medium">{t("allocate.pool")}</label>
          <select id={id("pool")} name="poolId" className={input}>
            {props.pools.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
          <ResourceFieldError name="poolId" id={`${id("pool")}-error`} />
        </div>
      ) : null}
      <div>
        <label htmlFor={id("quarter")} className="font-medium">{t("allocate.quarter")}</label>
        <select id={id("quarter")} name="quarter" defaultValue={props.defaultQuarter} className={input}>
          {props.quarters.map((q) => <option key={q} value={q}>{q}</option>)}
        </select>
        <ResourceFieldError name="quarter" id={`${id("quarter")}-error`} />
      </div>
      <div>
        <label htmlFor={id("competence")} className="font-medium">{t("allocate.competence")}</label>
        <input id={id("competence")} name="competence" list={id("competences")} aria-describedby={`${id("competence")}-help`} className={input} autoComplete="off" />
        <datalist id={id("competences")}>
          {props.competences.map((c) => <option key={c} value={c} />)}
        </datalist>
        <p id={`${id("competence")}-help`} className="text-sm text-slate-700">{t("allocate.competenceHelp")}</p>
        <ResourceFieldError name="competence" id={`${id("competence")}-error`} />
      </div>
      <div>
        <label htmlFor={id("hours")} className="font-medium">{t("allocate.hours")}</label>
        <input id={id("hours")} name="hours" inputMode="numeric" aria-describedby={`${id("hours")}-help`} className={input} />
        <p id={`${id("hours")}-help`} className="text-sm text-slate-700">{t("allocate.hoursHelp")}</p>
        <ResourceFieldError name="hours" id={`${id("hours")}-error`} />
      </div>
    </ResourceForm>
  );
}

/** Change one allocation's hours, or remove it. */
export function AllocationRowForms(props: { update: Action; remove: Action; hours: number; label: string; idPrefix: string }) {
  const t = useTranslations("resources");
  const small = "rounded border border-brand-800 px-3 py-1 text-sm font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-70";
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ResourceForm action={props.update} submitLabel={t("allocate.change")} submitName={`${t("allocate.change")}: ${props.label}`} okMessage={t("allocate.changed")} className="flex flex-wrap items-center gap-2" buttonClassName={small} testId={`${props.idPrefix}-update`}>
        <label htmlFor={`${props.idPrefix}-hours`} className="sr-only">{t("allocate.hoursFor", { label: props.label })}</label>
        <input id={`${props.idPrefix}-hours`} name="hours" inputMode="numeric" defaultValue={props.hours} className="w-24 rounded border border-slate-500 px-2 py-1" />
        <ResourceFieldError name="hours" id={`${props.idPrefix}-hours-error`} />
      </ResourceForm>
      <ResourceForm action={props.remove} submitLabel={t("allocate.remove")} submitName={`${t("allocate.remove")}: ${props.label}`} okMessage={t("allocate.removed")} className="flex items-center gap-2" buttonClassName={small} testId={`${props.idPrefix}-remove`} />
    </div>
  );
}
