// The initiative's benefit plan (nyttoplan): each benefit's owner, indicator, baseline and target,
// what is realised, the measurements (never overwritten; corrections marked) and the follow-ups
// after delivery, with the forms the reader may use.
import { getFormatter, getTranslations } from "next-intl/server";
import type { ActionState } from "@/components/ui/ActionForm";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { TableHeader } from "@/components/ui/TableHeader";
import type { BenefitPlan, BenefitView, FollowUpView } from "@/lib/server/benefits";
import { BenefitPlanForm, FollowUpAnswerForm, MeasurementForm, NoBenefitReasonForm, PostponeForm } from "./BenefitForms";
import { FollowUpBadge } from "./FollowUpBadge";

type Form = (prev: ActionState, form: FormData) => Promise<ActionState>;
export type BenefitActions = {
  create: Form;
  update: (benefitId: string, version: number) => Form;
  remove: (benefitId: string) => () => Promise<ActionState>;
  measure: (benefitId: string) => Form;
  answer: (followUpId: string, version: number) => Form;
  postpone: (followUpId: string, version: number) => Form;
  noBenefitReason: Form;
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const NAMESPACES = ["benefits", "validation", "benefitCategory", "certainty"];

export async function BenefitPlanSection({ plan, people, today, actions }: { plan: BenefitPlan; people: { id: string; label: string }[]; today: string; actions: BenefitActions }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const value = (v: number | null, unit?: string | null) => (v === null ? t("benefits.notSet") : unit ? `${format.number(v)} ${unit}` : format.number(v));
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : t("benefits.notSet"));
  const owned = plan.benefits.some((b) => b.ownerId && b.target !== null);
  return (
    <section aria-labelledby="benefit-plan-title" id="benefit-plan" className="space-y-4 scroll-mt-4" data-testid="benefit-plan">
      <h2 id="benefit-plan-title" className="text-xl font-semibold">{t("benefits.plan.title")}</h2>
      <p className="max-w-3xl">{t("benefits.plan.intro")}</p>
      {plan.status !== "DONE" && !owned && !plan.noBenefitReason ? <p className="rounded border border-amber-700 bg-amber-50 p-3" data-testid="plan-needed">{t("benefits.plan.needed")}</p> : null}
      {plan.noBenefitReason ? <p className="rounded border border-slate-400 p-3"><strong>{t("benefits.noBenefit.label")}:</strong> {plan.noBenefitReason}</p> : null}
      {plan.benefits.length === 0 ? <p>{t("benefits.plan.none")}</p> : null}
      <ClientMessages namespaces={NAMESPACES}>
        <ol className="space-y-4">
          {plan.benefits.map((b, index) => (
            <li key={b.id}>
              <BenefitCard b={b} index={index} plan={plan} people={people} today={today} actions={actions} t={t} value={value} date={date} format={format} />
            </li>
          ))}
        </ol>
        {plan.may.plan ? (
          <div className="space-y-3">
            <details className="rounded border border-slate-300 p-3">
              <summary className="cursor-pointer font-semibold text-brand-800 underline">{t("benefits.plan.addTitle")}</summary>
              <div className="mt-3"><BenefitPlanForm action={actions.create} idPrefix="new-benefit" people={people} /></div>
            </details>
            <details className="rounded border border-slate-300 p-3">
              <summary className="cursor-pointer font-semibold text-brand-800 underline">{t("benefits.noBenefit.title")}</summary>
              <div className="mt-3"><NoBenefitReasonForm action={actions.noBenefitReason} reason={plan.noBenefitReason} /></div>
            </details>
          </div>
        ) : null}
      </ClientMessages>
    </section>
  );
}

type T = Awaited<ReturnType<typeof getTranslations>>;
type F = Awaited<ReturnType<typeof getFormatter>>;

function BenefitCard(props: { b: BenefitView; index: number; plan: BenefitPlan; people: { id: string; label: string }[]; today: string; actions: BenefitActions; t: T; value: (v: number | null, unit?: string | null) => string; date: (d: Date | null) => string; format: F }) {
  const { b, t, value, date, format, actions } = props;
  const r = b.realisation;
  const mayMeasure = props.plan.may.measure(b);
  // Money and time a year, worded by which of the two are known.
  const yearly = (sek: number | null, hours: number | null) => ({
    kind: sek !== null && hours !== null ? "both" : sek !== null ? "sek" : hours !== null ? "hours" : "none",
    sek: sek === null ? "" : format.number(sek),
    hours: hours === null ? "" : format.number(hours),
  });
  const label = `${t("benefits.benefit")} ${props.index + 1}`;
  const facts: [string, string][] = [
    [t("benefits.fields.ownerId"), b.ownerName ? (b.owner ? `${b.ownerName} (${b.owner})` : b.ownerName) : b.owner ? `${t("benefits.noOwner")} (${b.owner})` : t("benefits.noOwner")],
    [t("benefits.fields.indicator"), b.indicator ?? t("benefits.notSet")],
    [t("benefits.fields.method"), b.method ?? t("benefits.notSet")],
    [t("benefits.fields.baseline"), b.baseline === null ? t("benefits.notSet") : b.baselineDate ? `${value(b.baseline, b.unit)} (${date(b.baselineDate)})` : value(b.baseline, b.unit)],
    [t("benefits.fields.target"), b.target === null ? t("benefits.notSet") : b.targetDate ? `${value(b.target, b.unit)} (${date(b.targetDate)})` : value(b.target, b.unit)],
    [t("benefits.fields.planned"), t("benefits.plannedValue", yearly(b.annualValueSek, b.annualHours))],
  ];
  return (
    <article aria-labelledby={`benefit-${b.id}-title`} className="space-y-3 rounded border border-slate-300 p-4" data-testid="benefit">
      <h3 id={`benefit-${b.id}-title`} className="text-lg font-semibold">{`${t(`benefitCategory.${b.category}`)}: ${b.description}`}</h3>
      <p className="text-sm">{t(`certainty.${b.certainty}`)}</p>
      <dl className="grid gap-x-6 gap-y-1 md:grid-cols-[14rem_1fr]">
        {facts.map(([k, v]) => (
          <div key={k} className="contents"><dt className="font-medium">{k}</dt><dd>{v}</dd></div>
        ))}
      </dl>
      <div className="rounded bg-slate-50 p-3" data-testid="realisation">
        <h4 className="font-semibold">{t("benefits.realised.title")}</h4>
        {r.latest ? (
          <p>
            {t("benefits.realised.latest", { value: value(r.latest.value, b.unit), date: date(r.latest.measuredAt) })}{" "}
            {r.percent === null ? null : t("benefits.realised.percent", { percent: format.number(r.percent) })}{" "}
            {r.trend ? t(`benefits.realised.trend.${r.trend}`) : null}{" "}
            {r.realisedSek !== null || r.realisedHours !== null ? t("benefits.realised.yearly", yearly(r.realisedSek, r.realisedHours)) : null}
          </p>
        ) : (
          <p>{t("benefits.realised.none")}</p>
        )}
      </div>
      {b.measurements.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="measurements">
            <caption className="sr-only">{t("benefits.measurements.caption", { benefit: label })}</caption>
            <TableHeader columns={[
              { label: t("benefits.fields.measuredAt"), className: "py-1 pr-3" },
              { label: t("benefits.fields.value"), className: "py-1 pr-3 text-right" },
              { label: t("benefits.fields.realisedSek"), className: "py-1 pr-3 text-right" },
              { label: t("benefits.fields.source"), className: "py-1 pr-3" },
              { label: t("benefits.fields.comment"), className: "py-1 pr-3" },
              { label: t("benefits.fields.recordedBy"), className: "py-1" },
            ]} />
            <tbody>
              {b.measurements.map((m) => (
                <tr key={m.id} className={`border-b border-slate-200 ${m.corrected ? "text-slate-600" : ""}`}>
                  <td className="py-1 pr-3 whitespace-nowrap">{date(m.measuredAt)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{m.corrected ? <s>{value(m.value, b.unit)}</s> : value(m.value, b.unit)}{m.corrected ? <span className="block">{t("benefits.measurements.corrected")}</span> : null}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{m.realisedSek === null ? "–" : format.number(m.realisedSek)}</td>
                  <td className="py-1 pr-3">{m.source ?? "–"}</td>
                  <td className="py-1 pr-3">{m.comment ?? ""}{m.correctsId ? <span className="block">{t("benefits.measurements.corrects", { date: date(b.measurements.find((x) => x.id === m.correctsId)?.measuredAt ?? null) })}</span> : null}</td>
                  <td className="py-1">{m.recordedBy ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {b.followUps.length ? (
        <div>
          <h4 className="font-semibold">{t("benefits.followUp.title")}</h4>
          <ul className="mt-1 space-y-2" data-testid="follow-ups">
            {b.followUps.map((f) => <FollowUpItem key={f.id} f={f} b={b} label={label} may={mayMeasure} today={props.today} actions={actions} t={t} date={date} />)}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap items-start gap-3">
        {mayMeasure ? (
          <details className="w-full rounded border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium text-brand-800 underline">{t("benefits.measure.title")}<span className="sr-only">: {label}</span></summary>
            <div className="mt-3">
              <MeasurementForm action={actions.measure(b.id)} idPrefix={`measure-${b.id}`} unit={b.unit} today={props.today} corrects={b.measurements.filter((m) => !m.corrected).map((m) => ({ id: m.id, label: `${day(m.measuredAt)}: ${value(m.value, b.unit)}` }))} submitName={`${t("benefits.measure.save")}: ${label}`} />
            </div>
          </details>
        ) : null}
        {props.plan.may.plan ? (
          <details className="w-full rounded border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium text-brand-800 underline">{t("benefits.plan.edit")}<span className="sr-only">: {label}</span></summary>
            <div className="mt-3">
              <BenefitPlanForm
                action={actions.update(b.id, b.version)}
                idPrefix={`benefit-${b.id}`}
                people={props.people}
                submitName={`${t("benefits.plan.save")}: ${label}`}
                values={{ ...b, baselineDate: day(b.baselineDate), targetDate: day(b.targetDate) }}
              />
            </div>
          </details>
        ) : null}
        {props.plan.may.plan && b.measurements.length === 0 ? (
          <ConfirmAction
            label={t("benefits.plan.delete")}
            labelName={`${t("benefits.plan.delete")}: ${label}`}
            title={t("benefits.plan.deleteTitle")}
            body={t("benefits.plan.deleteBody", { benefit: b.description })}
            confirm={t("benefits.plan.deleteYes")}
            cancel={t("benefits.cancel")}
            action={actions.remove(b.id)}
            messages={{ HAS_MEASUREMENTS: t("benefits.codes.HAS_MEASUREMENTS"), default: t("benefits.codes.default") }}
            danger
          />
        ) : null}
      </div>
    </article>
  );
}

function FollowUpItem({ f, b, label, may, today, actions, t, date }: { f: FollowUpView; b: BenefitView; label: string; may: boolean; today: string; actions: BenefitActions; t: T; date: (d: Date | null) => string }) {
  const open = f.state === "due" || f.state === "overdue" || f.state === "upcoming";
  const name = `${t("benefits.followUp.months", { months: f.offsetMonths })}, ${label}`;
  return (
    <li className="rounded border border-slate-200 p-2" data-testid={`follow-up-${f.offsetMonths}`}>
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{t("benefits.followUp.months", { months: f.offsetMonths })}</span>
        <span>{t("benefits.followUp.due", { date: date(f.dueAt) })}</span>
        <FollowUpBadge state={f.state} label={t(`benefits.state.${f.state}`)} />
        {f.originalDueAt ? <span className="text-sm">{t("benefits.followUp.postponedFrom", { date: date(f.originalDueAt), reason: f.postponeReason ?? "" })}</span> : null}
      </p>
      {f.completedAt ? (
        <p className="text-sm">{t("benefits.followUp.doneBy", { assessment: t(`benefits.assessment.${f.assessment ?? "TOO_EARLY"}` as never), date: date(f.completedAt), name: f.completedBy ?? "–" })}{f.comment ? ` ${f.comment}` : ""}</p>
      ) : null}
      {may && open && f.state !== "upcoming" ? (
        <details className="mt-2">
          <summary className="cursor-pointer font-medium text-brand-800 underline">{t("benefits.followUp.answerTitle")}<span className="sr-only">: {name}</span></summary>
          <div className="mt-2"><FollowUpAnswerForm action={actions.answer(f.id, f.version)} idPrefix={`answer-${f.id}`} unit={b.unit} today={today} submitName={`${t("benefits.followUp.answer")}: ${name}`} /></div>
        </details>
      ) : null}
      {may && open && !f.originalDueAt ? (
        <details className="mt-2">
          <summary className="cursor-pointer font-medium text-brand-800 underline">{t("benefits.followUp.postponeTitle")}<span className="sr-only">: {name}</span></summary>
          <div className="mt-2"><PostponeForm action={actions.postpone(f.id, f.version)} idPrefix={`postpone-${f.id}`} minDate={new Date(f.dueAt.getTime() + 30 * 86_400_000).toISOString().slice(0, 10)} submitName={`${t("benefits.followUp.postpone")}: ${name}`} /></div>
        </details>
      ) : null}
    </li>
  );
}
