import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { ALLOCATABLE_STATUSES, STANDARD_COMPETENCES } from "@/lib/domain/capacity";
import { addQuarters } from "@/lib/domain/quarters";
import { poolView } from "@/lib/server/resources";
import { pageNumber, quarter as quarterSchema } from "@/lib/validation/common";
import { AllocationCreateForm, AllocationRowForms } from "@/components/resources/AllocationForms";
import { CapacityForm, RenamePoolForm, WipLimitForm } from "@/components/resources/PoolForms";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { PoolKindLabel } from "@/components/resources/PoolKindLabel";
import type { ResourceActionState } from "@/components/resources/ResourceForm";
import { StatusBadge } from "@/components/initiatives/StatusBadge";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { TableHeader } from "@/components/ui/TableHeader";
import { allocateAction, deleteAllocationAction, renamePoolAction, setCapacityAction, setPoolActiveAction, updateAllocationAction, updatePoolAction } from "../actions";
import { cache } from "react";
import { orNotFound } from "@/lib/server/or-not-found";
import { Pagination } from "@/components/ui/Pagination";
import { GlossaryTerms } from "@/components/ui/GlossaryTerms";

type Props = { params: Promise<{ poolId: string }>; searchParams: Promise<{ from?: string; page?: string }> };
type Form = (prev: ResourceActionState, formData: FormData) => Promise<ResourceActionState>;

// Per render, with the same arguments from the metadata and the page: they share one read.
const load = cache(async (poolId: string, from?: string, page?: number) => {
  const user = await requireUser();
  const view = await orNotFound(poolView(user, poolId, { from: quarterSchema.safeParse(from).success ? from : undefined, quarters: 8, page }));
  return { user, view };
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const search = await searchParams;
  const { view } = await load((await params).poolId, search.from, pageNumber.catch(1).parse(search.page));
  return { title: view.pool.name };
}

/** One pool: its capacity per quarter and competence, its load, and its allocations. */
export default async function PoolPage({ params, searchParams }: Props) {
  const { poolId } = await params;
  const search = await searchParams;
  const { view } = await load(poolId, search.from, pageNumber.catch(1).parse(search.page));
  const [t, tAll, format] = await Promise.all([getTranslations("resources"), getTranslations(), getFormatter()]);
  const hours = (v: number) => t("hoursValue", { value: format.number(v) });
  const { pool, quarters, allocations } = view;
  const first = quarters[0]!;
  const base = `/resources/${pool.id}`;
  const editQuarters = Array.from({ length: 17 }, (_, i) => addQuarters(view.currentQuarter, i - 4));
  const competences = [...new Set([...STANDARD_COMPETENCES, ...view.competences.map((c) => c.competence)])];
  const wholeRow = view.load;
  const mayChangeRows = view.may.allocate;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p><Link href="/resources" className="text-brand-800 underline">{t("back")}</Link></p>
        <h1 className="text-3xl font-bold">{pool.name}</h1>
        <p><PoolKindLabel kind={pool.kind} department={pool.departmentName} /></p>
        <p data-testid="pool-wip">
          {t("pool.wip", { count: view.wip.inProgress, limit: view.wip.limit, quarter: view.currentQuarter })} {view.wip.own ? "" : t("pool.defaultLimit")}
          {view.wip.inProgress > view.wip.limit ? <strong className="ml-2 text-red-800">{t("overWip")}</strong> : null}
        </p>
        <GlossaryTerms terms={["capacity", "load", "wip"]} />
      </div>

      {pool.active ? null : <p role="status" className="rounded border-2 border-slate-500 bg-slate-50 p-3 font-medium" data-testid="pool-inactive">{t("manage.inactiveNotice")}</p>}

      <nav aria-label={t("pool.quarterNav")} className="flex flex-wrap gap-4">
        <Link href={`${base}?from=${addQuarters(first, -4)}`} className="font-medium text-brand-800 underline">{t("pool.earlier")}</Link>
        <Link href={`${base}?from=${addQuarters(first, 4)}`} className="font-medium text-brand-800 underline">{t("pool.later")}</Link>
      </nav>

      <section aria-labelledby="load-title" className="space-y-3">
        <h2 id="load-title" className="text-xl font-semibold">{t("pool.loadTitle")}</h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left" data-testid="pool-load">
            <caption className="sr-only">{t("pool.loadCaption", { pool: pool.name })}</caption>
            <TableHeader
              columns={[
                { label: t("columns.quarter"), className: "py-1 pr-3" },
                { label: t("columns.capacity"), className: "py-1 pr-3 text-right" },
                { label: t("columns.committed"), className: "py-1 pr-3 text-right" },
                { label: t("columns.load"), className: "py-1 pr-3 text-right" },
                { label: t("columns.awaiting"), className: "py-1 text-right" },
              ]}
            />
            <tbody>
              {wholeRow.map((c) => (
                <tr key={c.quarter} className={`border-b border-slate-200 ${c.over ? "bg-red-50" : ""}`}>
                  <th scope="row" className="py-1 pr-3 font-medium">{c.quarter}</th>
                  <td className="py-1 pr-3 text-right tabular-nums">{hours(c.capacity)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{hours(c.committed)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">
                    {c.load === null ? t("noCapacity") : t("percent", { value: format.number(c.load) })}
                    {c.over ? <strong className="ml-2 text-red-800">{t("overCapacity")}</strong> : null}
                  </td>
                  <td className="py-1 text-right tabular-nums">{hours(c.awaiting)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="capacity-title" className="space-y-3">
        <h2 id="capacity-title" className="text-xl font-semibold">{t("pool.capacityTitle")}</h2>
        <p className="max-w-3xl text-slate-700">{t("pool.capacityHelp")}</p>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="capacity-grid">
            <caption className="sr-only">{t("pool.capacityCaption", { pool: pool.name })}</caption>
            <TableHeader columns={[{ label: t("columns.competence"), className: "py-1 pr-3" }, ...quarters.map((q) => ({ label: q, className: "px-2 py-1 text-right" }))]} />
            <tbody>
              {view.competences.map((c) => (
                <tr key={c.competence} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-3 font-medium">{c.competence}</th>
                  {c.cells.map((cell) => (
                    <td key={cell.quarter} className={`px-2 py-1 text-right tabular-nums ${cell.over ? "bg-red-50" : ""}`}>
                      {t("demand.ofCapacity", { demand: hours(cell.committed), capacity: hours(cell.capacity) })}
                      {cell.over ? <strong className="block text-red-800">{t("overCapacity")}</strong> : null}
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="border-b border-slate-200 font-semibold">
                <th scope="row" className="py-1 pr-3">{t("pool.total")}</th>
                {wholeRow.map((c) => (
                  <td key={c.quarter} className="px-2 py-1 text-right tabular-nums">{t("demand.ofCapacity", { demand: hours(c.committed), capacity: hours(c.capacity) })}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
        {view.may.editCapacity ? (
          <ClientMessages namespaces={["resources", "validation"]}>
            <div className="grid gap-4 md:grid-cols-2">
              <CapacityForm action={setCapacityAction.bind(null, pool.id) as Form} quarters={editQuarters} defaultQuarter={view.currentQuarter} competences={competences} />
              <WipLimitForm action={updatePoolAction.bind(null, pool.id) as Form} wipLimit={pool.wipLimit} />
            </div>
          </ClientMessages>
        ) : null}
      </section>

      {view.may.manage ? (
        <section aria-labelledby="manage-title" className="space-y-3">
          <h2 id="manage-title" className="text-xl font-semibold">{t("manage.title")}</h2>
          <ClientMessages namespaces={["resources", "validation"]}>
            <div className="grid gap-4 md:grid-cols-2">
              <RenamePoolForm action={renamePoolAction.bind(null, pool.id, pool.version) as Form} name={pool.name} />
              <div className="space-y-2 rounded border border-slate-300 p-4">
                <p>{pool.active ? t("manage.deactivateIntro") : t("manage.reactivateIntro")}</p>
                <ConfirmAction
                  label={pool.active ? t("manage.deactivate") : t("manage.reactivate")}
                  title={pool.active ? t("manage.deactivateTitle", { name: pool.name }) : t("manage.reactivateTitle", { name: pool.name })}
                  body={pool.active ? t("manage.deactivateBody") : t("manage.reactivateBody")}
                  confirm={pool.active ? t("manage.deactivateYes") : t("manage.reactivateYes")}
                  cancel={t("manage.cancel")}
                  action={setPoolActiveAction.bind(null, pool.id, pool.version, !pool.active)}
                  messages={{ VERSION_CONFLICT: t("codes.VERSION_CONFLICT"), default: t("codes.default") }}
                  danger={pool.active}
                  testId="pool-active"
                />
              </div>
            </div>
          </ClientMessages>
        </section>
      ) : null}

      <section aria-labelledby="allocations-title" className="space-y-3">
        <h2 id="allocations-title" className="text-xl font-semibold">{t("pool.allocationsTitle")}</h2>
        <ClientMessages namespaces={["resources", "validation"]}>
          {allocations.rows.length ? (
            <>
              <p>{t("pool.showing", { from: (allocations.page - 1) * 50 + 1, to: (allocations.page - 1) * 50 + allocations.rows.length, total: allocations.total, first, last: quarters.at(-1)! })}</p>
              <div className="overflow-x-auto">
                <table className="w-full text-left" data-testid="pool-allocations">
                  <caption className="sr-only">{t("pool.allocationsCaption", { pool: pool.name })}</caption>
                  <TableHeader
                    columns={[
                      { label: t("columns.quarter"), className: "py-1 pr-3" },
                      { label: t("columns.initiative"), className: "py-1 pr-3" },
                      { label: t("columns.competence"), className: "py-1 pr-3" },
                      { label: t("columns.hours"), className: "py-1 pr-3 text-right" },
                      { label: t("columns.notes"), className: "py-1 pr-3" },
                      ...(mayChangeRows ? [{ label: t("columns.change"), className: "py-1" }] : []),
                    ]}
                  />
                  <tbody>
                    {allocations.rows.map((a) => (
                      <tr key={a.id} className="border-b border-slate-200 align-top">
                        <td className="py-1 pr-3 whitespace-nowrap">{a.quarter}</td>
                        <td className="py-1 pr-3">
                          <Link href={`/initiatives/${a.initiativeId}`} className="text-brand-800 underline">{`#${a.initiative.number} ${a.initiative.title}`}</Link>
                          <span className="block text-sm text-slate-700">{a.initiative.ownerDepartmentName} · <StatusBadge status={a.initiative.status} label={tAll(`status.${a.initiative.status}` as never)} /></span>
                        </td>
                        <td className="py-1 pr-3">{a.competence || t("wholePool")}</td>
                        <td className="py-1 pr-3 text-right tabular-nums">{hours(a.hours)}</td>
                        <td className="py-1 pr-3">{a.borrowed ? <span className="rounded border border-amber-700 bg-amber-50 px-2 py-0.5 text-sm text-amber-900">{t("borrowed")}</span> : null}</td>
                        {mayChangeRows ? (
                          <td className="py-1">
                            {ALLOCATABLE_STATUSES.includes(a.initiative.status) ? (
                              <AllocationRowForms
                                update={updateAllocationAction.bind(null, a.id, a.version, a.initiativeId) as Form}
                                remove={deleteAllocationAction.bind(null, a.id, a.version, a.initiativeId) as Form}
                                hours={a.hours}
                                label={`#${a.initiative.number}, ${a.quarter}${a.competence ? `, ${a.competence}` : ""}`}
                                idPrefix={`alloc-${a.id}`}
                              />
                            ) : null}
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination page={allocations.page} pages={allocations.pages} href={(p) => `${base}?from=${first}&page=${p}`} />
            </>
          ) : (
            <p>{t("pool.noAllocations", { first, last: quarters.at(-1)! })}</p>
          )}
          {view.may.allocate ? (
            <div className="space-y-2">
              <h3 className="font-semibold">{t("allocate.title")}</h3>
              <AllocationCreateForm action={allocateAction.bind(null, { poolId: pool.id }) as Form} idPrefix="pool-allocation" askInitiative quarters={editQuarters.slice(3)} defaultQuarter={view.currentQuarter} competences={competences} />
            </div>
          ) : null}
        </ClientMessages>
      </section>
    </div>
  );
}
