"use client";
// The demand grid's pool rows, rendered from worded data: as server components every cell also
// travelled as React's element tree beside its HTML (see components/portfolio/RankingCells.tsx).

// Cells carry only what they show, in the order of `quarters`: every pool's eight or twelve
// cells travel in the page's payload, so absent parts are left out rather than sent as null.
type CellMarks = { over?: true; awaiting?: string };
/**
 * One quarter of a pool, by kind: empty (neither capacity nor allocations) shows a dash;
 * noCapacity (allocated where the pool has none) the hours allocated; load the hours against
 * capacity ("1 630 tim av 1 800 tim") and the load in per cent.
 */
export type DemandCellView = CellMarks &
  ({ kind: "empty" } | { kind: "noCapacity"; main: string } | { kind: "load"; main: string; percent: string });

export type DemandRowView = { id: string; name: string; noCapacityNote?: string; cells: DemandCellView[] };

export function DemandRows({ quarters, rows, emptyLabel, overLabel }: { quarters: string[]; rows: DemandRowView[]; emptyLabel: string; overLabel: string }) {
  return rows.map((p) => (
    <tr key={p.id} className="border-b border-slate-200 align-top">
      <th scope="row" className="min-w-36 py-2 pr-3 font-medium">
        <a href={`/resources/${p.id}`} className="text-brand-800 underline">{p.name}</a>
        {/* Said once per pool rather than in every empty quarter. */}
        {p.noCapacityNote ? <span className="mt-1 block text-xs font-normal text-slate-700" data-testid="no-capacity-note">{p.noCapacityNote}</span> : null}
      </th>
      {p.cells.map((c, i) => (
        <td key={quarters[i]} className={`px-2 py-2 text-right tabular-nums ${c.over ? "border-2 border-red-700 bg-red-50" : ""}`} data-testid={`cell-${p.name}-${quarters[i]}`} data-over={c.over ? "true" : "false"}>
          {c.kind === "empty" ? (
            <>
              <span aria-hidden="true">–</span>
              <span className="sr-only">{emptyLabel}</span>
            </>
          ) : c.kind === "noCapacity" ? (
            <span className="block">{c.main}</span>
          ) : (
            <>
              {/* Narrow enough that every cell breaks the same way: "1 630 tim av" over "1 800 tim". */}
              <span className="ml-auto block max-w-[6.5rem]">{c.main}</span>
              <span className="block">{c.percent}</span>
            </>
          )}
          {c.over ? <strong className="block text-red-800">{overLabel}</strong> : null}
          {c.awaiting ? <span className="block text-slate-700">{c.awaiting}</span> : null}
        </td>
      ))}
    </tr>
  ));
}
