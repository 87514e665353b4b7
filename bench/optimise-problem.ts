// The optimiser bench's problem: a generated municipality of the size issue #16 names, the same for a seed.
import type { Candidate, OptimiserProblem } from "../lib/domain/optimiser/problem";
import type { Quadrant } from "../lib/domain/pios";
import { Dice } from "../prisma/seed/random";

/**
 * A municipality of 40 departments, DIG and Digitalt center as central pools and 18 departments'
 * own pools; initiatives of one to four quarters mostly on a central pool, some also on their
 * department's pool; one in twenty already running; a portfolio leaning to internal efficiency, as the
 * research found; about twice as much demand as capacity.
 */
export function benchProblem(count: number, seed: number): OptimiserProblem {
  const r = new Dice(seed);
  const quarters = Array.from({ length: 12 }, (_, i) => `${2027 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  const local = Array.from({ length: 18 }, (_, i) => `local-${i}`);
  const pools = [
    { id: "DIG", capacity: quarters.map(() => 9000) },
    { id: "DC", capacity: quarters.map(() => 6000) },
    ...local.map((id) => ({ id, capacity: quarters.map(() => r.int(150, 500)) })),
  ];
  const quadrantWeights: [Quadrant, number][] = [["INTERNAL_EFFICIENCY", 0.5], ["INTERNAL_INNOVATION", 0.15], ["EXTERNAL_EFFICIENCY", 0.2], ["EXTERNAL_INNOVATION", 0.15]];
  const candidates: Candidate[] = Array.from({ length: count }, (_, i) => {
    const department = r.int(0, 39);
    const length = r.int(1, 4);
    const central = r.float() < 0.3 ? "DC" : "DIG";
    const perQuarter = r.int(20, 200);
    const load = [{ pool: central, hours: Array.from({ length }, () => Math.round(perQuarter * (0.6 + 0.8 * r.float()))) }];
    if (department < 18 && r.float() < 0.5) load.push({ pool: local[department]!, hours: Array.from({ length }, () => r.int(20, 160)) });
    const running = r.float() < 0.05;
    const first = running ? 0 : r.int(0, 9);
    const window = r.int(1, 4);
    return {
      id: `i${i}`,
      department: `d${department}`,
      quadrant: r.chance(0.95) ? r.weighted(quadrantWeights) : null,
      // Benefit scores as the ranking gives them: most in the middle, a few high.
      score: Math.round(Math.min(100, Math.max(1, 35 + 18 * (r.float() + r.float() + r.float() - 1.5) * 2)) * 10) / 10,
      costSek: r.int(5, 400) * 10_000,
      load,
      starts: running ? [0] : Array.from({ length: window }, (_, k) => first + k).filter((s) => s < 12),
      mode: running ? "running" : "free",
      requires: [],
    };
  });
  // A few dependencies between initiatives of the same department.
  for (let k = 0; k < count / 50; k++) {
    const a = r.pick(candidates);
    const b = r.pick(candidates.filter((c) => c.department === a.department && c.id !== a.id && c.mode === "free"));
    if (b && a.mode === "free") a.requires = [b.id];
  }
  return {
    quarters,
    pools,
    candidates,
    balance: { target: { INTERNAL_EFFICIENCY: 40, INTERNAL_INNOVATION: 20, EXTERNAL_EFFICIENCY: 25, EXTERNAL_INNOVATION: 15 }, tolerancePercent: 10, measure: "effort" },
    equity: { floorPercent: 15, pools: ["DIG", "DC"] },
  };
}

