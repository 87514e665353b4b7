"use client";
// A GET filter form: a search field, labelled selects (the empty choice means "all"), apply
// and reset. A client component so the whole form, options included, travels as data
// rather than as an element tree as well as HTML; it works without JavaScript all the same.
import Link from "next/link";
import { FILTER_INPUT, FilterSelect, type FilterSelectProps } from "./FilterSelect";

export type FilterFormProps = {
  action: string;
  /** The form's accessible name. */
  label: string;
  idPrefix?: string;
  search: { label: string; value: string };
  selects: FilterSelectProps[];
  /**
   * The filters few people use, folded under one summary so the panel stays short; open when
   * one of them is set, so a filter in force is never hidden.
   */
  more?: { label: string; selects: FilterSelectProps[] };
  apply: string;
  reset: { href: string; label: string };
  testId?: string;
};

export function FilterForm({ action, label, idPrefix = "f", search, selects, more, apply, reset, testId }: FilterFormProps) {
  return (
    <form method="get" action={action} className="grid gap-3 rounded border border-slate-300 p-4 md:grid-cols-4" aria-label={label} data-testid={testId}>
      <div className="md:col-span-2">
        <label htmlFor={`${idPrefix}-q`} className="font-medium">{search.label}</label>
        <input id={`${idPrefix}-q`} name="q" type="search" defaultValue={search.value} className={FILTER_INPUT} />
      </div>
      {selects.map((select) => <FilterSelect key={select.name} idPrefix={idPrefix} {...select} />)}
      {more?.selects.length ? (
        <details open={more.selects.some((s) => s.value !== "")} className="md:col-span-4" data-testid="more-filters">
          <summary className="cursor-pointer font-medium text-brand-800 underline">{more.label}</summary>
          <div className="mt-2 grid gap-3 md:grid-cols-4">
            {more.selects.map((select) => <FilterSelect key={select.name} idPrefix={idPrefix} {...select} />)}
          </div>
        </details>
      ) : null}
      <div className="flex items-end gap-3 md:col-span-4">
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{apply}</button>
        <Link href={reset.href} className="font-medium text-brand-800 underline">{reset.label}</Link>
      </div>
    </form>
  );
}
