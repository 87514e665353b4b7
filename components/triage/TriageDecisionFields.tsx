"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError } from "@/components/ui/ActionForm";

type Choice = { name: "kind" | "size" | "track" | "quadrant"; label: string; suggested: string; options: { value: string; label: string }[] };

/** The four classification choices, prefilled with the suggestion; a departure asks for a reason. */
export function TriageDecisionFields({ choices }: { choices: Choice[] }) {
  const t = useTranslations("triage");
  const [values, setValues] = useState(Object.fromEntries(choices.map((c) => [c.name, c.suggested])));
  const departs = choices.some((c) => values[c.name] !== c.suggested);
  const select = "mt-1 block w-full rounded border border-slate-500 bg-white px-2 py-1.5";
  return (
    <>
      <div className="grid gap-3 md:grid-cols-2">
        {choices.map((c) => (
          <div key={c.name}>
            <label htmlFor={`t-${c.name}`} className="font-medium">{c.label}</label>
            <select id={`t-${c.name}`} name={c.name} value={values[c.name]} onChange={(e) => setValues({ ...values, [c.name]: e.target.value })} className={select}>
              {c.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
            <FieldError name={c.name} />
          </div>
        ))}
      </div>
      <div>
        <label htmlFor="overrideReason" className="font-medium">{t("overrideReason")}</label>
        {departs ? <p id="override-hint" className="text-sm font-medium text-amber-900">{t("overrideHint")}</p> : null}
        <textarea id="overrideReason" name="overrideReason" rows={2} required={departs} aria-describedby={departs ? "override-hint" : undefined} className="mt-1 block w-full rounded border border-slate-500 px-3 py-2" />
        <FieldError name="overrideReason" />
      </div>
      <div>
        <label htmlFor="notes" className="font-medium">{t("notes")}</label>
        <textarea id="notes" name="notes" rows={2} className="mt-1 block w-full rounded border border-slate-500 px-3 py-2" />
      </div>
    </>
  );
}
