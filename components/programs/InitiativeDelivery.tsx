import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, FieldError } from "@/components/ui/ActionForm";
import type { StepRule } from "@/lib/domain/lifecycle";
import { DeliveryStepsForm } from "./DeliveryStepsForm";
import { ProgramMessages } from "./ProgramMessages";

type State = { ok: boolean; code?: string; issues?: { path: string; message: string }[] } | null;
type Action = (prev: State, form: FormData) => Promise<State>;

/**
 * On the initiative's page: its program, its planned quarters and the delivery steps
 * (start, pause, resume, finish, cancel), each control shown only to those who may use it.
 */
export async function InitiativeDelivery(props: {
  initiative: { id: string; status: string; programId: string | null; program: { id: string; name: string } | null; plannedStartQuarter: string | null; plannedEndQuarter: string | null; startedAt: Date | null; completedAt: Date | null };
  programs: { id: string; name: string }[];
  may: { changeProgram: boolean; plan: boolean; steps: StepRule[] };
  actions: { setProgram: Action; plan: Action; progress: (to: string, prev: State, form: FormData) => Promise<State> };
}) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const i = props.initiative;
  const none = t("initiative.noValue");
  const input = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2";
  const failures = { VERSION_CONFLICT: t("programs.delivery.conflict"), FORBIDDEN: t("initiative.forbidden"), INVALID_STATUS: t("programs.delivery.notPlannable"), default: t("initiative.error") };
  return (
    <section aria-labelledby="delivery-title" className="space-y-4" data-testid="delivery">
      <h2 id="delivery-title" className="text-xl font-semibold">{t("programs.delivery.title")}</h2>
      <dl className="grid gap-x-6 gap-y-2 md:grid-cols-[16rem_1fr]">
        <dt className="font-medium">{t("programs.delivery.program")}</dt>
        <dd>{i.program ? <Link href={`/programs/${i.program.id}`} className="font-medium text-brand-800 underline">{i.program.name}</Link> : none}</dd>
        <dt className="font-medium">{t("programs.delivery.planned")}</dt>
        <dd data-testid="planned-quarters">{i.plannedStartQuarter && i.plannedEndQuarter ? t("programs.delivery.span", { start: i.plannedStartQuarter, end: i.plannedEndQuarter }) : t("programs.delivery.notPlanned")}</dd>
        {i.startedAt ? (
          <>
            <dt className="font-medium">{t("programs.delivery.startedAt")}</dt>
            <dd><time dateTime={i.startedAt.toISOString()}>{format.dateTime(i.startedAt, { dateStyle: "long" })}</time></dd>
          </>
        ) : null}
        {i.completedAt ? (
          <>
            <dt className="font-medium">{t("programs.delivery.completedAt")}</dt>
            <dd><time dateTime={i.completedAt.toISOString()}>{format.dateTime(i.completedAt, { dateStyle: "long" })}</time></dd>
          </>
        ) : null}
      </dl>
      {props.may.changeProgram || props.may.plan || props.may.steps.length ? (
        <ProgramMessages>
          <div className="grid gap-4 md:grid-cols-2">
            {props.may.changeProgram ? (
              <ActionForm action={props.actions.setProgram} submitLabel={t("programs.delivery.programSave")} okMessage={t("programs.delivery.programSaved")} messages={failures} testId="program-form" className="space-y-3 rounded border border-slate-300 p-4">
                <div>
                  <label htmlFor="initiative-program" className="font-medium">{t("programs.delivery.chooseProgram")}</label>
                  <select id="initiative-program" name="programId" defaultValue={i.programId ?? ""} className={input}>
                    <option value="">{t("programs.delivery.noProgram")}</option>
                    {props.programs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                  </select>
                  <FieldError name="programId" />
                </div>
              </ActionForm>
            ) : null}
            {props.may.plan ? (
              <ActionForm action={props.actions.plan} submitLabel={t("programs.delivery.planSave")} okMessage={t("programs.delivery.planSaved")} messages={failures} testId="plan-form" className="space-y-3 rounded border border-slate-300 p-4">
                <p id="plan-hint" className="text-sm text-slate-700">{t("programs.delivery.planHint")}</p>
                <div className="grid gap-3 sm:grid-cols-2">
                  <div>
                    <label htmlFor="planned-start" className="font-medium">{t("programs.delivery.plannedStart")}</label>
                    <input id="planned-start" name="plannedStartQuarter" defaultValue={i.plannedStartQuarter ?? ""} placeholder="2027-Q1" aria-describedby="plan-hint" className={input} />
                    <FieldError name="plannedStartQuarter" />
                  </div>
                  <div>
                    <label htmlFor="planned-end" className="font-medium">{t("programs.delivery.plannedEnd")}</label>
                    <input id="planned-end" name="plannedEndQuarter" defaultValue={i.plannedEndQuarter ?? ""} placeholder="2027-Q4" aria-describedby="plan-hint" className={input} />
                    <FieldError name="plannedEndQuarter" />
                  </div>
                </div>
              </ActionForm>
            ) : null}
          </div>
          {props.may.steps.length ? (
            <div className="mt-4 rounded border border-slate-300 p-4">
              <h3 className="font-semibold">{t("programs.delivery.stepsTitle")}</h3>
              <DeliveryStepsForm
                action={props.actions.progress}
                steps={props.may.steps.map((s) => ({ to: s.to, label: t(`programs.steps.${s.step}`) }))}
                labels={{
                  reason: t("programs.delivery.reason"),
                  reasonHint: t("programs.delivery.reasonHint", { steps: format.list(props.may.steps.filter((s) => s.reasonRequired).map((s) => t(`programs.steps.${s.step}`)), { type: "conjunction" }) || none }),
                  done: t("programs.delivery.stepDone"),
                  conflict: t("programs.delivery.conflict"),
                  invalid: t("programs.delivery.invalidStep"),
                  forbidden: t("initiative.forbidden"),
                  error: t("initiative.error"),
                }}
              />
            </div>
          ) : null}
        </ProgramMessages>
      ) : null}
    </section>
  );
}
