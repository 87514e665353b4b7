import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import type { WeightBy } from "@/lib/domain/balance";
import { participantList } from "@/lib/domain/meeting-minutes";
import { WEIGHTINGS } from "@/lib/domain/meeting-preview";
import { AppError } from "@/lib/server/errors";
import { getMeeting, meetingPermissions, previewDecision } from "@/lib/server/meetings";
import { ActionForm, FieldError } from "@/components/ui/ActionForm";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { StatusBadge } from "@/components/initiatives/StatusBadge";
import { DecisionPreview } from "@/components/meetings/DecisionPreview";
import { RealisationNote } from "@/components/benefits/RealisationNote";
import { realisationSummary } from "@/lib/server/benefits";
import { MeetingStatusBadge } from "@/components/meetings/MeetingStatusBadge";
import { addAgendaItemAction, closeMeetingAction, decideAction, refreshAgendaAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("title") };
}

const ERROR_CODES = ["MEETING_CLOSED", "ALREADY_DECIDED", "INVALID_STATUS", "VERSION_CONFLICT", "NOT_ON_AGENDA", "NOT_ELIGIBLE", "ALREADY_ON_AGENDA", "UNKNOWN_INITIATIVE", "FORBIDDEN", "default"] as const;
const DONE = ["created", "decided", "added", "refreshed", "closed"] as const;
type SearchParams = { preview?: string; weightBy?: string; done?: string; number?: string; count?: string };

export default async function MeetingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const meeting = await getMeeting(user, id).catch((e) => {
    if (e instanceof AppError && e.status === 404) notFound();
    throw e;
  });
  const may = meetingPermissions(user, meeting);
  const previewItem = may.preview && query.preview ? meeting.agenda.find((i) => i.initiative.id === query.preview && !i.decision) : undefined;
  const weightBy: WeightBy = WEIGHTINGS.includes(query.weightBy as WeightBy) ? (query.weightBy as WeightBy) : "cost";
  const [t, format, preview, track] = await Promise.all([
    getTranslations(),
    getFormatter(),
    previewItem ? previewDecision(user, id, previewItem.initiative.id) : null,
    // The track record of what leadership approved before, beside what it decides now.
    realisationSummary(user, { groupBy: "year" }),
  ]);
  const messages = Object.fromEntries(ERROR_CODES.map((k) => [k, t(`meetings.errors.${k}`)]));
  const done = DONE.find((d) => d === query.done);
  const doneText = done === "created" ? t("meetings.created", { count: Number(query.count) || 0 }) : done === "refreshed" ? t("meetings.done.refreshed", { count: Number(query.count) || 0 }) : done ? t(`meetings.done.${done}`, { number: query.number ?? "" }) : null;
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
                          <ActionForm action={decideAction.bind(null, meeting.id, i.id, i.number, i.version)} submitLabel={t("meetings.decide")} messages={messages} testId="decision-form" className="space-y-3">
                            <h4 className="font-semibold">{t("meetings.decideTitle")}</h4>
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

        {may.decide ? (
          <>
            <section aria-labelledby="add-title" className={box}>
              <h2 id="add-title" className="text-xl font-semibold">{t("meetings.addTitle")}</h2>
              <ActionForm action={addAgendaItemAction.bind(null, meeting.id)} submitLabel={t("meetings.add")} messages={messages} testId="add-form">
                <label htmlFor="add-number" className="font-medium">{t("meetings.addNumber")}</label>
                <input id="add-number" name="number" inputMode="numeric" required aria-describedby="add-help" className="mt-1 block w-40 rounded border border-slate-500 px-3 py-2" />
                <p id="add-help" className="text-sm text-slate-700">{t("meetings.addHelp")}</p>
              </ActionForm>
            </section>

            <section aria-labelledby="close-title" className={box}>
              <h2 id="close-title" className="text-xl font-semibold">{t("meetings.closeTitle")}</h2>
              <ActionForm action={closeMeetingAction.bind(null, meeting.id)} submitLabel={t("meetings.close")} messages={messages} testId="close-form">
                <p className="max-w-3xl">{t("meetings.closeIntro")}</p>
              </ActionForm>
            </section>
          </>
        ) : null}
      </ClientMessages>
    </div>
  );
}
