// Benefit realisation (nyttorealisering): what a benefit's measurements say against its plan,
// when its follow-ups fall due, and realised against planned benefit summed over a group.

export type MeasurementPoint = { id: string; measuredAt: Date; value: number; realisedSek: number | null; correctsId: string | null; createdAt: Date };
export type Plan = { baseline: number | null; target: number | null; annualValueSek: number | null; annualHours: number | null };

/** The values that stand: every measurement no later entry corrects, in the order measured. */
export function effectiveMeasurements<M extends MeasurementPoint>(all: readonly M[]): M[] {
  const corrected = new Set(all.map((m) => m.correctsId).filter((id): id is string => id !== null));
  return all
    .filter((m) => !corrected.has(m.id))
    .sort((a, b) => a.measuredAt.getTime() - b.measuredAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * How far the value has come from the baseline towards the target, in percent (one decimal):
 * 0 at the baseline, 100 at the target, more beyond it, negative if it went the other way.
 * Null without a target; a missing baseline counts as 0. A target equal to the baseline is
 * reached (100) or not (0).
 */
export function percentOfTarget(plan: Pick<Plan, "baseline" | "target">, value: number | null): number | null {
  if (plan.target === null || value === null) return null;
  const baseline = plan.baseline ?? 0;
  const span = plan.target - baseline;
  if (span === 0) return value === plan.target ? 100 : 0;
  return Math.round(((value - baseline) / span) * 1000) / 10;
}

/** Whether the last two values moved towards the target, away from it, or not at all. */
export function trend(plan: Pick<Plan, "baseline" | "target">, effective: readonly { value: number }[]): "towards" | "away" | "flat" | null {
  if (effective.length < 2 || plan.target === null) return null;
  const [previous, last] = [effective[effective.length - 2]!.value, effective[effective.length - 1]!.value];
  if (last === previous) return "flat";
  const wantsUp = plan.target >= (plan.baseline ?? 0);
  return last > previous === wantsUp ? "towards" : "away";
}

export type Realisation = {
  latest: { value: number; measuredAt: Date } | null;
  percent: number | null;
  trend: "towards" | "away" | "flat" | null;
  /** Yearly benefit realised: a measured SEK value where one is recorded, else the plan's share reached (0–100 %). */
  realisedSek: number | null;
  realisedHours: number | null;
};

const share = (percent: number | null) => (percent === null ? null : Math.min(Math.max(percent, 0), 100) / 100);

/** A benefit's realisation from its measurements. */
export function realisation(plan: Plan, measurements: readonly MeasurementPoint[]): Realisation {
  const effective = effectiveMeasurements(measurements);
  const last = effective[effective.length - 1] ?? null;
  const percent = percentOfTarget(plan, last?.value ?? null);
  const part = share(percent);
  const realisedSek = last?.realisedSek ?? (plan.annualValueSek !== null && part !== null ? Math.round(plan.annualValueSek * part) : null);
  const realisedHours = plan.annualHours !== null && part !== null ? Math.round(plan.annualHours * part) : null;
  return { latest: last ? { value: last.value, measuredAt: last.measuredAt } : null, percent, trend: trend(plan, effective), realisedSek, realisedHours };
}

// ---------------------------------------------------------------------------
// Follow-ups

export const DEFAULT_FOLLOW_UP_MONTHS = [6, 12, 24];
export const DEFAULT_OVERDUE_AFTER_DAYS = 30;

/** The same day `months` later (the month's last day if it has no such day), at noon UTC. */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), last), 12));
}

export type FollowUpState = "done" | "upcoming" | "due" | "overdue";

/** Upcoming until its due date, then due, and overdue once `overdueAfterDays` have passed undone. */
export function followUpState(f: { dueAt: Date; completedAt: Date | null }, now: Date, overdueAfterDays = DEFAULT_OVERDUE_AFTER_DAYS): FollowUpState {
  if (f.completedAt) return "done";
  if (now < f.dueAt) return "upcoming";
  return now.getTime() > f.dueAt.getTime() + overdueAfterDays * 86_400_000 ? "overdue" : "due";
}

/** Done on time: completed before it became overdue. */
export function doneOnTime(f: { dueAt: Date; completedAt: Date | null }, overdueAfterDays = DEFAULT_OVERDUE_AFTER_DAYS): boolean {
  return f.completedAt !== null && f.completedAt.getTime() <= f.dueAt.getTime() + overdueAfterDays * 86_400_000;
}

// ---------------------------------------------------------------------------
// Realised against planned, summed

export type RealisationRow = {
  key: string;
  plannedSek: number;
  plannedHours: number;
  realisedSek: number;
  realisedHours: number;
  /** Benefits with a measurement that says how much is realised. */
  measured: number;
  benefits: number;
  /** Follow-ups whose due date has passed, and of them those done on time. */
  followUpsDue: number;
  followUpsOnTime: number;
};

export type BenefitFacts = {
  keys: string[];
  plan: Plan;
  realisation: Realisation;
  followUps: { dueAt: Date; completedAt: Date | null }[];
};

/** Sums planned and realised yearly benefit and follow-up punctuality per key (a benefit may count under several keys, e.g. years). */
export function sumRealisation(benefits: readonly BenefitFacts[], now: Date, overdueAfterDays = DEFAULT_OVERDUE_AFTER_DAYS): RealisationRow[] {
  const rows = new Map<string, RealisationRow>();
  for (const b of benefits) {
    for (const key of b.keys) {
      const row = rows.get(key) ?? { key, plannedSek: 0, plannedHours: 0, realisedSek: 0, realisedHours: 0, measured: 0, benefits: 0, followUpsDue: 0, followUpsOnTime: 0 };
      row.benefits += 1;
      row.plannedSek += b.plan.annualValueSek ?? 0;
      row.plannedHours += b.plan.annualHours ?? 0;
      row.realisedSek += b.realisation.realisedSek ?? 0;
      row.realisedHours += b.realisation.realisedHours ?? 0;
      if (b.realisation.latest) row.measured += 1;
      for (const f of b.followUps) {
        if (f.dueAt > now) continue;
        row.followUpsDue += 1;
        if (doneOnTime(f, overdueAfterDays)) row.followUpsOnTime += 1;
      }
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Realised as a share of planned, in percent (one decimal), or null when nothing was planned. */
export function realisedShare(realised: number, planned: number): number | null {
  return planned > 0 ? Math.round((realised / planned) * 1000) / 10 : null;
}
