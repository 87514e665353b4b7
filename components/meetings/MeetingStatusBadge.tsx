// A meeting's status as text with a colour cue; the text carries the meaning (WCAG 1.4.1).
export function MeetingStatusBadge({ status, label }: { status: string; label: string }) {
  const tone = status === "PLANNED" ? "bg-sky-50 text-sky-900 border-sky-700" : "bg-slate-100 text-slate-900 border-slate-600";
  return <span className={`inline-block whitespace-nowrap rounded border px-2 py-0.5 text-sm print:border-black print:bg-white print:text-black ${tone}`}>{label}</span>;
}
