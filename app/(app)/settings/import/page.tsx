import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { IMPORT_FIELDS, IMPORT_LIMITS, REQUIRED_IMPORT_FIELDS } from "@/lib/validation/data";
import { ImportWizard } from "@/components/data/ImportWizard";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { TableHeader } from "@/components/ui/TableHeader";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("data"))("importTitle") };
}

const linkButton = "inline-block rounded border border-brand-800 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50";

export default async function ImportPage() {
  const user = await requireUser();
  if (!can(user, "data.import")) redirect("/settings?denied=data");
  const t = await getTranslations("data");
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold">{t("importTitle")}</h1>
        <p>{t("importIntro")}</p>
        <p>{t("importRules", { rows: IMPORT_LIMITS.rows, megabytes: IMPORT_LIMITS.fileBytes / 1024 / 1024 })}</p>
        {can(user, "data.export") ? (
          <p>
            <Link href="/settings/data" className="text-brand-800 underline">{t("dataLink")}</Link>
          </p>
        ) : null}
      </div>

      <section aria-labelledby="template-title" className="space-y-3">
        <h2 id="template-title" className="text-xl font-semibold">{t("templateTitle")}</h2>
        <p>{t("templateIntro")}</p>
        <p className="flex flex-wrap gap-3">
          <a href="/api/v1/import/initiatives/template?format=xlsx" download className={linkButton} data-testid="template-xlsx">{t("templateXlsx")}</a>
          <a href="/api/v1/import/initiatives/template?format=csv" download className={linkButton} data-testid="template-csv">{t("templateCsv")}</a>
        </p>
        <table className="w-full text-left">
          <caption className="text-left font-semibold">{t("columnsCaption")}</caption>
          <TableHeader columns={[{ label: t("columnHeader"), className: "py-1 pr-3" }, { label: t("requiredHeader"), className: "py-1 pr-3" }, { label: t("formatHeader"), className: "py-1" }]} />
          <tbody>
            {IMPORT_FIELDS.map((field) => (
              <tr key={field} className="border-b border-slate-200">
                <th scope="row" className="py-1 pr-3 font-medium">{t(`columns.${field}`)}</th>
                <td className="py-1 pr-3">{REQUIRED_IMPORT_FIELDS.includes(field) ? t("yes") : t("no")}</td>
                <td className="py-1">{t.has(`columnHelp.${field}`) ? t(`columnHelp.${field}` as "columnHelp.status") : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <ClientMessages namespaces={["data", "validation", "status"]}>
        <ImportWizard />
      </ClientMessages>
    </div>
  );
}
