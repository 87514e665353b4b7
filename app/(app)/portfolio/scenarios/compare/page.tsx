import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { QUADRANTS } from "@/lib/domain/pios";
import type { PlanMeasures } from "@/lib/domain/scenarios";
import { AppError } from "@/lib/server/errors";
import { compareScenarios } from "@/lib/server/scenarios";
import { PortfolioHeader } from "@/components/portfolio/PortfolioHeader";
import { loadWords } from "../words";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scenarios"))("compareTitle") };
}

const cell = "py-1 pr-3 align-top";

/** Two to four scenarios side by side with the live portfolio. */
export default async function ComparePage({ searchParams }: { searchParams: Promise<{ ids?: string | string[] }> }) {
  const user = await requireUser();
  const { ids: raw } = await searchParams;
  const ids = (Array.isArray(raw) ? raw : raw ? raw.split(",") : []).filter(Boolean);
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const header = (
    <>
      <PortfolioHeader user={user} current="scenarios" />
      <p><a href="/portfolio/scenarios" className="font-medium text-brand-800 underline">{t("scenarios.back")}</a></p>
      <h2 className="text-2xl font-bold">{t("scenarios.compareTitle")}</h2>
    </>
  );
  const comparison = ids.length >= 1 && ids.length <= 4 ? await compareScenarios(user, { ids: ids.join(",") }).catch((e) => (e instanceof AppError && e.status === 400 ? null : Promise.reject(e))) : null;
  if (!comparison) {
    return (
      <div className="space-y-6">
        {header}
        <p role="alert" className="rounded border-2 border-amber-700 bg-amber-50 p-3 font-medium">{t("scenarios.compareChoose")}</p>
      </div>
    );
  }
  const n = (v: number, digits = 0) => format.number(v, { maximumFractionDigits: digits });
  const columns: { key: string; label: string; m: PlanMeasures }[] = [
    { key: "live", label: t("scenarios.live"), m: comparison.live },
    ...comparison.scenarios.map((s) => ({ key: s.id, label: s.name, m: s.plan.measures })),
  ];
  const load = loadWords(t, n);
  const numberOf = (id: string) => comparison.labels.initiatives[id]?.number ?? "?";
  const pools = [...new Set(columns.flatMap((c) => c.m.load.map((l) => l.pool)))];
  const quarters = [...new Set(columns.flatMap((c) => c.m.load.flatMap((l) => l.quarters.map((q) => q.quarter))))].sort();
  const departments = [...new Set(columns.flatMap((c) => c.m.equity.map((e) => e.department)))].sort(new Intl.Collator(locale).compare);
  const head = (
    <thead>
      <tr className="border-b border-slate-400">
        <td className={cell} />
        {columns.map((c) => <th key={c.key} scope="col" className={`${cell} text-right`}>{c.label}</th>)}
      </tr>
    </thead>
  );
  const row = (key: string, label: string, value: (m: PlanMeasures) => string) => (
    <tr key={key} className="border-b border-slate-200">
      <th scope="row" className={`${cell} font-normal`}>{label}</th>
      {columns.map((c) => <td key={c.key} className={`${cell} text-right tabular-nums`}>{value(c.m)}</td>)}
    </tr>
  );
  return (
    <div className="space-y-8">
      {header}
      <p className="max-w-3xl">{t("scenarios.compareIntro")}</p>
      <ul className="ml-5 list-disc">
        {comparison.scenarios.map((s) => (
          <li key={s.id}><a href={`/portfolio/scenarios/${s.id}`} className="text-brand-800 underline">{s.name}</a>{`: ${s.plan.source === "optimised" ? t("scenarios.optimised") : t("scenarios.manual")}`}</li>
        ))}
      </ul>
      <section aria-labelledby="totals-title" className="space-y-3">
        <h3 id="totals-title" className="text-xl font-semibold">{t("scenarios.totalsTitle")}</h3>
        <table className="w-full text-left text-sm" data-testid="compare-totals">
          <caption className="sr-only">{t("scenarios.totalsTitle")}</caption>
          {head}
          <tbody>
            {row("initiatives", t("scenarios.rows.initiatives"), (m) => n(m.initiatives))}
            {row("totalScore", t("scenarios.rows.totalScore"), (m) => n(m.totalScore, 1))}
            {row("yearlyBenefit", t("scenarios.rows.yearlyBenefit"), (m) => t("scenarios.sek", { value: n(m.yearlyBenefitSek) }))}
            {row("dropped", t("scenarios.rows.dropped"), (m) => n(m.dropped.length))}
            {row("added", t("scenarios.rows.added"), (m) => n(m.added.length))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="balance-title" className="space-y-3">
        <h3 id="balance-title" className="text-xl font-semibold">{t("scenarios.balanceTitle")}</h3>
        <table className="w-full text-left text-sm" data-testid="compare-balance">
          <caption className="sr-only">{t("scenarios.balanceTitle")}</caption>
          {head}
          <tbody>
            {QUADRANTS.map((q) =>
              row(q, t(`quadrant.${q}`), (m) => {
                const b = m.balance.find((x) => x.quadrant === q);
                return b ? (b.target === null ? t("scenarios.percent", { value: n(b.share, 1) }) : t("scenarios.shareOfTarget", { share: n(b.share, 1), target: n(b.target, 1) })) : "–";
              }),
            )}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="load-title" className="space-y-3">
        <h3 id="load-title" className="text-xl font-semibold">{t("scenarios.loadTitle")}</h3>
        <p className="max-w-3xl">{t("scenarios.compareLoadIntro")}</p>
        {pools.map((pool) => (
          <details key={pool} className="rounded border border-slate-300 p-3">
            <summary className="cursor-pointer font-medium">
              {`${comparison.labels.pools[pool] ?? pool}: `}
              {columns.map((c) => `${c.label} ${t("scenarios.peak", { value: n(Math.max(0, ...(c.m.load.find((l) => l.pool === pool)?.quarters.map((q) => q.percent ?? 0) ?? [0]))) })}`).join(" · ")}
            </summary>
            <div className="overflow-x-auto" role="region" aria-label={comparison.labels.pools[pool] ?? pool} tabIndex={0}>
              <table className="mt-2 text-left text-sm">
                <caption className="sr-only">{t("scenarios.loadOf", { pool: comparison.labels.pools[pool] ?? pool })}</caption>
                {head}
                <tbody>
                  {quarters.map((quarter) =>
                    row(quarter, quarter, (m) => load(m.load.find((l) => l.pool === pool)?.quarters.find((x) => x.quarter === quarter))),
                  )}
                </tbody>
              </table>
            </div>
          </details>
        ))}
      </section>
      <section aria-labelledby="equity-title" className="space-y-3">
        <h3 id="equity-title" className="text-xl font-semibold">{t("scenarios.equityTitle")}</h3>
        <p className="max-w-3xl">{t("scenarios.equityIntro")}</p>
        <table className="w-full text-left text-sm" data-testid="compare-equity">
          <caption className="sr-only">{t("scenarios.equityTitle")}</caption>
          {head}
          <tbody>
            {departments.map((d) =>
              row(d, d, (m) => {
                const e = m.equity.find((x) => x.department === d);
                return e?.percent === null || !e ? "–" : t("scenarios.percent", { value: n(e.percent) });
              }),
            )}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="dropped-title" className="space-y-3">
        <h3 id="dropped-title" className="text-xl font-semibold">{t("scenarios.droppedTitle")}</h3>
        <ul className="space-y-1" data-testid="compare-dropped">
          {comparison.scenarios.map((s) => (
            <li key={s.id}>
              <span className="font-medium">{`${s.name}: `}</span>
              {s.plan.measures.dropped.length ? s.plan.measures.dropped.map((d) => `#${numberOf(d)}`).join(", ") : t("scenarios.dropsNothing")}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
