import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TableHeader } from "@/components/ui/TableHeader";
import type { Bar, Group } from "@/lib/domain/roadmap";
import { DESIRED_STYLE, STATUS_STYLE } from "./roadmap-style";
import { TimelineRows, type TimelineRowView } from "./TimelineRows";

export type RoadmapItem = {
  id: string;
  number: number;
  title: string;
  status: string;
  department: { id: string; name: string };
  program: { id: string; name: string } | null;
  bar: Bar | null;
};


/** The pattern samples of the legend, one per status shown, and the desired-start style. */
export async function RoadmapLegend({ statuses }: { statuses: string[] }) {
  const t = await getTranslations();
  return (
    <div aria-labelledby="legend-title" role="group" className="rounded border border-slate-300 p-3" data-testid="roadmap-legend">
      <p id="legend-title" className="font-semibold">{t("programs.roadmap.legend")}</p>
      <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {statuses.map((s) => (
          <li key={s} className="flex items-center gap-2">
            <span aria-hidden="true" className={`inline-block h-4 w-10 rounded ${STATUS_STYLE[s]?.className ?? ""}`} style={STATUS_STYLE[s]?.pattern ? { backgroundImage: STATUS_STYLE[s]!.pattern } : undefined} />
            {`${t(`status.${s}` as never)}: ${t(`programs.roadmap.pattern.${s}` as never)}`}
          </li>
        ))}
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className={`inline-block h-4 w-10 rounded ${DESIRED_STYLE}`} />
          {t("programs.roadmap.desiredLegend")}
        </li>
      </ul>
    </div>
  );
}

function barName(t: Awaited<ReturnType<typeof getTranslations>>, r: RoadmapItem & { bar: Bar }, status: string): string {
  return r.bar.kind === "desired"
    ? t("programs.roadmap.barDesired", { number: r.number, title: r.title, status, start: r.bar.start })
    : t("programs.roadmap.barPlanned", { number: r.number, title: r.title, status, start: r.bar.start, end: r.bar.end });
}

/** Only what the row draws: the period itself is in the bar's name. */
function barView(bar: Bar): Pick<TimelineRowView, "column" | "span" | "desired" | "before" | "after"> {
  return { column: bar.column, span: bar.span, ...(bar.kind === "desired" ? { desired: true } : {}), ...(bar.continuesBefore ? { before: true } : {}), ...(bar.continuesAfter ? { after: true } : {}) };
}

/** Today's place on the timeline: the quarter's column, the share of the quarter gone, and the date in words. */
export type TodayMarker = { column: number; fraction: number; label: string };

/**
 * The timeline: one row per initiative, a bar over its quarters. Each bar is a link whose
 * accessible name states title, status, start and end; the row label shows the whole title
 * (wrapped) visually only. A vertical line marks today, and a sentence above says so.
 * Server-rendered, so it reads and works without a mouse or JavaScript.
 */
export async function RoadmapTimeline({ quarters, groups, noneLabel, today }: { quarters: string[]; groups: Group<RoadmapItem>[]; noneLabel: string; today?: TodayMarker | null }) {
  const t = await getTranslations();
  const desiredShort = t("programs.roadmap.desiredShort");
  // Fifty bars share six status names: each is looked up once.
  const statusNames = new Map<string, string>();
  const statusName = (status: string) => {
    let name = statusNames.get(status);
    if (name === undefined) statusNames.set(status, (name = t(`status.${status}` as never)));
    return name;
  };
  // One column template for every row, set once on the group as a CSS variable.
  const columns = { "--roadmap-cols": `minmax(11rem,17rem) repeat(${quarters.length},minmax(3.5rem,1fr))` } as React.CSSProperties;
  return (
    <div className="space-y-6" data-testid="roadmap-timeline">
      {today ? (
        <p className="flex items-center gap-2 text-sm" data-testid="roadmap-today">
          <span aria-hidden="true" className="inline-block h-5 w-0.5 bg-red-700" />
          {t("programs.roadmap.today", { date: today.label })}
        </p>
      ) : null}
      {groups.map((g) => (
        <section key={g.key || "none"} aria-labelledby={`group-${g.key || "none"}`} className="overflow-x-auto">
          <h3 id={`group-${g.key || "none"}`} className="text-lg font-semibold">
            {g.key ? g.label : noneLabel} <span className="font-normal text-slate-700">{t("programs.roadmap.count", { count: g.rows.length })}</span>
          </h3>
          <div className="relative mt-2 min-w-[40rem]" style={columns}>
            <div className="grid grid-cols-(--roadmap-cols) border-b-2 border-slate-400 text-sm font-semibold" aria-hidden="true">
              <span />
              {quarters.map((q) => <span key={q} className="border-l border-slate-300 px-1">{q}</span>)}
            </div>
            <TimelineRows
              rows={g.rows.flatMap((r) =>
                r.bar
                  ? [{ id: r.id, label: `#${r.number} ${r.title}`, name: barName(t, { ...r, bar: r.bar }, statusName(r.status)), status: r.status, text: r.bar.kind === "desired" ? desiredShort : statusName(r.status), ...barView(r.bar) }]
                  : [],
              )}
            />
            {today ? (
              // The same column template laid over the rows, so the line sits exactly in today's quarter.
              <div aria-hidden="true" className="pointer-events-none absolute inset-0 grid grid-cols-(--roadmap-cols)">
                <span className="relative" style={{ gridColumn: today.column + 2 }}>
                  <span className="absolute inset-y-0 w-0.5 bg-red-700" style={{ left: `${today.fraction * 100}%` }} data-testid="roadmap-today-line" />
                </span>
              </div>
            ) : null}
          </div>
        </section>
      ))}
    </div>
  );
}

/** The same data as a table: the alternative to the timeline. */
export async function RoadmapTable({ groups, groupBy, noneLabel, caption }: { groups: Group<RoadmapItem>[]; groupBy: "program" | "department"; noneLabel: string; caption: string }) {
  const t = await getTranslations();
  const cell = "px-2 py-1";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="roadmap-table">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <TableHeader
          columns={[
            { label: t(groupBy === "program" ? "programs.roadmap.groupProgram" : "programs.roadmap.groupDepartment"), className: cell },
            { label: t("initiative.fields.title"), className: cell },
            { label: t("initiative.fields.status"), className: cell },
            { label: t(groupBy === "program" ? "initiative.fields.ownerDepartment" : "initiative.fields.program"), className: cell },
            { label: t("programs.roadmap.start"), className: cell },
            { label: t("programs.roadmap.end"), className: cell },
            { label: t("programs.roadmap.basis"), className: cell },
          ]}
        />
        <tbody>
          {groups.flatMap((g) =>
            g.rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-200">
                <td className={cell}>{g.key ? g.label : noneLabel}</td>
                <th scope="row" className={`${cell} font-normal`}>
                  <Link href={`/initiatives/${r.id}`} className="font-medium text-brand-800 underline">{`#${r.number} ${r.title}`}</Link>
                </th>
                <td className={cell}>{t(`status.${r.status}` as never)}</td>
                <td className={cell}>{groupBy === "program" ? r.department.name : (r.program?.name ?? t("programs.noProgram"))}</td>
                <td className={`${cell} tabular-nums`}>{r.bar?.start ?? t("initiative.unknownValue")}</td>
                <td className={`${cell} tabular-nums`}>{r.bar?.kind === "planned" ? r.bar.end : t("initiative.unknownValue")}</td>
                <td className={cell}>{r.bar ? t(r.bar.kind === "planned" ? "programs.roadmap.kindPlanned" : "programs.roadmap.kindDesired") : t("programs.roadmap.kindNone")}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
