import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { WeightBy } from "@/lib/domain/balance";
import type { MeetingPreview } from "@/lib/domain/meeting-preview";
import { WEIGHTINGS } from "@/lib/domain/meeting-preview";
import { signed } from "@/lib/i18n/signed";
import { TableHeader } from "@/components/ui/TableHeader";

type Props = {
  preview: MeetingPreview & { quarters: string[]; targetYear: number };
  number: number;
  weightBy: WeightBy;
  /** The page's address with this preview open, without weightBy. */
  href: string;
  closeHref: string;
};

/** What approving would do, before and after, as tables (server-rendered: works without JavaScript). */
export async function DecisionPreview({ preview, number, weightBy, href, closeHref }: Props) {
  const [t, tq, format] = await Promise.all([getTranslations("meetings"), getTranslations("quadrant"), getFormatter()]);
  const pct = (v: number | null) => (v === null ? t("noCapacity") : t("percent", { value: format.number(v) }));
  const hours = (v: number) => t("hours", { value: format.number(v) });
  const { before, after } = preview.balance[weightBy];
  const load = preview.capacity;
  const cell = "px-2 py-1";
  return (
    <section id="preview" tabIndex={-1} aria-labelledby="preview-title" className="mt-3 space-y-4 rounded border-2 border-brand-700 bg-white p-4" data-testid="preview">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h4 id="preview-title" className="text-lg font-semibold">{t("previewTitle", { number })}</h4>
        <Link href={closeHref} className="font-medium text-brand-800 underline">{t("closePreview")}</Link>
      </div>
      {preview.alreadyActive ? <p className="font-medium">{t("alreadyActive")}</p> : null}

      <nav aria-label={t("weightBy")} className="flex flex-wrap items-center gap-3">
        <span>{t("weightBy")}:</span>
        {WEIGHTINGS.map((w) => (
          <Link key={w} href={`${href}&weightBy=${w}#preview`} aria-current={w === weightBy ? "true" : undefined} className={`rounded border px-3 py-1 ${w === weightBy ? "border-brand-800 bg-brand-700 text-white" : "border-slate-400 text-brand-800"}`}>
            {t(`weights.${w}`)}
          </Link>
        ))}
      </nav>
      <div className="overflow-x-auto">
        <table className="w-full text-left" data-testid="preview-balance">
          <caption className="mb-1 text-left font-semibold">{t("balanceCaption", { weight: t(`weights.${weightBy}`) })}</caption>
          <TableHeader
            columns={[
              { label: t("previewColumns.quadrant"), className: cell },
              { label: t("previewColumns.target", { year: preview.targetYear }), className: `${cell} text-right` },
              { label: t("previewColumns.before"), className: `${cell} text-right` },
              { label: t("previewColumns.after"), className: `${cell} text-right` },
              { label: t("previewColumns.change"), className: `${cell} text-right` },
            ]}
          />
          <tbody>
            {after.quadrants.map((q, i) => {
              const was = before.quadrants[i]!;
              return (
                <tr key={q.quadrant} className="border-b border-slate-200">
                  <th scope="row" className={`${cell} font-medium`}>{tq(q.quadrant)}</th>
                  <td className={`${cell} text-right tabular-nums`}>{q.targetPercent === null ? t("noTarget") : pct(q.targetPercent)}</td>
                  <td className={`${cell} text-right tabular-nums`}>{pct(was.actualPercent)}</td>
                  <td className={`${cell} text-right tabular-nums`}>{pct(q.actualPercent)}</td>
                  <td className={`${cell} text-right tabular-nums`}>{t("pp", { value: signed(Math.round((q.actualPercent - was.actualPercent) * 10) / 10, (v) => format.number(v)) })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {after.excluded ? <p className="text-sm">{t("excluded", { count: after.excluded, weight: weightBy })}</p> : null}

      <div className="overflow-x-auto">
        <table className="w-full text-left" data-testid="preview-load">
          <caption className="mb-1 text-left font-semibold">{t("loadCaption", { from: preview.quarters[0] ?? "", to: preview.quarters.at(-1) ?? "" })}</caption>
          <TableHeader
            columns={[
              { label: <span className="sr-only">{t("previewColumns.quadrant")}</span>, className: cell },
              { label: t("previewColumns.before"), className: `${cell} text-right` },
              { label: t("previewColumns.after"), className: `${cell} text-right` },
            ]}
          />
          <tbody>
            <tr className="border-b border-slate-200">
              <th scope="row" className={`${cell} font-medium`}>{t("loadRows.demand")}</th>
              <td className={`${cell} text-right tabular-nums`}>{hours(load.before.demandHours)}</td>
              <td className={`${cell} text-right tabular-nums`}>{hours(load.after.demandHours)}</td>
            </tr>
            <tr className="border-b border-slate-200">
              <th scope="row" className={`${cell} font-medium`}>{t("loadRows.capacity")}</th>
              <td className={`${cell} text-right tabular-nums`}>{hours(load.capacityHours)}</td>
              <td className={`${cell} text-right tabular-nums`}>{hours(load.capacityHours)}</td>
            </tr>
            <tr className="border-b border-slate-200">
              <th scope="row" className={`${cell} font-medium`}>{t("loadRows.load")}</th>
              <td className={`${cell} text-right font-semibold tabular-nums`}>{pct(load.before.loadPercent)}</td>
              <td className={`${cell} text-right font-semibold tabular-nums`}>{pct(load.after.loadPercent)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {!preview.alreadyActive ? <p>{t(`candidateDemand.${load.candidate.source}`, { hours: hours(load.candidate.hours ?? 0) })}</p> : null}
      {load.before.unknownCount ? <p className="text-sm">{t("unknownDemand", { count: load.before.unknownCount })}</p> : null}
    </section>
  );
}
