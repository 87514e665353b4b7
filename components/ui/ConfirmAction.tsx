"use client";
// An action that cannot be taken back (deactivate, delete): the button opens a modal dialog
// (the platform's <dialog>: focus moves in and stays, Escape cancels) that says what will
// happen, and only its confirm button acts. The result is announced beside the button.
import { useId, useRef, useState, useTransition } from "react";

export type ConfirmResult = { ok: boolean; code?: string } | null;

export function ConfirmAction(props: {
  /** The button that opens the dialog, e.g. "Inaktivera". */
  label: string;
  /** A fuller accessible name for it, starting with the label (e.g. "Inaktivera Socialförvaltningen"). */
  labelName?: string;
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  action: () => Promise<ConfirmResult>;
  /** Words for failure codes; `default` for the rest. */
  messages: Partial<Record<string, string>> & { default: string };
  danger?: boolean;
  testId?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [pending, start] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const id = useId();
  const tone = props.danger ? "border-red-800 text-red-800 hover:bg-red-50" : "border-brand-800 text-brand-800 hover:bg-brand-50";
  return (
    <div className="inline-flex flex-col items-start" data-testid={props.testId}>
      <button ref={opener} type="button" aria-label={props.labelName} aria-haspopup="dialog" className={`rounded border px-3 py-1 font-semibold ${tone}`} onClick={() => { setFailure(null); dialog.current?.showModal(); }}>
        {props.label}
      </button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} className="max-w-lg rounded border-2 border-slate-700 p-6 backdrop:bg-slate-900/50">
        <h2 id={`${id}-title`} className="text-xl font-semibold">{props.title}</h2>
        <p id={`${id}-body`} className="mt-2">{props.body}</p>
        <div className="mt-4 flex flex-wrap gap-3">
          <button
            type="button"
            disabled={pending}
            className={props.danger ? "rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900 disabled:opacity-70" : "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"}
            onClick={() =>
              start(async () => {
                const result = await props.action();
                dialog.current?.close();
                setFailure(result && !result.ok ? (props.messages[result.code ?? ""] ?? props.messages.default) : null);
                opener.current?.focus();
              })
            }
          >
            {props.confirm}
          </button>
          <button type="button" autoFocus className="rounded border border-slate-500 px-4 py-2" onClick={() => dialog.current?.close()}>
            {props.cancel}
          </button>
        </div>
      </dialog>
      <p role="status" className="text-sm font-medium text-red-800">{failure}</p>
    </div>
  );
}
