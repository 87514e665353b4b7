"use client";
// Labelled fields for forms inside ActionForm: each shows its validation message and is
// marked invalid and described by it (WCAG 3.3.1). Ids are given, so rows of one table may
// each have their own form.
import { FieldError, useFieldIssue } from "./ActionForm";

export const INPUT = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2";

type Common = { id: string; name: string; label: string; help?: string; className?: string };

export function TextField(props: Common & { defaultValue?: string | number | null; type?: "text" | "email" | "number" | "search" | "password" | "date"; required?: boolean; maxLength?: number; inputMode?: "numeric" | "text" | "email"; autoComplete?: string }) {
  const helpId = props.help ? `${props.id}-help` : undefined;
  const a11y = useFieldIssue(props.name, `${props.id}-error`, helpId);
  return (
    <div className={props.className}>
      <label htmlFor={props.id} className="font-medium">{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue ?? ""}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        aria-required={props.required || undefined}
        className={INPUT}
        {...a11y}
      />
      {props.help ? <p id={helpId} className="mt-1 text-sm text-slate-700">{props.help}</p> : null}
      <FieldError name={props.name} id={`${props.id}-error`} />
    </div>
  );
}

/** An option's `lang` marks a label in another language than the page (a language's own name), so it is read out in that language. */
export function SelectField(props: Common & { defaultValue?: string | null; options: { value: string; label: string; lang?: string }[]; empty?: string }) {
  const helpId = props.help ? `${props.id}-help` : undefined;
  const a11y = useFieldIssue(props.name, `${props.id}-error`, helpId);
  return (
    <div className={props.className}>
      <label htmlFor={props.id} className="font-medium">{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.defaultValue ?? ""} className={INPUT} {...a11y}>
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => <option key={o.value} value={o.value} lang={o.lang}>{o.label}</option>)}
      </select>
      {props.help ? <p id={helpId} className="mt-1 text-sm text-slate-700">{props.help}</p> : null}
      <FieldError name={props.name} id={`${props.id}-error`} />
    </div>
  );
}

export function TextAreaField(props: Common & { defaultValue?: string | null; rows?: number; maxLength?: number }) {
  const helpId = props.help ? `${props.id}-help` : undefined;
  const a11y = useFieldIssue(props.name, `${props.id}-error`, helpId);
  return (
    <div className={props.className}>
      <label htmlFor={props.id} className="font-medium">{props.label}</label>
      <textarea id={props.id} name={props.name} defaultValue={props.defaultValue ?? ""} rows={props.rows ?? 3} maxLength={props.maxLength} className={INPUT} {...a11y} />
      {props.help ? <p id={helpId} className="mt-1 text-sm text-slate-700">{props.help}</p> : null}
      <FieldError name={props.name} id={`${props.id}-error`} />
    </div>
  );
}
