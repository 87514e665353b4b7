// Each status has a fill AND a pattern or border style, and the bar names its status in
// text, so colour is never the only cue (WCAG 1.4.1). Dark text on light fills (≥ 4.5:1).
// Shared by the legend (server) and the timeline's rows (client).
export const STATUS_STYLE: Record<string, { className: string; pattern?: string }> = {
  TRIAGED: { className: "border-2 border-dotted border-indigo-800 bg-indigo-50 text-indigo-950" },
  APPROVED: { className: "border-2 border-emerald-800 bg-white text-emerald-950" },
  IN_PROGRESS: { className: "border-2 border-green-900 bg-green-800 text-white" },
  PAUSED: { className: "border-2 border-yellow-800 text-yellow-950", pattern: "repeating-linear-gradient(135deg, #fef9c3 0 6px, #fde68a 6px 12px)" },
  DONE: { className: "border-2 border-slate-600 bg-slate-200 text-slate-950" },
  DEFERRED: { className: "border-2 border-double border-stone-700 bg-stone-100 text-stone-950" },
};
export const DESIRED_STYLE = "border-2 border-dashed border-slate-700 bg-white text-slate-900";
