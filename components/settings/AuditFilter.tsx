"use client";
// The audit log's GET filter: who, kind of record, record id, event and dates. A client
// component so the form (the event list's options included) travels as data; it works
// without JavaScript all the same.
import Link from "next/link";
import { useState } from "react";
import { FILTER_INPUT, FilterSelect } from "@/components/ui/FilterSelect";

type Values = { actor?: string; entityType?: string; entityId?: string; action?: string; from?: string; to?: string };

export function AuditFilter(props: {
  values: Values;
  entityTypes: string[];
  actions: string[];
  exportHref: string;
  words: { label: string; actor: string; actorHelp: string; entityType: string; entityId: string; action: string; from: string; to: string; all: string; apply: string; reset: string; export: string; incompleteDate: string };
}) {
  const { values: v, words: w } = props;
  // A half-typed date: the app's own message on the field, not the browser's bubble in the browser's language.
  const [incomplete, setIncomplete] = useState<"from" | "to" | null>(null);
  const dateProps = (name: "from" | "to") => ({
    "aria-invalid": incomplete === name || undefined,
    "aria-describedby": incomplete === name ? `audit-${name}-error` : undefined,
  });
  const dateError = (name: "from" | "to") => (incomplete === name ? <p id={`audit-${name}-error`} className="mt-1 font-medium text-red-800">{w.incompleteDate}</p> : null);
  return (
    <form
      method="get" action="/settings/audit" aria-label={w.label} className="grid gap-3 rounded border border-slate-300 p-4 md:grid-cols-3" data-testid="audit-filter"
      noValidate
      onSubmit={(event) => {
        const bad = (["from", "to"] as const).find((name) => (event.currentTarget.elements.namedItem(name) as HTMLInputElement | null)?.validity.badInput);
        setIncomplete(bad ?? null);
        if (!bad) return;
        event.preventDefault();
        (event.currentTarget.elements.namedItem(bad) as HTMLInputElement).focus();
      }}
    >
      <div>
        <label htmlFor="audit-actor" className="font-medium">{w.actor}</label>
        <input id="audit-actor" name="actor" type="search" defaultValue={v.actor ?? ""} aria-describedby="audit-actor-help" className={FILTER_INPUT} />
        <p id="audit-actor-help" className="mt-1 text-sm text-slate-700">{w.actorHelp}</p>
      </div>
      <FilterSelect idPrefix="audit" name="entityType" label={w.entityType} value={v.entityType ?? ""} all={w.all} options={props.entityTypes.map((x) => ({ value: x, label: x }))} />
      <div>
        <label htmlFor="audit-entityId" className="font-medium">{w.entityId}</label>
        <input id="audit-entityId" name="entityId" defaultValue={v.entityId ?? ""} className={FILTER_INPUT} />
      </div>
      <FilterSelect idPrefix="audit" name="action" label={w.action} value={v.action ?? ""} all={w.all} options={props.actions.map((x) => ({ value: x, label: x }))} />
      <div>
        <label htmlFor="audit-from" className="font-medium">{w.from}</label>
        <input id="audit-from" name="from" type="date" defaultValue={v.from ?? ""} className={FILTER_INPUT} {...dateProps("from")} />
        {dateError("from")}
      </div>
      <div>
        <label htmlFor="audit-to" className="font-medium">{w.to}</label>
        <input id="audit-to" name="to" type="date" defaultValue={v.to ?? ""} className={FILTER_INPUT} {...dateProps("to")} />
        {dateError("to")}
      </div>
      <div className="flex flex-wrap items-end gap-3 md:col-span-3">
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{w.apply}</button>
        <Link href="/settings/audit" className="font-medium text-brand-800 underline">{w.reset}</Link>
        <a href={props.exportHref} className="font-medium text-brand-800 underline" data-testid="audit-export">{w.export}</a>
      </div>
    </form>
  );
}
