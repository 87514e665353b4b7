import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { formOptions, listInitiatives } from "@/lib/server/initiatives";
import { filterToSearchParams, INITIATIVE_STATUSES, parseFilter, SORTS } from "@/lib/validation/initiative";
import { TableHeader } from "@/components/ui/TableHeader";
import { InitiativeRows } from "@/components/initiatives/InitiativeRows";
import { FilterForm } from "@/components/ui/FilterForm";
import { initiativeFilterSelects, splitFilters } from "@/components/initiatives/initiative-filters";
import { Pagination } from "@/components/ui/Pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("initiative"))("listTitle") };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function InitiativesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const params = await searchParams;
  // Managers start on their own department; "all departments" is an explicit empty choice.
  if (params.department === undefined && user.role === "DEPARTMENT_MANAGER" && user.departmentId) {
    redirect(`/initiatives?${filterToSearchParams({ ...parseFilter(params), department: user.departmentId, page: undefined, sort: undefined, dir: undefined, pageSize: undefined })}`);
  }
  const filter = parseFilter(params);
  const [t, format, result, options] = await Promise.all([getTranslations(), getFormatter(), listInitiatives(user, filter), formOptions()]);
  const query = filterToSearchParams({ ...filter, page: undefined });
  const pageHref = (page: number) => `/initiatives?${filterToSearchParams({ ...filter, page })}`;
  const money = (v: number | null) => (v === null ? t("initiative.unknownValue") : t("initiative.sek", { value: format.number(v) }));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t("initiative.listTitle")}</h1>
        {can(user, "initiative.create") ? (
          <Link href="/initiatives/new" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("nav.newInitiative")}
          </Link>
        ) : null}
      </div>

      <FilterForm
        action="/initiatives" label={t("initiative.filters.title")} testId="initiative-filters"
        search={{ label: t("initiative.filters.q"), value: filter.q ?? "" }}
        {...splitFilters(t, [
          ...initiativeFilterSelects(t, options, filter, [
            { name: "status", label: t("initiative.fields.status"), value: filter.status?.length === 1 ? filter.status[0]! : "", all: t("initiative.filters.all"), options: INITIATIVE_STATUSES.map((v) => ({ value: v, label: t(`status.${v}`) })) },
          ]),
          { name: "sort", label: t("initiative.filters.sort"), value: filter.sort, options: SORTS.map((v) => ({ value: v, label: t(`initiative.filters.sorts.${v}`) })) },
          { name: "dir", label: t("initiative.filters.dir"), value: filter.dir, options: [{ value: "desc", label: t("initiative.filters.desc") }, { value: "asc", label: t("initiative.filters.asc") }] },
        ])}
        apply={t("initiative.filters.apply")} reset={{ href: "/initiatives?department=", label: t("initiative.filters.reset") }}
      />

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" data-testid="result-count">{t("initiative.results", { total: result.total })}</p>
        <div className="flex gap-4">
          <a href={`/api/v1/initiatives/export?format=csv&${query}`} className="font-medium text-brand-800 underline">{t("initiative.exportCsv")}</a>
          <a href={`/api/v1/initiatives/export?format=xlsx&${query}`} className="font-medium text-brand-800 underline">{t("initiative.exportXlsx")}</a>
        </div>
      </div>

      {result.rows.length ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t("initiative.listTitle")}</caption>
            <TableHeader
              columns={[
                { label: t("initiative.fields.number"), className: "px-2 py-2" },
                { label: t("initiative.fields.title"), className: "px-2 py-2" },
                { label: t("initiative.fields.ownerDepartment"), className: "px-2 py-2" },
                { label: t("initiative.fields.status"), className: "px-2 py-2" },
                { label: t("initiative.fields.quadrant"), className: "px-2 py-2" },
                { label: t("initiative.fields.estimatedCostSek"), className: "px-2 py-2 text-right" },
              ]}
            />
            <InitiativeRows
              rows={result.rows.map((r) => ({
                id: r.id, number: r.number, title: r.title, department: r.ownerDepartment.name, status: r.status, statusLabel: t(`status.${r.status}`),
                quadrant: r.quadrant ? t(`quadrant.${r.quadrant}`) : t("initiative.noValue"), cost: money(r.estimatedCostSek),
              }))}
            />
          </table>
        </div>
      ) : null}

      <Pagination page={filter.page} pages={result.pages} href={pageHref} />
    </div>
  );
}
