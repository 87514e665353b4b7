const TONE = { done: "bg-emerald-100 text-emerald-900", upcoming: "bg-slate-200 text-slate-800", due: "bg-amber-100 text-amber-900", overdue: "bg-red-100 text-red-900" } as const;

/** A follow-up's state as a badge: answered, upcoming, due or overdue. */
export function FollowUpBadge({ state, label }: { state: keyof typeof TONE; label: string }) {
  return <span className={`rounded px-2 py-0.5 text-sm font-medium ${TONE[state]}`}>{label}</span>;
}
