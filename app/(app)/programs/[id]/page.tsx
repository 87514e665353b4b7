import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { realisationSummary } from "@/lib/server/benefits";
import { getProgram, joinableInitiatives } from "@/lib/server/programs";
import { RealisationNote } from "@/components/benefits/RealisationNote";
import { roadmap } from "@/lib/server/roadmap";
import { INITIATIVE_STATUSES } from "@/lib/validation/initiative";
import { roadmapSearchParams } from "@/lib/validation/programs";
import { StatusBadge } from "@/components/initiatives/StatusBadge";
import { ProgramMessages } from "@/components/programs/ProgramMessages";
import { RoadmapLegend, RoadmapTimeline } from "@/components/programs/Roadmap";
import { dayInWindow } from "@/lib/domain/roadmap";
import { ActionForm, FieldError } from "@/components/ui/ActionForm";
import { TableHeader } from "@/components/ui/TableHeader";
import { addProgramInitiativeAction, removeProgramInitiativeAction } from "../actions";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { cache } from "react";
import { orNotFound } from "@/lib/server/or-not-found";
import { Pagination } from "@/components/ui/Pagination";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; removed?: string; error?: string; find?: string; page?: string }> };

// The program page stays small however large the program: its table and its roadmap are bounded.
const TABLE_PAGE = 50;
const ROADMAP_BARS = 40;

// Per render: the metadata and the page share one read.
const load = cache(async (id: string) => {
  const user = await requireUser();
  return { user, program: await orNotFound(getProgram(user, id)) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load((await params).id)).program.name };
}

/** Today's line on a roadmap of these quarters, worded with the date; none outside them. */
async function todayOn(quarters: string[]) {
  const day = new Date();
  const place = dayInWindow(quarters, day);
  return place ? { ...place, label: (await getFormatter()).dateTime(day, { dateStyle: "long" }) } : null;
}

export default async function ProgramPage({ params, searchParams }: Props) {
  const { user, program: p } = await load((await params).id);
  const { saved, removed, error, find, page: pageParam } = await searchParams;
  const manage = can(user, "program.manage");
  const [t, format, map, joinable, realised] = await Promise.all([
    getTranslations(),
    getFormatter(),
    roadmap(user, { program: p.id, groupBy: "department" }, new Date(), ROADMAP_BARS),
    manage ? joinableInitiatives(user, find) : Promise.resolve({ rows: [], total: 0 }),
    realisationSummary(user, { groupBy: "program" }),
  ]);
  const none = t("initiative.noValue");
  const unknown = t("initiative.unknownValue");
  const sek = (v: number | null) => (v === null ? unknown : t("initiative.sek", { value: format.number(v) }));
  const hours = (v: number | null) => (v === null ? unknown : t("initiative.hours", { value: format.number(v) }));
  const { totals } = p;
  const statuses = INITIATIVE_STATUSES.filter((s) => totals.byStatus[s]);
  const cell = "px-2 py-1";
  const num = `${cell} whitespace-nowrap text-right tabular-nums`;
  const pages = Math.max(1, Math.ceil(p.initiatives.length / TABLE_PAGE));
  const page = Math.min(pages, Math.max(1, Number(pageParam) || 1));
  const shown = p.initiatives.slice((page - 1) * TABLE_PAGE, page * TABLE_PAGE);
  const byDepartment = new Map<string, typeof joinable.rows>();
  for (const i of joinable.rows) byDepartment.set(i.ownerDepartment.name, [...(byDepartment.get(i.ownerDepartment.name) ?? []), i]);

  return (
    <article className="space-y-8">
      {saved || removed ? (
        <p role="status" className="rounded border-2 border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900">{saved ? t("programs.saved") : t("programs.removed")}</p>
      ) : null}
      {error ? <p role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 font-medium text-red-900">{error === "FORBIDDEN" ? t("initiative.forbidden") : t("initiative.error")}</p> : null}
      <header className="space-y-2">
        <p className="text-slate-700"><Link href="/programs" className="text-brand-800 underline">{t("programs.title")}</Link></p>
        <h1 className="text-3xl font-bold">{p.name}</h1>
        {manage ? <Link href={`/programs/${p.id}/edit`} className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("programs.edit")}</Link> : null}
      </header>

      <section aria-labelledby="target-title">
        <h2 id="target-title" className="text-xl font-semibold">{t("programs.fields.targetState")}</h2>
        <p className="mt-2 max-w-3xl whitespace-pre-line" data-testid="target-state">{p.targetState}</p>
        <dl className="mt-4 grid gap-x-6 gap-y-2 md:grid-cols-[16rem_1fr]">
          <dt className="font-medium">{t("programs.fields.leader")}</dt>
          <dd data-testid="leader">{p.leader?.name ?? none}</dd>
          <dt className="font-medium">{t("programs.fields.council")}</dt>
          <dd data-testid="council">{p.council.length ? p.council.map((c) => c.name).join(", ") : none}</dd>
          <dt className="font-medium">{t("programs.fields.goals")}</dt>
          <dd>
            {p.goals.length ? (
              <ul className="list-disc pl-5" data-testid="goals">
                {p.goals.map((g) => <li key={g.id}>{`${g.code} ${g.title}`}</li>)}
              </ul>
            ) : none}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="totals-title">
        <h2 id="totals-title" className="text-xl font-semibold">{t("programs.totalsTitle")}</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-2 md:grid-cols-[16rem_1fr]" data-testid="totals">
          <dt className="font-medium">{t("programs.columns.benefitSek")}</dt>
          <dd>{sek(totals.benefitSekPerYear)}</dd>
          <dt className="font-medium">{t("programs.columns.benefitHours")}</dt>
          <dd>{hours(totals.benefitHoursPerYear)}</dd>
          <dt className="font-medium">{t("programs.columns.cost")}</dt>
          <dd>{sek(totals.costSek)}{totals.unknownCost ? ` ${t("programs.unknownCount", { count: totals.unknownCost })}` : ""}</dd>
          <dt className="font-medium">{t("programs.columns.effort")}</dt>
          <dd>{hours(totals.effortHours)}{totals.unknownEffort ? ` ${t("programs.unknownCount", { count: totals.unknownEffort })}` : ""}</dd>
        </dl>
        <p className="mt-2 text-sm text-slate-700">{t("programs.sumsNote")}</p>
      </section>

      <RealisationNote rows={realised.rows.filter((r) => r.key === p.id)} kind="program" testId="program-realisation" />

      <section aria-labelledby="progress-title">
        <h2 id="progress-title" className="text-xl font-semibold">{t("programs.progressTitle")}</h2>
        {totals.count ? (
          <table className="mt-2 w-full max-w-2xl text-left" data-testid="progress">
            <caption className="sr-only">{t("programs.progressTitle")}</caption>
            <TableHeader
              columns={[
                { label: t("initiative.fields.status"), className: cell },
                { label: t("programs.columns.initiatives"), className: `${cell} text-right` },
                { label: t("programs.columns.share"), className: `${cell} text-right` },
                { label: <span className="sr-only">{t("programs.columns.share")}</span>, className: `${cell} w-1/3` },
              ]}
            />
            <tbody>
              {statuses.map((s) => {
                const share = Math.round(((totals.byStatus[s] ?? 0) / totals.count) * 100);
                return (
                  <tr key={s} className="border-b border-slate-200">
                    <th scope="row" className={`${cell} font-normal`}>{t(`status.${s}`)}</th>
                    <td className={num}>{format.number(totals.byStatus[s] ?? 0)}</td>
                    <td className={num}>{t("portfolio.percent", { value: format.number(share) })}</td>
                    <td className={cell} aria-hidden="true">
                      <div className="h-3 rounded bg-slate-100"><div className="h-3 rounded bg-brand-700" style={{ width: `${share}%` }} /></div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p className="mt-2">{t("programs.noInitiatives")}</p>
        )}
      </section>

      <section aria-labelledby="initiatives-title" className="space-y-3">
        <h2 id="initiatives-title" className="text-xl font-semibold">{t("programs.initiativesTitle", { count: p.initiatives.length })}</h2>
        {p.initiatives.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="program-initiatives">
              <caption className="sr-only">{t("programs.initiativesTitle", { count: p.initiatives.length })}</caption>
              <TableHeader
                columns={[
                  { label: t("initiative.fields.title"), className: cell },
                  { label: t("initiative.fields.status"), className: cell },
                  { label: t("initiative.fields.ownerDepartment"), className: cell },
                  { label: t("programs.roadmap.start"), className: cell },
                  { label: t("programs.roadmap.end"), className: cell },
                  { label: t("programs.columns.cost"), className: `${cell} text-right` },
                  { label: t("programs.columns.effort"), className: `${cell} text-right` },
                  { label: t("programs.columns.benefitSek"), className: `${cell} text-right` },
                  ...(manage ? [{ label: <span className="sr-only">{t("programs.actionsColumn")}</span>, className: cell }] : []),
                ]}
              />
              <tbody>
                {shown.map((i) => (
                  <tr key={i.id} className="border-b border-slate-200">
                    <th scope="row" className={`${cell} font-normal`}>
                      <Link href={`/initiatives/${i.id}`} className="font-medium text-brand-800 underline">{`#${i.number} ${i.title}`}</Link>
                    </th>
                    <td className={cell}><StatusBadge status={i.status} label={t(`status.${i.status}`)} /></td>
                    <td className={cell}>{i.department.name}</td>
                    <td className={`${cell} whitespace-nowrap tabular-nums`}>{i.plannedStartQuarter ?? none}</td>
                    <td className={`${cell} whitespace-nowrap tabular-nums`}>{i.plannedEndQuarter ?? none}</td>
                    <td className={num}>{sek(i.estimatedCostSek)}</td>
                    <td className={num}>{hours(i.estimatedEffortHours)}</td>
                    <td className={num}>{i.benefitSek === null ? none : sek(i.benefitSek)}</td>
                    {manage ? (
                      <td className={cell}>
                        <ConfirmAction
                          label={t("programs.remove")}
                          labelName={`${t("programs.remove")} #${i.number} ${i.title}`}
                          title={t("programs.confirmRemove.title", { number: i.number })}
                          body={t("programs.confirmRemove.body", { number: i.number, title: i.title, program: p.name })}
                          confirm={t("programs.confirmRemove.confirm")}
                          cancel={t("programs.confirmRemove.cancel")}
                          action={removeProgramInitiativeAction.bind(null, p.id, i.id)}
                          messages={{ FORBIDDEN: t("initiative.forbidden"), default: t("initiative.error") }}
                          testId="remove-from-program"
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("programs.noInitiatives")}</p>
        )}
        <Pagination page={page} pages={pages} href={(n) => `/programs/${p.id}?page=${n}`} label={t("programs.initiativePages")} />
        {manage ? (
          <div className="max-w-3xl space-y-3 rounded border border-slate-300 p-4">
            <h3 className="font-semibold">{t("programs.addLabel")}</h3>
            <form method="get" action={`/programs/${p.id}`} role="search" aria-label={t("programs.findLabel")} className="flex flex-wrap items-end gap-3">
              <div className="grow">
                <label htmlFor="find-initiative" className="font-medium">{t("programs.findLabel")}</label>
                <input id="find-initiative" name="find" type="search" defaultValue={find ?? ""} className="mt-1 block w-full rounded border border-slate-500 px-3 py-2" />
              </div>
              <button type="submit" className="rounded border border-brand-800 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">{t("programs.find")}</button>
            </form>
            <ProgramMessages>
              <ActionForm action={addProgramInitiativeAction.bind(null, p.id)} submitLabel={t("programs.add")} okMessage={t("programs.added")} messages={{ IN_OTHER_PROGRAM: t("programs.inOtherProgram"), FORBIDDEN: t("initiative.forbidden"), default: t("initiative.error") }} testId="add-initiative" className="space-y-3">
                <div>
                  <label htmlFor="add-initiative" className="font-medium">{t("programs.choose")}</label>
                  <p id="add-initiative-hint" className="text-sm text-slate-700">
                    {t("programs.addHint")} {t("programs.showing", { shown: joinable.rows.length, total: joinable.total })}
                  </p>
                  <select id="add-initiative" name="initiativeIds" aria-describedby="add-initiative-hint" className="mt-1 block w-full rounded border border-slate-500 bg-white px-2 py-1.5">
                    <option value="">{t("programs.choose")}</option>
                    {[...byDepartment].map(([department, rows]) => (
                      <optgroup key={department} label={department}>
                        {rows.map((i) => <option key={i.id} value={i.id}>{`#${i.number} ${i.title} (${t(`status.${i.status}`)})`}</option>)}
                      </optgroup>
                    ))}
                  </select>
                  <FieldError name="initiativeIds" />
                </div>
              </ActionForm>
            </ProgramMessages>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="program-roadmap-title" className="space-y-3">
        <h2 id="program-roadmap-title" className="text-xl font-semibold">{t("programs.roadmap.title")}</h2>
        <p>
          {t("programs.roadmap.scope", { from: map.from, to: map.to, total: map.total })}{" "}
          {map.pages > 1 ? `${t("programs.roadmap.firstBars", { count: ROADMAP_BARS })} ` : null}
          <Link href={`/roadmap?${roadmapSearchParams({ program: p.id })}`} className="font-medium text-brand-800 underline">{t("programs.roadmap.openFiltered")}</Link>{" · "}
          <Link href={`/roadmap?${roadmapSearchParams({ program: p.id, view: "table" })}`} className="font-medium text-brand-800 underline">{t("programs.roadmap.openTable")}</Link>
        </p>
        {map.total ? (
          <>
            <RoadmapLegend statuses={map.statuses} />
            <RoadmapTimeline quarters={map.quarters} groups={map.groups} noneLabel="" today={await todayOn(map.quarters)} />
          </>
        ) : (
          <p>{t("programs.roadmap.empty")}</p>
        )}
      </section>
    </article>
  );
}
