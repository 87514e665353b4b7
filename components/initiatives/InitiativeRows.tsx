"use client";
// The initiative list's rows, rendered from worded data: as server components each page of rows
// also travelled as React's element tree beside its HTML (see components/portfolio/RankingCells.tsx).
import { StatusBadge } from "./StatusBadge";

export type InitiativeRowView = {
  id: string;
  number: number;
  title: string;
  department: string;
  status: string;
  statusLabel: string;
  quadrant: string;
  cost: string;
};

export function InitiativeRows({ rows }: { rows: InitiativeRowView[] }) {
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={r.id} className="border-b border-slate-200">
          <td className="px-2 py-2 tabular-nums">{r.number}</td>
          <td className="px-2 py-2">
            {/* A plain link: next/link would prefetch every row in view. */}
            <a href={`/initiatives/${r.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">{r.title}</a>
          </td>
          <td className="px-2 py-2">{r.department}</td>
          <td className="px-2 py-2"><StatusBadge status={r.status} label={r.statusLabel} /></td>
          <td className="px-2 py-2">{r.quadrant}</td>
          <td className="px-2 py-2 text-right tabular-nums">{r.cost}</td>
        </tr>
      ))}
    </tbody>
  );
}
