// The benefit score: a transparent, weighted sum of five normalised components.
// Every component is 0..1 by a documented rule, so a reader can recompute the
// total by hand. Cost and effort are deliberately NOT inputs: they drive
// capacity planning, not priority (see domain.md, "Prioritisation").

export type ScoreWeights = { alignment: number; benefit: number; reach: number; urgency: number; risk: number };
export type ScoreKey = keyof ScoreWeights;

/** Component order, used everywhere the components are listed. */
export const SCORE_KEYS: readonly ScoreKey[] = ["alignment", "benefit", "reach", "urgency", "risk"];

/** Strategic direction and benefit dominate (6 of 10), as the research recommends. */
export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = { alignment: 3, benefit: 3, reach: 2, urgency: 1, risk: 1 };

export type ScoreInput = {
  /** One entry per linked goal: goal weight 1..5, alignment 0..3. */
  goals: { weight: number; alignment: number }[];
  annualBenefitSek: number | null;
  /** 1..5, used only when no SEK figure is known. */
  benefitJudgement: number | null;
  reachCount: number | null;
  /** 0..3 */
  urgency: number | null;
  legalRequirement: boolean;
  /** 0..3 */
  riskReduction: number | null;
};

export type ScoreContext = {
  /** Σ(goal weight × 3) over ALL active goals: the alignment an initiative would get by fully serving every goal. */
  maxAlignment: number;
};

export type ScoreComponent = { key: ScoreKey; value: number; weight: number; points: number; unknown: boolean };
export type BenefitScore = { total: number; components: ScoreComponent[] };

/** SEK per year at or below which the benefit component is 0 (log scale). */
export const BENEFIT_SEK_FLOOR = 10_000;
/** SEK per year at or above which the benefit component is 1 (log scale). */
export const BENEFIT_SEK_CEILING = 10_000_000;
/** Reach at or below which the reach component is 0 (log scale). */
export const REACH_FLOOR = 1;
/** Reach (residents or staff) at or above which the reach component is 1: a whole mid-sized municipality. */
export const REACH_CEILING = 100_000;

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const known = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Where x lies between floor and ceiling on a log10 scale, clamped to 0..1. */
function logScale(x: number, floor: number, ceiling: number): number {
  if (x <= floor) return 0;
  return clamp01((Math.log10(x) - Math.log10(floor)) / (Math.log10(ceiling) - Math.log10(floor)));
}

type Normalised = { value: number; unknown: boolean };

/** Σ(goal weight × alignment) ÷ maxAlignment; unknown when no goal is linked or no goal is active. */
export function alignmentValue(goals: ScoreInput["goals"], maxAlignment: number): Normalised {
  if (!goals.length || !known(maxAlignment) || maxAlignment <= 0) return { value: 0, unknown: true };
  const sum = goals.reduce((s, g) => s + (known(g.weight) && known(g.alignment) ? g.weight * g.alignment : 0), 0);
  return { value: clamp01(sum / maxAlignment), unknown: false };
}

/** Quantified SEK per year on a log scale when known; otherwise (judgement − 1) ÷ 4; otherwise unknown. */
export function benefitValue(annualBenefitSek: number | null, benefitJudgement: number | null): Normalised {
  if (known(annualBenefitSek)) return { value: logScale(annualBenefitSek, BENEFIT_SEK_FLOOR, BENEFIT_SEK_CEILING), unknown: false };
  if (known(benefitJudgement)) return { value: clamp01((benefitJudgement - 1) / 4), unknown: false };
  return { value: 0, unknown: true };
}

/** log10(reach) ÷ 5, i.e. 1 person → 0, 100 000 → 1. */
export function reachValue(reachCount: number | null): Normalised {
  if (!known(reachCount)) return { value: 0, unknown: true };
  return { value: logScale(reachCount, REACH_FLOOR, REACH_CEILING), unknown: false };
}

/** A legal requirement is maximal urgency whatever else is said. */
export function urgencyValue(urgency: number | null, legalRequirement: boolean): Normalised {
  if (legalRequirement) return { value: 1, unknown: false };
  if (!known(urgency)) return { value: 0, unknown: true };
  return { value: clamp01(urgency / 3), unknown: false };
}

export function riskValue(riskReduction: number | null): Normalised {
  if (!known(riskReduction)) return { value: 0, unknown: true };
  return { value: clamp01(riskReduction / 3), unknown: false };
}

/**
 * total = 100 × Σ(weight × value) ÷ Σ(weight), one decimal.
 * points = the component's share of that total (100 × weight × value ÷ Σweight), one decimal.
 * Negative weights count as 0; all weights 0 gives total 0.
 */
export function benefitScore(input: ScoreInput, weights: ScoreWeights, context: ScoreContext): BenefitScore {
  const normalised: Record<ScoreKey, Normalised> = {
    alignment: alignmentValue(input.goals, context.maxAlignment),
    benefit: benefitValue(input.annualBenefitSek, input.benefitJudgement),
    reach: reachValue(input.reachCount),
    urgency: urgencyValue(input.urgency, input.legalRequirement),
    risk: riskValue(input.riskReduction),
  };
  const w = (key: ScoreKey) => (known(weights[key]) && weights[key] > 0 ? weights[key] : 0);
  const weightSum = SCORE_KEYS.reduce((s, key) => s + w(key), 0);
  const share = (key: ScoreKey) => (weightSum > 0 ? (100 * w(key) * normalised[key].value) / weightSum : 0);
  const components = SCORE_KEYS.map((key) => ({
    key,
    value: normalised[key].value,
    weight: w(key),
    points: round1(share(key)),
    unknown: normalised[key].unknown,
  }));
  const total = round1(SCORE_KEYS.reduce((s, key) => s + share(key), 0));
  return { total, components };
}

/**
 * Leadership's manual places are absolute positions (1 = first): an initiative placed
 * at 3 stays third while the scores around it change. The rest fill the free places by
 * score, highest first. Places beyond the end keep their order at the end; equal places
 * go by score. Ties keep the input order.
 */
export function rank<T>(items: T[], score: (t: T) => number, manualRank?: (t: T) => number | null): T[] {
  const keyed = items.map((item, index) => {
    const manual = manualRank?.(item);
    return { item, index, score: score(item), manual: known(manual) && manual >= 1 ? manual : null };
  });
  const byScore = (a: (typeof keyed)[number], b: (typeof keyed)[number]) => b.score - a.score || a.index - b.index;
  const pinned = keyed.filter((k) => k.manual !== null).sort((a, b) => a.manual! - b.manual! || byScore(a, b));
  const free = keyed.filter((k) => k.manual === null).sort(byScore);
  const ordered: T[] = [];
  let p = 0;
  let f = 0;
  while (p < pinned.length || f < free.length) {
    const pin = pinned[p];
    const next = free[f];
    if (pin && (!next || pin.manual! <= ordered.length + 1)) {
      ordered.push(pin.item);
      p += 1;
    } else if (next) {
      ordered.push(next.item);
      f += 1;
    }
  }
  return ordered;
}

export type Pin = { id: string; rank: number };

/**
 * Pins `id` at `position` (null = back to score order) and moves any pin already there
 * one place down, cascading, so that every other manual order survives the move.
 * Returns only the pins that change, with their new rank (null = unpinned).
 */
export function placeAt(pins: readonly Pin[], id: string, position: number | null): Array<{ id: string; rank: number | null }> {
  const others = pins.filter((p) => p.id !== id).sort((a, b) => a.rank - b.rank);
  const current = pins.find((p) => p.id === id)?.rank ?? null;
  const changes: Array<{ id: string; rank: number | null }> = [];
  if (position !== current) changes.push({ id, rank: position });
  if (position === null) return changes;
  let next = position;
  for (const pin of others) {
    if (pin.rank < next) continue;
    if (pin.rank > next) break;
    next += 1;
    changes.push({ id: pin.id, rank: next });
  }
  return changes;
}
