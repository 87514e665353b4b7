import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { triageFlow, triageQueuePage, TRIAGE_PAGE_SIZE, type QueueItem } from "@/lib/server/triage";
import { Pagination } from "@/components/ui/Pagination";
import { TableHeader } from "@/components/ui/TableHeader";
import { GlossaryTerms } from "@/components/ui/GlossaryTerms";
import { QueueRows, type QueueRowView } from "@/components/triage/QueueRows";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("triage"))("title") };
}

export default async function TriageQueuePage({ searchParams }: { searchParams: Promise<{ done?: string; number?: string; page?: string }> }) {
  const user = await requireUser();
  if (!can(user, "triage.perform")) redirect("/?denied=triage");
  const { done, number, page } = await searchParams;
  const [t, format, result, flow] = await Promise.all([getTranslations(), getFormatter(), triageQueuePage(user, Number(page ?? 1)), triageFlow(user)]);
  const queue = result.rows;
  const from = (result.page - 1) * TRIAGE_PAGE_SIZE + 1;
  const doneKey = done === "triaged" || done === "needsInfo" || done === "approved" ? done : null;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("triage.title")}</h1>
      <p>{t("triage.intro")}</p>
      <GlossaryTerms terms={["triage", "tracks", "delegation", "needsInfo"]} />
      {doneKey ? (
        <p role="status" className="rounded border-2 border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900">
          {t(`triage.done.${doneKey}`, { number: number ?? "" })}
        </p>
      ) : null}
      <p data-testid="flow">
        {flow.count ? t("triage.flow", { median: flow.median ?? 0, p90: flow.p90 ?? 0, count: flow.count }) : t("triage.flowNone")}
      </p>
      {queue.length ? <p>{t("triage.showing", { from, to: from + queue.length - 1, total: result.total })}</p> : null}
      {queue.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">{t("triage.title")}</caption>
            <TableHeader
              columns={[
                { label: t("triage.columns.number"), className: "px-2 py-2" },
                { label: t("triage.columns.title"), className: "px-2 py-2" },
                { label: t("triage.columns.department"), className: "px-2 py-2" },
                { label: t("triage.columns.waiting"), className: "px-2 py-2 text-right" },
                { label: t("triage.columns.completeness"), className: "px-2 py-2 text-right" },
                { label: t("triage.columns.suggestion"), className: "px-2 py-2" },
                { label: t("triage.columns.checks"), className: "px-2 py-2" },
              ]}
            />
            <QueueRows rows={queue.map((q) => wordRow(q, t, format))} noChecks={t("triage.noChecks")} />
          </table>
        </div>
      ) : (
        <p>{t("triage.empty")}</p>
      )}
      <Pagination page={result.page} pages={result.pages} href={(p) => `/triage?page=${p}`} />
    </div>
  );
}

type Translator = Awaited<ReturnType<typeof getTranslations>>;
type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** A queue row as the table shows it: every cell worded here, on the server. */
function wordRow(q: QueueItem, t: Translator, format: Formatter): QueueRowView {
  const checks = [
    ...q.checks.map((c) => t(`triage.checks.${c as "replacementWithoutDevelopment"}`)),
    ...(q.suggestion.quadrant.flagged && q.suggestion.quadrant.suggested && q.suggestion.quadrant.stated
      ? [t("triage.quadrantFlag", { suggested: q.suggestion.quadrant.suggested, stated: q.suggestion.quadrant.stated })]
      : []),
    ...(q.missing.length
      ? [t("triage.missingList", { list: format.list(q.missing.map((m) => t(`initiative.completeness.items.${m}`)), { type: "conjunction" }) })]
      : []),
  ];
  return {
    id: q.id,
    number: q.number,
    title: q.title,
    openLabel: `${t("triage.open", { number: q.number })}: ${q.title}`,
    department: q.department,
    waiting: t("triage.days", { days: q.daysWaiting }),
    completeness: t("portfolio.percent", { value: format.number(q.completeness) }),
    suggestion: [
      t(`kind.${q.suggestion.kind.value}`),
      q.suggestion.size.value ? t(`size.${q.suggestion.size.value}`) : t("triage.sizeUnknown"),
      q.suggestion.track.value ? t(`track.${q.suggestion.track.value}`) : t("triage.trackUnknown"),
    ].join(" · "),
    ...(checks.length ? { checks } : {}),
  };
}
