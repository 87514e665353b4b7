// A program's numbers: what its initiatives together cost, take and are expected to give,
// and how far they have come (count per status).

export type ProgramMember = {
  status: string;
  estimatedCostSek: number | null;
  estimatedEffortHours: number | null;
  /** Sums of the initiative's benefit indicators (null when none states a value). */
  benefitSek: number | null;
  benefitHours: number | null;
};

export type ProgramTotals = {
  count: number;
  /** Initiatives counted in the sums: all but the rejected and cancelled ones. */
  counted: number;
  costSek: number;
  effortHours: number;
  benefitSekPerYear: number;
  benefitHoursPerYear: number;
  /** Counted initiatives whose cost or effort is not known ("vet ej"): the sums are a floor. */
  unknownCost: number;
  unknownEffort: number;
  byStatus: Record<string, number>;
  /** Share of counted initiatives that are done, 0–1 (null with none counted). */
  doneShare: number | null;
};

/** Rejected and cancelled initiatives will not be delivered, so they add nothing to the program's sums. */
export const NOT_COUNTED = new Set(["REJECTED", "CANCELLED"]);

export function programTotals(members: ProgramMember[]): ProgramTotals {
  const byStatus: Record<string, number> = {};
  let counted = 0, costSek = 0, effortHours = 0, benefitSekPerYear = 0, benefitHoursPerYear = 0, unknownCost = 0, unknownEffort = 0, done = 0;
  for (const m of members) {
    byStatus[m.status] = (byStatus[m.status] ?? 0) + 1;
    if (NOT_COUNTED.has(m.status)) continue;
    counted++;
    if (m.status === "DONE") done++;
    if (m.estimatedCostSek === null) unknownCost++;
    else costSek += m.estimatedCostSek;
    if (m.estimatedEffortHours === null) unknownEffort++;
    else effortHours += m.estimatedEffortHours;
    benefitSekPerYear += m.benefitSek ?? 0;
    benefitHoursPerYear += m.benefitHours ?? 0;
  }
  return {
    count: members.length, counted, costSek, effortHours, benefitSekPerYear, benefitHoursPerYear, unknownCost, unknownEffort, byStatus,
    doneShare: counted ? done / counted : null,
  };
}
