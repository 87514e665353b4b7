import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { listDepartments } from "@/lib/server/organisation";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { TableHeader } from "@/components/ui/TableHeader";
import { DepartmentForm } from "@/components/settings/DepartmentForm";
import { SettingsBack } from "@/components/settings/SettingsBack";
import { createDepartmentAction, deleteDepartmentAction, setDepartmentActiveAction, updateDepartmentAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisation"))("title") };
}

export default async function OrganisationPage() {
  const user = await requireUser();
  if (!can(user, "admin.organisation")) redirect("/settings?denied=organisation");
  const [t, units] = await Promise.all([getTranslations(), listDepartments(user)]);
  const cell = "py-2 pr-3 align-top";
  const active = units.filter((u) => u.active);
  return (
    <div className="space-y-8">
      <SettingsBack />
      <div>
        <h1 className="text-3xl font-bold">{t("organisation.title")}</h1>
        <p className="mt-2 max-w-3xl">{t("organisation.intro")}</p>
      </div>

      <section aria-labelledby="add-unit" className="space-y-3 rounded border border-slate-300 p-4">
        <h2 id="add-unit" className="text-xl font-semibold">{t("organisation.addTitle")}</h2>
        <ClientMessages namespaces={["organisation", "validation"]}>
          <DepartmentForm action={createDepartmentAction} idPrefix="new-unit" parents={active.map((u) => ({ id: u.id, name: u.name }))} />
        </ClientMessages>
      </section>

      <section aria-labelledby="units" className="space-y-3">
        <h2 id="units" className="text-xl font-semibold">{t("organisation.listTitle", { count: units.length })}</h2>
        <ClientMessages namespaces={["organisation", "validation"]}>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="unit-table">
              <caption className="sr-only">{t("organisation.listCaption")}</caption>
              <TableHeader
                columns={[
                  { label: t("organisation.fields.name"), className: cell },
                  { label: t("organisation.fields.shortName"), className: cell },
                  { label: t("organisation.fields.kind"), className: cell },
                  { label: t("organisation.fields.parent"), className: cell },
                  { label: t("organisation.fields.usage"), className: cell },
                  { label: t("organisation.fields.status"), className: cell },
                  { label: t("organisation.fields.actions"), className: cell },
                ]}
              />
              <tbody>
                {units.map((u) => {
                  const used = u.usage.initiatives + u.usage.users + u.usage.pools + u.usage.children > 0;
                  return (
                    <tr key={u.id} className="border-b border-slate-200" data-testid={`unit-row-${u.shortName}`}>
                      <th scope="row" className={`${cell} font-medium`}>{u.name}</th>
                      <td className={cell}>{u.shortName}</td>
                      <td className={cell}>{t(`organisation.kind.${u.kind}`)}</td>
                      <td className={cell}>{u.parentName ?? "–"}</td>
                      <td className={cell}>{t("organisation.usage", { initiatives: u.usage.initiatives, users: u.usage.users, pools: u.usage.pools })}</td>
                      <td className={cell}>
                        <span className={u.active ? "rounded bg-emerald-100 px-2 py-0.5 font-medium text-emerald-900" : "rounded bg-slate-200 px-2 py-0.5 font-medium text-slate-800"}>
                          {u.active ? t("organisation.active") : t("organisation.inactive")}
                        </span>
                      </td>
                      <td className={`${cell} space-y-2`}>
                        <details>
                          <summary className="cursor-pointer font-medium text-brand-800 underline">{t("organisation.edit")}<span className="sr-only"> {u.name}</span></summary>
                          <div className="mt-2 w-[36rem] max-w-full rounded border border-slate-300 bg-white p-3">
                            <DepartmentForm
                              action={updateDepartmentAction.bind(null, u.id, u.version)}
                              idPrefix={`unit-${u.id}`}
                              values={{ name: u.name, shortName: u.shortName, kind: u.kind, parentId: u.parentId }}
                              parents={active.filter((p) => p.id !== u.id).map((p) => ({ id: p.id, name: p.name }))}
                              submitName={`${t("organisation.save")} ${u.name}`}
                            />
                          </div>
                        </details>
                        <div className="flex flex-wrap gap-2">
                          <ConfirmAction
                            label={u.active ? t("organisation.deactivate") : t("organisation.reactivate")}
                            labelName={`${u.active ? t("organisation.deactivate") : t("organisation.reactivate")} ${u.name}`}
                            title={u.active ? t("organisation.deactivateTitle", { name: u.name }) : t("organisation.reactivateTitle", { name: u.name })}
                            body={u.active ? t("organisation.deactivateBody") : t("organisation.reactivateBody")}
                            confirm={u.active ? t("organisation.deactivateYes") : t("organisation.reactivateYes")}
                            cancel={t("organisation.cancel")}
                            action={setDepartmentActiveAction.bind(null, u.id, u.version, !u.active)}
                            messages={{ VERSION_CONFLICT: t("organisation.conflict"), default: t("organisation.error") }}
                            danger={u.active}
                          />
                          {used ? null : (
                            <ConfirmAction
                              label={t("organisation.delete")}
                              labelName={`${t("organisation.delete")} ${u.name}`}
                              title={t("organisation.deleteTitle", { name: u.name })}
                              body={t("organisation.deleteBody")}
                              confirm={t("organisation.deleteYes")}
                              cancel={t("organisation.cancel")}
                              action={deleteDepartmentAction.bind(null, u.id)}
                              messages={{ IN_USE: t("organisation.inUse"), default: t("organisation.error") }}
                              danger
                            />
                          )}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </ClientMessages>
      </section>
    </div>
  );
}
