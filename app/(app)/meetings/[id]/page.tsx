import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import type { WeightBy } from "@/lib/domain/balance";
import { participantList } from "@/lib/domain/meeting-minutes";
import { WEIGHTINGS } from "@/lib/domain/meeting-preview";
import { agendaCandidates, closingEarly, getMeeting, meetingPermissions, previewDecision } from "@/lib/server/meetings";
import { rankedPortfolio } from "@/lib/server/portfolio";
import { ActionForm, FieldError } from "@/components/ui/ActionForm";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { StatusBadge } from "@/components/initiatives/StatusBadge";
import { DecisionPreview } from "@/components/meetings/DecisionPreview";
import { RealisationNote } from "@/components/benefits/RealisationNote";
import { realisationSummary } from "@/lib/server/benefits";
import { orNotFound } from "@/lib/server/or-not-found";
import { MeetingStatusBadge } from "@/components/meetings/MeetingStatusBadge";
import { addAgendaItemAction, adoptScenarioAction, closeMeetingAction, decideAction, refreshAgendaAction } from "../actions";
import { GlossaryTerms } from "@/components/ui/GlossaryTerms";

// Per render: the metadata and the page share one read.
const load = cache(async (id: string) => {
  const user = await requireUser();
  return { user, meeting: await orNotFound(getMeeting(user, id)) };
});

// Each meeting's own title, so open tabs and the minutes of different meetings can be told apart.
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { meeting } = await load((await params).id);
  return { title: (await getTranslations("meetings"))("pageTitle", { title: meeting.title }) };
}

const ERROR_CODES = ["MEETING_CLOSED", "ALREADY_DECIDED", "INVALID_STATUS", "VERSION_CONFLICT", "NOT_ON_AGENDA", "NOT_ELIGIBLE", "ALREADY_ON_AGENDA", "UNKNOWN_INITIATIVE", "FORBIDDEN", "SCENARIO_ADOPTED", "PORTFOLIO_CHANGED", "default"] as const;
const DONE = ["created", "decided", "added", "refreshed", "closed", "adopted"] as const;
type SearchParams = { preview?: string; weightBy?: string; done?: string; number?: string; count?: string; find?: string };

export default async function MeetingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { user, meeting } = await load(id);
  const may = meetingPermissions(user, meeting);
  const previewItem = may.preview && query.preview ? meeting.agenda.find((i) => i.initiative.id === query.preview && !i.decision) : undefined;
  const weightBy: WeightBy = WEIGHTINGS.includes(query.weightBy as WeightBy) ? (query.weightBy as WeightBy) : "cost";
  const find = typeof query.find === "string" ? query.find.slice(0, 200) : "";
  const [t, format, preview, track, ranking, candidates, early] = await Promise.all([
    getTranslations(),
    getFormatter(),
    previewItem ? previewDecision(user, id, previewItem.initiative.id) : null,
    // The track record of what leadership approved before, beside what it decides now.
    realisationSummary(user, { groupBy: "year" }),
    // Each item's place and score in the ranking: leadership decides by benefit and direction.
    meeting.status === "PLANNED" ? rankedPortfolio(user) : Promise.resolve([]),
    may.decide && find.trim() ? agendaCandidates(user, id, find) : Promise.resolve([]),
    // A meeting dated after today is closed only with a reason (the server asks the same).
    closingEarly(meeting),
  ]);
  const rankOf = new Map(ranking.map((r) => [r.id, r]));
  const messages = Object.fromEntries(ERROR_CODES.map((k) => [k, t(`meetings.errors.${k}`)]));
  const done = DONE.find((d) => d === query.done);
  const doneText =
    done === "created" ? t("meetings.created", { count: Number(query.count) || 0 })
    : done === "refreshed" || done === "adopted" ? t(`meetings.done.${done}`, { count: Number(query.count) || 0 })
    : done ? t(`meetings.done.${done}`, { number: query.number ?? "" }) : null;
  const money = (v: number | null) => (v === null ? t("initiative.unknownValue") : t("initiative.sek", { value: format.number(v) }));
  const hours = (v: number | null) => (v === null ? t("initiative.unknownValue") : t("initiative.hours", { value: format.number(v) }));
  const participants = participantList(meeting.participants);
  const box = "space-y-3 rounded border border-slate-300 p-4";

  return (
    <div className="space-y-8">
      <Link href="/meetings" className="font-medium text-brand-800 underline">{t("meetings.back")}</Link>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{meeting.title}</h1>
        <p className="flex flex-wrap items-center gap-3">
          <span>{format.dateTime(new Date(meeting.date), { dateStyle: "long" })}</span>
          <span>{meeting.registryNumber ? `${t("meetings.minutes.registryNumber")}: ${meeting.registryNumber}` : t("meetings.noRegistryNumber")}</span>
          <MeetingStatusBadge status={meeting.status} label={t(`meetings.meetingStatus.${meeting.status}`)} />
        </p>
        <p>
          <Link href={`/meetings/${meeting.id}/minutes`} className="font-medium text-brand-800 underline">{t("meetings.minutesLink")}</Link>
        </p>
        {meeting.status === "CLOSED" && meeting.closedAt ? <p>{t("meetings.closedNote", { date: format.dateTime(new Date(meeting.closedAt), { dateStyle: "long", timeStyle: "short" }) })}</p> : null}
        <GlossaryTerms terms={["meeting", "benefitScore", "pios", "percentagePoints", "load"]} />
      </header>

      {doneText ? (
        <p role="status" className="rounded border-2 border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900">{doneText}</p>
      ) : null}

      <section aria-labelledby="participants-title">
        <h2 id="participants-title" className="text-xl font-semibold">{t("meetings.participants")}</h2>
        {participants.length ? (
          <ul className="ml-5 mt-2 list-disc">{participants.map((p, n) => <li key={n}>{p}</li>)}</ul>
        ) : (
          <p>{t("meetings.minutes.noParticipants")}</p>
        )}
      </section>

      {meeting.status === "PLANNED" ? <RealisationNote rows={track.rows} kind="trackRecord" testId="track-record" /> : null}

      <ClientMessages namespaces={["validation"]}>
        <section aria-labelledby="agenda-title" className="space-y-4">
          <h2 id="agenda-title" className="text-xl font-semibold">{t("meetings.agendaTitle")}</h2>
          {may.decide ? (
            <div className={box}>
              <h3 className="font-semibold">{t("meetings.refreshTitle")}</h3>
              <ActionForm action={refreshAgendaAction.bind(null, meeting.id)} submitLabel={t("meetings.refresh")} messages={messages} testId="refresh-form">
                <p>{t("meetings.refreshIntro")}</p>
              </ActionForm>
            </div>
          ) : null}
          {meeting.agenda.length ? (
            <ol className="space-y-4" data-testid="agenda">
              {meeting.agenda.map((item) => {
                const i = item.initiative;
                const headingId = `item-${item.id}-title`;
                const d = item.decision;
                return (
                  <li key={item.id} id={`item-${item.id}`} className="rounded border border-slate-300 p-4" data-testid="agenda-item">
                    <h3 id={headingId} className="text-lg font-semibold">
                      <span className="mr-2 tabular-nums text-slate-700">{`${item.position}.`}</span>
                      <Link href={`/initiatives/${i.id}`} className="text-brand-800 underline-offset-2 hover:underline">{t("meetings.item", { number: i.number, title: i.title })}</Link>
                    </h3>
                    <dl className="mt-2 grid gap-x-6 gap-y-1 md:grid-cols-[12rem_1fr_12rem_1fr]">
                      <dt className="font-medium">{t("initiative.fields.ownerDepartment")}</dt>
                      <dd>{i.department}</dd>
                      <dt className="font-medium">{t("initiative.fields.status")}</dt>
                      <dd><StatusBadge status={i.status} label={t(`status.${i.status}`)} /></dd>
                      <dt className="font-medium">{t("initiative.fields.quadrant")}</dt>
                      <dd>{i.quadrant ? t(`quadrant.${i.quadrant}`) : t("initiative.noValue")}</dd>
                      <dt className="font-medium">{t("initiative.fields.estimatedCostSek")}</dt>
                      <dd className="tabular-nums">{money(i.estimatedCostSek)}</dd>
                      <dt className="font-medium">{t("initiative.fields.estimatedEffortHours")}</dt>
                      <dd className="tabular-nums">{hours(i.estimatedEffortHours)}</dd>
                      {meeting.status === "PLANNED" ? (
                        <>
                          <dt className="font-medium">{t("meetings.rankTerm")}</dt>
                          <dd data-testid="item-rank">
                            {rankOf.has(i.id)
                              ? t("meetings.rankLine", { position: rankOf.get(i.id)!.position, total: ranking.length, score: format.number(rankOf.get(i.id)!.score.total, { maximumFractionDigits: 1 }) })
                              : t("meetings.notRanked")}
                          </dd>
                        </>
                      ) : null}
                    </dl>

                    {d ? (
                      <div className="mt-3 rounded bg-slate-50 p-3" data-testid="decision">
                        <h4 className="font-semibold">{`${t("meetings.decisionTitle")}: ${t(`meetings.decided.${d.type}`)}`}</h4>
                        <p className="whitespace-pre-line">{d.rationale}</p>
                        <p className="text-sm text-slate-700">
                          {d.fromStatus === d.toStatus ? t("meetings.statusKept", { status: t(`status.${d.toStatus}`) }) : t("meetings.statusChange", { from: t(`status.${d.fromStatus}`), to: t(`status.${d.toStatus}`) })}
                          {d.decidedBy ? ` · ${t("meetings.decidedBy", { name: d.decidedBy })}` : ""}
                        </p>
                      </div>
                    ) : meeting.status === "CLOSED" ? (
                      <p className="mt-3">{t("meetings.notDecided")}</p>
                    ) : may.decide ? (
                      item.allowedDecisions.length ? (
                        <div className="mt-3 space-y-3">
                          {previewItem?.id === item.id && preview ? (
                            <DecisionPreview preview={preview} number={i.number} weightBy={weightBy} href={`/meetings/${meeting.id}?preview=${i.id}`} closeHref={`/meetings/${meeting.id}#item-${item.id}`} />
                          ) : (
                            <Link href={`/meetings/${meeting.id}?preview=${i.id}#preview`} className="inline-block font-medium text-brand-800 underline" data-testid="preview-link">
                              {t("meetings.preview", { number: i.number })}
                            </Link>
                          )}
                          {/* One decision at a time: each form stays folded until it is opened. */}
                          <details className="rounded border border-slate-300 p-3 open:bg-slate-50" data-testid="decision-details">
                            <summary className="cursor-pointer font-semibold text-brand-800">{t("meetings.decideFor", { number: i.number })}</summary>
                          <ActionForm
                            action={decideAction.bind(null, meeting.id, i.id, i.number, i.version)}
                            submitLabel={t("meetings.decide")}
                            submitName={t("meetings.decideName", { number: i.number })}
                            messages={messages}
                            testId="decision-form"
                            className="mt-3 space-y-3"
                            confirm={{ title: t("meetings.confirmDecide.title", { number: i.number }), body: t("meetings.confirmDecide.body", { number: i.number, title: i.title }), confirm: t("meetings.confirmDecide.confirm"), cancel: t("meetings.confirmCancel") }}
                          >
                            <div>
                              <label htmlFor={`type-${item.id}`} className="font-medium">{t("meetings.decisionType")}</label>
                              <select id={`type-${item.id}`} name="type" required defaultValue="" className="mt-1 block rounded border border-slate-500 bg-white px-2 py-1.5">
                                <option value="" disabled>{"–"}</option>
                                {item.allowedDecisions.map((type) => <option key={type} value={type}>{t(`meetings.decisionOption.${type}`)}</option>)}
                              </select>
                              <FieldError name="type" />
                            </div>
                            <div>
                              <label htmlFor={`rationale-${item.id}`} className="font-medium">{t("meetings.rationale")}</label>
                              <textarea id={`rationale-${item.id}`} name="rationale" rows={3} required maxLength={2000} aria-describedby={`rationale-help-${item.id}`} className="mt-1 block w-full rounded border border-slate-500 px-3 py-2" />
                              <p id={`rationale-help-${item.id}`} className="text-sm text-slate-700">{t("meetings.rationaleHelp")}</p>
                              <FieldError name="rationale" />
                            </div>
                          </ActionForm>
                          </details>
                        </div>
                      ) : (
                        <p className="mt-3">{t("meetings.noDecisionPossible", { status: t(`status.${i.status}`) })}</p>
                      )
                    ) : (
                      <p className="mt-3">{t("meetings.awaitingDecision")}</p>
                    )}
                  </li>
                );
              })}
            </ol>
          ) : (
            <p>{t("meetings.agendaEmpty")}</p>
          )}
        </section>

        {meeting.scenarios.length ? (
          <section aria-labelledby="scenarios-title" className="space-y-4" data-testid="meeting-scenarios">
            <h2 id="scenarios-title" className="text-xl font-semibold">{t("meetings.scenarios.title")}</h2>
            <p className="max-w-3xl">{t("meetings.scenarios.intro")}</p>
            <ul className="space-y-4">
              {meeting.scenarios.map((sc) => (
                <li key={sc.id} className="rounded border border-slate-300 p-4" data-testid="meeting-scenario">
                  <h3 className="text-lg font-semibold"><Link href={`/portfolio/scenarios/${sc.id}`} className="text-brand-800 underline-offset-2 hover:underline">{sc.name}</Link></h3>
                  {sc.adoptedHere ? (
                    <p className="mt-2 font-medium" data-testid="scenario-adopted">{t("meetings.scenarios.adopted")}</p>
                  ) : sc.adoptedElsewhere ? (
                    <p className="mt-2">{t("meetings.scenarios.adoptedElsewhere")}</p>
                  ) : sc.mayAdopt && may.decide ? (
                    <details className="mt-3 rounded border border-slate-300 p-3 open:bg-slate-50">
                      <summary className="cursor-pointer font-semibold text-brand-800">{t("meetings.scenarios.adoptFor", { name: sc.name })}</summary>
                      <ActionForm
                        action={adoptScenarioAction.bind(null, meeting.id, sc.id, sc.version)}
                        submitLabel={t("meetings.scenarios.adopt")}
                        submitName={t("meetings.scenarios.adoptName", { name: sc.name })}
                        messages={messages}
                        testId="adopt-form"
                        className="mt-3 space-y-3"
                        confirm={{ title: t("meetings.scenarios.confirm.title", { name: sc.name }), body: t("meetings.scenarios.confirm.body"), confirm: t("meetings.scenarios.confirm.confirm"), cancel: t("meetings.confirmCancel") }}
                      >
                        <div>
                          <label htmlFor={`adopt-rationale-${sc.id}`} className="font-medium">{t("meetings.rationale")}</label>
                          <textarea id={`adopt-rationale-${sc.id}`} name="rationale" rows={3} required maxLength={2000} className="mt-1 block w-full rounded border border-slate-500 px-3 py-2" />
                          <FieldError name="rationale" />
                        </div>
                      </ActionForm>
                    </details>
                  ) : (
                    <p className="mt-2">{meeting.status === "CLOSED" ? t("meetings.scenarios.notAdopted") : t("meetings.awaitingDecision")}</p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {may.decide ? (
          <>
            <section aria-labelledby="add-title" className={box}>
              <h2 id="add-title" className="text-xl font-semibold">{t("meetings.addTitle")}</h2>
              <form method="get" action={`/meetings/${meeting.id}#add-title`} role="search" aria-label={t("meetings.findLabel")} className="flex flex-wrap items-end gap-3" data-testid="find-form">
                <div>
                  <label htmlFor="add-find" className="font-medium">{t("meetings.findField")}</label>
                  <input id="add-find" name="find" type="search" defaultValue={find} maxLength={200} aria-describedby="add-help" className="mt-1 block w-72 rounded border border-slate-500 px-3 py-2" />
                </div>
                <button type="submit" className="rounded border border-brand-800 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">{t("meetings.find")}</button>
              </form>
              <p id="add-help" className="text-sm text-slate-700">{t("meetings.addHelp")}</p>
              {find.trim() ? (
                candidates.length ? (
                  <ul className="space-y-2" data-testid="candidates" aria-label={t("meetings.candidates", { count: candidates.length })}>
                    {candidates.map((c) => (
                      <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 rounded border border-slate-300 p-2">
                        <span>
                          <span className="font-medium">{t("meetings.item", { number: c.number, title: c.title })}</span>
                          <span className="block text-sm text-slate-700">{`${c.department} · ${t(`status.${c.status}`)}`}</span>
                        </span>
                        <ActionForm action={addAgendaItemAction.bind(null, meeting.id)} submitLabel={t("meetings.add")} submitName={t("meetings.addName", { number: c.number })} messages={messages} className="flex items-center gap-3">
                          <input type="hidden" name="number" value={c.number} />
                        </ActionForm>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p role="status" data-testid="no-candidates">{t("meetings.noCandidates", { query: find.trim() })}</p>
                )
              ) : null}
            </section>

            <section aria-labelledby="close-title" className={box}>
              <h2 id="close-title" className="text-xl font-semibold">{t("meetings.closeTitle")}</h2>
              <ActionForm
                action={closeMeetingAction.bind(null, meeting.id)}
                submitLabel={t("meetings.close")}
                messages={messages}
                testId="close-form"
                confirm={{ title: t("meetings.confirmClose.title"), body: t("meetings.confirmClose.body", { count: meeting.agenda.filter((a) => !a.decision).length }), confirm: t("meetings.confirmClose.confirm"), cancel: t("meetings.confirmCancel") }}
              >
                <p className="max-w-3xl">{t("meetings.closeIntro")}</p>
                {early ? (
                  <div>
                    <label htmlFor="early-reason" className="font-medium">{t("meetings.earlyReason", { date: format.dateTime(new Date(meeting.date), { dateStyle: "long" }) })}</label>
                    <textarea id="early-reason" name="earlyReason" rows={2} required maxLength={1000} aria-describedby="early-reason-help" className="mt-1 block w-full max-w-3xl rounded border border-slate-500 px-3 py-2" />
                    <p id="early-reason-help" className="text-sm text-slate-700">{t("meetings.earlyReasonHelp")}</p>
                    <FieldError name="earlyReason" />
                  </div>
                ) : null}
              </ActionForm>
            </section>
          </>
        ) : null}
      </ClientMessages>
    </div>
  );
}
