"use client";
// The ranking's rows for reading (leadership's reorder mode uses SortableRanking, and these, with
// its column left empty, while its code loads).
import { RankingCells, type RankingRowView } from "./RankingCells";

export function RankingRows({ rows, breakdownLabel, reorderColumn = false }: { rows: RankingRowView[]; breakdownLabel: string; reorderColumn?: boolean }) {
  return (
    <tbody>
      {rows.map((row) => (
        <tr key={row.id} className="border-b border-slate-200 align-top">
          {reorderColumn ? <td className="px-2 py-2" /> : null}
          <RankingCells row={row} breakdownLabel={breakdownLabel} />
        </tr>
      ))}
    </tbody>
  );
}
