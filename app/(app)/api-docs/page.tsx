import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { ApiReference } from "@/components/api-docs/ApiReference";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiAccess"))("docs.title") };
}

const SPEC_URL = "/api/v1/openapi.json";

/** The open API's reference, for every signed-in user. */
export default async function ApiDocsPage() {
  const user = await requireUser();
  const t = await getTranslations("apiAccess");
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("docs.title")}</h1>
        <p className="max-w-3xl">{t("docs.intro")}</p>
        <p className="max-w-3xl">{t("docs.auth")}</p>
        <ul className="list-disc pl-6">
          <li>
            <a href={SPEC_URL} className="font-medium text-brand-800 underline">{t("docs.raw")}</a>
          </li>
          {can(user, "admin.tokens") ? (
            <li>
              <Link href="/settings/tokens" className="font-medium text-brand-800 underline">{t("title")}</Link>
            </li>
          ) : null}
        </ul>
      </div>
      <ApiReference specUrl={SPEC_URL} loading={t("docs.loading")} failed={t("docs.failed")} />
    </div>
  );
}
