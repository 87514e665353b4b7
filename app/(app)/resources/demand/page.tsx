import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { addQuarters } from "@/lib/domain/quarters";
import { currentQuarter, demandPicture } from "@/lib/server/resources";
import { demandQuery } from "@/lib/validation/resources";
import { TableHeader } from "@/components/ui/TableHeader";
import { DemandRows, type DemandCellView } from "@/components/resources/DemandRows";
import { GlossaryTerms } from "@/components/ui/GlossaryTerms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resources"))("demand.title") };
}

type Search = { from?: string; quarters?: string; n?: string };

/** Demand against capacity per pool and quarter, borrowed hours, and the reinforcement estimate. */
export default async function DemandPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const raw = await searchParams;
  // A hand-edited URL with nonsense falls back to the defaults rather than failing.
  const parsed = demandQuery.safeParse({ from: raw.from || undefined, quarters: raw.quarters || undefined, n: raw.n || undefined });
  const query = parsed.success ? parsed.data : demandQuery.parse({});
  const [t, format, picture] = await Promise.all([getTranslations("resources"), getFormatter(), demandPicture(user, query)]);
  const hours = (v: number) => t("hoursValue", { value: format.number(v) });
  const current = currentQuarter();
  const fromOptions = Array.from({ length: 13 }, (_, i) => addQuarters(current, i - 4));
  const counts = Array.from({ length: 12 }, (_, i) => i + 1);
  const cell = new Map(picture.cells.map((c) => [`${c.poolId}|${c.quarter}`, c]));
  const r = picture.reinforcement;
  const select = "mt-1 block rounded border border-slate-500 bg-white px-2 py-1.5";

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p><Link href="/resources" className="text-brand-800 underline">{t("back")}</Link></p>
        <h1 className="text-3xl font-bold">{t("demand.title")}</h1>
        <p className="max-w-3xl">{t("demand.intro")}</p>
        <GlossaryTerms terms={["capacity", "load", "borrowed", "reinforcement", "fte", "quarter"]} />
      </div>

      <form method="get" action="/resources/demand" className="flex flex-wrap items-end gap-4 rounded border border-slate-300 p-4" aria-label={t("demand.choose")}>
        <div>
          <label htmlFor="from" className="font-medium">{t("demand.from")}</label>
          <select id="from" name="from" defaultValue={picture.quarters[0]} className={select}>
            {[...new Set([...fromOptions, picture.quarters[0]!])].map((q) => <option key={q} value={q}>{q}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="quarters" className="font-medium">{t("demand.quarters")}</label>
          <select id="quarters" name="quarters" defaultValue={String(picture.quarters.length)} className={select}>
            {counts.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="n" className="font-medium">{t("demand.n")}</label>
          <select id="n" name="n" defaultValue={String(r.n)} className={select}>
            {counts.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("demand.show")}</button>
      </form>

      <section aria-labelledby="grid-title" className="space-y-3">
        <h2 id="grid-title" className="text-xl font-semibold">{t("demand.gridTitle")}</h2>
        <p className="max-w-3xl text-slate-700">{t("demand.gridHelp")}</p>
        {/* Eight quarters fit a 1366 px screen; a longer span scrolls here, not the page. */}
        <div className="overflow-x-auto" role="region" aria-labelledby="grid-title" tabIndex={0} data-testid="demand-grid-region">
          <table className="w-full border-collapse text-left text-sm" data-testid="demand-grid">
            <caption className="sr-only">{t("demand.gridCaption")}</caption>
            <TableHeader columns={[{ label: t("columns.pool"), className: "py-1 pr-3" }, ...picture.quarters.map((q) => ({ label: q, className: "px-2 py-1 text-right whitespace-nowrap" }))]} />
            <tbody>
              <DemandRows
                quarters={picture.quarters}
                emptyLabel={t("demand.empty")}
                overLabel={t("overCapacity")}
                rows={picture.pools.map((p) => {
                  const missing = noCapacityRuns(picture.quarters, (q) => cell.get(`${p.id}|${q}`)!.capacity === 0);
                  return {
                    id: p.id,
                    name: p.name,
                    ...(missing.length ? { noCapacityNote: t("demand.noCapacityIn", { quarters: format.list(missing, { type: "conjunction" }) }) } : {}),
                    cells: picture.quarters.map((q): DemandCellView => {
                      const c = cell.get(`${p.id}|${q}`)!;
                      const awaiting = c.awaiting ? { awaiting: t("demand.awaiting", { hours: hours(c.awaiting) }) } : {};
                      const over = c.over ? { over: true as const } : {};
                      if (c.capacity === 0 && c.committed === 0) return { kind: "empty", ...over, ...awaiting };
                      if (c.capacity === 0) return { kind: "noCapacity", main: t("demand.allocatedNoCapacity", { demand: hours(c.committed) }), ...over, ...awaiting };
                      return {
                        kind: "load",
                        main: t("demand.ofCapacity", { demand: hours(c.committed), capacity: hours(c.capacity) }),
                        percent: t("percent", { value: format.number(c.load ?? 0) }),
                        ...over,
                        ...awaiting,
                      };
                    }),
                  };
                })}
              />
              <tr className="align-top">
                <th scope="row" className="py-2 pr-3 font-medium">{t("demand.unallocatedRow")}</th>
                {picture.quarters.map((q) => (
                  <td key={q} className="px-2 py-2 text-right tabular-nums">{hours(picture.awaitingUnallocated.byQuarter[q] ?? 0)}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
        <p className="text-slate-700">{t("demand.unallocatedHelp", { unscheduled: hours(picture.awaitingUnallocated.unscheduled) })}</p>
      </section>

      <section aria-labelledby="borrowed-title" className="space-y-3">
        <h2 id="borrowed-title" className="text-xl font-semibold">{t("borrowedTitle")}</h2>
        <p className="max-w-3xl text-slate-700">{t("borrowedHelp", { from: picture.quarters[0]!, to: picture.quarters.at(-1)! })}</p>
        {picture.borrowed.length ? (
          <table className="w-full max-w-2xl text-left" data-testid="borrowed">
            <caption className="sr-only">{t("borrowedTitle")}</caption>
            <TableHeader columns={[{ label: t("columns.department"), className: "py-1 pr-3" }, { label: t("columns.borrowed"), className: "py-1 pr-3 text-right" }, { label: t("columns.lent"), className: "py-1 text-right" }]} />
            <tbody>
              {picture.borrowed.map((b) => (
                <tr key={b.departmentId} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-3 font-medium">{b.departmentName}</th>
                  <td className="py-1 pr-3 text-right tabular-nums">{hours(b.borrowed)}</td>
                  <td className="py-1 text-right tabular-nums">{hours(b.lent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("borrowedNone")}</p>
        )}
      </section>

      <section aria-labelledby="reinforcement-title" className="space-y-3" data-testid="reinforcement">
        <h2 id="reinforcement-title" className="text-xl font-semibold">{t("reinforcement.title")}</h2>
        <p className="text-lg font-semibold" data-testid="reinforcement-answer">
          {r.hoursPerQuarter > 0
            ? t("reinforcement.answer", { hours: hours(r.hoursPerQuarter), fte: format.number(r.fte), n: r.n })
            : t("reinforcement.enough", { n: r.n })}
        </p>
        <dl className="grid max-w-3xl gap-x-6 gap-y-1 md:grid-cols-[1fr_auto]">
          <dt>{t("reinforcement.backlog")}</dt>
          <dd className="text-right tabular-nums">{hours(r.backlogHours)}</dd>
          <dt>{t("reinforcement.needed", { n: r.n })}</dt>
          <dd className="text-right tabular-nums">{hours(r.neededPerQuarter)}</dd>
          <dt>{t("reinforcement.free", { from: r.quarters[0]!, to: r.quarters.at(-1)! })}</dt>
          <dd className="text-right tabular-nums">{hours(r.freePerQuarter)}</dd>
          <dt>{t("reinforcement.result")}</dt>
          <dd className="text-right tabular-nums">{t("reinforcement.resultValue", { hours: hours(r.hoursPerQuarter), fte: format.number(r.fte) })}</dd>
        </dl>
        <p className="max-w-3xl text-slate-700">{t("reinforcement.definition", { hoursPerFte: format.number(r.hoursPerFte) })}</p>
        {r.unknownEffort ? <p className="text-slate-700">{t("reinforcement.unknown", { count: r.unknownEffort })}</p> : null}
      </section>
    </div>
  );
}

/** The quarters matching `test` as runs of consecutive quarters: ["2027-Q2", "2028-Q1–2028-Q3"]. */
function noCapacityRuns(quarters: string[], test: (quarter: string) => boolean): string[] {
  const runs: string[][] = [];
  quarters.forEach((q, i) => {
    if (!test(q)) return;
    const last = runs.at(-1);
    if (last && quarters[i - 1] === last.at(-1)) last.push(q);
    else runs.push([q]);
  });
  // Word joiners keep a range on one line: "2028-Q1–2028-Q3" never breaks at its dash.
  return runs.map((run) => (run.length === 1 ? run[0]! : `${run[0]}\u2060–\u2060${run.at(-1)}`));
}
