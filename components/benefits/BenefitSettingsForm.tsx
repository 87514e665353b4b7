"use client";
import { ActionForm, type ActionState } from "@/components/ui/ActionForm";
import { TextField } from "@/components/ui/fields";

type Words = { followUpMonths: string; followUpMonthsHelp: string; overdueAfterDays: string; overdueAfterDaysHelp: string; save: string; saved: string; forbidden: string; error: string };

/**
 * When follow-ups fall due after delivery, and when they count as overdue. Its words come as
 * props: the page then sends no message catalogue for it (field messages come from "validation").
 */
export function BenefitSettingsForm(props: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; followUpMonths: number[]; overdueAfterDays: number; words: Words }) {
  const w = props.words;
  return (
    <ActionForm action={props.action} submitLabel={w.save} okMessage={w.saved} messages={{ FORBIDDEN: w.forbidden, default: w.error }} className="grid gap-3 md:grid-cols-2" testId="benefit-settings-form">
      <TextField id="followUpMonths" name="followUpMonths" label={w.followUpMonths} help={w.followUpMonthsHelp} defaultValue={props.followUpMonths.join(", ")} />
      <TextField id="overdueAfterDays" name="overdueAfterDays" label={w.overdueAfterDays} help={w.overdueAfterDaysHelp} defaultValue={props.overdueAfterDays} inputMode="numeric" />
    </ActionForm>
  );
}
