import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { auditLog, auditVocabulary } from "@/lib/server/audit-log";
import { auditQuery } from "@/lib/validation/audit";
import { changeLines } from "@/lib/domain/audit-change";
import { AuditEventList } from "@/components/settings/AuditEventList";
import { SettingsBack } from "@/components/settings/SettingsBack";
import { AuditFilter } from "@/components/settings/AuditFilter";
import { formatLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

const FILTER_KEYS = ["actor", "entityType", "entityId", "action", "from", "to"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!can(user, "audit.browse")) redirect("/settings?denied=audit");
  const raw = await searchParams;
  const pick = (keys: readonly string[]) => Object.fromEntries(keys.flatMap((k) => (typeof raw[k] === "string" && raw[k] ? [[k, raw[k] as string]] : [])));
  const filter = pick(FILTER_KEYS);
  const paging = pick(["cursor", "direction"]);
  const valid = auditQuery.safeParse({ ...filter, ...paging });
  const [t, locale, page, vocabulary] = await Promise.all([
    getTranslations(),
    getLocale(),
    auditLog(user, valid.success ? { ...filter, ...paging } : {}),
    auditVocabulary(user),
  ]);
  const href = (extra: Record<string, string>) => `/settings/audit?${new URLSearchParams({ ...filter, ...extra }).toString()}`;
  const exportHref = `/api/v1/audit-events/export?${new URLSearchParams(filter).toString()}`;
  // One formatter for the page's 25 times (next-intl's formatter per call costs more here).
  const when = new Intl.DateTimeFormat(formatLocale(locale), { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/Stockholm" });
  return (
    <div className="space-y-6">
      <SettingsBack />
      <div>
        <h1 className="text-3xl font-bold">{t("audit.title")}</h1>
        <p className="mt-2 max-w-3xl">{t("audit.intro")}</p>
      </div>
      <AuditFilter
        values={filter}
        entityTypes={vocabulary.entityTypes}
        actions={vocabulary.actions}
        exportHref={exportHref}
        words={{
          label: t("audit.filterLabel"), actor: t("audit.fields.actor"), actorHelp: t("audit.help.actor"), entityType: t("audit.fields.entityType"), entityId: t("audit.fields.entityId"),
          action: t("audit.fields.action"), from: t("audit.fields.from"), to: t("audit.fields.to"), all: t("audit.all"), apply: t("audit.apply"), reset: t("audit.reset"), export: t("audit.export"), incompleteDate: t("audit.incompleteDate"),
        }}
      />
      {valid.success ? null : <p role="alert" className="font-medium text-red-800">{t("audit.invalidFilter")}</p>}
      {page.data.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <AuditEventList
          labels={{ list: t("audit.listLabel"), before: t("audit.before"), after: t("audit.after"), nothing: t("audit.nothing") }}
          events={page.data.map((e) => ({ id: e.id, at: when.format(e.at), actor: e.actorLabel, action: e.action, entity: `${e.entityType} ${e.entityId}`, changes: changeLines(e.before, e.after) }))}
        />
      )}
      {page.newer || page.older ? (
        <nav aria-label={t("audit.pages")} className="flex items-center gap-4">
          {page.newer ? <Link href={href({ cursor: page.newer, direction: "newer" })} className="font-medium text-brand-800 underline">{t("audit.newer")}</Link> : null}
          {page.older ? <Link href={href({ cursor: page.older, direction: "older" })} className="font-medium text-brand-800 underline">{t("audit.older")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
