"use client";
// The settings forms that add a thing or change one (a unit, a goal, a sign-on mapping): the
// same buttons, confirmations and failure messages, each in its own namespace's words.
import { useTranslations } from "next-intl";
import { ActionForm, type ActionState } from "@/components/ui/ActionForm";

export function CreateOrEditForm(props: {
  /** Its words: create, save, created, saved, forbidden, conflict and error. */
  namespace: "organisation" | "goals" | "sso";
  editing: boolean;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  idPrefix: string;
  submitName?: string;
  className: string;
  /** Words for further failure codes. */
  messages?: Record<string, string>;
  children: React.ReactNode;
}) {
  const t = useTranslations(props.namespace) as unknown as (key: string) => string;
  return (
    <ActionForm
      action={props.action}
      submitLabel={props.editing ? t("save") : t("create")}
      submitName={props.submitName}
      okMessage={props.editing ? t("saved") : t("created")}
      resetOnSuccess={!props.editing}
      messages={{ FORBIDDEN: t("forbidden"), VERSION_CONFLICT: t("conflict"), ...props.messages, default: t("error") }}
      className={props.className}
      testId={`${props.idPrefix}-form`}
    >
      {props.children}
    </ActionForm>
  );
}
