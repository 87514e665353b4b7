// Flow numbers: how long things wait. Percentiles by the nearest-rank method.

export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const DAY = 24 * 60 * 60 * 1000;

/** Whole days between two instants (rounded down), never negative. */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY));
}

export function leadTimes(pairs: readonly { from: Date; to: Date }[]): { count: number; median: number | null; p90: number | null } {
  const days = pairs.map((p) => (p.to.getTime() - p.from.getTime()) / DAY).filter((d) => d >= 0);
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return { count: days.length, median: round(median(days)), p90: round(percentile(days, 90)) };
}
