"use client";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { IssuesProvider } from "@/components/ui/ActionForm";
import { SelectField, TextField } from "@/components/ui/fields";
import { LANGUAGE_OPTIONS } from "@/lib/i18n/locales";
import { PasswordLinkPanel, type LinkState } from "./PasswordLinkPanel";

/** Adds a person; on success shows the one-time invitation link for the admin to pass on. */
export function CreateUserForm(props: {
  action: (prev: LinkState, form: FormData) => Promise<LinkState>;
  roles: readonly string[];
  departments: { id: string; name: string }[];
}) {
  const t = useTranslations("people");
  const tr = useTranslations("roles");
  const tv = useTranslations("validation");
  const [state, formAction, pending] = useActionState(props.action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const issues = state && !state.ok ? (state.issues ?? []) : [];
  const failure = state && !state.ok ? (state.code === "FORBIDDEN" ? t("forbidden") : issues.length ? tv("summary", { count: issues.length }) : t("error")) : null;
  return (
    <div className="space-y-4">
      {state?.ok ? <PasswordLinkPanel link={state} /> : null}
      <IssuesProvider value={issues}>
        <form noValidate
          ref={form}
          action={formAction}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            startTransition(() => formAction(data));
          }}
          className="grid gap-3 md:grid-cols-2"
          data-testid="create-user-form"
        >
          <TextField id="new-user-name" name="name" label={t("fields.name")} required maxLength={120} autoComplete="off" />
          <TextField id="new-user-email" name="email" type="email" label={t("fields.email")} required maxLength={254} autoComplete="off" />
          <SelectField id="new-user-role" name="role" label={t("fields.role")} defaultValue="VIEWER" help={t("help.role")} options={props.roles.map((r) => ({ value: r, label: tr(r) }))} />
          <SelectField id="new-user-department" name="departmentId" label={t("fields.department")} help={t("help.department")} empty={t("noDepartment")} options={props.departments.map((d) => ({ value: d.id, label: d.name }))} />
          <SelectField id="new-user-locale" name="locale" label={t("fields.locale")} help={t("help.locale")} defaultValue="sv" options={LANGUAGE_OPTIONS} />
          <div className="md:col-span-2 space-y-2">
            <p role="status" className="font-medium text-red-800">{failure}</p>
            <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
              {t("create")}
            </button>
          </div>
        </form>
      </IssuesProvider>
    </div>
  );
}
