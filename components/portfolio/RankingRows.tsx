"use client";
// The ranking's rows for reading (leadership's reorder mode uses SortableRanking).
import { RankingCells, type RankingRowView } from "./RankingCells";

export function RankingRows({ rows, breakdownLabel }: { rows: RankingRowView[]; breakdownLabel: string }) {
  return (
    <tbody>
      {rows.map((row) => (
        <tr key={row.id} className="border-b border-slate-200 align-top">
          <RankingCells row={row} breakdownLabel={breakdownLabel} />
        </tr>
      ))}
    </tbody>
  );
}
