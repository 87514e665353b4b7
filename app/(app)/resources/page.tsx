import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { demandPicture, listPools, starved } from "@/lib/server/resources";
import { resourceSettings } from "@/lib/server/settings";
import { TableHeader } from "@/components/ui/TableHeader";
import { PoolKindLabel } from "@/components/resources/PoolKindLabel";
import { GlossaryTerms } from "@/components/ui/GlossaryTerms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resources"))("title") };
}

/** Pools with this quarter's figures, and the warnings that keep work flowing. */
export default async function ResourcesPage() {
  const user = await requireUser();
  const [t, format, picture, hungry, settings, allPools] = await Promise.all([
    getTranslations("resources"), getFormatter(), demandPicture(user, { quarters: 4, n: 4 }), starved(user), resourceSettings(), listPools(user),
  ]);
  const inactivePools = allPools.filter((p) => !p.active && !picture.pools.some((shown) => shown.id === p.id));
  const hours = (v: number) => t("hoursValue", { value: format.number(v) });
  const poolName = new Map(picture.pools.map((p) => [p.id, p.name]));
  const current = picture.currentQuarter;
  const over = picture.cells.filter((c) => c.over);
  const nowCell = new Map(picture.cells.filter((c) => c.quarter === current).map((c) => [c.poolId, c]));
  const wip = new Map(picture.wip.map((w) => [w.poolId, w]));
  const warnings = over.length + picture.wip.length + hungry.length;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl">{t("intro")}</p>
        <GlossaryTerms terms={["pools", "capacity", "load", "wip", "dig"]} />
        <p>
          <Link href="/resources/demand" className="font-semibold text-brand-800 underline">{t("demand.link")}</Link>
        </p>
        {/* Creating pools and the resource settings have a page of their own. */}
        {can(user, "pool.managePage") ? (
          <p><Link href="/resources/manage" className="font-semibold text-brand-800 underline">{t("manage.link")}</Link></p>
        ) : null}
      </div>

      <section aria-labelledby="warnings-title" className="space-y-3" data-testid="warnings">
        <h2 id="warnings-title" className="text-xl font-semibold">{t("warnings.title")}</h2>
        {warnings === 0 ? <p>{t("warnings.none")}</p> : null}
        {over.length ? (
          <div>
            <h3 className="font-semibold">{t("warnings.overTitle")}</h3>
            <ul className="ml-6 list-disc">
              {over.map((c) => (
                <li key={`${c.poolId}-${c.quarter}`}>
                  {c.load === null
                    ? t("warnings.overNoCapacity", { pool: poolName.get(c.poolId)!, quarter: c.quarter, demand: hours(c.committed) })
                    : t("warnings.over", { pool: poolName.get(c.poolId)!, quarter: c.quarter, demand: hours(c.committed), capacity: hours(c.capacity), load: format.number(c.load) })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {picture.wip.length ? (
          <div>
            <h3 className="font-semibold">{t("warnings.wipTitle")}</h3>
            <ul className="ml-6 list-disc">
              {picture.wip.map((w) => (
                <li key={w.poolId}>{t("warnings.wip", { pool: poolName.get(w.poolId)!, quarter: current, count: w.inProgress, limit: w.limit })}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {hungry.length ? (
          <div>
            <h3 className="font-semibold">{t("warnings.starvedTitle", { quarter: current })}</h3>
            <ul className="ml-6 list-disc">
              {hungry.map((s) => (
                <li key={s.id}>
                  <Link href={`/initiatives/${s.id}`} className="text-brand-800 underline">{`#${s.number} ${s.title}`}</Link> <span className="text-slate-700">({s.department})</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="pools-title" className="space-y-3">
        <h2 id="pools-title" className="text-xl font-semibold">{t("pools.title")}</h2>
        {picture.pools.length === 0 ? <p>{t("manage.noPools")}</p> : (
        <div className="overflow-x-auto">
          <table className="w-full text-left" data-testid="pools">
            <caption className="sr-only">{t("pools.caption", { quarter: current })}</caption>
            <TableHeader
              columns={[
                { label: t("columns.pool"), className: "py-1 pr-3" },
                { label: t("columns.kind"), className: "py-1 pr-3" },
                { label: t("columns.capacityIn", { quarter: current }), className: "py-1 pr-3 text-right" },
                { label: t("columns.committedIn", { quarter: current }), className: "py-1 pr-3 text-right" },
                { label: t("columns.load"), className: "py-1 pr-3 text-right" },
                { label: t("columns.wip"), className: "py-1" },
              ]}
            />
            <tbody>
              {picture.pools.map((p) => {
                const cell = nowCell.get(p.id)!;
                const limit = p.wipLimit ?? settings.defaultWipLimit;
                return (
                  <tr key={p.id} className="border-b border-slate-200">
                    <th scope="row" className="py-1 pr-3 font-medium">
                      <Link href={`/resources/${p.id}`} className="text-brand-800 underline">{p.name}</Link>
                      {p.active ? null : <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-medium text-slate-800">{t("manage.inactive")}</span>}
                    </th>
                    <td className="py-1 pr-3"><PoolKindLabel kind={p.kind} department={p.departmentName} /></td>
                    <td className="py-1 pr-3 text-right tabular-nums">{hours(cell.capacity)}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{hours(cell.committed)}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">
                      {cell.load === null ? t("noCapacity") : t("percent", { value: format.number(cell.load) })}
                      {cell.over ? <strong className="ml-2 text-red-800">{t("overCapacity")}</strong> : null}
                    </td>
                    <td className="py-1">
                      {t("wipValue", { count: picture.running[p.id] ?? 0, limit })}
                      {wip.has(p.id) ? <strong className="ml-2 text-red-800">{t("overWip")}</strong> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        )}
      </section>

      {inactivePools.length ? (
        <section aria-labelledby="inactive-pools" className="space-y-2">
          <h2 id="inactive-pools" className="text-xl font-semibold">{t("manage.inactiveTitle")}</h2>
          <ul className="ml-6 list-disc" data-testid="inactive-pools">
            {inactivePools.map((p) => (
              <li key={p.id}><Link href={`/resources/${p.id}`} className="text-brand-800 underline">{p.name}</Link></li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
