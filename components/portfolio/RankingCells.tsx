"use client";
// One ranked initiative's cells. The ranking renders from this data in a client component:
// as server components the 25 rows were also sent as an RSC element tree about twice the
// size of their HTML, the biggest single cost of the portfolio page. Everything arrives
// worded by the server (which keeps the words until the next write).
import { useState } from "react";
import { StatusBadge } from "@/components/initiatives/StatusBadge";

export type RankingRowView = {
  id: string;
  number: number;
  title: string;
  position: number;
  version: number;
  manual: boolean;
  /** The department, and "placed by leadership" when manual. */
  byline: string;
  status: string;
  statusLabel: string;
  quadrant: string;
  score: string;
  cost: string;
  effort: string;
  /** How the score is made up, one line per component. */
  breakdown: string[];
};

export function RankingCells({ row, breakdownLabel }: { row: RankingRowView; breakdownLabel: string }) {
  return (
    <>
      <td className="px-2 py-2 tabular-nums" data-testid="position">{row.position}</td>
      <td className="px-2 py-2">
        {/* A plain link: next/link would prefetch every row in view, and costs the render more. */}
        <a href={`/initiatives/${row.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">{`#${row.number} ${row.title}`}</a>
        <span className="block text-sm text-slate-700">{row.byline}</span>
        <Breakdown label={breakdownLabel} lines={row.breakdown} />
      </td>
      <td className="px-2 py-2"><StatusBadge status={row.status} label={row.statusLabel} /></td>
      <td className="px-2 py-2">{row.quadrant}</td>
      <td className="px-2 py-2 text-right font-semibold tabular-nums" data-testid="score">{row.score}</td>
      <td className="px-2 py-2 text-right tabular-nums">{row.cost}</td>
      <td className="px-2 py-2 text-right tabular-nums">{row.effort}</td>
    </>
  );
}

/** How the score is made up, listed once someone opens it (most rows are never opened). */
function Breakdown({ label, lines }: { label: string; lines: string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-1 text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-brand-800 underline">{label}</summary>
      {open ? (
        <ul className="ml-5 list-disc">
          {lines.map((line) => <li key={line}>{line}</li>)}
        </ul>
      ) : null}
    </details>
  );
}
