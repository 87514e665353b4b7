import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { quadrantOf } from "@/lib/domain/pios";
import { completeness } from "@/lib/domain/completeness";
import { auditHistory, getInitiative, permissionsFor } from "@/lib/server/initiatives";
import type { ChangeRow, ChangeValue } from "@/lib/domain/change-history";
import { benefitPlan } from "@/lib/server/benefits";
import { now as clockNow } from "@/lib/server/clock";
import { activePeople } from "@/lib/server/users";
import { BenefitPlanSection } from "@/components/benefits/BenefitPlanSection";
import * as benefitActions from "../benefit-actions";
import { markRead } from "@/lib/server/notifications";
import { similarInitiatives } from "@/lib/server/similar-initiatives";
import { CommentForm } from "@/components/initiatives/CommentForm";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { TableHeader } from "@/components/ui/TableHeader";
import { StatusBadge } from "@/components/initiatives/StatusBadge";
import { ClassificationForm } from "@/components/initiatives/ClassificationForm";
import { addCommentAction, classifyAction, submitDraftAction } from "../actions";
import { NextStep } from "@/components/initiatives/NextStep";
import { InitiativeAllocations } from "@/components/resources/InitiativeAllocations";
import { initiativeResources } from "@/lib/server/resources";
import * as resourceActions from "../../resources/actions";
import { InitiativeDeliverySection } from "../../programs/InitiativeDeliverySection";
import { cache } from "react";
import { orNotFound } from "@/lib/server/or-not-found";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; submitted?: string }> };

// Per render: the metadata and the page share one read.
const load = cache(async (id: string) => {
  const user = await requireUser();
  return { user, initiative: await orNotFound(getInitiative(user, id)) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { initiative } = await load((await params).id);
  return { title: `#${initiative.number} ${initiative.title}` };
}

export default async function InitiativePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { saved, submitted } = await searchParams;
  const { user, initiative: i } = await load(id);
  const [t, format, audit, similar, plan, people, now] = await Promise.all([
    getTranslations(),
    getFormatter(),
    auditHistory(user, id),
    similarInitiatives(user, { title: i.title, need: i.need, excludeId: i.id }),
    benefitPlan(user, id),
    activePeople(),
    clockNow(),
    markRead(user.id, id),
  ]);
  const today = now.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
  const may = permissionsFor(user, i);
  const progress = completeness(i);
  const quadrant = quadrantOf(i.benefitRecipient, i.nature);
  const none = t("initiative.noValue");
  const unknown = t("initiative.unknownValue");
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const yesNo = (v: boolean | null) => (v === null ? unknown : v ? t("initiative.yes") : t("initiative.no"));
  const facts: [string, React.ReactNode][] = [
    [t("initiative.fields.ownerDepartment"), i.ownerDepartment.name],
    [t("initiative.fields.benefitRecipient"), i.benefitRecipient ? t(`benefitRecipient.${i.benefitRecipient}`) : none],
    [t("initiative.fields.nature"), i.nature ? t(`nature.${i.nature}`) : none],
    [t("initiative.fields.quadrant"), quadrant ? t(`quadrant.${quadrant}`) : none],
    [t("initiative.fields.reachDescription"), i.reachDescription ?? none],
    [t("initiative.fields.reachCount"), i.reachCount === null ? unknown : format.number(i.reachCount)],
    [t("initiative.fields.estimatedCostSek"), i.estimatedCostSek === null ? unknown : t("initiative.sek", { value: format.number(i.estimatedCostSek) })],
    [t("initiative.fields.estimatedEffortHours"), i.estimatedEffortHours === null ? unknown : t("initiative.hours", { value: format.number(i.estimatedEffortHours) })],
    [t("initiative.fields.desiredStartQuarter"), i.desiredStartQuarter ?? unknown],
    [t("initiative.fields.dependencies"), i.dependencies ?? none],
    [t("initiative.fields.contactPerson"), i.contactPerson ?? none],
    [t("initiative.fields.isReplacement"), yesNo(i.isReplacement)],
    ...(i.isReplacement
      ? ([
          [t("initiative.fields.replacesSystem"), i.replacesSystem ?? none],
          [t("initiative.fields.enablesDevelopment"), i.enablesDevelopment ?? none],
        ] as [string, React.ReactNode][])
      : []),
    [t("initiative.fields.involvesProcurement"), yesNo(i.involvesProcurement)],
    ...(i.involvesProcurement
      ? (["hygieneOwnsData", "hygieneOpenStandards", "hygieneOpenApis", "hygieneExitPlan"] as const).map((k) => [t(`initiative.fields.${k}`), yesNo(i[k])] as [string, React.ReactNode])
      : []),
    [t("initiative.fields.createdBy"), i.createdBy?.name ?? none],
    [t("initiative.fields.updatedAt"), when(i.updatedAt)],
  ];
  // The history in words: each changed field with its value before and after, names for ids.
  const codeGroup: Record<string, string> = { decisionType: "meetings.decided", assessment: "benefits.assessment" };
  const describe = (v: ChangeValue | null): string => {
    if (!v) return t("history.empty");
    switch (v.kind) {
      case "none": return t("history.empty");
      case "text": return v.value.length > 160 ? `${v.value.slice(0, 159)}…` : v.value;
      case "number": return format.number(v.value);
      case "boolean": return v.value ? t("initiative.yes") : t("initiative.no");
      case "date": return format.dateTime(new Date(v.value.length === 10 ? `${v.value}T12:00:00Z` : v.value), v.value.length === 10 ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" });
      case "code": {
        const key = `${codeGroup[v.group] ?? v.group}.${v.value}`;
        return t.has(key) ? t(key as never) : v.value;
      }
      case "reference": return audit.names[v.ref][v.id] ?? t("history.removedRecord");
      case "list": return v.items.map(describe).join(", ");
    }
  };
  const fieldAlias: Record<string, string> = { ownerDepartmentId: "ownerDepartment", programId: "program" };
  const fieldLabel = (field: string) => {
    const own = `history.fields.${field.replaceAll(".", "_")}`;
    const form = `initiative.fields.${fieldAlias[field] ?? field}`;
    const benefit = `benefits.fields.${field}`;
    if (t.has(own)) return t(own as never);
    if (t.has(form)) return t(form as never);
    return t.has(benefit) ? t(benefit as never) : field;
  };
  const changeText = (c: ChangeRow) => (c.before === null ? describe(c.after) : t("history.change", { before: describe(c.before), after: describe(c.after) }));

  const actionLabel = (action: string) => {
    const status = /^initiative\.status\.(\w+)$/.exec(action)?.[1]?.toUpperCase();
    if (status && t.has(`status.${status}`)) return t(`status.${status}` as never);
    const key = `initiative.actions.${action.replaceAll(".", "_")}`;
    return t.has(key) ? t(key as never) : action;
  };

  return (
    <article className="space-y-8">
      {saved || submitted ? (
        <p role="status" className="rounded border-2 border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900">
          {submitted ? t("initiative.submitted") : t("initiative.saved")}
        </p>
      ) : null}
      <header className="space-y-2">
        <p className="text-slate-700">{`#${i.number} · ${i.ownerDepartment.name}`}</p>
        <h1 className="text-3xl font-bold">{i.title}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <StatusBadge status={i.status} label={t(`status.${i.status}`)} />
          {quadrant ? <span className="rounded border border-slate-400 px-2 py-0.5 text-sm">{t(`quadrant.${quadrant}`)}</span> : null}
          <span className="text-sm" data-testid="completeness">{t("initiative.completeness.percent", { percent: progress.percent })}</span>
        </div>
        {may.edit && (i.status === "DRAFT" || i.status === "NEEDS_INFO") ? (
          <NextStep
            editHref={`/initiatives/${i.id}/edit`}
            missing={progress.missingRequired.length ? format.list(progress.missingRequired.map((item) => t(`initiative.completeness.items.${item}`)), { type: "conjunction" }) : null}
            submit={may.submit ? submitDraftAction.bind(null, i.id, i.version) : undefined}
            words={{
              title: t("initiative.nextStep.title"),
              ready: t(i.status === "NEEDS_INFO" ? "initiative.nextStep.readyAgain" : "initiative.nextStep.ready"),
              missing: t("initiative.nextStep.missing"),
              submit: t("initiative.submit"),
              complete: t("initiative.nextStep.complete"),
              edit: t("initiative.edit"),
              messages: { VERSION_CONFLICT: t("initiative.conflict"), FORBIDDEN: t("initiative.forbidden"), VALIDATION_FAILED: t("initiative.nextStep.incomplete"), default: t("initiative.error") },
            }}
          />
        ) : may.edit ? (
          <Link href={`/initiatives/${i.id}/edit`} className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("initiative.edit")}</Link>
        ) : (
          <p className="text-slate-700" data-testid="read-only">{t("initiative.readOnly")} {t("initiative.editableHint")}</p>
        )}
      </header>

      <section aria-labelledby="need-title">
        <h2 id="need-title" className="text-xl font-semibold">{t("initiative.fields.need")}</h2>
        <p className="mt-2 whitespace-pre-line">{i.need || none}</p>
      </section>

      <section aria-labelledby="overview-title">
        <h2 id="overview-title" className="text-xl font-semibold">{t("initiative.sections.overview")}</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-2 md:grid-cols-[16rem_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium">{label}</dt>
              <dd className="whitespace-pre-line">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <InitiativeDeliverySection user={user} initiative={i} />

      {may.classify ? (
        <section aria-labelledby="classify-title" className="space-y-2">
          <h2 id="classify-title" className="text-xl font-semibold">{t("initiative.classifyTitle")}</h2>
          <ClientMessages>
            <ClassificationForm benefitRecipient={i.benefitRecipient} nature={i.nature} action={classifyAction.bind(null, i.id, i.version)} />
          </ClientMessages>
        </section>
      ) : null}

      <BenefitPlanSection
        plan={plan}
        people={people.map((u) => ({ id: u.id, label: u.department ? `${u.name} (${u.department.shortName})` : u.name }))}
        today={today}
        actions={{
          create: benefitActions.createBenefitAction.bind(null, i.id),
          update: (benefitId, version) => benefitActions.updateBenefitAction.bind(null, i.id, benefitId, version),
          remove: (benefitId) => benefitActions.deleteBenefitAction.bind(null, i.id, benefitId),
          measure: (benefitId) => benefitActions.recordMeasurementAction.bind(null, i.id, benefitId),
          answer: (followUpId, version) => benefitActions.completeFollowUpAction.bind(null, i.id, followUpId, version),
          postpone: (followUpId, version) => benefitActions.postponeFollowUpAction.bind(null, i.id, followUpId, version),
          noBenefitReason: benefitActions.noBenefitReasonAction.bind(null, i.id, plan.version),
        }}
      />

      <section aria-labelledby="goals-title">
        <h2 id="goals-title" className="text-xl font-semibold">{t("initiative.fields.goals")}</h2>
        {i.goals.length ? (
          <ul className="mt-1 list-disc pl-6">
            {i.goals.map((g) => (
              <li key={g.goalId}>{`${g.goal.code} ${g.goal.title}: ${t(`initiative.alignmentLevel.${g.alignment}` as never)}`}</li>
            ))}
          </ul>
        ) : (
          <p className="mt-1">{none}</p>
        )}
      </section>

      <InitiativeAllocations view={await initiativeResources(user, i.id)} actions={resourceActions} />

      <section aria-labelledby="similar-title">
        <h2 id="similar-title" className="text-xl font-semibold">{t("initiative.similar.title")}</h2>
        {similar.length ? (
          <ul className="mt-2 space-y-1">
            {similar.map((s) => (
              <li key={s.id}>
                <Link href={`/initiatives/${s.id}`} className="font-medium text-brand-800 underline">{`#${s.number} ${s.title}`}</Link>{" "}
                <span className="text-slate-700">{`(${s.department}, ${t("initiative.similar.match", { percent: Math.round(s.score * 100) })})`}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">{t("initiative.similar.none")}</p>
        )}
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="text-xl font-semibold">{t("initiative.sections.timeline")}</h2>
        <ol className="mt-2 space-y-2 border-l-2 border-slate-300 pl-4" data-testid="timeline">
          {i.statusChanges.map((s) => (
            <li key={s.id}>
              <StatusBadge status={s.toStatus} label={t(`status.${s.toStatus}`)} />{" "}
              <time dateTime={s.at.toISOString()}>{when(s.at)}</time>
              {s.actor ? ` ${t("initiative.by", { name: s.actor.name })}` : ""}
              {s.reason ? <span className="block text-slate-700">{s.reason}</span> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="comments-title" className="space-y-3">
        <h2 id="comments-title" className="text-xl font-semibold">{t("initiative.sections.comments")}</h2>
        {i.comments.length ? (
          <ul className="space-y-3" data-testid="comments">
            {i.comments.map((c) => (
              <li key={c.id} className="rounded border border-slate-300 p-3">
                <p className="text-sm text-slate-700">
                  {`${c.author?.name ?? t("initiative.system")}${c.author ? ` (${t(`roles.${c.author.role}`)})` : ""} · `}
                  <time dateTime={c.createdAt.toISOString()}>{when(c.createdAt)}</time>
                </p>
                <p className="mt-1 whitespace-pre-line">{c.body}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("initiative.noComments")}</p>
        )}
        {may.comment ? (
          <ClientMessages>
            <CommentForm action={addCommentAction.bind(null, i.id)} />
          </ClientMessages>
        ) : null}
      </section>

      <section aria-labelledby="audit-title">
        <h2 id="audit-title" className="text-xl font-semibold">{t("initiative.sections.audit")}</h2>
        {audit.events.length ? (
          <div className="overflow-x-auto">
            <table className="mt-2 w-full text-left text-sm">
              <TableHeader
                columns={[
                  { label: t("initiative.auditWhen"), className: "py-1 pr-3" },
                  { label: t("initiative.auditWho"), className: "py-1 pr-3" },
                  { label: t("initiative.auditAction"), className: "py-1 pr-3" },
                  { label: t("initiative.auditChanges"), className: "py-1" },
                ]}
              />
              <tbody>
                {audit.events.map((a) => (
                  <tr key={a.id} className="border-b border-slate-200 align-top" data-testid="history-event">
                    <td className="py-1 pr-3 whitespace-nowrap"><time dateTime={a.at.toISOString()}>{when(a.at)}</time></td>
                    <td className="py-1 pr-3">{a.actorLabel}</td>
                    <td className="py-1 pr-3">{actionLabel(a.action)}</td>
                    <td className="py-1">
                      {a.changes.length ? (
                        <ul className="space-y-0.5">
                          {a.changes.map((c) => (
                            <li key={c.field}>
                              <span className="font-medium">{`${fieldLabel(c.field).replace(/[^?:]$/, "$&:")} `}</span>
                              <span className="break-words">{changeText(c)}</span>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span>{a.action === "initiative.comment" ? t("history.seeComments") : t("history.noChanges")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("initiative.noAudit")}</p>
        )}
      </section>
    </article>
  );
}
