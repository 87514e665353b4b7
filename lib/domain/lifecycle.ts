// The delivery part of an initiative's life, after the decision: starting work, pausing,
// resuming, finishing and cancelling. Each step is a named transition between statuses.

export type ProgressStatus = "APPROVED" | "IN_PROGRESS" | "PAUSED" | "DONE" | "CANCELLED";
export type ProgressStep = "start" | "pause" | "resume" | "finish" | "cancel";

export type StepRule = {
  step: ProgressStep;
  from: readonly string[];
  to: ProgressStatus;
  /** Pausing or cancelling must say why; the reason goes on the timeline. */
  reasonRequired: boolean;
  /** Which timestamp the step sets the first time it happens. */
  stamps: "startedAt" | "completedAt" | null;
};

export const STEPS: readonly StepRule[] = [
  { step: "start", from: ["APPROVED"], to: "IN_PROGRESS", reasonRequired: false, stamps: "startedAt" },
  { step: "pause", from: ["IN_PROGRESS"], to: "PAUSED", reasonRequired: true, stamps: null },
  { step: "resume", from: ["PAUSED"], to: "IN_PROGRESS", reasonRequired: false, stamps: null },
  { step: "finish", from: ["IN_PROGRESS"], to: "DONE", reasonRequired: false, stamps: "completedAt" },
  // A decided initiative can be stopped at any point before it is done.
  { step: "cancel", from: ["APPROVED", "IN_PROGRESS", "PAUSED"], to: "CANCELLED", reasonRequired: true, stamps: null },
];

/** The statuses a progress transition may lead to (the API's `to`). */
export const PROGRESS_TARGETS = ["IN_PROGRESS", "PAUSED", "DONE", "CANCELLED"] as const;

/** The step that takes an initiative from `from` to `to`, or null if no such step exists. */
export function stepFor(from: string, to: string): StepRule | null {
  return STEPS.find((s) => s.to === to && s.from.includes(from)) ?? null;
}

/** The steps possible from a status, in the order the page offers them. */
export function stepsFrom(from: string): StepRule[] {
  return STEPS.filter((s) => s.from.includes(from));
}

/** Statuses whose plan (planned start and end quarter) can still change. */
export const PLANNABLE = ["TRIAGED", "APPROVED", "IN_PROGRESS", "PAUSED", "DEFERRED"] as const;

export function isPlannable(status: string): boolean {
  return (PLANNABLE as readonly string[]).includes(status);
}
