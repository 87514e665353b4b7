// Sensitivity of the ranking: would the top of the list look different if one
// weight were set slightly differently? If not, the order does not hinge on a
// debatable setting, and leadership can say so.
import { benefitScore, rank, SCORE_KEYS, type ScoreContext, type ScoreInput, type ScoreKey, type ScoreWeights } from "./score";

export type Sensitivity = {
  robust: boolean;
  dependsOn: Array<{ weight: ScoreKey; direction: "up" | "down"; changedPositions: string[] }>;
};

type Item = { id: string; input: ScoreInput };

/** Ids in score order, exactly as the portfolio view ranks them (displayed one-decimal totals, ties by input order). */
function ranking(items: readonly Item[], weights: ScoreWeights, context: ScoreContext): string[] {
  const scored = items.map((item) => ({ id: item.id, total: benefitScore(item.input, weights, context).total }));
  return rank(scored, (s) => s.total).map((s) => s.id);
}

/**
 * For each weight and each direction, moves that one weight by ±change (relative,
 * default 10 %) and re-ranks all items. An id is reported when its position within
 * the top N (default 10) differs, including moving into or out of the top N.
 * A weight of 0 has nothing to move. Ids are listed in baseline ranking order.
 */
export function sensitivity(
  items: readonly Item[],
  weights: ScoreWeights,
  context: ScoreContext,
  options?: { top?: number; change?: number },
): Sensitivity {
  const top = options?.top ?? 10;
  const change = options?.change ?? 0.1;
  const baseline = ranking(items, weights, context);
  const baseIndex = new Map(baseline.map((id, i) => [id, i]));
  const topPosition = (order: readonly string[]) => {
    const positions = new Map<string, number>();
    order.slice(0, top).forEach((id, i) => positions.set(id, i));
    return positions;
  };
  const before = topPosition(baseline);
  const dependsOn: Sensitivity["dependsOn"] = [];
  for (const weight of SCORE_KEYS) {
    if (!(weights[weight] > 0)) continue;
    for (const direction of ["up", "down"] as const) {
      const factor = direction === "up" ? 1 + change : 1 - change;
      const after = topPosition(ranking(items, { ...weights, [weight]: weights[weight] * factor }, context));
      const ids = new Set([...before.keys(), ...after.keys()]);
      const changedPositions = [...ids]
        .filter((id) => before.get(id) !== after.get(id))
        .sort((a, b) => baseIndex.get(a)! - baseIndex.get(b)!);
      if (changedPositions.length) dependsOn.push({ weight, direction, changedPositions });
    }
  }
  return { robust: dependsOn.length === 0, dependsOn };
}
