import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import type { WeightBy } from "@/lib/domain/balance";
import { portfolioOverview, portfolioRanking } from "@/lib/server/portfolio";
import { backlogTrend, bubbles, equity } from "@/lib/server/portfolio-charts";
import { signed } from "@/lib/i18n/signed";
import { wordsUntilWrite } from "@/lib/server/words-cache";
import { TableHeader } from "@/components/ui/TableHeader";
import { PortfolioHeader } from "@/components/portfolio/PortfolioHeader";
import { BacklogFigure, BalanceFigure, BubbleFigure, EquityFigure } from "@/components/portfolio/ChartFigures";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portfolio"))("views.balance") };
}

const WEIGHTS: WeightBy[] = ["cost", "effort", "count"];

/** The portfolio's balance between the PIOS categories, its backlog, and the charts. */
export default async function PortfolioBalancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const requested = Array.isArray(params.weightBy) ? params.weightBy[0] : params.weightBy;
  const weightBy: WeightBy = WEIGHTS.includes(requested as WeightBy) ? (requested as WeightBy) : "cost";
  const year = new Date().getFullYear();
  const [t, format, overview, { ranking }, trend, departments] = await Promise.all([
    getTranslations(), getFormatter(), portfolioOverview(user, weightBy, year), portfolioRanking(user), backlogTrend(user), equity(user),
  ]);
  const chartPoints = bubbles(ranking);
  const amount = (v: number) => (weightBy === "cost" ? t("initiative.sek", { value: format.number(v) }) : weightBy === "effort" ? t("initiative.hours", { value: format.number(v) }) : format.number(v));
  const { backlog } = overview;
  // Worded once per write (and weighting and year), like the figures: see lib/server/words-cache.ts.
  const words = await wordsUntilWrite(`balance:${weightBy}:${year}`, () => ({
    quadrants: Object.fromEntries(overview.balance.quadrants.map((q) => [q.quadrant, {
      name: t(`quadrant.${q.quadrant}`),
      actual: t("portfolio.percent", { value: format.number(q.actualPercent) }),
      target: q.targetPercent === null ? t("portfolio.noTarget") : t("portfolio.percent", { value: format.number(q.targetPercent) }),
      deviation: q.deviation === null ? t("initiative.noValue") : t("portfolio.pp", { value: signed(q.deviation, (v) => format.number(v)) }),
      amount: amount(q.amount),
    }])),
    excluded: overview.balance.excluded ? t("portfolio.excluded", { count: overview.balance.excluded, weight: weightBy }) : null,
    backlog: backlog.ratio === null ? t("portfolio.backlogNone") : t("portfolio.backlog", { approved: backlog.approved, active: backlog.active, percent: format.number(Math.round(backlog.ratio * 1000) / 10) }),
  }));

  return (
    <div className="space-y-8">
      <PortfolioHeader user={user} current="balance" />

      <section aria-labelledby="balance-heading" className="space-y-3">
        <h2 id="balance-heading" className="text-xl font-semibold">{t("portfolio.balanceTitle")}</h2>
        <nav aria-label={t("portfolio.weightBy")} className="flex flex-wrap items-center gap-3">
          <span>{t("portfolio.weightBy")}:</span>
          {WEIGHTS.map((w) => (
            <Link key={w} href={`/portfolio/balance?weightBy=${w}`} aria-current={w === weightBy ? "true" : undefined} className={`rounded border px-3 py-1 ${w === weightBy ? "border-brand-800 bg-brand-700 text-white" : "border-slate-400 text-brand-800"}`}>
              {t(`portfolio.weights.${w}`)}
            </Link>
          ))}
        </nav>
        <table className="w-full text-left" data-testid="balance">
          <TableHeader
            columns={[
              { label: t("portfolio.columns.quadrant"), className: "py-1 pr-3" },
              { label: t("portfolio.columns.actual"), className: "py-1 pr-3 text-right" },
              { label: t("portfolio.columns.target", { year }), className: "py-1 pr-3 text-right" },
              { label: t("portfolio.columns.deviation"), className: "py-1 pr-3 text-right" },
              { label: t("portfolio.columns.amount", { weight: weightBy }), className: "py-1 pr-3 text-right" },
              { label: <span className="sr-only">{t("portfolio.columns.actual")}</span>, className: "w-1/4 py-1" },
            ]}
          />
          <tbody>
            {overview.balance.quadrants.map((q) => (
              <tr key={q.quadrant} className="border-b border-slate-200">
                <th scope="row" className="py-1 pr-3 font-medium">{words.quadrants[q.quadrant]!.name}</th>
                <td className="py-1 pr-3 text-right tabular-nums">{words.quadrants[q.quadrant]!.actual}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{words.quadrants[q.quadrant]!.target}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{words.quadrants[q.quadrant]!.deviation}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{words.quadrants[q.quadrant]!.amount}</td>
                <td className="py-1" aria-hidden="true">
                  <div className="relative h-4 rounded bg-slate-100">
                    <div className="h-4 rounded bg-brand-700" style={{ width: `${q.actualPercent}%` }} />
                    {q.targetPercent !== null ? <div className="absolute top-0 h-4 w-0.5 bg-amber-700" style={{ left: `${q.targetPercent}%` }} /> : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {words.excluded ? <p className="text-sm">{words.excluded}</p> : null}
        <BalanceFigure balance={overview.balance} weightBy={weightBy} />
      </section>

      <section aria-labelledby="backlog-heading">
        <h2 id="backlog-heading" className="text-xl font-semibold">{t("portfolio.backlogTitle")}</h2>
        <p className="mt-2" data-testid="backlog">
          {words.backlog}
        </p>
        <div className="mt-3">
          <BacklogFigure trend={trend} />
        </div>
      </section>

      <section aria-label={t("charts.title")} className="grid gap-6 xl:grid-cols-2">
        <BubbleFigure points={chartPoints.points} unplaced={chartPoints.unplaced} />
        <EquityFigure rows={departments} />
      </section>
    </div>
  );
}
