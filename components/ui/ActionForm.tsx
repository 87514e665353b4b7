"use client";
import { useTranslations } from "next-intl";
import { createContext, startTransition, useActionState, useContext, useEffect, useRef } from "react";

type Issue = { path: string; message: string };
export type ActionState = { ok: boolean; code?: string; issues?: Issue[] } | null;

const IssuesContext = createContext<Issue[]>([]);
/** For a form with its own state (one that shows more than ok or not): lets its fields show their issues. */
export const IssuesProvider = IssuesContext.Provider;

/**
 * A form bound to a server action: shows a summary when the action fails and lets
 * fields show their own message (FieldError). Works as a plain form without JavaScript.
 */
export function ActionForm(props: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
  /** A fuller accessible name for the button; it must start with submitLabel (label in name). */
  submitName?: string;
  buttonClassName?: string;
  okMessage?: string;
  messages: Partial<Record<string, string>>;
  className?: string;
  children: React.ReactNode;
  testId?: string;
  /** Empty the form after a success (a form that adds things). */
  resetOnSuccess?: boolean;
}) {
  const [state, formAction, pending] = useActionState(props.action, null);
  const tv = useTranslations("validation");
  const pendingReset = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    if (state?.ok && pendingReset.current) pendingReset.current.reset();
    pendingReset.current = null;
  }, [state]);
  const failure = state && !state.ok ? (props.messages[state.code ?? ""] ?? (state.issues?.length ? tv("summary", { count: state.issues.length }) : props.messages.default)) : null;
  return (
    <IssuesContext.Provider value={state?.issues ?? []}>
      <form
        action={formAction}
        // With JavaScript, submit without React's automatic form reset, so a refused
        // submission keeps what the person typed; without it, the plain form action works.
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          startTransition(() => formAction(data));
          if (props.resetOnSuccess) pendingReset.current = form;
        }}
        className={props.className ?? "space-y-3"}
        data-testid={props.testId}
      >
        {props.children}
        {/* The whole width of a grid form, the button at its start. */}
        <div className="col-span-full space-y-3">
          <p role="status" className={failure ? "font-medium text-red-800" : "font-medium text-emerald-900"}>
            {failure ?? (state?.ok ? props.okMessage : null)}
          </p>
          <button type="submit" disabled={pending} aria-label={props.submitName} className={props.buttonClassName ?? "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </IssuesContext.Provider>
  );
}

/** The validation message for one field, if the last submission had one. */
export function FieldError({ name, id }: { name: string; id?: string }) {
  const tv = useTranslations("validation");
  const issue = useContext(IssuesContext).find((i) => i.path === name);
  if (!issue) return null;
  return (
    <p id={id ?? `${name}-error`} className="mt-1 font-medium text-red-800">
      {tv.has(issue.message) ? tv(issue.message) : tv("invalid")}
    </p>
  );
}

/** For a field's input: invalid and described by its message when the last submission refused it. */
export function useFieldIssue(name: string, errorId: string, helpId?: string) {
  const issue = useContext(IssuesContext).find((i) => i.path === name);
  const describedBy = [helpId, issue ? errorId : null].filter(Boolean).join(" ");
  return { "aria-invalid": issue ? true : undefined, "aria-describedby": describedBy || undefined } as const;
}
