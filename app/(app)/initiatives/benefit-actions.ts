"use server";
// The benefit plan on an initiative's page: its benefits, measurements and follow-ups.
import { requireActor } from "@/lib/auth/session";
import { completeFollowUp, createBenefit, deleteBenefit, postponeFollowUp, recordMeasurement, setNoBenefitReason, updateBenefit } from "@/lib/server/benefits";
import type { ActionState } from "@/components/ui/ActionForm";
import { number, optional, optionalNumber, settle, text } from "../action-helpers";

const pages = (initiativeId: string) => [{ path: `/initiatives/${initiativeId}` }, { path: "/benefits" }];

/** The plan's fields as typed; an empty owner is "nobody yet". */
const plan = (form: FormData) => ({
  category: text(form, "category"),
  description: text(form, "description"),
  annualValueSek: optionalNumber(form, "annualValueSek"),
  annualHours: optionalNumber(form, "annualHours"),
  certainty: text(form, "certainty"),
  ownerId: optional(form, "ownerId"),
  owner: text(form, "owner"),
  indicator: text(form, "indicator"),
  unit: text(form, "unit"),
  method: text(form, "method"),
  baseline: optionalNumber(form, "baseline"),
  baselineDate: text(form, "baselineDate"),
  target: optionalNumber(form, "target"),
  targetDate: text(form, "targetDate"),
});

const measurement = (form: FormData, prefix = "") => ({
  measuredAt: text(form, `${prefix}measuredAt`),
  value: number(form, `${prefix}value`),
  realisedSek: optionalNumber(form, `${prefix}realisedSek`),
  source: text(form, `${prefix}source`),
  comment: text(form, `${prefix}comment`),
  ...(optional(form, `${prefix}correctsId`) ? { correctsId: optional(form, `${prefix}correctsId`) } : {}),
});

export async function createBenefitAction(initiativeId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return settle(async () => createBenefit(await requireActor(), initiativeId, plan(form)), pages(initiativeId));
}

export async function updateBenefitAction(initiativeId: string, benefitId: string, version: number, _prev: ActionState, form: FormData): Promise<ActionState> {
  return settle(async () => updateBenefit(await requireActor(), benefitId, { ...plan(form), version }), pages(initiativeId));
}

export async function deleteBenefitAction(initiativeId: string, benefitId: string): Promise<ActionState> {
  return settle(async () => deleteBenefit(await requireActor(), benefitId), pages(initiativeId));
}

export async function recordMeasurementAction(initiativeId: string, benefitId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return settle(async () => recordMeasurement(await requireActor(), benefitId, measurement(form)), pages(initiativeId));
}

/** Answers a follow-up; the measurement it asks for comes along when a value was typed. */
export async function completeFollowUpAction(initiativeId: string, followUpId: string, version: number, _prev: ActionState, form: FormData): Promise<ActionState> {
  const measured = text(form, "measurement.value") !== "";
  return settle(
    async () => completeFollowUp(await requireActor(), followUpId, { assessment: text(form, "assessment"), comment: text(form, "comment"), version, ...(measured ? { measurement: measurement(form, "measurement.") } : {}) }),
    pages(initiativeId),
  );
}

export async function postponeFollowUpAction(initiativeId: string, followUpId: string, version: number, _prev: ActionState, form: FormData): Promise<ActionState> {
  return settle(async () => postponeFollowUp(await requireActor(), followUpId, { until: text(form, "until"), reason: text(form, "reason"), version }), pages(initiativeId));
}

export async function noBenefitReasonAction(initiativeId: string, version: number, _prev: ActionState, form: FormData): Promise<ActionState> {
  return settle(async () => setNoBenefitReason(await requireActor(), initiativeId, { reason: text(form, "reason"), version }), pages(initiativeId));
}
