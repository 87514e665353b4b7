"use client";
import { useTranslations } from "next-intl";
import { ResourceFieldError, ResourceForm, type ResourceActionState } from "./ResourceForm";

type Action = (prev: ResourceActionState, formData: FormData) => Promise<ResourceActionState>;
const input = "mt-1 block w-full rounded border border-slate-500 bg-white px-2 py-1.5";

/** Capacity for a quarter: the whole pool (competence empty) or one competence. */
export function CapacityForm(props: { action: Action; quarters: string[]; defaultQuarter: string; competences: string[] }) {
  const t = useTranslations("resources");
  return (
    <ResourceForm action={props.action} submitLabel={t("pool.capacitySave")} okMessage={t("pool.capacitySaved")} testId="capacity-form" className="space-y-3 rounded border border-slate-300 p-4">
      <h3 className="font-semibold">{t("pool.capacityFormTitle")}</h3>
      <div>
        <label htmlFor="cap-quarter" className="font-medium">{t("allocate.quarter")}</label>
        <select id="cap-quarter" name="quarter" defaultValue={props.defaultQuarter} className={input}>
          {props.quarters.map((q) => <option key={q} value={q}>{q}</option>)}
        </select>
        <ResourceFieldError name="quarter" id="cap-quarter-error" />
      </div>
      <div>
        <label htmlFor="cap-competence" className="font-medium">{t("allocate.competence")}</label>
        <input id="cap-competence" name="competence" list="cap-competences" autoComplete="off" aria-describedby="cap-competence-help" className={input} />
        <datalist id="cap-competences">
          {props.competences.map((c) => <option key={c} value={c} />)}
        </datalist>
        <p id="cap-competence-help" className="text-sm text-slate-700">{t("pool.capacityCompetenceHelp")}</p>
        <ResourceFieldError name="competence" id="cap-competence-error" />
      </div>
      <div>
        <label htmlFor="cap-hours" className="font-medium">{t("pool.capacityHours")}</label>
        <input id="cap-hours" name="hours" inputMode="numeric" className={input} />
        <ResourceFieldError name="hours" id="cap-hours-error" />
      </div>
    </ResourceForm>
  );
}

/** The pool's own work-in-progress limit; empty means the default applies. */
export function WipLimitForm(props: { action: Action; wipLimit: number | null }) {
  const t = useTranslations("resources");
  return (
    <ResourceForm action={props.action} submitLabel={t("pool.wipSave")} okMessage={t("pool.wipSaved")} testId="wip-form" className="space-y-3 rounded border border-slate-300 p-4">
      <h3 className="font-semibold">{t("pool.wipFormTitle")}</h3>
      <div>
        <label htmlFor="wipLimit" className="font-medium">{t("pool.wipLimit")}</label>
        <input id="wipLimit" name="wipLimit" inputMode="numeric" defaultValue={props.wipLimit ?? ""} aria-describedby="wipLimit-help" className={input} />
        <p id="wipLimit-help" className="text-sm text-slate-700">{t("pool.wipLimitHelp")}</p>
        <ResourceFieldError name="wipLimit" />
      </div>
    </ResourceForm>
  );
}

/** A new pool: central (DIG, Digitalt center) or a department's local pool. */
export function CreatePoolForm(props: { action: Action; kinds: readonly ("DIG" | "DIGITAL_CENTER" | "LOCAL")[]; departments: { id: string; name: string }[] }) {
  const t = useTranslations("resources");
  return (
    <ResourceForm action={props.action} submitLabel={t("manage.create")} okMessage={t("manage.created")} testId="create-pool-form" className="grid gap-3 rounded border border-slate-300 p-4 md:grid-cols-2">
      <div>
        <label htmlFor="pool-name" className="font-medium">{t("manage.name")}</label>
        <input id="pool-name" name="name" maxLength={100} className={input} />
        <ResourceFieldError name="name" id="pool-name-error" />
      </div>
      <div>
        <label htmlFor="pool-kind" className="font-medium">{t("manage.kind")}</label>
        <select id="pool-kind" name="kind" defaultValue={props.kinds.includes("LOCAL") ? "LOCAL" : props.kinds[0]} className={input} aria-describedby="pool-kind-help">
          {props.kinds.map((k) => <option key={k} value={k}>{t(`manage.kinds.${k}`)}</option>)}
        </select>
        <p id="pool-kind-help" className="text-sm text-slate-700">{t("manage.kindHelp")}</p>
        <ResourceFieldError name="kind" id="pool-kind-error" />
      </div>
      <div>
        <label htmlFor="pool-department" className="font-medium">{t("manage.department")}</label>
        <select id="pool-department" name="departmentId" className={input} aria-describedby="pool-department-help">
          <option value="">{t("manage.noDepartment")}</option>
          {props.departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
        <p id="pool-department-help" className="text-sm text-slate-700">{t("manage.departmentHelp")}</p>
        <ResourceFieldError name="departmentId" id="pool-department-error" />
      </div>
      <div>
        <label htmlFor="pool-wip" className="font-medium">{t("pool.wipLimit")}</label>
        <input id="pool-wip" name="wipLimit" inputMode="numeric" className={input} aria-describedby="pool-wip-help" />
        <p id="pool-wip-help" className="text-sm text-slate-700">{t("pool.wipLimitHelp")}</p>
        <ResourceFieldError name="wipLimit" id="pool-wip-error" />
      </div>
    </ResourceForm>
  );
}

/** The pool's name. */
export function RenamePoolForm(props: { action: Action; name: string }) {
  const t = useTranslations("resources");
  return (
    <ResourceForm action={props.action} submitLabel={t("manage.rename")} okMessage={t("manage.renamed")} testId="rename-pool-form" className="space-y-3 rounded border border-slate-300 p-4">
      <div>
        <label htmlFor="rename-pool" className="font-medium">{t("manage.name")}</label>
        <input id="rename-pool" name="name" defaultValue={props.name} maxLength={100} className={input} />
        <ResourceFieldError name="name" id="rename-pool-error" />
      </div>
    </ResourceForm>
  );
}
