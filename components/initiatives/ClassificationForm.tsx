"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";

type State = { ok: boolean; code?: string } | null;

/** DIG, leadership and admin correct who benefits and the kind of change (the PIOS quadrant). */
export function ClassificationForm(props: {
  benefitRecipient: string | null;
  nature: string | null;
  action: (prev: State, formData: FormData) => Promise<State>;
}) {
  const t = useTranslations("initiative");
  const tr = useTranslations();
  const [state, formAction, pending] = useActionState(props.action, null);
  const select = "mt-1 block w-full rounded border border-slate-500 bg-white px-2 py-1.5";
  return (
    <form action={formAction} className="grid gap-3 rounded border border-slate-300 p-4 md:grid-cols-[1fr_1fr_auto] md:items-end">
      <div>
        <label htmlFor="c-recipient" className="font-medium">{t("fields.benefitRecipient")}</label>
        <select id="c-recipient" name="benefitRecipient" defaultValue={props.benefitRecipient ?? ""} className={select}>
          {["INTERNAL", "EXTERNAL"].map((v) => <option key={v} value={v}>{tr(`benefitRecipient.${v}` as never)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="c-nature" className="font-medium">{t("fields.nature")}</label>
        <select id="c-nature" name="nature" defaultValue={props.nature ?? ""} className={select}>
          {["EFFICIENCY", "INNOVATION"].map((v) => <option key={v} value={v}>{tr(`nature.${v}` as never)}</option>)}
        </select>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">{t("classifySave")}</button>
      <p role="status" className="md:col-span-3">
        {state?.ok ? t("classified") : state ? t(state.code === "VERSION_CONFLICT" ? "conflict" : state.code === "FORBIDDEN" ? "forbidden" : "error") : null}
      </p>
    </form>
  );
}
