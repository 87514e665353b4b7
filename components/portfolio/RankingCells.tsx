"use client";
// One ranked initiative's cells. The ranking renders from this data in a client component:
// as server components the 25 rows were also sent as an RSC element tree about twice the
// size of their HTML, the biggest single cost of the portfolio page. Labels and amounts
// arrive worded by the server; only the score breakdown is worded here, when opened.
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { StatusBadge } from "@/components/initiatives/StatusBadge";
import type { ScoreComponent } from "@/lib/domain/score";

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
  components: ScoreComponent[];
};

export function RankingCells({ row, breakdownLabel }: { row: RankingRowView; breakdownLabel: string }) {
  return (
    <>
      <td className="px-2 py-2 tabular-nums" data-testid="position">{row.position}</td>
      <td className="px-2 py-2">
        {/* A plain link: next/link would prefetch every row in view, and costs the render more. */}
        <a href={`/initiatives/${row.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">{`#${row.number} ${row.title}`}</a>
        <span className="block text-sm text-slate-700">{row.byline}</span>
        <Breakdown label={breakdownLabel} components={row.components} />
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
function Breakdown({ label, components }: { label: string; components: ScoreComponent[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-1 text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-brand-800 underline">{label}</summary>
      {open ? <BreakdownList components={components} /> : null}
    </details>
  );
}

function BreakdownList({ components }: { components: ScoreComponent[] }) {
  const t = useTranslations("portfolio");
  const format = useFormatter();
  return (
    <ul className="ml-5 list-disc">
      {components.map((c) => {
        const name = t(`components.${c.key}`);
        return (
          <li key={c.key}>
            {c.unknown ? t("unknownComponent", { name, weight: c.weight }) : t("component", { name, points: format.number(c.points), value: format.number(Math.round(c.value * 100) / 100), weight: c.weight })}
          </li>
        );
      })}
    </ul>
  );
}
