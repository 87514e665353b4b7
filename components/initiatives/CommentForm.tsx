"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";

type State = { ok: boolean; code?: string; issues?: { path: string; message: string }[] } | null;

export function CommentForm({ action }: { action: (prev: State, formData: FormData) => Promise<State> }) {
  const t = useTranslations("initiative");
  const tv = useTranslations("validation");
  const [state, formAction, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const issue = state?.issues?.[0];
  return (
    <form noValidate ref={form} action={formAction} className="space-y-2">
      <label htmlFor="comment-body" className="block font-medium">{t("commentLabel")}</label>
      <textarea id="comment-body" name="body" rows={3} required maxLength={2000} aria-invalid={issue ? true : undefined} aria-describedby={issue ? "comment-error" : undefined} className="block w-full rounded border border-slate-500 px-3 py-2" />
      <p id="comment-error" role="status" className="font-medium text-red-800">
        {issue ? (tv.has(issue.message) ? tv(issue.message) : tv("invalid")) : state && !state.ok ? t(state.code === "FORBIDDEN" ? "forbidden" : "error") : null}
      </p>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">{t("commentSubmit")}</button>
    </form>
  );
}
