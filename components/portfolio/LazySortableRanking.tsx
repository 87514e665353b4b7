"use client";
// Drag and drop (dnd-kit, about 16 kB) is for leadership's reorder mode only: its code is fetched
// when that view is shown, not with every look at the ranking (issue #18, first-load JavaScript).
// Until it has arrived the rows are shown to read, with the reorder column still empty.
import { lazy, Suspense, type ComponentProps } from "react";
import { RankingRows } from "./RankingRows";
import type { SortableRanking as Ranking } from "./SortableRanking";

const SortableRanking = lazy(() => import("./SortableRanking").then((m) => ({ default: m.SortableRanking })));

export function LazySortableRanking(props: ComponentProps<typeof Ranking>) {
  return (
    <Suspense fallback={<RankingRows rows={props.rows} breakdownLabel={props.breakdownLabel} reorderColumn />}>
      <SortableRanking {...props} />
    </Suspense>
  );
}
