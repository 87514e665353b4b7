import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { activeDepartments } from "@/lib/server/organisation";
import { listPools } from "@/lib/server/resources";
import { resourceSettings } from "@/lib/server/settings";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { PoolKindLabel } from "@/components/resources/PoolKindLabel";
import { CreatePoolForm } from "@/components/resources/PoolForms";
import { SettingsForm } from "@/components/resources/SettingsForm";
import { POOL_FORM_MESSAGES } from "@/components/resources/form-messages";
import { createPoolAction, updateResourceSettingsAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resources"))("manage.pageTitle") };
}

/**
 * Creating pools and the resource settings. Kept off the resources overview, which everyone
 * reads often: the forms and their messages were a third of that page's weight.
 */
export default async function ManagePoolsPage() {
  const user = await requireUser();
  if (!can(user, "pool.managePage")) redirect("/settings?denied=pools");
  // Who may add pools: DIG and admin any kind; a department manager a local pool of the own department.
  const kinds = (["DIG", "DIGITAL_CENTER", "LOCAL"] as const).filter((kind) => can(user, "pool.manage", { kind, departmentId: kind === "LOCAL" ? user.departmentId : null }));
  const maySettle = can(user, "resource.settings");
  // The departments and the settings are read only for the forms this person is shown.
  const [t, pools, units, settings] = await Promise.all([
    getTranslations("resources"),
    listPools(user),
    kinds.includes("LOCAL") ? activeDepartments() : [],
    maySettle ? resourceSettings() : null,
  ]);
  const poolDepartments = units.filter((d) => can(user, "pool.manage", { kind: "LOCAL", departmentId: d.id }));

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p><Link href="/resources" className="text-brand-800 underline">{t("back")}</Link></p>
        <h1 className="text-3xl font-bold">{t("manage.pageTitle")}</h1>
        <p className="max-w-3xl">{t("manage.pageIntro")}</p>
      </div>

      <ClientMessages namespaces={POOL_FORM_MESSAGES}>
        {kinds.length ? (
          <section aria-labelledby="create-pool" className="space-y-3">
            <h2 id="create-pool" className="text-xl font-semibold">{t("manage.createTitle")}</h2>
            <CreatePoolForm action={createPoolAction} kinds={kinds} departments={poolDepartments.map((d) => ({ id: d.id, name: d.name }))} />
          </section>
        ) : null}

        {settings ? (
          <section aria-labelledby="settings-title" className="space-y-3">
            <h2 id="settings-title" className="text-xl font-semibold">{t("settings.title")}</h2>
            <SettingsForm action={updateResourceSettingsAction} settings={settings} />
          </section>
        ) : null}
      </ClientMessages>

      <section aria-labelledby="pool-list-title" className="space-y-3">
        <h2 id="pool-list-title" className="text-xl font-semibold">{t("manage.listTitle", { count: pools.length })}</h2>
        {pools.length === 0 ? <p>{t("manage.noPools")}</p> : (
          <ul className="ml-6 list-disc space-y-1" data-testid="pool-list">
            {pools.map((p) => (
              <li key={p.id}>
                <Link href={`/resources/${p.id}`} className="font-medium text-brand-800 underline">{p.name}</Link>
                {" "}<span className="text-slate-700">(<PoolKindLabel kind={p.kind} department={p.departmentName} />)</span>
                {p.active ? null : <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-medium text-slate-800">{t("manage.inactive")}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
