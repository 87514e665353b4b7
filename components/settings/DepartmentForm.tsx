"use client";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/components/ui/ActionForm";
import { CreateOrEditForm } from "./CreateOrEditForm";
import { SelectField, TextField } from "@/components/ui/fields";

export type DepartmentFormValues = { name: string; shortName: string; kind: "DEPARTMENT" | "COMPANY"; parentId: string | null };

/** Adds a unit, or (with `values`) changes one: name, short code, kind, and what it belongs to. */
export function DepartmentForm(props: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  idPrefix: string;
  values?: DepartmentFormValues;
  parents: { id: string; name: string }[];
  submitName?: string;
}) {
  const t = useTranslations("organisation");
  const v = props.values;
  const p = props.idPrefix;
  return (
    <CreateOrEditForm namespace="organisation" editing={Boolean(v)} action={props.action} idPrefix={p} submitName={props.submitName} className="grid gap-3 md:grid-cols-2" messages={{ NAME_OR_CODE_TAKEN: t("taken") }}>
      <TextField id={`${p}-name`} name="name" label={t("fields.name")} defaultValue={v?.name} required maxLength={120} />
      <TextField id={`${p}-shortName`} name="shortName" label={t("fields.shortName")} help={t("help.shortName")} defaultValue={v?.shortName} required maxLength={20} />
      <SelectField id={`${p}-kind`} name="kind" label={t("fields.kind")} defaultValue={v?.kind ?? "DEPARTMENT"} options={(["DEPARTMENT", "COMPANY"] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
      <SelectField id={`${p}-parentId`} name="parentId" label={t("fields.parent")} help={t("help.parent")} defaultValue={v?.parentId} empty={t("noParent")} options={props.parents.map((d) => ({ value: d.id, label: d.name }))} />
    </CreateOrEditForm>
  );
}
