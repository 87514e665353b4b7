// The portfolio's charts, each a figure with a caption, a short text summary for screen
// readers and a server-rendered table with the same figures (the charts are an extra).
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Balance, WeightBy } from "@/lib/domain/balance";
import { QUADRANTS } from "@/lib/domain/pios";
import type { Backlog, Equity } from "@/lib/domain/portfolio-metrics";
import type { Bubble } from "@/lib/server/portfolio-charts";
import { TableHeader } from "@/components/ui/TableHeader";
import { BacklogChart, BalanceChart, BubbleChart, EquityChart } from "./charts";

function Figure({ id, title, summary, intro, table, children }: { id: string; title: string; summary: string; intro?: React.ReactNode; table: React.ReactNode; children: React.ReactNode }) {
  return (
    <figure aria-labelledby={`${id}-title`} className="space-y-2 rounded border border-slate-300 p-4" data-testid={`chart-${id}`}>
      <figcaption id={`${id}-title`} className="text-lg font-semibold">{title}</figcaption>
      {intro}
      <div role="img" aria-label={summary}>{children}</div>
      {table}
    </figure>
  );
}

async function TableToggle({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("charts");
  return (
    <details>
      <summary className="cursor-pointer font-medium text-brand-800 underline">{t("showTable")}</summary>
      <div className="mt-2 overflow-x-auto">{children}</div>
    </details>
  );
}

export async function BalanceFigure({ balance, weightBy }: { balance: Balance; weightBy: WeightBy }) {
  const t = await getTranslations();
  const data = balance.quadrants.map((q) => ({ name: t(`quadrant.${q.quadrant}`), actual: q.actualPercent, target: q.targetPercent }));
  return (
    <Figure id="balance" title={t("charts.balance.title")} summary={t("charts.balance.summary", { weightBy: t(`portfolio.weights.${weightBy}`) })} table={null}>
      <BalanceChart data={data} labels={{ actual: t("charts.balance.actual"), target: t("charts.balance.target") }} />
    </Figure>
  );
}

export async function BubbleFigure({ points, unplaced }: { points: Bubble[]; unplaced: number }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const series = QUADRANTS.map((quadrant) => ({
    quadrant,
    name: t(`quadrant.${quadrant}`),
    points: points.filter((p) => p.quadrant === quadrant).map((p) => ({ id: p.id, label: `#${p.number} ${p.title}`, x: p.effortHours, y: p.score, z: p.costSek ?? 0 })),
  }));
  const count = points.length + unplaced;
  return (
    <Figure
      id="bubble"
      title={t("charts.bubble.title")}
      summary={t("charts.bubble.summary", { count: points.length })}
      intro={
        <>
          <p>{t("charts.bubble.intro", { count })}</p>
          {unplaced ? <p className="text-sm">{t("charts.bubble.unplaced", { count: unplaced })}</p> : null}
        </>
      }
      table={
        <TableToggle>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("charts.bubble.title")}</caption>
            <TableHeader
              columns={[
                { label: t("initiative.fields.title"), className: "py-1 pr-3" },
                { label: t("initiative.fields.quadrant"), className: "py-1 pr-3" },
                { label: t("charts.bubble.x"), className: "py-1 pr-3 text-right" },
                { label: t("charts.bubble.y"), className: "py-1 pr-3 text-right" },
                { label: t("charts.bubble.z"), className: "py-1 pr-3 text-right" },
              ]}
            />
            <tbody>
              {points.map((p) => (
                <tr key={p.id} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-3 font-normal"><Link href={`/initiatives/${p.id}`} className="text-brand-800 underline">{`#${p.number} ${p.title}`}</Link></th>
                  <td className="py-1 pr-3">{t(`quadrant.${p.quadrant}`)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{format.number(p.effortHours)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{format.number(p.score)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{p.costSek === null ? t("initiative.unknownValue") : format.number(p.costSek)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableToggle>
      }
    >
      <BubbleChart series={series} labels={{ x: t("charts.bubble.x"), y: t("charts.bubble.y"), z: t("charts.bubble.z") }} />
    </Figure>
  );
}

export async function BacklogFigure({ trend }: { trend: Array<{ quarter: string } & Backlog> }) {
  const [t, format] = await Promise.all([getTranslations("charts.backlog"), getFormatter()]);
  const percent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
  return (
    <Figure
      id="backlog"
      title={t("title")}
      summary={t("summary")}
      table={
        <TableToggle>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <TableHeader
              columns={[
                { label: t("quarter"), className: "py-1 pr-3" },
                { label: t("approved"), className: "py-1 pr-3 text-right" },
                { label: t("active"), className: "py-1 pr-3 text-right" },
                { label: t("ratio"), className: "py-1 pr-3 text-right" },
              ]}
            />
            <tbody>
              {trend.map((q) => (
                <tr key={q.quarter} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-3 font-normal">{q.quarter}</th>
                  <td className="py-1 pr-3 text-right tabular-nums">{format.number(q.approved)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{format.number(q.active)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{q.ratio === null ? "–" : format.number(percent(q.ratio)!)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableToggle>
      }
    >
      <BacklogChart data={trend.map((q) => ({ quarter: q.quarter, percent: percent(q.ratio) }))} label={t("ratio")} />
    </Figure>
  );
}

export async function EquityFigure({ rows }: { rows: Equity[] }) {
  const [t, format] = await Promise.all([getTranslations("charts.equity"), getFormatter()]);
  const signed = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : "±"}${format.number(Math.abs(v))}`;
  return (
    <Figure
      id="equity"
      title={t("title")}
      summary={t("summary")}
      intro={<p>{t("intro")}</p>}
      table={
        <TableToggle>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <TableHeader
              columns={[
                { label: t("department"), className: "py-1 pr-3" },
                { label: t("resourceShare"), className: "py-1 pr-3 text-right" },
                { label: t("demandShare"), className: "py-1 pr-3 text-right" },
                { label: t("benefitShare"), className: "py-1 pr-3 text-right" },
                { label: t("gap"), className: "py-1 pr-3 text-right" },
              ]}
            />
            <tbody>
              {rows.map((r) => (
                <tr key={r.department} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-3 font-normal">{r.department}</th>
                  <td className="py-1 pr-3 text-right tabular-nums">{format.number(r.resourceShare)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{format.number(r.demandShare)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{format.number(r.benefitShare)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{signed(r.gap)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableToggle>
      }
    >
      <EquityChart data={rows.map((r) => ({ department: r.department, resourceShare: r.resourceShare, demandShare: r.demandShare }))} labels={{ resourceShare: t("resourceShare"), demandShare: t("demandShare") }} />
    </Figure>
  );
}
