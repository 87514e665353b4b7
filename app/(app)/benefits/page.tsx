import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { realisedShare } from "@/lib/domain/benefits";
import { now as clockNow } from "@/lib/server/clock";
import { wordsUntilWrite } from "@/lib/server/words-cache";
import { benefitSettings, listFollowUps, overdueSummary, realisationSummary, type FollowUpPage } from "@/lib/server/benefits";
import { REALISATION_GROUPS, realisationQuery } from "@/lib/validation/benefits";
import { CountTable } from "@/components/benefits/CountTable";
import { FollowUpTable } from "@/components/benefits/FollowUpTable";
import { ChartTable } from "@/components/portfolio/ChartTable";
import { RealisationChart } from "@/components/portfolio/charts";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { wordFollowUps } from "./follow-up-words";
import { formatLocale } from "@/lib/i18n/locales";
import { GlossaryTerms } from "@/components/ui/GlossaryTerms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("benefits"))("title") };
}

const CENTRAL = new Set(["DIG", "LEADERSHIP", "ADMIN"]);
/** Each list shows the oldest 10 (what needs answering first); the full list is a page of its own. */
const LIST_LIMIT = 10;
/** The table shows the 20 largest planned benefits; the CSV and Excel files hold every row. */
const TABLE_LIMIT = 20;

/** Benefit realisation: the follow-ups to answer, what is overdue, and realised against planned. */
export default async function BenefitsPage({ searchParams }: { searchParams: Promise<{ groupBy?: string }> }) {
  const user = await requireUser();
  const { groupBy: raw } = await searchParams;
  const query = realisationQuery.safeParse({ groupBy: raw }).success ? { groupBy: raw } : {};
  const central = CENTRAL.has(user.role);
  const [t, locale, mine, department, overdue, summary, settings] = await Promise.all([
    getTranslations(),
    getLocale(),
    listFollowUps(user, { scope: "mine", state: "open", pageSize: LIST_LIMIT }),
    user.role === "DEPARTMENT_MANAGER" && user.departmentId ? listFollowUps(user, { scope: "department", state: "open", pageSize: LIST_LIMIT }) : Promise.resolve(null),
    central ? Promise.all([overdueSummary(user), listFollowUps(user, { scope: "all", state: "overdue", pageSize: LIST_LIMIT })]) : Promise.resolve(null),
    realisationSummary(user, query),
    benefitSettings(),
  ]);
  // Worded once per state of the database, language and reader (wording, not rendering, is
  // most of such a page's server time; see lib/server/words-cache.ts).
  const day = (await clockNow()).toISOString().slice(0, 10);
  const words = await wordsUntilWrite(`benefitsPage:${user.id}:${user.role}:${user.departmentId}:${summary.groupBy}:${day}`, async () => {
    const numbers = new Intl.NumberFormat(formatLocale(locale), { maximumFractionDigits: 1 });
    const n = (v: number) => numbers.format(v);
    const { rows, columns } = await wordFollowUps(locale);
    // The largest planned benefits first when there are many (one row per initiative).
    const shown = summary.rows.length > TABLE_LIMIT ? [...summary.rows].sort((a, b) => b.plannedSek + b.plannedHours - (a.plannedSek + a.plannedHours)).slice(0, TABLE_LIMIT) : summary.rows;
    const groupLabel = (r: (typeof summary.rows)[number]) => (summary.groupBy === "quadrant" && r.key ? t(`quadrant.${r.key}` as never) : r.label || t("benefits.ungrouped"));
    const totals = summary.rows.reduce((s, r) => ({ planned: s.planned + r.plannedSek, realised: s.realised + r.realisedSek, due: s.due + r.followUpsDue, onTime: s.onTime + r.followUpsOnTime }), { planned: 0, realised: 0, due: 0, onTime: 0 });
    const sek = (v: number) => t("benefits.sek", { value: n(v) });
    const share = (realised: number, planned: number) => {
      const p = realisedShare(realised, planned);
      return p === null ? "–" : t("benefits.percent", { value: n(p) });
    };
    return {
      mine: rows(mine.data),
      department: department ? rows(department.data) : [],
      overdue: overdue ? rows(overdue[1].data) : [],
      byDepartment: overdue ? overdue[0].byDepartment.map((d) => [d.department, n(d.count)] as const) : [],
      byOwner: overdue ? overdue[0].byOwner.map((o) => [o.owner || t("benefits.noOwner"), n(o.count)] as const) : [],
      columns,
      total: t("benefits.total", { realised: sek(totals.realised), planned: sek(totals.planned), share: share(totals.realised, totals.planned), onTime: totals.onTime, due: totals.due }),
      chart: shown.slice(0, 20).map((r) => ({ name: groupLabel(r), planned: r.plannedSek, realised: r.realisedSek })),
      table: shown.map((r) => ({
        key: r.key || "none",
        href: summary.groupBy === "initiative" ? `/initiatives/${r.key}` : undefined,
        values: [groupLabel(r), n(r.plannedSek), n(r.realisedSek), share(r.realisedSek, r.plannedSek), n(r.plannedHours), n(r.realisedHours), t("benefits.ofDue", { done: r.followUpsOnTime, due: r.followUpsDue })],
      })),
      shownNote: shown.length < summary.rows.length ? t("benefits.largestShown", { count: shown.length, total: summary.rows.length }) : null,
    };
  });
  const columns = words.columns;
  const exportHref = (f: "csv" | "xlsx") => `/api/v1/benefit-realisation/export?format=${f}&groupBy=${summary.groupBy}`;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">{t("benefits.title")}</h1>
        <p className="mt-2 max-w-3xl">{t("benefits.intro")}</p>
        <GlossaryTerms terms={["benefitRealisation", "certainty"]} />
      </div>

      <section aria-labelledby="mine-title" className="space-y-3">
        <h2 id="mine-title" className="text-xl font-semibold">{t("benefits.mine.title")}</h2>
        {mine.total ? (
          <>
            <FollowUpTable caption={t("benefits.mine.title")} rows={words.mine} columns={columns} testId="my-follow-ups" />
            <AllFollowUps list={mine} scope="mine" state="open" />
          </>
        ) : (
          <p>{t("benefits.mine.none")}</p>
        )}
      </section>

      {user.role === "DEPARTMENT_MANAGER" ? (
        <section aria-labelledby="department-title" className="space-y-3">
          <h2 id="department-title" className="text-xl font-semibold">{t("benefits.department.title", { department: user.departmentName ?? "" })}</h2>
          {department?.total ? (
            <>
              <FollowUpTable caption={t("benefits.department.title", { department: user.departmentName ?? "" })} rows={words.department} columns={columns} testId="department-follow-ups" />
              <AllFollowUps list={department} scope="department" state="open" />
            </>
          ) : (
            <p>{t("benefits.department.none")}</p>
          )}
        </section>
      ) : null}

      {overdue ? (
        <section aria-labelledby="overdue-title" className="space-y-3" data-testid="overdue">
          <h2 id="overdue-title" className="text-xl font-semibold">{t("benefits.overdue.title")}</h2>
          <p className="max-w-3xl">{t("benefits.overdue.intro", { days: settings.overdueAfterDays })}</p>
          {overdue[1].total ? (
            <>
              <div className="grid gap-4 md:grid-cols-2">
                {([["byDepartment", words.byDepartment], ["byOwner", words.byOwner]] as const).map(([key, list]) => (
                  <CountTable key={key} caption={t(`benefits.overdue.${key}`)} columns={[t(`benefits.overdue.${key}Column`), t("benefits.overdue.count")]} rows={list} testId={`overdue-${key}`} />
                ))}
              </div>
              <FollowUpTable caption={t("benefits.overdue.title")} rows={words.overdue} columns={columns} testId="overdue-follow-ups" />
              <AllFollowUps list={overdue[1]} scope="all" state="overdue" />
            </>
          ) : (
            <p>{t("benefits.overdue.none")}</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="realisation-title" className="space-y-3">
        <h2 id="realisation-title" className="text-xl font-semibold">{t("benefits.realisationTitle")}</h2>
        <p className="max-w-3xl">{t("benefits.realisationIntro")}</p>
        <p className="font-medium" data-testid="realisation-total">
          {words.total}
        </p>
        <form method="get" action="/benefits" className="flex flex-wrap items-end gap-3" aria-label={t("benefits.groupByLabel")}>
          <FilterSelect idPrefix="realisation" name="groupBy" label={t("benefits.groupByLabel")} value={summary.groupBy} options={REALISATION_GROUPS.map((g) => ({ value: g, label: t(`benefits.groupBy.${g}`) }))} />
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("benefits.show")}</button>
          <a href={exportHref("csv")} className="font-medium text-brand-800 underline" data-testid="realisation-csv">{t("benefits.exportCsv")}</a>
          <a href={exportHref("xlsx")} className="font-medium text-brand-800 underline" data-testid="realisation-xlsx">{t("benefits.exportXlsx")}</a>
        </form>
        <figure aria-labelledby="realisation-chart-title" className="space-y-2 rounded border border-slate-300 p-4" data-testid="chart-realisation">
          <figcaption id="realisation-chart-title" className="text-lg font-semibold">{t("benefits.chartTitle", { group: t(`benefits.groupBy.${summary.groupBy}`) })}</figcaption>
          <div role="img" aria-label={t("benefits.chartSummary", { count: summary.rows.length })}>
            <RealisationChart data={words.chart} labels={{ planned: t("benefits.columns.plannedSek"), realised: t("benefits.columns.realisedSek"), axis: t("benefits.chartAxis") }} locale={locale} />
          </div>
          <ChartTable
            caption={t("benefits.chartTitle", { group: t(`benefits.groupBy.${summary.groupBy}`) })}
            showLabel={t("benefits.showTable")}
            columns={[
              { label: t(`benefits.groupBy.${summary.groupBy}`) },
              { label: t("benefits.columns.plannedSek"), numeric: true },
              { label: t("benefits.columns.realisedSek"), numeric: true },
              { label: t("benefits.columns.sharePercent"), numeric: true },
              { label: t("benefits.columns.plannedHours"), numeric: true },
              { label: t("benefits.columns.realisedHours"), numeric: true },
              { label: t("benefits.columns.onTime"), numeric: true },
            ]}
            rows={words.table}
          />
          {words.shownNote ? <p className="text-sm">{words.shownNote}</p> : null}
        </figure>
      </section>

    </div>
  );
}

/** Under a shortened list: how many there are in all, and where the whole list is. */
async function AllFollowUps({ list, scope, state }: { list: FollowUpPage; scope: string; state: string }) {
  if (list.total <= list.data.length) return null;
  const t = await getTranslations("benefits");
  return (
    <p className="text-sm">
      {t("oldestShown", { count: list.data.length, total: list.total })}{" "}
      <a href={`/benefits/follow-ups?scope=${scope}&state=${state}`} className="font-medium text-brand-800 underline">{t("showAll", { total: list.total })}</a>
    </p>
  );
}
