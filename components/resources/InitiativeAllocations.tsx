import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { TableHeader } from "@/components/ui/TableHeader";
import { STANDARD_COMPETENCES } from "@/lib/domain/capacity";
import type { InitiativeResources } from "@/lib/server/resources";
import { AllocationCreateForm, AllocationRowForms } from "./AllocationForms";
import type { ResourceActionState } from "./ResourceForm";

type Form = (prev: ResourceActionState, formData: FormData) => Promise<ResourceActionState>;
export type AllocationActions = {
  allocateAction: (fixed: { initiativeId?: string; poolId?: string }, prev: ResourceActionState, form: FormData) => Promise<ResourceActionState>;
  updateAllocationAction: (id: string, version: number, initiativeId: string, prev: ResourceActionState, form: FormData) => Promise<ResourceActionState>;
  deleteAllocationAction: (id: string, version: number, initiativeId: string, prev: ResourceActionState) => Promise<ResourceActionState>;
};

/** The initiative page's resources: its allocations per pool and quarter, the plan they follow, and forms for those who may allocate. */
export async function InitiativeAllocations({ view, actions }: { view: InitiativeResources; actions: AllocationActions }) {
  const [t, format] = await Promise.all([getTranslations("resources"), getFormatter()]);
  const hours = (v: number) => t("hoursValue", { value: format.number(v) });
  const mayChangeAny = view.allocations.some((a) => a.mayChange);
  const competences = [...new Set([...STANDARD_COMPETENCES, ...view.pools.flatMap((p) => p.competences)])];
  const current = view.quarterOptions[1] ?? view.quarterOptions[0]!;
  return (
    <ClientMessages namespaces={["resources", "validation"]}>
      <section aria-labelledby="resources-title" className="space-y-3" data-testid="initiative-resources">
        <h2 id="resources-title" className="text-xl font-semibold">{t("initiative.title")}</h2>
        <p data-testid="planned-period">
          {view.plan.start && view.plan.end ? t("initiative.plan", { start: view.plan.start, end: view.plan.end }) : t("initiative.noPlan")}
        </p>
        <p>
          {t("initiative.effort", {
            estimated: view.estimatedEffortHours === null ? t("unknown") : hours(view.estimatedEffortHours),
            allocated: hours(view.allocatedHours),
            unallocated: hours(view.unallocatedHours),
          })}
        </p>
        {view.allocations.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left" data-testid="allocations">
              <caption className="sr-only">{t("initiative.caption")}</caption>
              <TableHeader
                columns={[
                  { label: t("columns.quarter"), className: "py-1 pr-3" },
                  { label: t("columns.pool"), className: "py-1 pr-3" },
                  { label: t("columns.competence"), className: "py-1 pr-3" },
                  { label: t("columns.hours"), className: "py-1 pr-3 text-right" },
                  { label: t("columns.notes"), className: "py-1 pr-3" },
                  ...(mayChangeAny ? [{ label: t("columns.change"), className: "py-1" }] : []),
                ]}
              />
              <tbody>
                {view.allocations.map((a) => {
                  const label = `${a.pool.name}, ${a.quarter}${a.competence ? `, ${a.competence}` : ""}`;
                  return (
                    <tr key={a.id} className="border-b border-slate-200 align-top">
                      <td className="py-1 pr-3 whitespace-nowrap">{a.quarter}</td>
                      <td className="py-1 pr-3">{a.pool.name}</td>
                      <td className="py-1 pr-3">{a.competence || t("wholePool")}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">{hours(a.hours)}</td>
                      <td className="py-1 pr-3">
                        {[a.borrowed ? t("borrowed") : null, a.outsidePlan ? t("outsidePlan") : null].filter(Boolean).map((note) => (
                          <span key={note} className="mr-2 inline-block rounded border border-amber-700 bg-amber-50 px-2 py-0.5 text-sm text-amber-900">{note}</span>
                        ))}
                      </td>
                      {mayChangeAny ? (
                        <td className="py-1">
                          {a.mayChange ? (
                            <AllocationRowForms
                              update={actions.updateAllocationAction.bind(null, a.id, a.version, view.initiativeId) as Form}
                              remove={actions.deleteAllocationAction.bind(null, a.id, a.version, view.initiativeId) as Form}
                              hours={a.hours}
                              label={label}
                              idPrefix={`alloc-${a.id}`}
                            />
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("initiative.none")}</p>
        )}
        {!view.allocatable ? <p className="text-slate-700">{t("initiative.notAllocatable")}</p> : null}
        {view.pools.length ? (
          <div className="space-y-2">
            <h3 className="font-semibold">{t("allocate.title")}</h3>
            <AllocationCreateForm
              action={actions.allocateAction.bind(null, { initiativeId: view.initiativeId }) as Form}
              idPrefix="new-allocation"
              pools={view.pools.map((p) => ({ id: p.id, label: p.departmentName && p.kind === "LOCAL" ? `${p.name} (${p.departmentName})` : p.name }))}
              quarters={view.quarterOptions}
              defaultQuarter={view.plan.start && view.quarterOptions.includes(view.plan.start) ? view.plan.start : current}
              competences={competences}
            />
          </div>
        ) : null}
      </section>
    </ClientMessages>
  );
}
