// How complete an initiative's description is: what submission requires, and what
// DIG will ask for if it is missing. Missing optional items never block submission.

export type CompletenessInput = {
  title?: string | null;
  need?: string | null;
  ownerDepartmentId?: string | null;
  benefitRecipient?: string | null;
  nature?: string | null;
  benefits?: readonly unknown[] | null;
  goals?: readonly unknown[] | null;
  reachDescription?: string | null;
  reachCount?: number | null;
  estimatedCostSek?: number | null;
  estimatedEffortHours?: number | null;
  desiredStartQuarter?: string | null;
  contactPerson?: string | null;
  isReplacement?: boolean | null;
  replacesSystem?: string | null;
  enablesDevelopment?: string | null;
  involvesProcurement?: boolean | null;
  hygieneOwnsData?: boolean | null;
  hygieneOpenStandards?: boolean | null;
  hygieneOpenApis?: boolean | null;
  hygieneExitPlan?: boolean | null;
};

export type CompletenessItem =
  | "title" | "need" | "ownerDepartment" | "benefitRecipient" | "nature"
  | "benefits" | "goals" | "reach" | "cost" | "effort" | "desiredStart" | "contactPerson"
  | "replacesSystem" | "enablesDevelopment" | "hygieneChecklist";

export type Completeness = {
  percent: number;
  missingRequired: CompletenessItem[];
  missingOptional: CompletenessItem[];
  canSubmit: boolean;
};

const filled = (s: string | null | undefined) => typeof s === "string" && s.trim().length > 0;

export function completeness(i: CompletenessInput): Completeness {
  const required: [CompletenessItem, boolean][] = [
    ["title", filled(i.title) && i.title!.trim().length >= 3],
    ["need", filled(i.need) && i.need!.trim().length >= 10],
    ["ownerDepartment", filled(i.ownerDepartmentId)],
    ["benefitRecipient", filled(i.benefitRecipient)],
    ["nature", filled(i.nature)],
  ];
  const optional: [CompletenessItem, boolean][] = [
    ["benefits", (i.benefits?.length ?? 0) > 0],
    ["goals", (i.goals?.length ?? 0) > 0],
    ["reach", filled(i.reachDescription) || (i.reachCount ?? null) !== null],
    ["cost", i.estimatedCostSek != null],
    ["effort", i.estimatedEffortHours != null],
    ["desiredStart", filled(i.desiredStartQuarter)],
    ["contactPerson", filled(i.contactPerson)],
  ];
  if (i.isReplacement) {
    optional.push(["replacesSystem", filled(i.replacesSystem)], ["enablesDevelopment", filled(i.enablesDevelopment)]);
  }
  if (i.involvesProcurement) {
    const answered = [i.hygieneOwnsData, i.hygieneOpenStandards, i.hygieneOpenApis, i.hygieneExitPlan].every((v) => v !== null && v !== undefined);
    optional.push(["hygieneChecklist", answered]);
  }
  const all = [...required, ...optional];
  const done = all.filter(([, ok]) => ok).length;
  const missingRequired = required.filter(([, ok]) => !ok).map(([k]) => k);
  return {
    percent: Math.round((done / all.length) * 100),
    missingRequired,
    missingOptional: optional.filter(([, ok]) => !ok).map(([k]) => k),
    canSubmit: missingRequired.length === 0,
  };
}
