import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { participantList } from "@/lib/domain/meeting-minutes";
import { meetingMinutes } from "@/lib/server/meetings";
import { orNotFound } from "@/lib/server/or-not-found";
import { PrintButton } from "@/components/meetings/PrintButton";
import { TableHeader } from "@/components/ui/TableHeader";

// Per render: the metadata and the page share one read.
const load = cache(async (id: string) => {
  const user = await requireUser();
  return orNotFound(meetingMinutes(user, id));
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { minutes } = await load((await params).id);
  return { title: (await getTranslations("meetings"))("minutes.pageTitle", { title: minutes.title }) };
}

const RANKING_ROWS = 10;

/** The minutes (beslutsprotokoll): from the frozen snapshot once the meeting is closed; made to print. */
export default async function MinutesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { minutes: m, status } = await load(id);
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const participants = participantList(m.participants);
  const ranking = m.ranking.slice(0, RANKING_ROWS);
  const term = "font-medium";

  return (
    <article className="mx-auto max-w-3xl space-y-8 print:max-w-none print:space-y-6 print:bg-white print:text-black" data-testid="minutes">
      <div className="flex flex-wrap items-center justify-between gap-4 print:hidden">
        <Link href={`/meetings/${id}`} className="font-medium text-brand-800 underline">{m.title}</Link>
        <PrintButton label={t("meetings.minutes.print")} />
      </div>

      <header className="space-y-3 border-b-2 border-slate-800 pb-4 print:border-black">
        <p className="text-sm font-semibold uppercase tracking-wide">{m.municipality ?? t("meetings.minutes.municipality")}</p>
        <h1 className="text-3xl font-bold">{t("meetings.minutes.title")}</h1>
        <p className="text-xl">{m.title}</p>
        {status === "PLANNED" ? <p className="rounded border-2 border-amber-700 bg-amber-50 p-2 font-medium text-amber-900 print:bg-white print:text-black">{t("meetings.minutes.draft")}</p> : null}
        <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1">
          <dt className={term}>{t("meetings.minutes.date")}</dt>
          <dd>{format.dateTime(new Date(m.date), { dateStyle: "long" })}</dd>
          <dt className={term}>{t("meetings.minutes.registryNumber")}</dt>
          <dd>{m.registryNumber ?? t("meetings.noRegistryNumber")}</dd>
          {m.frozenAt ? (
            <>
              <dt className={term}>{t("meetings.minutes.frozenAt")}</dt>
              <dd>{format.dateTime(new Date(m.frozenAt), { dateStyle: "long", timeStyle: "short" })}</dd>
            </>
          ) : null}
          {m.closedEarlyReason ? (
            <>
              <dt className={term}>{t("meetings.minutes.closedEarly")}</dt>
              <dd className="whitespace-pre-line" data-testid="closed-early">{m.closedEarlyReason}</dd>
            </>
          ) : null}
        </dl>
      </header>

      <section aria-labelledby="present" className="break-inside-avoid">
        <h2 id="present" className="text-xl font-semibold">{t("meetings.minutes.present")}</h2>
        {participants.length ? <ul className="ml-5 mt-2 list-disc">{participants.map((p, n) => <li key={n}>{p}</li>)}</ul> : <p>{t("meetings.minutes.noParticipants")}</p>}
      </section>

      <section aria-labelledby="decisions" className="space-y-4">
        <h2 id="decisions" className="text-xl font-semibold">{t("meetings.minutes.decisions")}</h2>
        {m.decisions.length ? (
          <ol className="space-y-4" data-testid="minutes-decisions">
            {m.decisions.map((d, n) => (
              <li key={d.initiativeId} className="break-inside-avoid border-t border-slate-300 pt-3 print:border-black">
                <h3 className="font-semibold">{`${t("meetings.minutes.paragraph", { n: n + 1 })} ${t("meetings.item", { number: d.number, title: d.title })}`}</h3>
                <dl className="mt-1 grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1">
                  <dt className={term}>{t("meetings.minutes.department")}</dt>
                  <dd>{d.department || t("initiative.noValue")}</dd>
                  <dt className={term}>{t("meetings.minutes.decision")}</dt>
                  <dd className="font-semibold">{t(`meetings.decided.${d.type}`)}</dd>
                  <dt className={term}>{t("meetings.minutes.rationale")}</dt>
                  <dd className="whitespace-pre-line">{d.rationale}</dd>
                  <dt className={term}>{t("meetings.minutes.status")}</dt>
                  <dd>{d.fromStatus === d.toStatus ? t("meetings.statusKept", { status: t(`status.${d.toStatus}`) }) : t("meetings.statusChange", { from: t(`status.${d.fromStatus}`), to: t(`status.${d.toStatus}`) })}</dd>
                  {d.decidedBy ? (
                    <>
                      <dt className={term}>{t("meetings.minutes.decidedBy")}</dt>
                      <dd>{d.decidedBy}</dd>
                    </>
                  ) : null}
                  {d.scenario ? (
                    <>
                      <dt className={term}>{t("meetings.minutes.scenario")}</dt>
                      <dd>{d.scenario}</dd>
                    </>
                  ) : null}
                </dl>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("meetings.minutes.noDecisions")}</p>
        )}
      </section>

      {m.scenarios.length ? (
        <section aria-labelledby="scenarios" className="space-y-2 break-inside-avoid" data-testid="minutes-scenarios">
          <h2 id="scenarios" className="text-xl font-semibold">{t("meetings.minutes.scenarios")}</h2>
          <ul className="ml-5 list-disc">
            {m.scenarios.map((sc) => (
              <li key={sc.scenarioId}>
                {sc.adopted ? t("meetings.minutes.scenarioAdopted", { name: sc.name, count: m.decisions.filter((d) => d.scenario === sc.name).length }) : t("meetings.minutes.scenarioNotHandled", { name: sc.name })}
                {sc.adopted && sc.capacity.length ? ` ${t("meetings.minutes.scenarioCapacity", { count: sc.capacity.length })}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="not-handled" className="break-inside-avoid">
        <h2 id="not-handled" className="text-xl font-semibold">{t("meetings.minutes.notHandled")}</h2>
        {m.notHandled.length ? (
          <ul className="ml-5 mt-2 list-disc" data-testid="not-handled">
            {m.notHandled.map((i) => <li key={i.initiativeId}>{`${t("meetings.item", { number: i.number, title: i.title })} (${i.department}, ${t(`status.${i.status}`)})`}</li>)}
          </ul>
        ) : (
          <p>{t("meetings.minutes.noneNotHandled")}</p>
        )}
      </section>

      {ranking.length ? (
        <section aria-labelledby="ranking" className="break-inside-avoid">
          <h2 id="ranking" className="text-xl font-semibold">{t("meetings.minutes.ranking", { count: ranking.length })}</h2>
          <table className="mt-2 w-full text-left" aria-labelledby="ranking">
            <TableHeader
              columns={[
                { label: t("meetings.minutes.position"), className: "py-1 pr-3" },
                { label: t("initiative.fields.title"), className: "py-1 pr-3" },
                { label: t("meetings.minutes.score"), className: "py-1 text-right" },
              ]}
            />
            <tbody>
              {ranking.map((r) => (
                <tr key={r.initiativeId} className="border-b border-slate-200 print:border-black">
                  <td className="py-1 pr-3 tabular-nums">{r.position}</td>
                  <td className="py-1 pr-3">{r.number === null ? r.title : t("meetings.item", { number: r.number, title: r.title })}</td>
                  <td className="py-1 text-right tabular-nums">{format.number(r.score)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </article>
  );
}
