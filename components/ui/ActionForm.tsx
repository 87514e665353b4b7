"use client";
import { useTranslations } from "next-intl";
import { createContext, startTransition, useActionState, useContext } from "react";

type Issue = { path: string; message: string };
export type ActionState = { ok: boolean; code?: string; issues?: Issue[] } | null;

const IssuesContext = createContext<Issue[]>([]);

/**
 * A form bound to a server action: shows a summary when the action fails and lets
 * fields show their own message (FieldError). Works as a plain form without JavaScript.
 */
export function ActionForm(props: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
  okMessage?: string;
  messages: Partial<Record<string, string>>;
  className?: string;
  children: React.ReactNode;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(props.action, null);
  const tv = useTranslations("validation");
  const failure = state && !state.ok ? (props.messages[state.code ?? ""] ?? (state.issues?.length ? tv("summary", { count: state.issues.length }) : props.messages.default)) : null;
  return (
    <IssuesContext.Provider value={state?.issues ?? []}>
      <form
        action={formAction}
        // With JavaScript, submit without React's automatic form reset, so a refused
        // submission keeps what the person typed; without it, the plain form action works.
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => formAction(data));
        }}
        className={props.className ?? "space-y-3"}
        data-testid={props.testId}
      >
        {props.children}
        <p role="status" className={failure ? "font-medium text-red-800" : "font-medium text-emerald-900"}>
          {failure ?? (state?.ok ? props.okMessage : null)}
        </p>
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
          {props.submitLabel}
        </button>
      </form>
    </IssuesContext.Provider>
  );
}

/** The validation message for one field, if the last submission had one. */
export function FieldError({ name }: { name: string }) {
  const tv = useTranslations("validation");
  const issue = useContext(IssuesContext).find((i) => i.path === name);
  if (!issue) return null;
  return (
    <p id={`${name}-error`} className="mt-1 font-medium text-red-800">
      {tv.has(issue.message) ? tv(issue.message) : tv("invalid")}
    </p>
  );
}
