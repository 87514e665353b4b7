"use client";
import { useTranslations } from "next-intl";
import { ActionForm, type ActionState } from "@/components/ui/ActionForm";
import { SelectField, TextField } from "@/components/ui/fields";
import { LANGUAGE_OPTIONS } from "@/lib/i18n/locales";

/** Changes a person's name, role, department and language. */
export function UserForm(props: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  values: { name: string; role: string; departmentId: string | null; locale: string };
  roles: readonly string[];
  departments: { id: string; name: string }[];
}) {
  const t = useTranslations("people");
  const tr = useTranslations("roles");
  const v = props.values;
  return (
    <ActionForm
      action={props.action}
      submitLabel={t("save")}
      okMessage={t("saved")}
      messages={{ FORBIDDEN: t("forbidden"), VERSION_CONFLICT: t("conflict"), LAST_ADMIN: t("lastAdmin"), default: t("error") }}
      className="grid gap-3 md:grid-cols-2"
      testId="edit-user-form"
    >
      <TextField id="user-name" name="name" label={t("fields.name")} defaultValue={v.name} required maxLength={120} />
      <SelectField id="user-role" name="role" label={t("fields.role")} defaultValue={v.role} help={t("help.roleChange")} options={props.roles.map((r) => ({ value: r, label: tr(r) }))} />
      <SelectField id="user-department" name="departmentId" label={t("fields.department")} defaultValue={v.departmentId} empty={t("noDepartment")} options={props.departments.map((d) => ({ value: d.id, label: d.name }))} />
      <SelectField id="user-locale" name="locale" label={t("fields.locale")} defaultValue={v.locale} options={LANGUAGE_OPTIONS} />
    </ActionForm>
  );
}
