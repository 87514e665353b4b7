// The portfolio's charts, each a figure with a caption, a short text summary for screen
// readers and a table with the same figures, rendered on the server (the charts are an extra).
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Balance, WeightBy } from "@/lib/domain/balance";
import { QUADRANTS } from "@/lib/domain/pios";
import type { Backlog, Equity } from "@/lib/domain/portfolio-metrics";
import type { Bubble } from "@/lib/server/portfolio-charts";
import { signed } from "@/lib/i18n/signed";
import { wordsUntilWrite } from "@/lib/server/words-cache";
import { ChartTable } from "./ChartTable";
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

export async function BalanceFigure({ balance, weightBy }: { balance: Balance; weightBy: WeightBy }) {
  const t = await getTranslations();
  const data = balance.quadrants.map((q) => ({ name: t(`quadrant.${q.quadrant}`), actual: q.actualPercent, target: q.targetPercent }));
  return (
    <Figure id="balance" title={t("charts.balance.title")} summary={t("charts.balance.summary", { weightBy: t(`portfolio.weights.${weightBy}`) })} table={null}>
      <BalanceChart data={data} labels={{ actual: t("charts.balance.actual"), target: t("charts.balance.target") }} locale={await getLocale()} />
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
  // Within one state of the database, which initiatives are shown decides the words.
  const words = await wordsUntilWrite(`bubble:${points.map((p) => p.id).join(",")}:${unplaced}`, () => ({
    rows: points.map((p) => ({
      key: p.id,
      href: `/initiatives/${p.id}`,
      values: [`#${p.number} ${p.title}`, t(`quadrant.${p.quadrant}`), format.number(p.effortHours), format.number(p.score), p.costSek === null ? t("initiative.unknownValue") : format.number(p.costSek)],
    })),
    summary: t("charts.bubble.summary", { count: points.length }),
    intro: t("charts.bubble.intro", { count }),
    unplaced: unplaced ? t("charts.bubble.unplaced", { count: unplaced }) : null,
  }));
  return (
    <Figure
      id="bubble"
      title={t("charts.bubble.title")}
      summary={words.summary}
      intro={
        <>
          <p>{words.intro}</p>
          {words.unplaced ? <p className="text-sm">{words.unplaced}</p> : null}
        </>
      }
      table={
        <ChartTable
          caption={t("charts.bubble.title")}
          showLabel={t("charts.showTable")}
          columns={[{ label: t("initiative.fields.title") }, { label: t("initiative.fields.quadrant") }, { label: t("charts.bubble.x"), numeric: true }, { label: t("charts.bubble.y"), numeric: true }, { label: t("charts.bubble.z"), numeric: true }]}
          rows={words.rows}
        />
      }
    >
      <BubbleChart series={series} labels={{ x: t("charts.bubble.x"), y: t("charts.bubble.y"), z: t("charts.bubble.z") }} locale={await getLocale()} />
    </Figure>
  );
}

export async function BacklogFigure({ trend }: { trend: Array<{ quarter: string } & Backlog> }) {
  const [t, tc, format] = await Promise.all([getTranslations("charts.backlog"), getTranslations("charts"), getFormatter()]);
  const percent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
  const rows = await wordsUntilWrite(`backlog:${trend.map((q) => q.quarter).join(",")}`, () =>
    trend.map((q) => ({ key: q.quarter, values: [q.quarter, format.number(q.approved), format.number(q.active), q.ratio === null ? "–" : format.number(percent(q.ratio)!)] })),
  );
  return (
    <Figure
      id="backlog"
      title={t("title")}
      summary={t("summary")}
      table={
        <ChartTable
          caption={t("title")}
          showLabel={tc("showTable")}
          columns={[{ label: t("quarter") }, { label: t("approved"), numeric: true }, { label: t("active"), numeric: true }, { label: t("ratio"), numeric: true }]}
          rows={rows}
        />
      }
    >
      <BacklogChart data={trend.map((q) => ({ quarter: q.quarter, percent: percent(q.ratio) }))} label={t("ratio")} locale={await getLocale()} />
    </Figure>
  );
}

export async function EquityFigure({ rows }: { rows: Equity[] }) {
  const [t, tc, format] = await Promise.all([getTranslations("charts.equity"), getTranslations("charts"), getFormatter()]);
  const worded = await wordsUntilWrite(`equity:${rows.map((r) => r.department).join(",")}`, () =>
    rows.map((r) => ({ key: r.department, values: [r.department, format.number(r.resourceShare), format.number(r.demandShare), format.number(r.benefitShare), signed(r.gap, (v) => format.number(v))] })),
  );
  return (
    <Figure
      id="equity"
      title={t("title")}
      summary={t("summary")}
      intro={<p>{t("intro")}</p>}
      table={
        <ChartTable
          caption={t("title")}
          showLabel={tc("showTable")}
          columns={[{ label: t("department") }, { label: t("resourceShare"), numeric: true }, { label: t("demandShare"), numeric: true }, { label: t("benefitShare"), numeric: true }, { label: t("gap"), numeric: true }]}
          rows={worded}
        />
      }
    >
      <EquityChart
        data={rows.map((r) => ({ department: r.department, resourceShare: r.resourceShare, demandShare: r.demandShare, benefitShare: r.benefitShare }))}
        labels={{ resourceShare: t("resourceShare"), demandShare: t("demandShare"), benefitShare: t("benefitShare") }}
        locale={await getLocale()}
      />
    </Figure>
  );
}
