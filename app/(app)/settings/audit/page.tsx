import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { auditLog, auditVocabulary } from "@/lib/server/audit-log";
import { auditQuery } from "@/lib/validation/audit";
import { AuditChange } from "@/components/settings/AuditChange";
import { SettingsBack } from "@/components/settings/SettingsBack";
import { FILTER_INPUT } from "@/components/ui/FilterSelect";

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
  const [t, format, page, vocabulary] = await Promise.all([
    getTranslations(),
    getFormatter(),
    auditLog(user, valid.success ? { ...filter, ...paging } : {}),
    auditVocabulary(user),
  ]);
  const href = (extra: Record<string, string>) => `/settings/audit?${new URLSearchParams({ ...filter, ...extra }).toString()}`;
  const exportHref = `/api/v1/audit-events/export?${new URLSearchParams(filter).toString()}`;
  const labels = { field: t("audit.field"), before: t("audit.before"), after: t("audit.after"), caption: t("audit.changeCaption"), nothing: t("audit.nothing") };
  return (
    <div className="space-y-6">
      <SettingsBack />
      <div>
        <h1 className="text-3xl font-bold">{t("audit.title")}</h1>
        <p className="mt-2 max-w-3xl">{t("audit.intro")}</p>
      </div>
      <form method="get" action="/settings/audit" aria-label={t("audit.filterLabel")} className="grid gap-3 rounded border border-slate-300 p-4 md:grid-cols-3" data-testid="audit-filter">
        <div>
          <label htmlFor="audit-actor" className="font-medium">{t("audit.fields.actor")}</label>
          <input id="audit-actor" name="actor" type="search" defaultValue={filter.actor ?? ""} aria-describedby="audit-actor-help" className={FILTER_INPUT} />
          <p id="audit-actor-help" className="mt-1 text-sm text-slate-700">{t("audit.help.actor")}</p>
        </div>
        <div>
          <label htmlFor="audit-entityType" className="font-medium">{t("audit.fields.entityType")}</label>
          <select id="audit-entityType" name="entityType" defaultValue={filter.entityType ?? ""} className={FILTER_INPUT}>
            <option value="">{t("audit.all")}</option>
            {vocabulary.entityTypes.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="audit-entityId" className="font-medium">{t("audit.fields.entityId")}</label>
          <input id="audit-entityId" name="entityId" defaultValue={filter.entityId ?? ""} className={FILTER_INPUT} />
        </div>
        <div>
          <label htmlFor="audit-action" className="font-medium">{t("audit.fields.action")}</label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className={FILTER_INPUT}>
            <option value="">{t("audit.all")}</option>
            {vocabulary.actions.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="font-medium">{t("audit.fields.from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} className={FILTER_INPUT} />
        </div>
        <div>
          <label htmlFor="audit-to" className="font-medium">{t("audit.fields.to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} className={FILTER_INPUT} />
        </div>
        <div className="flex flex-wrap items-end gap-3 md:col-span-3">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("audit.apply")}</button>
          <Link href="/settings/audit" className="font-medium text-brand-800 underline">{t("audit.reset")}</Link>
          <a href={exportHref} className="font-medium text-brand-800 underline" data-testid="audit-export">{t("audit.export")}</a>
        </div>
      </form>
      {valid.success ? null : <p role="alert" className="font-medium text-red-800">{t("audit.invalidFilter")}</p>}
      {page.data.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <ol className="space-y-2" data-testid="audit-events" aria-label={t("audit.listLabel")}>
          {page.data.map((e) => (
            <li key={e.id} className="rounded border border-slate-300 p-3" data-testid="audit-event">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-medium">{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "medium" })}</span>
                  {" · "}
                  <span>{e.actorLabel}</span>
                  {" · "}
                  <span className="font-mono">{e.action}</span>
                  {" · "}
                  <span>{`${e.entityType} ${e.entityId}`}</span>
                </summary>
                <div className="mt-2 overflow-x-auto">
                  <AuditChange before={e.before} after={e.after} labels={labels} />
                </div>
              </details>
            </li>
          ))}
        </ol>
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
