import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { oidcConfigured } from "@/lib/auth/options";
import { can } from "@/lib/auth/policy";
import { ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listDepartments } from "@/lib/server/organisation";
import { autoCreateEnabled, groupClaimNames, listSsoMappings, readSsoSettings } from "@/lib/server/sso";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { TableHeader } from "@/components/ui/TableHeader";
import { SettingsBack } from "@/components/settings/SettingsBack";
import { SsoMappingForm, SsoSettingsForm } from "@/components/settings/SsoForms";
import { createSsoMappingAction, deleteSsoMappingAction, saveSsoSettingsAction, updateSsoMappingAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sso"))("title") };
}

export default async function SsoPage() {
  const user = await requireUser();
  if (!can(user, "admin.sso")) redirect("/settings?denied=sso");
  const [t, mappings, settings, units] = await Promise.all([getTranslations(), listSsoMappings(user), readSsoSettings(user), listDepartments(user)]);
  const departments = units.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name }));
  const cell = "py-2 pr-3 align-top";
  return (
    <div className="space-y-8">
      <SettingsBack />
      <div>
        <h1 className="text-3xl font-bold">{t("sso.title")}</h1>
        <p className="mt-2 max-w-3xl">{t("sso.intro")}</p>
      </div>
      <section aria-labelledby="sso-status" className="space-y-2 rounded border border-slate-300 p-4" data-testid="sso-status">
        <h2 id="sso-status" className="text-xl font-semibold">{t("sso.statusTitle")}</h2>
        <p>{oidcConfigured() ? t("sso.configured", { issuer: process.env.OIDC_ISSUER ?? "" }) : t("sso.notConfigured")}</p>
        <p>{autoCreateEnabled() ? t("sso.autoCreateOn") : t("sso.autoCreateOff")}</p>
        <p>{t("sso.claims", { claims: groupClaimNames().join(", ") })}</p>
      </section>
      <section aria-labelledby="sso-unmapped" className="space-y-3 rounded border border-slate-300 p-4">
        <h2 id="sso-unmapped" className="text-xl font-semibold">{t("sso.unmappedTitle")}</h2>
        <p className="max-w-3xl">{t("sso.rules")}</p>
        <ClientMessages namespaces={["sso", "validation"]}>
          <SsoSettingsForm action={saveSsoSettingsAction} unmapped={settings.unmapped} />
        </ClientMessages>
      </section>
      <section aria-labelledby="sso-add" className="space-y-3 rounded border border-slate-300 p-4">
        <h2 id="sso-add" className="text-xl font-semibold">{t("sso.addTitle")}</h2>
        <ClientMessages namespaces={["sso", "validation", "roles"]}>
          <SsoMappingForm action={createSsoMappingAction} idPrefix="new-mapping" roles={ROLES} departments={departments} />
        </ClientMessages>
      </section>
      <section aria-labelledby="sso-list" className="space-y-3">
        <h2 id="sso-list" className="text-xl font-semibold">{t("sso.listTitle", { count: mappings.length })}</h2>
        {mappings.length === 0 ? (
          <p>{t("sso.none")}</p>
        ) : (
          <ClientMessages namespaces={["sso", "validation", "roles"]}>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="sso-table">
                <caption className="sr-only">{t("sso.listTitle", { count: mappings.length })}</caption>
                <TableHeader
                  columns={[
                    { label: t("sso.fields.claimValue"), className: cell },
                    { label: t("sso.fields.description"), className: cell },
                    { label: t("sso.fields.role"), className: cell },
                    { label: t("sso.fields.department"), className: cell },
                    { label: t("sso.fields.actions"), className: cell },
                  ]}
                />
                <tbody>
                  {mappings.map((m) => (
                    <tr key={m.id} className="border-b border-slate-200" data-testid={`mapping-${m.claimValue}`}>
                      <th scope="row" className={`${cell} break-all font-mono font-normal`}>{m.claimValue}</th>
                      <td className={cell}>{m.description || "–"}</td>
                      <td className={cell}>{t(`roles.${m.role}`)}</td>
                      <td className={cell}>{m.departmentName ?? "–"}</td>
                      <td className={`${cell} space-y-2`}>
                        <details>
                          <summary className="cursor-pointer font-medium text-brand-800 underline">{t("sso.edit")}<span className="sr-only"> {m.claimValue}</span></summary>
                          <div className="mt-2 w-[36rem] max-w-full rounded border border-slate-300 bg-white p-3">
                            <SsoMappingForm
                              action={updateSsoMappingAction.bind(null, m.id, m.version)}
                              idPrefix={`mapping-${m.id}`}
                              values={m}
                              roles={ROLES}
                              departments={m.departmentId && !departments.some((d) => d.id === m.departmentId) ? [...departments, { id: m.departmentId, name: m.departmentName ?? "" }] : departments}
                              submitName={`${t("sso.save")} ${m.claimValue}`}
                            />
                          </div>
                        </details>
                        <ConfirmAction
                          label={t("sso.delete")}
                          labelName={`${t("sso.delete")} ${m.claimValue}`}
                          title={t("sso.deleteTitle")}
                          body={t("sso.deleteBody", { claim: m.claimValue })}
                          confirm={t("sso.deleteYes")}
                          cancel={t("sso.cancel")}
                          action={deleteSsoMappingAction.bind(null, m.id)}
                          messages={{ default: t("sso.error") }}
                          danger
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </ClientMessages>
        )}
      </section>
    </div>
  );
}
