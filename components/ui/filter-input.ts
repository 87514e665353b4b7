/** The look of a filter form's inputs (kept apart from FilterSelect, a client component). */
export const FILTER_INPUT = "mt-1 block w-full rounded border border-slate-500 bg-white px-2 py-1.5";
