import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { realisedShare, type RealisationRow } from "@/lib/domain/benefits";

/**
 * Realised against planned benefit in a sentence: the track record of what was decided, on a
 * portfolio meeting (all decided initiatives) or a program (its own), with a link to the detail.
 */
export async function RealisationNote({ rows, kind, testId }: { rows: RealisationRow[]; kind: "trackRecord" | "program"; testId: string }) {
  const [t, format] = await Promise.all([getTranslations("benefits"), getFormatter()]);
  const sum = rows.reduce((s, r) => ({ planned: s.planned + r.plannedSek, realised: s.realised + r.realisedSek, due: s.due + r.followUpsDue, onTime: s.onTime + r.followUpsOnTime, benefits: s.benefits + r.benefits }), { planned: 0, realised: 0, due: 0, onTime: 0, benefits: 0 });
  const share = realisedShare(sum.realised, sum.planned);
  const sek = (v: number) => t("sek", { value: format.number(v) });
  return (
    <section aria-labelledby={`${testId}-title`} className="space-y-2 rounded border border-slate-300 p-4" data-testid={testId}>
      <h2 id={`${testId}-title`} className="text-xl font-semibold">{t(`${kind}.title`)}</h2>
      {kind === "program" && sum.benefits === 0 ? (
        <p>{t("program.none")}</p>
      ) : (
        <p>{t(`${kind}.text`, { realised: sek(sum.realised), planned: sek(sum.planned), share: share === null ? "–" : t("percent", { value: format.number(share) }), onTime: sum.onTime, due: sum.due })}</p>
      )}
      <p><Link href={kind === "program" ? "/benefits?groupBy=initiative" : "/benefits?groupBy=year"} className="font-medium text-brand-800 underline">{t("trackRecord.link")}</Link></p>
    </section>
  );
}
