"use client";
import { useTranslations } from "next-intl";
import { createContext, startTransition, useActionState, useContext } from "react";
import { useMarksField } from "@/components/ui/ActionForm";

type Issue = { path: string; message: string };
export type ResourceActionState = { ok: boolean; code?: string; issues?: Issue[]; notices?: string[] } | null;

const IssuesContext = createContext<Issue[]>([]);

/**
 * A form bound to a resources server action. Like ActionForm, but its messages come from the
 * "resources" namespace first (then "validation"), and a success may carry notices such as
 * "the planned period was set". Works as a plain form without JavaScript.
 */
export function ResourceForm(props: {
  action: (prev: ResourceActionState, formData: FormData) => Promise<ResourceActionState>;
  submitLabel: string;
  /** A fuller accessible name for the button; it must start with submitLabel (label in name). */
  submitName?: string;
  okMessage?: string;
  className?: string;
  buttonClassName?: string;
  testId?: string;
  children?: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(props.action, null);
  const t = useTranslations("resources");
  const failure = state && !state.ok ? (t.has(`codes.${state.code}`) ? t(`codes.${state.code}` as never) : state.issues?.length ? t("codes.summary", { count: state.issues.length }) : t("codes.default")) : null;
  const notices = state?.ok ? (state.notices ?? []).filter((n) => t.has(`notices.${n}`)).map((n) => t(`notices.${n}` as never)) : [];
  return (
    <IssuesContext.Provider value={state?.issues ?? []}>
      <form
        action={formAction}
        // Keep what was typed after a refused submission (React resets forms after an action).
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => formAction(data));
        }}
        className={props.className ?? "space-y-3"}
        data-testid={props.testId}
      >
        {props.children}
        <div className="col-span-full space-y-3">
          <button type="submit" disabled={pending} aria-label={props.submitName} className={props.buttonClassName ?? "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"}>
            {props.submitLabel}
          </button>
          <p role="status" className={failure ? "font-medium text-red-800" : "font-medium text-emerald-900"}>
            {failure ?? (state?.ok ? [props.okMessage, ...notices].filter(Boolean).join(" ") : null)}
          </p>
        </div>
      </form>
    </IssuesContext.Provider>
  );
}

/** The message for one field after a refused submission, in the resources wording where it has one. */
export function ResourceFieldError({ name, id }: { name: string; id?: string }) {
  const t = useTranslations("resources");
  const tv = useTranslations("validation");
  const issue = useContext(IssuesContext).find((i) => i.path === name);
  const errorId = id ?? `${name}-error`;
  const ref = useMarksField(issue, name, errorId);
  if (!issue) return null;
  const text = t.has(`issues.${issue.message}`) ? t(`issues.${issue.message}` as never) : tv.has(issue.message) ? tv(issue.message as never) : tv("invalid");
  return (
    <p ref={ref} id={errorId} className="mt-1 font-medium text-red-800">
      {text}
    </p>
  );
}
