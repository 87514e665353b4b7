"use client";
import { useTranslations } from "next-intl";
import { startTransition, useActionState } from "react";

type State = { ok: boolean; code?: string; issues?: { path: string; message: string }[] } | null;
export type StepButton = { to: string; label: string };

/**
 * The delivery steps open to this user as buttons of one form, with one reason field:
 * the button pressed says which step. The status line stays put while the page refreshes.
 */
export function DeliveryStepsForm(props: {
  action: (to: string, prev: State, formData: FormData) => Promise<State>;
  steps: StepButton[];
  labels: { reason: string; reasonHint: string; done: string; conflict: string; invalid: string; forbidden: string; error: string };
}) {
  const tv = useTranslations("validation");
  const [state, formAction, pending] = useActionState((prev: State, form: FormData) => props.action(String(form.get("to") ?? ""), prev, form), null);
  const reasonIssue = state?.issues?.find((i) => i.path === "reason");
  const message = state?.ok
    ? props.labels.done
    : state
      ? reasonIssue
        ? tv.has(reasonIssue.message) ? tv(reasonIssue.message) : tv("invalid")
        : state.code === "VERSION_CONFLICT" ? props.labels.conflict : state.code === "INVALID_TRANSITION" ? props.labels.invalid : state.code === "FORBIDDEN" ? props.labels.forbidden : props.labels.error
      : null;
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        // Keep the typed reason if the step is refused; the pressed button names the step.
        event.preventDefault();
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(data));
      }}
      className="space-y-3"
      data-testid="delivery-steps"
    >
      <div>
        <label htmlFor="step-reason" className="font-medium">{props.labels.reason}</label>
        <p id="step-reason-hint" className="text-sm text-slate-700">{props.labels.reasonHint}</p>
        <textarea
          id="step-reason"
          name="reason"
          rows={2}
          maxLength={2000}
          aria-describedby={reasonIssue ? "step-reason-hint step-status" : "step-reason-hint"}
          aria-invalid={reasonIssue ? true : undefined}
          className="mt-1 block w-full rounded border border-slate-500 px-3 py-2"
        />
      </div>
      <div className="flex flex-wrap gap-3">
        {props.steps.map((s) => (
          <button key={s.to} type="submit" name="to" value={s.to} disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
            {s.label}
          </button>
        ))}
      </div>
      <p id="step-status" role="status" className={state && !state.ok ? "font-medium text-red-800" : "font-medium text-emerald-900"}>{message}</p>
    </form>
  );
}
