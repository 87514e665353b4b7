import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { QUADRANTS } from "@/lib/domain/pios";
import { ActionForm, FieldError } from "@/components/ui/ActionForm";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { scoreWeights } from "@/lib/server/settings";
import { SCORE_KEYS } from "@/lib/domain/score";
import { setBalanceTargetAction, setScoreWeightsAction } from "./actions";
import type { WeightBy } from "@/lib/domain/balance";
import { filterRanking, hasRankingFilter, portfolioOverview, portfolioRanking, type RankingFilter } from "@/lib/server/portfolio";
import { backlogTrend, bubbles, equity } from "@/lib/server/portfolio-charts";
import { formOptions } from "@/lib/server/initiatives";
import { parseFilter } from "@/lib/validation/initiative";
import { TableHeader } from "@/components/ui/TableHeader";
import { FILTER_INPUT, FilterSelect } from "@/components/ui/FilterSelect";
import { StatusBadge } from "@/components/initiatives/StatusBadge";
import { SortableRanking } from "@/components/portfolio/SortableRanking";
import { BacklogFigure, BalanceFigure, BubbleFigure, EquityFigure } from "@/components/portfolio/ChartFigures";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portfolio"))("title") };
}

const WEIGHTS: WeightBy[] = ["cost", "effort", "count"];
// 25 rows keep the page light on a projector and in the browser; the rest are a page away.
const PAGE_SIZE = 25;

const FILTER_KEYS = ["q", "department", "quadrant", "kind", "size", "goal", "program"] as const;

export default async function PortfolioPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const one = (key: string) => (Array.isArray(params[key]) ? params[key][0] : params[key]);
  const weightBy: WeightBy = WEIGHTS.includes(one("weightBy") as WeightBy) ? (one("weightBy") as WeightBy) : "cost";
  const parsed = parseFilter(params);
  const filter: RankingFilter = Object.fromEntries(FILTER_KEYS.map((k) => [k, parsed[k]]));
  const year = new Date().getFullYear();
  const [t, format, overview, { ranking: whole, sensitivity }, weights, options, trend, departments] = await Promise.all([
    getTranslations(), getFormatter(), portfolioOverview(user, weightBy, year), portfolioRanking(user), scoreWeights(), formOptions(), backlogTrend(user), equity(user),
  ]);
  const ranking = await filterRanking(whole, filter);
  const pages = Math.max(1, Math.ceil(ranking.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number(one("page")) || 1));
  const shown = ranking.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const chartPoints = bubbles(ranking);
  // Reordering is a mode leadership switches on: the drag-and-drop rows cost the page
  // about as much as everything else on it, and most visits only read.
  const mayReorder = can(user, "portfolio.decide");
  const canReorder = mayReorder && one("reorder") === "1";
  // Links keep the filter and the weighting.
  const href = (changes: Record<string, string | number>) => {
    const query = new URLSearchParams();
    for (const k of FILTER_KEYS) if (filter[k]) query.set(k, String(filter[k]));
    query.set("weightBy", weightBy);
    if (canReorder) query.set("reorder", "1");
    for (const [k, v] of Object.entries(changes)) {
      if (v === "") query.delete(k);
      else query.set(k, String(v));
    }
    return `/portfolio?${query}`;
  };
  const all = t("initiative.filters.all");
  const amount = (v: number) => (weightBy === "cost" ? t("initiative.sek", { value: format.number(v) }) : weightBy === "effort" ? t("initiative.hours", { value: format.number(v) }) : format.number(v));
  const money = (v: number | null) => (v === null ? t("initiative.unknownValue") : t("initiative.sek", { value: format.number(v) }));
  const hours = (v: number | null) => (v === null ? t("initiative.unknownValue") : t("initiative.hours", { value: format.number(v) }));
  const { backlog } = overview;
  const cells = (r: (typeof shown)[number]) => (
    <>
      <td className="px-2 py-2 tabular-nums" data-testid="position">{r.position}</td>
      <td className="px-2 py-2">
        <Link href={`/initiatives/${r.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">{`#${r.number} ${r.title}`}</Link>
        <span className="block text-sm text-slate-700">{r.department}{r.manualRank !== null ? ` · ${t("portfolio.manual")}` : ""}</span>
        <details className="mt-1 text-sm">
          <summary className="cursor-pointer text-brand-800 underline">{t("portfolio.columns.breakdown")}</summary>
          <ul className="ml-5 list-disc">
            {r.score.components.map((c) => {
              const name = t(`portfolio.components.${c.key}`);
              return (
                <li key={c.key}>
                  {c.unknown ? t("portfolio.unknownComponent", { name, weight: c.weight }) : t("portfolio.component", { name, points: format.number(c.points), value: format.number(Math.round(c.value * 100) / 100), weight: c.weight })}
                </li>
              );
            })}
          </ul>
        </details>
      </td>
      <td className="px-2 py-2"><StatusBadge status={r.status} label={t(`status.${r.status}`)} /></td>
      <td className="px-2 py-2">{r.quadrant ? t(`quadrant.${r.quadrant}`) : t("initiative.noValue")}</td>
      <td className="px-2 py-2 text-right font-semibold tabular-nums" data-testid="score">{format.number(r.score.total)}</td>
      <td className="px-2 py-2 text-right tabular-nums">{money(r.estimatedCostSek)}</td>
      <td className="px-2 py-2 text-right tabular-nums">{hours(r.estimatedEffortHours)}</td>
    </>
  );

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">{t("portfolio.title")}</h1>
        <p className="mt-2 max-w-3xl">{t("portfolio.intro")}</p>
      </div>

      <form method="get" action="/portfolio" className="grid gap-3 rounded border border-slate-300 p-4 md:grid-cols-4" aria-label={t("initiative.filters.title")} data-testid="portfolio-filters">
        <input type="hidden" name="weightBy" value={weightBy} />
        <div className="md:col-span-2">
          <label htmlFor="pf-q" className="font-medium">{t("initiative.filters.q")}</label>
          <input id="pf-q" name="q" type="search" defaultValue={filter.q ?? ""} className={FILTER_INPUT} />
        </div>
        <FilterSelect idPrefix="pf" name="department" label={t("initiative.fields.ownerDepartment")} value={filter.department ?? ""} all={t("initiative.filters.allDepartments")} options={options.departments.map((d) => ({ value: d.id, label: d.name }))} />
        <FilterSelect idPrefix="pf" name="quadrant" label={t("initiative.fields.quadrant")} value={filter.quadrant ?? ""} all={all} options={QUADRANTS.map((v) => ({ value: v, label: t(`quadrant.${v}`) }))} />
        <FilterSelect idPrefix="pf" name="kind" label={t("initiative.fields.kind")} value={filter.kind ?? ""} all={all} options={(["INFRASTRUCTURE", "BUSINESS_DEVELOPMENT"] as const).map((v) => ({ value: v, label: t(`kind.${v}`) }))} />
        <FilterSelect idPrefix="pf" name="size" label={t("initiative.fields.size")} value={filter.size ?? ""} all={all} options={(["SMALL", "MEDIUM", "LARGE"] as const).map((v) => ({ value: v, label: t(`size.${v}`) }))} />
        <FilterSelect idPrefix="pf" name="goal" label={t("initiative.fields.goals")} value={filter.goal ?? ""} all={all} options={options.goals.map((g) => ({ value: g.id, label: `${g.code} ${g.title}` }))} />
        <FilterSelect idPrefix="pf" name="program" label={t("initiative.fields.program")} value={filter.program ?? ""} all={all} options={options.programs.map((p) => ({ value: p.id, label: p.name }))} />
        <div className="flex items-end gap-3 md:col-span-4">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("initiative.filters.apply")}</button>
          <Link href={`/portfolio?weightBy=${weightBy}`} className="font-medium text-brand-800 underline">{t("initiative.filters.reset")}</Link>
        </div>
      </form>

      <section aria-labelledby="balance-title" className="space-y-3">
        <h2 id="balance-title" className="text-xl font-semibold">{t("portfolio.balanceTitle")}</h2>
        <nav aria-label={t("portfolio.weightBy")} className="flex flex-wrap items-center gap-3">
          <span>{t("portfolio.weightBy")}:</span>
          {WEIGHTS.map((w) => (
            <Link key={w} href={href({ weightBy: w })} aria-current={w === weightBy ? "true" : undefined} className={`rounded border px-3 py-1 ${w === weightBy ? "border-brand-800 bg-brand-700 text-white" : "border-slate-400 text-brand-800"}`}>
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
              { label: t("portfolio.columns.amount"), className: "py-1 pr-3 text-right" },
              { label: <span className="sr-only">{t("portfolio.columns.actual")}</span>, className: "w-1/4 py-1" },
            ]}
          />
          <tbody>
            {overview.balance.quadrants.map((q) => (
              <tr key={q.quadrant} className="border-b border-slate-200">
                <th scope="row" className="py-1 pr-3 font-medium">{t(`quadrant.${q.quadrant}`)}</th>
                <td className="py-1 pr-3 text-right tabular-nums">{t("portfolio.percent", { value: format.number(q.actualPercent) })}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{q.targetPercent === null ? t("portfolio.noTarget") : t("portfolio.percent", { value: format.number(q.targetPercent) })}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{q.deviation === null ? t("initiative.noValue") : t("portfolio.pp", { value: `${q.deviation > 0 ? "+" : q.deviation < 0 ? "−" : "±"}${format.number(Math.abs(q.deviation))}` })}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{amount(q.amount)}</td>
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
        {overview.balance.excluded ? <p className="text-sm">{t("portfolio.excluded", { count: overview.balance.excluded })}</p> : null}
        <BalanceFigure balance={overview.balance} weightBy={weightBy} />
        {can(user, "portfolio.settings") ? (
          <details className="rounded border border-slate-300 p-4">
            <summary className="cursor-pointer font-semibold text-brand-800">{t("portfolio.targetTitle", { year })}</summary>
            <ClientMessages namespaces={["validation"]}>
              <ActionForm action={setBalanceTargetAction.bind(null, year)} submitLabel={t("portfolio.targetSave")} okMessage={t("portfolio.targetSaved")} messages={{ FORBIDDEN: t("initiative.forbidden"), default: t("initiative.error") }} testId="target-form" className="mt-3 space-y-3">
                <p id="target-help">{t("portfolio.targetIntro")}</p>
                <div className="grid gap-3 md:grid-cols-4">
                  {QUADRANTS.map((q) => (
                    <div key={q}>
                      <label htmlFor={`target-${q}`} className="font-medium">{t(`quadrant.${q}`)}</label>
                      <input id={`target-${q}`} name={q} inputMode="numeric" aria-describedby="target-help" defaultValue={overview.balance.quadrants.find((b) => b.quadrant === q)?.targetPercent ?? ""} className="mt-1 block w-full rounded border border-slate-500 px-3 py-2" />
                      <FieldError name={`shares.${q}`} />
                    </div>
                  ))}
                </div>
                <FieldError name="shares" />
              </ActionForm>
            </ClientMessages>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="backlog-title">
        <h2 id="backlog-title" className="text-xl font-semibold">{t("portfolio.backlogTitle")}</h2>
        <p className="mt-2" data-testid="backlog">
          {backlog.ratio === null ? t("portfolio.backlogNone") : t("portfolio.backlog", { approved: backlog.approved, active: backlog.active, percent: format.number(Math.round(backlog.ratio * 1000) / 10) })}
        </p>
        <div className="mt-3">
          <BacklogFigure trend={trend} />
        </div>
      </section>

      <section aria-label={t("charts.title")} className="grid gap-6 xl:grid-cols-2">
        <BubbleFigure points={chartPoints.points} unplaced={chartPoints.unplaced} />
        <EquityFigure rows={departments} />
      </section>

      <section aria-labelledby="ranking-title" className="space-y-3">
        <h2 id="ranking-title" className="text-xl font-semibold">{t("portfolio.rankingTitle")}</h2>
        {can(user, "portfolio.settings") ? (
          <details className="rounded border border-slate-300 p-4">
            <summary className="cursor-pointer font-semibold text-brand-800">{t("portfolio.weightsTitle")}</summary>
            <ClientMessages namespaces={["validation"]}>
              <ActionForm action={setScoreWeightsAction} submitLabel={t("portfolio.weightsSave")} okMessage={t("portfolio.weightsSaved")} messages={{ FORBIDDEN: t("initiative.forbidden"), default: t("initiative.error") }} testId="weights-form" className="mt-3 space-y-3">
                <p id="weights-help">{t("portfolio.weightsIntro")}</p>
                <div className="grid gap-3 md:grid-cols-5">
                  {SCORE_KEYS.map((key) => (
                    <div key={key}>
                      <label htmlFor={`weight-${key}`} className="font-medium">{t(`portfolio.components.${key}`)}</label>
                      <input id={`weight-${key}`} name={key} inputMode="decimal" aria-describedby="weights-help" defaultValue={weights[key]} className="mt-1 block w-full rounded border border-slate-500 px-3 py-2" />
                      <FieldError name={key} />
                    </div>
                  ))}
                </div>
                <FieldError name="" />
              </ActionForm>
            </ClientMessages>
          </details>
        ) : null}
        <p data-testid="sensitivity">
          {sensitivity.robust
            ? t("portfolio.robust")
            : t("portfolio.dependsOn", {
                list: sensitivity.dependsOn.map((d) => t("portfolio.dependsItem", { weight: t(`portfolio.components.${d.weight}`), direction: d.direction, count: d.changedPositions.length })).join("; "),
              })}
        </p>
        <p>{t("portfolio.showing", { from: (page - 1) * PAGE_SIZE + 1, to: (page - 1) * PAGE_SIZE + shown.length, total: ranking.length })}</p>
        {hasRankingFilter(filter) ? <p>{t("portfolio.filtered")}</p> : null}
        {mayReorder ? (
          <p>
            <Link href={`${canReorder ? href({ reorder: "" }) : href({ reorder: 1 })}#ranking-title`} className="inline-block rounded border border-brand-800 px-3 py-1 font-semibold text-brand-800" data-testid="reorder-mode">
              {canReorder ? t("reorder.done") : t("reorder.start")}
            </Link>
          </p>
        ) : null}
        <div className="overflow-x-auto">
          <table className="w-full text-left" data-testid="ranking">
            <caption className="sr-only">{t("portfolio.rankingTitle")}</caption>
            <TableHeader
              columns={[
                ...(canReorder ? [{ label: t("reorder.column"), className: "px-2 py-2" }] : []),
                { label: t("portfolio.columns.position"), className: "px-2 py-2" },
                { label: t("initiative.fields.title"), className: "px-2 py-2" },
                { label: t("initiative.fields.status"), className: "px-2 py-2" },
                { label: t("initiative.fields.quadrant"), className: "px-2 py-2" },
                { label: t("portfolio.columns.score"), className: "px-2 py-2 text-right" },
                { label: t("initiative.fields.estimatedCostSek"), className: "px-2 py-2 text-right" },
                { label: t("initiative.fields.estimatedEffortHours"), className: "px-2 py-2 text-right" },
              ]}
            />
            {canReorder ? (
              <ClientMessages namespaces={["reorder", "validation"]}>
                <SortableRanking
                  total={whole.length}
                  rows={shown.map((r) => ({ id: r.id, number: r.number, title: r.title, position: r.position, version: r.version, manual: r.manualRank !== null }))}
                  cells={Object.fromEntries(shown.map((r) => [r.id, cells(r)]))}
                />
              </ClientMessages>
            ) : (
              <tbody>
                {shown.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200 align-top">{cells(r)}</tr>
                ))}
              </tbody>
            )}
          </table>
        </div>
        {pages > 1 ? (
          <nav aria-label={t("initiative.pagination")} className="flex items-center gap-4">
            {page > 1 ? <Link href={href({ page: page - 1 })} className="font-medium text-brand-800 underline">{t("initiative.previous")}</Link> : null}
            <span>{t("initiative.page", { page, pages })}</span>
            {page < pages ? <Link href={href({ page: page + 1 })} className="font-medium text-brand-800 underline">{t("initiative.next")}</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
