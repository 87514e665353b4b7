import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { listPrograms } from "@/lib/server/programs";
import { TableHeader } from "@/components/ui/TableHeader";
import { GlossaryTerms } from "@/components/ui/GlossaryTerms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("programs"))("title") };
}

export default async function ProgramsPage() {
  const user = await requireUser();
  const [t, format, programs] = await Promise.all([getTranslations(), getFormatter(), listPrograms(user)]);
  const cell = "px-2 py-2";
  const num = `${cell} text-right tabular-nums`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t("programs.title")}</h1>
        <div className="flex flex-wrap items-center gap-4">
          <Link href="/roadmap" className="font-medium text-brand-800 underline">{t("programs.roadmap.open")}</Link>
          {can(user, "program.manage") ? (
            <Link href="/programs/new" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("programs.new")}</Link>
          ) : null}
        </div>
      </div>
      <p className="max-w-3xl">{t("programs.intro")}</p>
      <GlossaryTerms terms={["program"]} />
      {programs.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left" data-testid="programs">
            <caption className="sr-only">{t("programs.title")}</caption>
            <TableHeader
              columns={[
                { label: t("programs.fields.name"), className: cell },
                { label: t("programs.fields.leader"), className: cell },
                { label: t("programs.columns.initiatives"), className: `${cell} text-right` },
                { label: t("status.IN_PROGRESS"), className: `${cell} text-right` },
                { label: t("programs.columns.done"), className: `${cell} text-right` },
                { label: t("programs.columns.cost"), className: `${cell} text-right` },
                { label: t("programs.columns.effort"), className: `${cell} text-right` },
                { label: t("programs.columns.benefitSek"), className: `${cell} text-right` },
                { label: t("programs.columns.benefitHours"), className: `${cell} text-right` },
              ]}
            />
            <tbody>
              {programs.map((p) => (
                <tr key={p.id} className="border-b border-slate-200">
                  <th scope="row" className={`${cell} font-normal`}>
                    <Link href={`/programs/${p.id}`} className="font-medium text-brand-800 underline">{p.name}</Link>
                  </th>
                  <td className={cell}>{p.leader?.name ?? t("initiative.noValue")}</td>
                  <td className={num}>{format.number(p.totals.count)}</td>
                  <td className={num}>{format.number(p.totals.byStatus.IN_PROGRESS ?? 0)}</td>
                  <td className={num}>{format.number(p.totals.byStatus.DONE ?? 0)}</td>
                  <td className={num}>{t("initiative.sek", { value: format.number(p.totals.costSek) })}</td>
                  <td className={num}>{t("initiative.hours", { value: format.number(p.totals.effortHours) })}</td>
                  <td className={num}>{t("initiative.sek", { value: format.number(p.totals.benefitSekPerYear) })}</td>
                  <td className={num}>{t("initiative.hours", { value: format.number(p.totals.benefitHoursPerYear) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("programs.none")}</p>
      )}
      <p className="text-sm text-slate-700">{t("programs.sumsNote")}</p>
    </div>
  );
}
