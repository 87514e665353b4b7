import type { InitiativeFormValues } from "./InitiativeForm";

type Editable = {
  title: string; need: string; ownerDepartmentId: string; benefitRecipient: string | null; nature: string | null;
  reachDescription: string | null; reachCount: number | null; estimatedCostSek: number | null; estimatedEffortHours: number | null;
  desiredStartQuarter: string | null; dependencies: string | null; contactPerson: string | null; isReplacement: boolean;
  replacesSystem: string | null; enablesDevelopment: string | null; involvesProcurement: boolean;
  hygieneOwnsData: boolean | null; hygieneOpenStandards: boolean | null; hygieneOpenApis: boolean | null; hygieneExitPlan: boolean | null;
  goals: { goalId: string; alignment: number }[];
  benefits: { id?: string; category: string; description: string; annualValueSek: number | null; annualHours: number | null; certainty: string }[];
};

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/** The form's values from a stored initiative, or a fresh draft for a department. */
export function toFormValues(stored: Editable | null, departmentId: string): InitiativeFormValues {
  if (!stored) {
    return {
      title: "", need: "", ownerDepartmentId: departmentId, benefitRecipient: "", nature: "", reachDescription: "", reachCount: "",
      benefits: [], goals: {}, estimatedCostSek: "", estimatedEffortHours: "", desiredStartQuarter: "", dependencies: "", contactPerson: "",
      isReplacement: false, replacesSystem: "", enablesDevelopment: "", involvesProcurement: false,
      hygieneOwnsData: null, hygieneOpenStandards: null, hygieneOpenApis: null, hygieneExitPlan: null,
    };
  }
  return {
    title: stored.title,
    need: stored.need,
    ownerDepartmentId: stored.ownerDepartmentId,
    benefitRecipient: stored.benefitRecipient ?? "",
    nature: stored.nature ?? "",
    reachDescription: str(stored.reachDescription),
    reachCount: str(stored.reachCount),
    benefits: stored.benefits.map((b) => ({ id: b.id, category: b.category, description: b.description, annualValueSek: str(b.annualValueSek), annualHours: str(b.annualHours), certainty: b.certainty })),
    goals: Object.fromEntries(stored.goals.map((g) => [g.goalId, g.alignment])),
    estimatedCostSek: str(stored.estimatedCostSek),
    estimatedEffortHours: str(stored.estimatedEffortHours),
    desiredStartQuarter: str(stored.desiredStartQuarter),
    dependencies: str(stored.dependencies),
    contactPerson: str(stored.contactPerson),
    isReplacement: stored.isReplacement,
    replacesSystem: str(stored.replacesSystem),
    enablesDevelopment: str(stored.enablesDevelopment),
    involvesProcurement: stored.involvesProcurement,
    hygieneOwnsData: stored.hygieneOwnsData,
    hygieneOpenStandards: stored.hygieneOpenStandards,
    hygieneOpenApis: stored.hygieneOpenApis,
    hygieneExitPlan: stored.hygieneExitPlan,
  };
}
