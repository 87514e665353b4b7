// When a strategic goal counts: the political direction changes with the mandate period.

export type GoalPeriod = { active: boolean; validFrom: number | null; validTo: number | null };

/** Active and valid in this year: the goal counts in the benefit score now. */
export function goalInEffect(goal: GoalPeriod, year: number): boolean {
  return goal.active && (goal.validFrom === null || goal.validFrom <= year) && (goal.validTo === null || goal.validTo >= year);
}

/** Active and not expired: initiatives and programs may still be linked to it (also a goal of the coming mandate). */
export function goalSelectable(goal: GoalPeriod, year: number): boolean {
  return goal.active && (goal.validTo === null || goal.validTo >= year);
}

/** The validity period as words need it: "2027–2030", "från 2027", "till 2030", or null (open-ended). */
export function goalPeriod(goal: Pick<GoalPeriod, "validFrom" | "validTo">): { from: number | null; to: number | null } | null {
  return goal.validFrom === null && goal.validTo === null ? null : { from: goal.validFrom, to: goal.validTo };
}
