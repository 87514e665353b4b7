"use client";
// The triage queue's rows, rendered from worded data. As server components the 50 rows also
// travelled as React's element tree beside their HTML, the biggest part of the page's payload
// and of its server time (as with the ranking's rows, components/portfolio/RankingCells.tsx).

export type QueueRowView = {
  id: string;
  number: number;
  title: string;
  /** The link's accessible name: "Triage #12: title". */
  openLabel: string;
  department: string;
  waiting: string;
  completeness: string;
  /** Kind · size · track, as suggested. */
  suggestion: string;
  /** What DIG should look at; absent: nothing (the row says so with `noChecks`). Left out rather than empty, since every object in the rows costs the render. */
  checks?: string[];
};

export function QueueRows({ rows, noChecks }: { rows: QueueRowView[]; noChecks: string }) {
  return (
    <tbody>
      {rows.map((q) => (
        <tr key={q.id} className="border-b border-slate-200 align-top">
          <td className="px-2 py-2 tabular-nums">{q.number}</td>
          <td className="px-2 py-2">
            {/* A plain link: next/link would prefetch every row in view. */}
            <a href={`/triage/${q.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline" aria-label={q.openLabel}>{q.title}</a>
          </td>
          <td className="px-2 py-2">{q.department}</td>
          <td className="px-2 py-2 text-right whitespace-nowrap">{q.waiting}</td>
          <td className="px-2 py-2 text-right whitespace-nowrap">{q.completeness}</td>
          <td className="px-2 py-2">{q.suggestion}</td>
          <td className="px-2 py-2 text-sm">
            {/* Says so when there is nothing, so an empty cell never looks like a fault. */}
            {q.checks?.length ? (
              <ul className="list-disc space-y-1 pl-4">
                {q.checks.map((line) => <li key={line}>{line}</li>)}
              </ul>
            ) : (
              <span className="text-slate-700">{noChecks}</span>
            )}
          </td>
        </tr>
      ))}
    </tbody>
  );
}
