"use client";
// The roadmap's filters and toggles, rendered from their options as data: as server components
// the quarter, department and program choices (65 options and more) also travelled as React's
// element tree beside their HTML.
import Link from "next/link";

const select = "mt-1 block w-full rounded border border-slate-500 bg-white px-2 py-1.5";

/** One labelled filter of a GET form; the empty choice (when given) means "all". */
export function FilterSelect(props: { name: string; label: string; value: string; all?: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={`f-${props.name}`} className="font-medium">{props.label}</label>
      <select id={`f-${props.name}`} name={props.name} defaultValue={props.value} className={select}>
        {props.all !== undefined ? <option value="">{props.all}</option> : null}
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

/** A choice kept in the URL, as links; the current one is marked for assistive technology too. */
export function Toggle({ label, options }: { label: string; options: { href: string; label: string; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2">
      <span>{label}:</span>
      {options.map((o) => (
        <Link key={o.href} href={o.href} aria-current={o.current ? "true" : undefined} className={`rounded border px-3 py-1 ${o.current ? "border-brand-800 bg-brand-700 text-white" : "border-slate-400 text-brand-800"}`}>
          {o.label}
        </Link>
      ))}
    </nav>
  );
}
