import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { databaseRowCounts } from "@/lib/server/full-export";
import { RestoreForm } from "@/components/data/RestoreForm";
import { ClientMessages } from "@/components/ui/ClientMessages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("data"))("dataTitle") };
}

export default async function DataPage() {
  const user = await requireUser();
  if (!can(user, "data.export")) redirect("/settings?denied=data");
  const [t, counts] = await Promise.all([getTranslations("data"), databaseRowCounts(user)]);
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold">{t("dataTitle")}</h1>
        <p>{t("dataIntro")}</p>
        {can(user, "data.import") ? (
          <p>
            <Link href="/settings/import" className="text-brand-800 underline">{t("importLink")}</Link>
          </p>
        ) : null}
      </div>

      <section aria-labelledby="export-title" className="space-y-3">
        <h2 id="export-title" className="text-xl font-semibold">{t("exportTitle")}</h2>
        <p>{t("exportIntro")}</p>
        <p>
          <a href="/api/v1/export/full" download className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800" data-testid="full-export">
            {t("exportButton")}
          </a>
        </p>
      </section>

      <section aria-labelledby="restore-title" className="space-y-3">
        <h2 id="restore-title" className="text-xl font-semibold">{t("restoreTitle")}</h2>
        <p>{t("restoreIntro")}</p>
        {rows > 0 || !can(user, "data.restore") ? (
          <div className="space-y-2" data-testid="restore-disabled">
            <p>{t("restoreNotEmpty", { rows })}</p>
            <p>{t("restoreHow")}</p>
            <pre className="overflow-x-auto rounded bg-slate-100 p-3 text-sm">
              <code>{"PGLITE_DATA_DIR=data/ny npm run data:restore -- portfoljen-export.json\nDATABASE_URL=postgresql://… npm run data:restore -- portfoljen-export.json"}</code>
            </pre>
          </div>
        ) : (
          <ClientMessages namespaces={["data"]}>
            <RestoreForm />
          </ClientMessages>
        )}
      </section>
    </div>
  );
}
