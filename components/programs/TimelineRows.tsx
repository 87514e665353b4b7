"use client";
// The timeline's rows, rendered from worded data: as server components the page's 50 bars also
// travelled as React's element tree beside their HTML (see components/portfolio/RankingCells.tsx).
import { DESIRED_STYLE, STATUS_STYLE } from "./roadmap-style";

export type TimelineRowView = {
  id: string;
  /** "#12 Title", shown beside the bar (visually only: the bar's name says it all). */
  label: string;
  /** The bar's accessible name: title, status, start and end. */
  name: string;
  status: string;
  /** The status, or "desired start", as the bar shows it. */
  text: string;
  /**
   * Where the bar sits: its first column and how many it covers, a desired start rather than a
   * plan, and whether it runs on before or after the quarters shown. Flat, and flags only when
   * set: fifty rows travel in the page's payload, and every object in it costs the render.
   */
  column: number;
  span: number;
  desired?: true;
  before?: true;
  after?: true;
};

export function TimelineRows({ rows }: { rows: TimelineRowView[] }) {
  return (
    <ul>
      {rows.map((r) => {
        const style = STATUS_STYLE[r.status];
        const pattern = r.desired ? undefined : style?.pattern;
        return (
          <li key={r.id} className="grid grid-cols-(--roadmap-cols) items-center border-b border-slate-200 py-1">
            <span aria-hidden="true" className="pr-2 text-sm break-words" data-testid="roadmap-label">{r.label}</span>
            {/* A plain link: next/link would prefetch every bar in view. */}
            <a
              href={`/initiatives/${r.id}`}
              aria-label={r.name}
              data-testid="roadmap-bar"
              className={`flex min-h-8 items-center gap-1 rounded px-2 text-xs leading-tight font-semibold ${r.desired ? DESIRED_STYLE : (style?.className ?? "")}`}
              style={{ gridColumn: `${r.column + 2} / span ${r.span}`, ...(pattern ? { backgroundImage: pattern } : {}) }}
            >
              {r.before ? <span aria-hidden="true">←</span> : null}
              <span>{r.text}</span>
              {r.after ? <span aria-hidden="true" className="ml-auto">→</span> : null}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
