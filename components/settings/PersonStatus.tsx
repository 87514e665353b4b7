const TONE = { ACTIVE: "bg-emerald-100 text-emerald-900", INVITED: "bg-amber-100 text-amber-900", DEACTIVATED: "bg-slate-200 text-slate-800" } as const;

/** A person's state as a badge: active, invited (no password yet) or deactivated. */
export function PersonStatus({ status, label }: { status: keyof typeof TONE; label: string }) {
  return <span className={`rounded px-2 py-0.5 font-medium ${TONE[status]}`}>{label}</span>;
}
