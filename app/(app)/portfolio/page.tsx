import type { Metadata } from "next";
import { moveInRankingAction } from "./actions";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { filterRanking, hasRankingFilter, portfolioOverview, portfolioRanking, type RankedInitiative, type RankingFilter } from "@/lib/server/portfolio";
import { wordsUntilWrite } from "@/lib/server/words-cache";
import { formOptions } from "@/lib/server/initiatives";
import { parseFilter } from "@/lib/validation/initiative";
import { TableHeader } from "@/components/ui/TableHeader";
import { FilterForm } from "@/components/ui/FilterForm";
import { initiativeFilterSelects, splitFilters } from "@/components/initiatives/initiative-filters";
import { PortfolioHeader } from "@/components/portfolio/PortfolioHeader";
import type { RankingRowView } from "@/components/portfolio/RankingCells";
import { RankingRows } from "@/components/portfolio/RankingRows";
import { LazySortableRanking } from "@/components/portfolio/LazySortableRanking";
import { Pagination } from "@/components/ui/Pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portfolio"))("title") };
}

// 20 rows: about what a projector shows legibly, and light for the server and the browser;
// the rest are a page away.
const PAGE_SIZE = 20;

type RowWords = Pick<RankingRowView, "byline" | "statusLabel" | "quadrant" | "score" | "cost" | "effort" | "breakdown">;
type RankingWords = { rows: Map<string, RowWords>; balanceLine: string; sensitivity: { lead: string; items: string[] } };

const FILTER_KEYS = ["q", "department", "quadrant", "kind", "size", "goal", "program"] as const;

export default async function PortfolioPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const one = (key: string) => (Array.isArray(params[key]) ? params[key][0] : params[key]);
  const parsed = parseFilter(params);
  const filter: RankingFilter = Object.fromEntries(FILTER_KEYS.map((k) => [k, parsed[k]]));
  const year = new Date().getFullYear();
  const [t, format, overview, { ranking: whole, sensitivity }, options] = await Promise.all([
    getTranslations(), getFormatter(), portfolioOverview(user, "cost", year), portfolioRanking(user), formOptions(),
  ]);
  const ranking = await filterRanking(whole, filter);
  const pages = Math.max(1, Math.ceil(ranking.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number(one("page")) || 1));
  const shown = ranking.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  // Reordering is a mode leadership switches on: the drag-and-drop rows cost the page
  // about as much as everything else on it, and most visits only read.
  const mayReorder = can(user, "portfolio.decide");
  const canReorder = mayReorder && one("reorder") === "1";
  // Links keep the filter (and the reorder mode).
  const href = (changes: Record<string, string | number>) => {
    const query = new URLSearchParams();
    for (const k of FILTER_KEYS) if (filter[k]) query.set(k, String(filter[k]));
    if (canReorder) query.set("reorder", "1");
    for (const [k, v] of Object.entries(changes)) {
      if (v === "") query.delete(k);
      else query.set(k, String(v));
    }
    const search = query.toString();
    return search ? `/portfolio?${search}` : "/portfolio";
  };
  // Rows are worded as they are first shown; the words last until the next write.
  const words = await wordsUntilWrite(`ranking:${year}`, (): RankingWords => ({
    rows: new Map(),
    // The balance in one line, so it stays in view while prioritising; the tables and charts are a view away.
    balanceLine: format.list(
      overview.balance.quadrants.map((q) => {
        const values = { quadrant: t(`quadrant.${q.quadrant}`), actual: format.number(q.actualPercent) };
        return q.targetPercent === null ? t("portfolio.balanceItemNoTarget", values) : t("portfolio.balanceItem", { ...values, target: format.number(q.targetPercent) });
      }),
      { type: "conjunction" },
    ),
    // A sentence and a list, each item a whole message: not clauses strung together with semicolons.
    sensitivity: sensitivity.robust
      ? { lead: t("portfolio.robust"), items: [] }
      : {
          lead: t("portfolio.dependsOn"),
          items: sensitivity.dependsOn.map((d) => t("portfolio.dependsItem", { weight: t(`portfolio.components.${d.weight}`), direction: d.direction, count: d.changedPositions.length })),
        },
  }));
  const money = (v: number | null) => (v === null ? t("initiative.unknownValue") : t("initiative.sek", { value: format.number(v) }));
  const hours = (v: number | null) => (v === null ? t("initiative.unknownValue") : t("initiative.hours", { value: format.number(v) }));
  const wordRow = (r: RankedInitiative): RowWords => ({
    byline: r.manualRank !== null ? `${r.department} · ${t("portfolio.manual")}` : r.department,
    statusLabel: t(`status.${r.status}`),
    quadrant: r.quadrant ? t(`quadrant.${r.quadrant}`) : t("initiative.noValue"),
    score: format.number(r.score.total), cost: money(r.estimatedCostSek), effort: hours(r.estimatedEffortHours),
    breakdown: r.score.components.map((c) => {
      const name = t(`portfolio.components.${c.key}`);
      return c.unknown
        ? t("portfolio.unknownComponent", { name, weight: c.weight })
        : t("portfolio.component", { name, points: format.number(c.points), value: format.number(Math.round(c.value * 100) / 100), weight: c.weight });
    }),
  });
  const views: RankingRowView[] = shown.map((r) => {
    let worded = words.rows.get(r.id);
    if (!worded) words.rows.set(r.id, (worded = wordRow(r)));
    return {
      id: r.id, number: r.number, title: r.title, position: r.position, version: r.version, manual: r.manualRank !== null,
      status: r.status, ...worded,
    };
  });

  return (
    <div className="space-y-8">
      <PortfolioHeader user={user} current="ranking" />

      <FilterForm
        action="/portfolio" label={t("initiative.filters.title")} idPrefix="pf" testId="portfolio-filters"
        search={{ label: t("initiative.filters.q"), value: filter.q ?? "" }}
        {...splitFilters(t, initiativeFilterSelects(t, options, filter), ["quadrant"])}
        apply={t("initiative.filters.apply")} reset={{ href: "/portfolio", label: t("initiative.filters.reset") }}
      />

      <p data-testid="balance-summary">
        {t("portfolio.balanceSummary", { list: words.balanceLine })}{" "}
        <Link href="/portfolio/balance" className="font-medium text-brand-800 underline">{t("portfolio.balanceLink")}</Link>
      </p>

      <section aria-labelledby="ranking-title" className="space-y-3">
        <h2 id="ranking-title" className="text-xl font-semibold">{t("portfolio.rankingTitle")}</h2>
        <div data-testid="sensitivity">
          <p>{words.sensitivity.lead}</p>
          {words.sensitivity.items.length ? (
            <ul className="mt-1 list-disc pl-6">
              {words.sensitivity.items.map((item) => <li key={item}>{item}</li>)}
            </ul>
          ) : null}
        </div>
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
                <LazySortableRanking total={whole.length} rows={views} breakdownLabel={t("portfolio.columns.breakdown")} moveInRankingAction={moveInRankingAction} />
              </ClientMessages>
            ) : (
              <RankingRows rows={views} breakdownLabel={t("portfolio.columns.breakdown")} />
            )}
          </table>
        </div>
        <Pagination page={page} pages={pages} href={(p) => href({ page: p })} />
      </section>
    </div>
  );
}
