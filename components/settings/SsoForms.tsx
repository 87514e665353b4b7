"use client";
import { useTranslations } from "next-intl";
import { ActionForm, type ActionState } from "@/components/ui/ActionForm";
import { CreateOrEditForm } from "./CreateOrEditForm";
import { SelectField, TextField } from "@/components/ui/fields";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** A claim value of the identity provider and the role and department it gives. */
export function SsoMappingForm(props: {
  action: Action;
  idPrefix: string;
  values?: { claimValue: string; description: string; role: string; departmentId: string | null };
  roles: readonly string[];
  departments: { id: string; name: string }[];
  submitName?: string;
}) {
  const t = useTranslations("sso");
  const tr = useTranslations("roles");
  const v = props.values;
  const p = props.idPrefix;
  return (
    <CreateOrEditForm namespace="sso" editing={Boolean(v)} action={props.action} idPrefix={p} submitName={props.submitName} className="grid gap-3 md:grid-cols-2">
      <TextField id={`${p}-claim`} name="claimValue" label={t("fields.claimValue")} help={t("help.claimValue")} defaultValue={v?.claimValue} required maxLength={200} />
      <TextField id={`${p}-description`} name="description" label={t("fields.description")} help={t("help.description")} defaultValue={v?.description} maxLength={200} />
      <SelectField id={`${p}-role`} name="role" label={t("fields.role")} defaultValue={v?.role ?? "VIEWER"} options={props.roles.map((r) => ({ value: r, label: tr(r) }))} />
      <SelectField id={`${p}-department`} name="departmentId" label={t("fields.department")} help={t("help.department")} defaultValue={v?.departmentId} empty={t("noDepartment")} options={props.departments.map((d) => ({ value: d.id, label: d.name }))} />
    </CreateOrEditForm>
  );
}

/** What happens to people no mapping covers. */
export function SsoSettingsForm(props: { action: Action; unmapped: "VIEWER" | "REFUSE" }) {
  const t = useTranslations("sso");
  return (
    <ActionForm action={props.action} submitLabel={t("settingsSave")} okMessage={t("saved")} messages={{ FORBIDDEN: t("forbidden"), default: t("error") }} testId="sso-settings-form">
      <fieldset>
        <legend className="font-medium">{t("unmappedLegend")}</legend>
        {(["VIEWER", "REFUSE"] as const).map((v) => (
          <label key={v} className="mt-1 flex items-center gap-2">
            <input type="radio" name="unmapped" value={v} defaultChecked={props.unmapped === v} className="h-4 w-4" />
            {t(`unmapped.${v}`)}
          </label>
        ))}
      </fieldset>
    </ActionForm>
  );
}
