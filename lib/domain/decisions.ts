// What a portfolio meeting may decide about an initiative, and where each decision leads.

export const DECISION_TYPES = ["APPROVE", "REJECT", "DEFER", "REPRIORITISE", "REQUEST_INFO"] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

export type Status =
  | "DRAFT" | "SUBMITTED" | "NEEDS_INFO" | "TRIAGED" | "APPROVED" | "IN_PROGRESS" | "PAUSED" | "DONE" | "REJECTED" | "DEFERRED" | "CANCELLED";

/** Statuses leadership may put on an agenda: awaiting decision, decided or running, or set aside. */
export const AGENDA_STATUSES: readonly Status[] = ["TRIAGED", "APPROVED", "IN_PROGRESS", "PAUSED", "DEFERRED"];

/**
 * The decision table. `to: null` keeps the status (a reprioritisation is about order and
 * resources, not about the initiative's state).
 * - APPROVE, REJECT, REQUEST_INFO: an initiative awaiting decision, or one set aside earlier.
 * - DEFER: one awaiting decision, or one approved but not started (to shrink the backlog).
 * - REPRIORITISE: anything that may stand on the agenda.
 */
export const DECISION_RULES: Record<DecisionType, { from: readonly Status[]; to: Status | null }> = {
  APPROVE: { from: ["TRIAGED", "DEFERRED"], to: "APPROVED" },
  REJECT: { from: ["TRIAGED", "DEFERRED"], to: "REJECTED" },
  DEFER: { from: ["TRIAGED", "APPROVED"], to: "DEFERRED" },
  REPRIORITISE: { from: AGENDA_STATUSES, to: null },
  REQUEST_INFO: { from: ["TRIAGED", "DEFERRED"], to: "NEEDS_INFO" },
};

/** The status after the decision, or null when the decision is not allowed from `from`. */
export function decisionOutcome(type: DecisionType, from: Status): Status | null {
  const rule = DECISION_RULES[type];
  if (!rule.from.includes(from)) return null;
  return rule.to ?? from;
}

/** The decisions the table allows for an initiative in this status, in the table's order. */
export function allowedDecisions(from: Status): DecisionType[] {
  return DECISION_TYPES.filter((type) => decisionOutcome(type, from) !== null);
}

export function mayStandOnAgenda(status: Status): boolean {
  return AGENDA_STATUSES.includes(status);
}
