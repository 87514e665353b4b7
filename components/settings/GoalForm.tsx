"use client";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/components/ui/ActionForm";
import { CreateOrEditForm } from "./CreateOrEditForm";
import { SelectField, TextAreaField, TextField } from "@/components/ui/fields";

export type GoalFormValues = { code: string; title: string; description: string; weight: number; validFrom: number | null; validTo: number | null };

/** Adds a strategic goal, or (with `values`) changes one. */
export function GoalForm(props: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; idPrefix: string; values?: GoalFormValues; submitName?: string }) {
  const t = useTranslations("goals");
  const v = props.values;
  const p = props.idPrefix;
  return (
    <CreateOrEditForm namespace="goals" editing={Boolean(v)} action={props.action} idPrefix={p} submitName={props.submitName} className="grid gap-3 md:grid-cols-4">
      <TextField id={`${p}-code`} name="code" label={t("fields.code")} help={t("help.code")} defaultValue={v?.code} required maxLength={20} />
      <TextField id={`${p}-title`} name="title" label={t("fields.title")} defaultValue={v?.title} required maxLength={200} className="md:col-span-3" />
      <TextAreaField id={`${p}-description`} name="description" label={t("fields.description")} defaultValue={v?.description} maxLength={2000} className="md:col-span-4" />
      <SelectField id={`${p}-weight`} name="weight" label={t("fields.weight")} help={t("help.weight")} defaultValue={String(v?.weight ?? 3)} options={[1, 2, 3, 4, 5].map((w) => ({ value: String(w), label: String(w) }))} />
      <TextField id={`${p}-validFrom`} name="validFrom" label={t("fields.validFrom")} help={t("help.validFrom")} defaultValue={v?.validFrom ?? ""} inputMode="numeric" maxLength={4} />
      <TextField id={`${p}-validTo`} name="validTo" label={t("fields.validTo")} help={t("help.validTo")} defaultValue={v?.validTo ?? ""} inputMode="numeric" maxLength={4} />
    </CreateOrEditForm>
  );
}
