// Status as text with a colour cue; the text carries the meaning (WCAG 1.4.1).
const TONE: Record<string, string> = {
  DRAFT: "bg-slate-100 text-slate-800 border-slate-400",
  SUBMITTED: "bg-sky-50 text-sky-900 border-sky-700",
  NEEDS_INFO: "bg-amber-50 text-amber-900 border-amber-700",
  TRIAGED: "bg-indigo-50 text-indigo-900 border-indigo-700",
  APPROVED: "bg-emerald-50 text-emerald-900 border-emerald-700",
  IN_PROGRESS: "bg-green-50 text-green-900 border-green-700",
  PAUSED: "bg-yellow-50 text-yellow-900 border-yellow-700",
  DONE: "bg-slate-100 text-slate-900 border-slate-600",
  REJECTED: "bg-red-50 text-red-900 border-red-700",
  DEFERRED: "bg-stone-100 text-stone-900 border-stone-600",
  CANCELLED: "bg-stone-100 text-stone-900 border-stone-600",
};

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`inline-block whitespace-nowrap rounded border px-2 py-0.5 text-sm ${TONE[status] ?? ""}`}>{label}</span>;
}
