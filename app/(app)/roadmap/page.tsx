import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { quarterOfDate } from "@/lib/domain/quarters";
import { dayInWindow, quarterAt, quarterIndex } from "@/lib/domain/roadmap";
import { formOptions } from "@/lib/server/initiatives";
import { roadmap } from "@/lib/server/roadmap";
import { parseRoadmapFilter, ROADMAP_STATUSES, roadmapSearchParams, type RoadmapFilter } from "@/lib/validation/programs";
import { RoadmapLegend, RoadmapTable, RoadmapTimeline } from "@/components/programs/Roadmap";
import { Toggle } from "@/components/programs/RoadmapControls";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { Pagination } from "@/components/ui/Pagination";
import { GlossaryTerms } from "@/components/ui/GlossaryTerms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("programs"))("roadmap.title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function RoadmapPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const filter = parseRoadmapFilter(await searchParams);
  const [t, format, map, options] = await Promise.all([getTranslations(), getFormatter(), roadmap(user, filter), formOptions()]);
  const day = new Date();
  const todayPlace = dayInWindow(map.quarters, day);
  const href = (change: Partial<RoadmapFilter>) => `/roadmap?${roadmapSearchParams({ ...filter, page: undefined, ...change })}`;
  // Quarter choices: two years back, four ahead of the current quarter.
  const now = quarterIndex(quarterOfDate(new Date()))!;
  const quarterOptions = Array.from({ length: 25 }, (_, i) => quarterAt(now - 8 + i)).map((q) => ({ value: q, label: q }));
  const noneLabel = map.groupBy === "program" ? t("programs.noProgram") : "";
  const scope = t("programs.roadmap.scope", { from: map.from, to: map.to, total: map.total });

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">{t("programs.roadmap.title")}</h1>
        <p className="mt-2 max-w-3xl">{t("programs.roadmap.intro")}</p>
        <GlossaryTerms terms={["quarter", "program"]} />
      </div>

      <form method="get" action="/roadmap" aria-label={t("programs.roadmap.filters")} className="grid gap-3 rounded border border-slate-300 p-4 md:grid-cols-4">
        <input type="hidden" name="groupBy" value={map.groupBy} />
        {filter.view === "table" ? <input type="hidden" name="view" value="table" /> : null}
        <fieldset className="md:col-span-4">
          <legend className="font-medium">{t("initiative.fields.status")}</legend>
          <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
            {ROADMAP_STATUSES.map((s) => (
              <label key={s} className="flex items-center gap-2">
                <input type="checkbox" name="status" value={s} defaultChecked={map.statuses.includes(s)} className="h-4 w-4" />
                {t(`status.${s}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <FilterSelect name="department" label={t("initiative.fields.ownerDepartment")} value={filter.department ?? ""} all={t("initiative.filters.allDepartments")} options={options.allDepartments.map((d) => ({ value: d.id, label: d.name }))} />
        <FilterSelect name="program" label={t("initiative.fields.program")} value={filter.program ?? ""} all={t("initiative.filters.all")} options={options.programs.map((p) => ({ value: p.id, label: p.name }))} />
        <FilterSelect name="from" label={t("programs.roadmap.from")} value={map.from} options={quarterOptions} />
        <FilterSelect name="to" label={t("programs.roadmap.to")} value={map.to} options={quarterOptions} />
        <p id="window-hint" className="text-sm text-slate-700 md:col-span-4">{t("programs.roadmap.windowHint")}</p>
        <div className="flex items-end gap-3 md:col-span-4">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("initiative.filters.apply")}</button>
          <Link href={href({ status: undefined, department: undefined, program: undefined, from: undefined, to: undefined })} className="font-medium text-brand-800 underline">{t("initiative.filters.reset")}</Link>
        </div>
      </form>

      <div className="flex flex-wrap gap-6">
        <Toggle
          label={t("programs.roadmap.groupBy")}
          options={[
            { href: href({ groupBy: "program" }), label: t("programs.roadmap.groupProgram"), current: map.groupBy === "program" },
            { href: href({ groupBy: "department" }), label: t("programs.roadmap.groupDepartment"), current: map.groupBy === "department" },
          ]}
        />
        <Toggle
          label={t("programs.roadmap.view")}
          options={[
            { href: href({ view: "timeline" }), label: t("programs.roadmap.viewTimeline"), current: filter.view === "timeline" },
            { href: href({ view: "table" }), label: t("programs.roadmap.viewTable"), current: filter.view === "table" },
          ]}
        />
      </div>

      <section aria-labelledby="roadmap-result" className="space-y-4">
        <h2 id="roadmap-result" className="text-xl font-semibold">{filter.view === "table" ? t("programs.roadmap.viewTable") : t("programs.roadmap.viewTimeline")}</h2>
        <p role="status" data-testid="roadmap-scope">
          {scope}
          {map.outside ? ` ${t("programs.roadmap.outside", { count: map.outside })}` : ""}
        </p>
        {filter.view === "table" ? null : <RoadmapLegend statuses={map.statuses} />}
        {map.total === 0 ? (
          <p>{t("programs.roadmap.empty")}</p>
        ) : filter.view === "table" ? (
          <RoadmapTable groups={map.groups} groupBy={map.groupBy} noneLabel={noneLabel} caption={scope} />
        ) : (
          <RoadmapTimeline quarters={map.quarters} groups={map.groups} noneLabel={noneLabel} today={todayPlace ? { ...todayPlace, label: format.dateTime(day, { dateStyle: "long" }) } : null} />
        )}
        <Pagination page={map.page} pages={map.pages} href={(p) => `/roadmap?${roadmapSearchParams({ ...filter, page: p })}`} label={t("programs.roadmap.pages")} />
      </section>

      {map.unscheduledTotal ? (
        <section aria-labelledby="unscheduled-title">
          <h2 id="unscheduled-title" className="text-xl font-semibold">{t("programs.roadmap.unscheduled", { count: map.unscheduledTotal })}</h2>
          <ul className="mt-2 list-disc space-y-1 pl-6" data-testid="roadmap-unscheduled">
            {map.unscheduled.map((r) => (
              <li key={r.id}>
                <Link href={`/initiatives/${r.id}`} className="font-medium text-brand-800 underline">{`#${r.number} ${r.title}`}</Link>
                {` (${t(`status.${r.status}`)}, ${r.department.name})`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
