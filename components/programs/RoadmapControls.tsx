"use client";
// The roadmap's grouping and view toggles, rendered from their options as data (its filters use
// components/ui/FilterSelect).
import Link from "next/link";

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
