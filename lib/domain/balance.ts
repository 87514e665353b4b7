// PIOS balance: the actual share per quadrant against leadership's target share.
import { QUADRANTS, type Quadrant } from "./pios";

export type WeightBy = "cost" | "effort" | "count";

export type BalanceItem = { quadrant: Quadrant | null; costSek: number | null; effortHours: number | null };
export type QuadrantBalance = {
  quadrant: Quadrant;
  amount: number;
  actualPercent: number;
  targetPercent: number | null;
  deviation: number | null;
};
export type Balance = { quadrants: QuadrantBalance[]; total: number; excluded: number };

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Percent shares with one decimal that add up to exactly 100.0 (largest-remainder
 * method on tenths of a percent; ties go to the earlier entry), so a chart never
 * shows 99.9 % or 100.1 %. All zeros when the amounts sum to 0.
 */
export function percentShares(amounts: readonly number[]): number[] {
  const total = amounts.reduce((s, a) => s + a, 0);
  if (!(total > 0)) return amounts.map(() => 0);
  const raw = amounts.map((a) => (1000 * a) / total);
  // The epsilon keeps 299.99999999 (float noise) from flooring to 299.
  const floors = raw.map((r) => Math.floor(r + 1e-9));
  let left = 1000 - floors.reduce((s, f) => s + f, 0);
  const byRemainder = raw.map((r, i) => ({ i, rest: r - floors[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors.map((f) => f / 10);
}

function weightOf(item: BalanceItem, weightBy: WeightBy): number | null {
  if (weightBy === "count") return 1;
  const value = weightBy === "cost" ? item.costSek : item.effortHours;
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * Actual share per quadrant, weighted by cost, effort or count. Items whose quadrant
 * or chosen weight is unknown are left out and counted in `excluded`.
 * deviation = actual − target, in percentage points (one decimal).
 */
export function balance(items: readonly BalanceItem[], weightBy: WeightBy, target: Record<Quadrant, number> | null): Balance {
  const amounts: Record<Quadrant, number> = { INTERNAL_EFFICIENCY: 0, INTERNAL_INNOVATION: 0, EXTERNAL_EFFICIENCY: 0, EXTERNAL_INNOVATION: 0 };
  let excluded = 0;
  for (const item of items) {
    const weight = weightOf(item, weightBy);
    if (!item.quadrant || weight === null) {
      excluded += 1;
      continue;
    }
    amounts[item.quadrant] += weight;
  }
  const total = QUADRANTS.reduce((s, q) => s + amounts[q], 0);
  const shares = percentShares(QUADRANTS.map((q) => amounts[q]));
  const quadrants = QUADRANTS.map((quadrant, i) => {
    const actualPercent = shares[i]!;
    const targetPercent = target ? target[quadrant] : null;
    const deviation = targetPercent === null ? null : round1(actualPercent - targetPercent);
    return { quadrant, amount: amounts[quadrant], actualPercent, targetPercent, deviation };
  });
  return { quadrants, total, excluded };
}

/** A target balance is four whole percentages, each 0..100, adding up to exactly 100. */
export function validTarget(shares: Record<Quadrant, number>): boolean {
  let sum = 0;
  for (const q of QUADRANTS) {
    const share = shares[q];
    if (typeof share !== "number" || !Number.isInteger(share) || share < 0 || share > 100) return false;
    sum += share;
  }
  return sum === 100;
}
