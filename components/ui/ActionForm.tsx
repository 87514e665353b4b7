"use client";
import { useTranslations } from "next-intl";
import { createContext, startTransition, useActionState, useContext, useEffect, useId, useRef } from "react";

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
  /**
   * An action that cannot be taken back: the button first opens a modal dialog that says what
   * will happen, and only its confirm button sends the form. Without JavaScript the form is sent
   * as it is (the server still refuses what it must).
   */
  confirm?: { title: string; body: string; confirm: string; cancel: string };
}) {
  const [state, formAction, pending] = useActionState(props.action, null);
  const tv = useTranslations("validation");
  const pendingReset = useRef<HTMLFormElement | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const held = useRef<{ form: HTMLFormElement; data: FormData } | null>(null);
  const dialogId = useId();
  useEffect(() => {
    if (state?.ok && pendingReset.current) pendingReset.current.reset();
    pendingReset.current = null;
  }, [state]);
  const failure = state && !state.ok ? (props.messages[state.code ?? ""] ?? (state.issues?.length ? tv("summary", { count: state.issues.length }) : props.messages.default)) : null;
  const send = (form: HTMLFormElement, data: FormData) => {
    startTransition(() => formAction(data));
    if (props.resetOnSuccess) pendingReset.current = form;
  };
  return (
    <IssuesContext.Provider value={state?.issues ?? []}>
      <form
        action={formAction}
        // The app's own messages, in the page's language, instead of the browser's bubbles
        // (which speak the browser's language): the server validates and the fields say why.
        noValidate
        // With JavaScript, submit without React's automatic form reset, so a refused
        // submission keeps what the person typed; without it, the plain form action works.
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          // Confirm only what can succeed; an incomplete form goes straight to its messages.
          if (props.confirm && form.checkValidity()) {
            held.current = { form, data };
            dialog.current?.showModal();
            return;
          }
          send(form, data);
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
          <button type="submit" disabled={pending} aria-label={props.submitName} aria-haspopup={props.confirm ? "dialog" : undefined} className={props.buttonClassName ?? "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"}>
            {props.submitLabel}
          </button>
        </div>
        {props.confirm ? (
          <dialog ref={dialog} aria-labelledby={`${dialogId}-title`} aria-describedby={`${dialogId}-body`} className="max-w-lg rounded border-2 border-slate-700 p-6 backdrop:bg-slate-900/50" data-testid="confirm-dialog">
            <h2 id={`${dialogId}-title`} className="text-xl font-semibold">{props.confirm.title}</h2>
            <p id={`${dialogId}-body`} className="mt-2 whitespace-pre-line">{props.confirm.body}</p>
            <div className="mt-4 flex flex-wrap gap-3">
              <button
                type="button"
                className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
                onClick={() => {
                  dialog.current?.close();
                  const h = held.current;
                  held.current = null;
                  if (h) send(h.form, h.data);
                }}
              >
                {props.confirm.confirm}
              </button>
              <button type="button" autoFocus className="rounded border border-slate-500 px-4 py-2" onClick={() => { held.current = null; dialog.current?.close(); }}>
                {props.confirm.cancel}
              </button>
            </div>
          </dialog>
        ) : null}
      </form>
    </IssuesContext.Provider>
  );
}

/** The validation message for one field, if the last submission had one. */
/** The issue a field shows: its own, or one of an item of a list typed into it ("6, x" → followUpMonths.1). */
function issueOf(issues: Issue[], name: string): Issue | undefined {
  return issues.find((i) => i.path === name) ?? issues.find((i) => i.path.startsWith(`${name}.`) && /^\d+$/.test(i.path.slice(name.length + 1)));
}

/** The form's controls for an issue's path: by the whole path, else by its last part ("size.smallMaxCostSek" → "smallMaxCostSek"). */
function controlsOf(form: HTMLFormElement, path: string): HTMLElement[] {
  for (const name of [path, path.slice(path.lastIndexOf(".") + 1)]) {
    const found = form.elements.namedItem(name);
    const list = !found ? [] : found instanceof RadioNodeList ? Array.from(found) : [found];
    const controls = list.filter((c): c is HTMLElement => c instanceof HTMLElement && (c as HTMLInputElement).type !== "hidden");
    if (controls.length) return controls;
  }
  return [];
}

/**
 * For a field's message: while `issue` stands, the field (found by name in the message's form)
 * is invalid and described by the message (WCAG 3.3.1). A field rendered on the server cannot
 * call useFieldIssue; one that did is left as it is. Returns the ref for the message element.
 */
export function useMarksField(issue: Issue | undefined, name: string, errorId: string) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!issue || !form) return;
    const undo = controlsOf(form, name).map((control) => {
      const described = control.getAttribute("aria-describedby")?.split(" ").filter(Boolean) ?? [];
      if (described.includes(errorId)) return () => {};
      const wasInvalid = control.hasAttribute("aria-invalid");
      control.setAttribute("aria-describedby", [...described, errorId].join(" "));
      if (!wasInvalid) control.setAttribute("aria-invalid", "true");
      return () => {
        const rest = (control.getAttribute("aria-describedby") ?? "").split(" ").filter((d) => d && d !== errorId);
        if (rest.length) control.setAttribute("aria-describedby", rest.join(" "));
        else control.removeAttribute("aria-describedby");
        if (!wasInvalid) control.removeAttribute("aria-invalid");
      };
    });
    return () => undo.forEach((f) => f());
  }, [issue, name, errorId]);
  return ref;
}

export function FieldError({ name, id }: { name: string; id?: string }) {
  const tv = useTranslations("validation");
  const issue = issueOf(useContext(IssuesContext), name);
  const errorId = id ?? `${name}-error`;
  const ref = useMarksField(issue, name, errorId);
  if (!issue) return null;
  return (
    <p ref={ref} id={errorId} className="mt-1 font-medium text-red-800">
      {tv.has(issue.message) ? tv(issue.message) : tv("invalid")}
    </p>
  );
}

/** For a field's input: invalid and described by its message when the last submission refused it. */
export function useFieldIssue(name: string, errorId: string, helpId?: string) {
  const issue = issueOf(useContext(IssuesContext), name);
  const describedBy = [helpId, issue ? errorId : null].filter(Boolean).join(" ");
  return { "aria-invalid": issue ? true : undefined, "aria-describedby": describedBy || undefined } as const;
}
