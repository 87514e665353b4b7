"use client";
import { useTranslations } from "next-intl";
import { ActionForm, type ActionState } from "@/components/ui/ActionForm";
import { TextField } from "@/components/ui/fields";

/** When follow-ups fall due after delivery, and when they count as overdue. */
export function BenefitSettingsForm(props: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; followUpMonths: number[]; overdueAfterDays: number }) {
  const t = useTranslations("benefits");
  return (
    <ActionForm action={props.action} submitLabel={t("settings.save")} okMessage={t("settings.saved")} messages={{ FORBIDDEN: t("codes.FORBIDDEN"), default: t("codes.default") }} className="grid gap-3 md:grid-cols-2" testId="benefit-settings-form">
      <TextField id="followUpMonths" name="followUpMonths" label={t("settings.followUpMonths")} help={t("settings.followUpMonthsHelp")} defaultValue={props.followUpMonths.join(", ")} />
      <TextField id="overdueAfterDays" name="overdueAfterDays" label={t("settings.overdueAfterDays")} help={t("settings.overdueAfterDaysHelp")} defaultValue={props.overdueAfterDays} inputMode="numeric" />
    </ActionForm>
  );
}
