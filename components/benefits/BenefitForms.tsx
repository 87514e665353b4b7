"use client";
// The benefit plan's forms: a benefit's plan, a measurement, a follow-up's answer, a
// postponement, and the reason why no benefit is followed up. Each inside ActionForm, so a
// refusal names the field that needs fixing.
import { useTranslations } from "next-intl";
import { ActionForm, type ActionState } from "@/components/ui/ActionForm";
import { SelectField, TextAreaField, TextField } from "@/components/ui/fields";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
const CATEGORIES = ["FINANCIAL", "REALLOCATION", "QUALITY", "ENVIRONMENT"] as const;
const CERTAINTIES = ["GREEN", "YELLOW", "RED"] as const;
const ASSESSMENTS = ["REALISED", "PARTLY", "NOT_REALISED", "TOO_EARLY"] as const;

export type PlanValues = {
  category: string; description: string; annualValueSek: number | null; annualHours: number | null; certainty: string; ownerId: string | null; owner: string | null;
  indicator: string | null; unit: string | null; method: string | null; baseline: number | null; baselineDate: string | null; target: number | null; targetDate: string | null;
};

function useMessages() {
  const t = useTranslations("benefits");
  return { FORBIDDEN: t("codes.FORBIDDEN"), VERSION_CONFLICT: t("codes.VERSION_CONFLICT"), FOLLOW_UP_DONE: t("codes.FOLLOW_UP_DONE"), ALREADY_POSTPONED: t("codes.ALREADY_POSTPONED"), default: t("codes.default") };
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v).replace(".", ","));

export function BenefitPlanForm(props: { action: Action; idPrefix: string; values?: PlanValues; people: { id: string; label: string }[]; submitName?: string }) {
  const t = useTranslations("benefits");
  const tc = useTranslations("benefitCategory");
  const tcert = useTranslations("certainty");
  const v = props.values;
  const p = props.idPrefix;
  return (
    <ActionForm action={props.action} submitLabel={v ? t("plan.save") : t("plan.add")} submitName={props.submitName} okMessage={v ? t("plan.saved") : t("plan.added")} resetOnSuccess={!v} messages={useMessages()} className="grid gap-3 md:grid-cols-2" testId={`${p}-form`}>
      <SelectField id={`${p}-category`} name="category" label={t("fields.category")} defaultValue={v?.category ?? "REALLOCATION"} options={CATEGORIES.map((c) => ({ value: c, label: tc(c) }))} />
      <SelectField id={`${p}-certainty`} name="certainty" label={t("fields.certainty")} help={t("help.certainty")} defaultValue={v?.certainty ?? "YELLOW"} options={CERTAINTIES.map((c) => ({ value: c, label: tcert(c) }))} />
      <TextField id={`${p}-description`} name="description" label={t("fields.description")} defaultValue={v?.description} required maxLength={2000} className="md:col-span-2" />
      <SelectField id={`${p}-ownerId`} name="ownerId" label={t("fields.ownerId")} help={t("help.ownerId")} defaultValue={v?.ownerId} empty={t("noOwner")} options={props.people.map((u) => ({ value: u.id, label: u.label }))} />
      <TextField id={`${p}-owner`} name="owner" label={t("fields.owner")} help={t("help.owner")} defaultValue={v?.owner} maxLength={200} />
      <TextField id={`${p}-indicator`} name="indicator" label={t("fields.indicator")} help={t("help.indicator")} defaultValue={v?.indicator} maxLength={300} />
      <TextField id={`${p}-unit`} name="unit" label={t("fields.unit")} help={t("help.unit")} defaultValue={v?.unit} maxLength={40} />
      <TextAreaField id={`${p}-method`} name="method" label={t("fields.method")} defaultValue={v?.method} maxLength={1000} rows={2} className="md:col-span-2" />
      <TextField id={`${p}-baseline`} name="baseline" label={t("fields.baseline")} defaultValue={num(v?.baseline)} inputMode="text" />
      <TextField id={`${p}-baselineDate`} name="baselineDate" type="date" label={t("fields.baselineDate")} defaultValue={v?.baselineDate} />
      <TextField id={`${p}-target`} name="target" label={t("fields.target")} defaultValue={num(v?.target)} inputMode="text" />
      <TextField id={`${p}-targetDate`} name="targetDate" type="date" label={t("fields.targetDate")} defaultValue={v?.targetDate} />
      <TextField id={`${p}-annualValueSek`} name="annualValueSek" label={t("fields.annualValueSek")} help={t("help.annualValueSek")} defaultValue={v?.annualValueSek} inputMode="numeric" />
      <TextField id={`${p}-annualHours`} name="annualHours" label={t("fields.annualHours")} defaultValue={v?.annualHours} inputMode="numeric" />
    </ActionForm>
  );
}

/** The fields of a measurement; `prefix` lets a follow-up's answer carry one. */
function MeasurementFields({ idPrefix, prefix = "", unit, today, corrects }: { idPrefix: string; prefix?: string; unit: string | null; today: string; corrects?: { id: string; label: string }[] }) {
  const t = useTranslations("benefits");
  return (
    <>
      <TextField id={`${idPrefix}-measuredAt`} name={`${prefix}measuredAt`} type="date" label={t("fields.measuredAt")} defaultValue={today} />
      <TextField id={`${idPrefix}-value`} name={`${prefix}value`} label={unit ? t("fields.valueIn", { unit }) : t("fields.value")} inputMode="text" />
      <TextField id={`${idPrefix}-realisedSek`} name={`${prefix}realisedSek`} label={t("fields.realisedSek")} help={t("help.realisedSek")} inputMode="numeric" />
      <TextField id={`${idPrefix}-source`} name={`${prefix}source`} label={t("fields.source")} help={t("help.source")} maxLength={300} />
      <TextAreaField id={`${idPrefix}-comment`} name={`${prefix}comment`} label={t("fields.comment")} maxLength={2000} rows={2} className="md:col-span-2" />
      {corrects?.length ? (
        <SelectField id={`${idPrefix}-correctsId`} name={`${prefix}correctsId`} label={t("fields.correctsId")} help={t("help.correctsId")} empty={t("noCorrection")} options={corrects.map((c) => ({ value: c.id, label: c.label }))} className="md:col-span-2" />
      ) : null}
    </>
  );
}

export function MeasurementForm(props: { action: Action; idPrefix: string; unit: string | null; today: string; corrects: { id: string; label: string }[]; submitName?: string }) {
  const t = useTranslations("benefits");
  return (
    <ActionForm action={props.action} submitLabel={t("measure.save")} submitName={props.submitName} okMessage={t("measure.saved")} resetOnSuccess messages={useMessages()} className="grid gap-3 md:grid-cols-2" testId={`${props.idPrefix}-form`}>
      <MeasurementFields idPrefix={props.idPrefix} unit={props.unit} today={props.today} corrects={props.corrects} />
    </ActionForm>
  );
}

export function FollowUpAnswerForm(props: { action: Action; idPrefix: string; unit: string | null; today: string; submitName?: string }) {
  const t = useTranslations("benefits");
  return (
    <ActionForm action={props.action} submitLabel={t("followUp.answer")} submitName={props.submitName} okMessage={t("followUp.answered")} messages={useMessages()} className="grid gap-3 md:grid-cols-2" testId={`${props.idPrefix}-form`}>
      <fieldset className="md:col-span-2">
        <legend className="font-medium">{t("fields.assessment")}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {ASSESSMENTS.map((a, i) => (
            <label key={a} className="flex items-center gap-2">
              <input type="radio" name="assessment" value={a} defaultChecked={i === 1} className="h-4 w-4" />
              {t(`assessment.${a}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField id={`${props.idPrefix}-assessmentComment`} name="comment" label={t("fields.assessmentComment")} maxLength={2000} rows={2} className="md:col-span-2" />
      <p className="md:col-span-2 text-sm text-slate-700">{t("followUp.measurementHint")}</p>
      <MeasurementFields idPrefix={`${props.idPrefix}-m`} prefix="measurement." unit={props.unit} today={props.today} />
    </ActionForm>
  );
}

export function PostponeForm(props: { action: Action; idPrefix: string; minDate: string; submitName?: string }) {
  const t = useTranslations("benefits");
  return (
    <ActionForm action={props.action} submitLabel={t("followUp.postpone")} submitName={props.submitName} okMessage={t("followUp.postponed")} messages={useMessages()} className="grid gap-3 md:grid-cols-2" testId={`${props.idPrefix}-form`}>
      <TextField id={`${props.idPrefix}-until`} name="until" type="date" label={t("fields.until")} defaultValue={props.minDate} />
      <TextField id={`${props.idPrefix}-reason`} name="reason" label={t("fields.postponeReason")} help={t("help.postponeReason")} maxLength={1000} required />
    </ActionForm>
  );
}

export function NoBenefitReasonForm(props: { action: Action; reason: string | null }) {
  const t = useTranslations("benefits");
  return (
    <ActionForm action={props.action} submitLabel={t("noBenefit.save")} okMessage={t("noBenefit.saved")} messages={useMessages()} testId="no-benefit-form">
      <TextAreaField id="no-benefit-reason" name="reason" label={t("noBenefit.label")} help={t("noBenefit.help")} defaultValue={props.reason} maxLength={2000} rows={2} />
    </ActionForm>
  );
}
