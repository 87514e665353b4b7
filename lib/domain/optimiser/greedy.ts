// The baseline leadership compares with: fill capacity in ranking order (benefit score, highest
// first; equal scores in the candidates' order), each initiative at its earliest start that fits,
// after what is running and what must be in. Then the balance and the equity floors are repaired
// the way a person would: take out the lowest-ranked of what there is too much of, put in the
// best of what is missing where it fits. If a constraint still does not hold, the result says which.
import type { Blocking, OptimiserProblem } from "./problem";
import { PlanState, planViolations } from "./plan";

export type GreedyResult = { chosen: { id: string; start: number }[]; objective: number; violations: Blocking[] };

export function greedy(problem: OptimiserProblem): GreedyResult {
  const order = problem.candidates.map((c, i) => ({ c, i })).sort((a, b) => b.c.score - a.c.score || a.i - b.i).map((x) => x.c);
  const state = new PlanState(problem);
  const banned = new Set<string>();
  const earliest = (id: string, starts: number[]) => starts.find((start) => !state.capacityOver(id, start).length);
  for (const c of order) if (c.mode === "running") state.add(c.id, c.starts[0]!);
  for (const c of order) if (c.mode === "forced") state.add(c.id, earliest(c.id, c.starts) ?? c.starts[0]!);

  /** Adds what fits, in ranking order; passes until nothing more does (a dependency ranked lower lets its dependant in next pass). */
  const fill = (pool: typeof order) => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const c of pool) {
        if (state.chosen.has(c.id) || banned.has(c.id) || c.mode !== "free" || state.missingDependencies(c.id).length) continue;
        const start = earliest(c.id, c.starts);
        if (start === undefined) continue;
        state.add(c.id, start);
        changed = true;
      }
    }
  };
  fill(order);

  // Repair, one broken bound at a time: make room by taking out the lowest-ranked free pick that
  // weighs on the bound, then put in the best of what is short.
  for (let round = 0; round < 2 * problem.candidates.length; round++) {
    const broken = [...state.balanceBroken(null), ...state.equityShort()][0];
    if (!broken) break;
    const picks = order.filter((c) => state.chosen.has(c.id) && c.mode === "free").reverse();
    const drop =
      broken.kind === "balance" && broken.side === "max" ? picks.find((c) => c.quadrant === broken.quadrant)
      : broken.kind === "balance" ? picks.find((c) => c.quadrant !== broken.quadrant && c.quadrant !== null)
      : broken.kind === "equity" ? picks.find((c) => c.department !== broken.department)
      : undefined;
    if (!drop) break;
    state.remove(drop.id);
    banned.add(drop.id);
    // Dependants of what was taken out go too.
    for (const c of picks) if (state.chosen.has(c.id) && state.missingDependencies(c.id).length) state.remove(c.id);
    const short = broken.kind === "balance" && broken.side === "min" ? order.filter((c) => c.quadrant === broken.quadrant) : broken.kind === "equity" ? order.filter((c) => c.department === broken.department) : [];
    fill(short);
    if (broken.kind === "balance" && broken.side === "max") fill(order.filter((c) => c.quadrant !== broken.quadrant));
  }
  const chosen = [...state.chosen].map(([id, start]) => ({ id, start }));
  return { chosen, objective: Math.round(state.score() * 1000) / 1000, violations: planViolations(problem, chosen) };
}
