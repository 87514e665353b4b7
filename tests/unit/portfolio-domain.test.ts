import { describe, expect, it } from "vitest";
import { balance, percentShares, validTarget } from "@/lib/domain/balance";
import type { Quadrant } from "@/lib/domain/pios";
import { backlogByQuarter, backlogRatio, departmentEquity, replacementShare } from "@/lib/domain/portfolio-metrics";
import { benefitScore, placeAt, DEFAULT_SCORE_WEIGHTS, rank, type ScoreInput, type ScoreWeights } from "@/lib/domain/score";
import { sensitivity } from "@/lib/domain/sensitivity";

const blank: ScoreInput = {
  goals: [],
  annualBenefitSek: null,
  benefitJudgement: null,
  reachCount: null,
  urgency: null,
  legalRequirement: false,
  riskReduction: null,
};
const input = (over: Partial<ScoreInput>): ScoreInput => ({ ...blank, ...over });
const component = (score: ReturnType<typeof benefitScore>, key: keyof ScoreWeights) => score.components.find((c) => c.key === key)!;

describe("benefit score", () => {
  it("default weights are 3/3/2/1/1 (sum 10)", () => {
    expect(DEFAULT_SCORE_WEIGHTS).toEqual({ alignment: 3, benefit: 3, reach: 2, urgency: 1, risk: 1 });
  });

  it("scores a concrete initiative component by component", () => {
    // Active goals weigh 5, 2 and 3 → maxAlignment = (5 + 2 + 3) × 3 = 30.
    const score = benefitScore(
      input({
        goals: [
          { weight: 5, alignment: 3 },
          { weight: 2, alignment: 1 },
        ],
        annualBenefitSek: 100_000,
        benefitJudgement: 2, // ignored: a SEK figure is known
        reachCount: 1000,
        urgency: 2,
        riskReduction: null,
      }),
      DEFAULT_SCORE_WEIGHTS,
      { maxAlignment: 30 },
    );
    expect(score.components.map((c) => c.key)).toEqual(["alignment", "benefit", "reach", "urgency", "risk"]);

    const alignment = component(score, "alignment");
    expect(alignment.value).toBeCloseTo(17 / 30, 10); // 5×3 + 2×1 = 17; 17 / 30 = 0.5667
    expect(alignment.points).toBe(17); // 100 × 3 × (17/30) / 10 = 17.0
    expect(alignment.unknown).toBe(false);

    const benefit = component(score, "benefit");
    expect(benefit.value).toBeCloseTo(1 / 3, 10); // (log10(100 000) − 4) / 3 = (5 − 4) / 3
    expect(benefit.points).toBe(10); // 100 × 3 × (1/3) / 10 = 10.0

    const reach = component(score, "reach");
    expect(reach.value).toBeCloseTo(0.6, 10); // log10(1000) / 5 = 3 / 5
    expect(reach.points).toBe(12); // 100 × 2 × 0.6 / 10 = 12.0

    const urgency = component(score, "urgency");
    expect(urgency.value).toBeCloseTo(2 / 3, 10); // 2 / 3
    expect(urgency.points).toBe(6.7); // 100 × 1 × (2/3) / 10 = 6.667 → 6.7

    const risk = component(score, "risk");
    expect(risk).toEqual({ key: "risk", value: 0, weight: 1, points: 0, unknown: true }); // not assessed

    expect(score.total).toBe(45.7); // 17 + 10 + 12 + 6.667 + 0 = 45.667 → 45.7
  });

  it("falls back to the 1–5 judgement when no SEK figure is known", () => {
    const score = benefitScore(input({ benefitJudgement: 4 }), DEFAULT_SCORE_WEIGHTS, { maxAlignment: 30 });
    expect(component(score, "benefit")).toMatchObject({ value: 0.75, unknown: false }); // (4 − 1) / 4
    expect(score.total).toBe(22.5); // 100 × 3 × 0.75 / 10
  });

  it("maps SEK and reach on log scales between the documented bounds", () => {
    const ctx = { maxAlignment: 30 };
    const benefitOf = (sek: number) => component(benefitScore(input({ annualBenefitSek: sek }), DEFAULT_SCORE_WEIGHTS, ctx), "benefit").value;
    expect(benefitOf(5_000)).toBe(0); // below the 10 000 SEK floor
    expect(benefitOf(10_000)).toBe(0); // the floor itself
    expect(benefitOf(1_000_000)).toBeCloseTo(2 / 3, 10); // (6 − 4) / 3
    expect(benefitOf(10_000_000)).toBe(1); // the ceiling
    expect(benefitOf(20_000_000)).toBe(1); // clamped
    const reachOf = (n: number) => component(benefitScore(input({ reachCount: n }), DEFAULT_SCORE_WEIGHTS, ctx), "reach");
    expect(reachOf(0)).toMatchObject({ value: 0, unknown: false }); // known zero, not unknown
    expect(reachOf(1).value).toBe(0); // log10(1) / 5
    expect(reachOf(10).value).toBeCloseTo(0.2, 10); // 1 / 5
    expect(reachOf(100_000).value).toBe(1); // 5 / 5
    expect(reachOf(1_000_000).value).toBe(1); // clamped
  });

  it("a legal requirement forces urgency to 1", () => {
    const score = benefitScore(input({ legalRequirement: true, urgency: null }), DEFAULT_SCORE_WEIGHTS, { maxAlignment: 30 });
    expect(component(score, "urgency")).toMatchObject({ value: 1, unknown: false, points: 10 }); // 100 × 1 × 1 / 10
    expect(score.total).toBe(10);
    const withLowUrgency = benefitScore(input({ legalRequirement: true, urgency: 0 }), DEFAULT_SCORE_WEIGHTS, { maxAlignment: 30 });
    expect(component(withLowUrgency, "urgency").value).toBe(1);
  });

  it("with nothing known the score is 0 and every component is reported unknown", () => {
    const score = benefitScore(blank, DEFAULT_SCORE_WEIGHTS, { maxAlignment: 30 });
    expect(score.total).toBe(0);
    expect(score.components.map((c) => c.unknown)).toEqual([true, true, true, true, true]);
  });

  it("goals linked with alignment 0 are known; no active goals makes alignment unknown", () => {
    const zero = benefitScore(input({ goals: [{ weight: 3, alignment: 0 }] }), DEFAULT_SCORE_WEIGHTS, { maxAlignment: 30 });
    expect(component(zero, "alignment")).toMatchObject({ value: 0, unknown: false });
    const noGoals = benefitScore(input({ goals: [{ weight: 3, alignment: 2 }] }), DEFAULT_SCORE_WEIGHTS, { maxAlignment: 0 });
    expect(component(noGoals, "alignment")).toMatchObject({ value: 0, unknown: true });
  });

  it("total is the weighted mean of the components, for any weights", () => {
    const weights: ScoreWeights = { alignment: 1, benefit: 0, reach: 0, urgency: 0, risk: 4 };
    // alignment 5×2 / 15 = 2/3; risk 3/3 = 1 → 100 × (1 × 2/3 + 4 × 1) / 5 = 100 × 4.6667 / 5 = 93.33 → 93.3
    const score = benefitScore(input({ goals: [{ weight: 5, alignment: 2 }], riskReduction: 3, annualBenefitSek: 10_000_000 }), weights, { maxAlignment: 15 });
    expect(score.total).toBe(93.3);
    expect(component(score, "benefit").points).toBe(0); // value 1 but weight 0
    expect(component(score, "alignment").points).toBe(13.3); // 100 × 1 × (2/3) / 5 = 13.33
    expect(component(score, "risk").points).toBe(80); // 100 × 4 × 1 / 5
    expect(benefitScore(input({ riskReduction: 3 }), { alignment: 0, benefit: 0, reach: 0, urgency: 0, risk: 0 }, { maxAlignment: 15 }).total).toBe(0);
  });
});

describe("rank", () => {
  it("puts manual ranks first, then score descending, stable on ties", () => {
    const items = [
      { id: "a", score: 50, manual: null },
      { id: "b", score: 70, manual: null },
      { id: "c", score: 70, manual: null },
      { id: "d", score: 30, manual: 2 },
      { id: "e", score: 10, manual: 1 },
      { id: "f", score: 90, manual: null },
    ];
    const ordered = rank(items, (i) => i.score, (i) => i.manual).map((i) => i.id);
    expect(ordered).toEqual(["e", "d", "f", "b", "c", "a"]);
    expect(rank(items, (i) => i.score).map((i) => i.id)).toEqual(["f", "b", "c", "a", "d", "e"]);
  });

  it("equal manual ranks fall back to score, then input order", () => {
    const items = [
      { id: "a", score: 10, manual: 1 },
      { id: "b", score: 20, manual: 1 },
      { id: "c", score: 20, manual: 1 },
    ];
    expect(rank(items, (i) => i.score, (i) => i.manual).map((i) => i.id)).toEqual(["b", "c", "a"]);
    expect(items.map((i) => i.id)).toEqual(["a", "b", "c"]); // input untouched
  });

  it("a manual place is an absolute position: the free ones fill around it by score", () => {
    const items = [
      { id: "a", score: 50, manual: null },
      { id: "b", score: 70, manual: null },
      { id: "x", score: 5, manual: 3 },
      { id: "c", score: 60, manual: null },
      { id: "y", score: 99, manual: 9 }, // beyond the end: last
      { id: "d", score: 40, manual: null },
    ];
    // free by score: b 70, c 60, a 50, d 40 → b, c, x (place 3), a, d, then y.
    expect(rank(items, (i) => i.score, (i) => i.manual).map((i) => i.id)).toEqual(["b", "c", "x", "a", "d", "y"]);
  });
});

describe("placeAt", () => {
  it("pins the moved initiative and pushes pins in its way one place down, cascading", () => {
    const pins = [
      { id: "p", rank: 2 },
      { id: "q", rank: 3 },
      { id: "r", rank: 5 },
      { id: "m", rank: 8 },
    ];
    // m to 2: p 2→3, q 3→4, r at 5 is not in the way.
    expect(placeAt(pins, "m", 2)).toEqual([
      { id: "m", rank: 2 },
      { id: "p", rank: 3 },
      { id: "q", rank: 4 },
    ]);
    // A free place: only the moved one changes.
    expect(placeAt(pins, "new", 4)).toEqual([{ id: "new", rank: 4 }]);
    // Back to score order.
    expect(placeAt(pins, "q", null)).toEqual([{ id: "q", rank: null }]);
    // Already there, nothing in the way: nothing changes.
    expect(placeAt(pins, "r", 5)).toEqual([]);
  });

  it("after a move the ranking shows the moved one exactly where it was dropped", () => {
    const items = ["a", "b", "c", "d", "e"].map((id, i) => ({ id, score: 100 - i * 10, manual: null as number | null }));
    items[1]!.manual = 2; // b pinned at 2 (where it already is)
    for (const change of placeAt([{ id: "b", rank: 2 }], "e", 2)) items.find((i) => i.id === change.id)!.manual = change.rank;
    expect(rank(items, (i) => i.score, (i) => i.manual).map((i) => i.id)).toEqual(["a", "e", "b", "c", "d"]);
  });
});

describe("PIOS balance", () => {
  const items = [
    { quadrant: "INTERNAL_EFFICIENCY" as const, costSek: 400_000, effortHours: 200 },
    { quadrant: "INTERNAL_EFFICIENCY" as const, costSek: 200_000, effortHours: 100 },
    { quadrant: "INTERNAL_INNOVATION" as const, costSek: 100_000, effortHours: 300 },
    { quadrant: "EXTERNAL_EFFICIENCY" as const, costSek: 300_000, effortHours: null },
    { quadrant: "EXTERNAL_INNOVATION" as const, costSek: null, effortHours: 400 },
    { quadrant: null, costSek: 500_000, effortHours: 50 },
  ];
  const target: Record<Quadrant, number> = { INTERNAL_EFFICIENCY: 40, INTERNAL_INNOVATION: 20, EXTERNAL_EFFICIENCY: 25, EXTERNAL_INNOVATION: 15 };
  const row = (q: Quadrant, amount: number, actualPercent: number, targetPercent: number | null, deviation: number | null) => ({
    quadrant: q,
    amount,
    actualPercent,
    targetPercent,
    deviation,
  });

  it("by cost: unknown cost and unknown quadrant are excluded", () => {
    // Included: items 1–4. IE 400k + 200k = 600k, II 100k, EE 300k, EI 0; total 1 000 000.
    expect(balance(items, "cost", target)).toEqual({
      quadrants: [
        row("INTERNAL_EFFICIENCY", 600_000, 60, 40, 20), // 600k / 1M = 60 %; 60 − 40 = +20
        row("INTERNAL_INNOVATION", 100_000, 10, 20, -10), // 10 − 20 = −10
        row("EXTERNAL_EFFICIENCY", 300_000, 30, 25, 5), // 30 − 25 = +5
        row("EXTERNAL_INNOVATION", 0, 0, 15, -15), // 0 − 15 = −15
      ],
      total: 1_000_000,
      excluded: 2, // item 5 (no cost), item 6 (no quadrant)
    });
  });

  it("by effort", () => {
    // Included: items 1, 2, 3, 5. IE 200 + 100 = 300, II 300, EE 0, EI 400; total 1000.
    expect(balance(items, "effort", target)).toEqual({
      quadrants: [
        row("INTERNAL_EFFICIENCY", 300, 30, 40, -10), // 30 − 40
        row("INTERNAL_INNOVATION", 300, 30, 20, 10), // 30 − 20
        row("EXTERNAL_EFFICIENCY", 0, 0, 25, -25), // 0 − 25
        row("EXTERNAL_INNOVATION", 400, 40, 15, 25), // 40 − 15
      ],
      total: 1000,
      excluded: 2, // item 4 (no effort), item 6 (no quadrant)
    });
  });

  it("by count", () => {
    // Included: items 1–5. IE 2, II 1, EE 1, EI 1; total 5.
    expect(balance(items, "count", target)).toEqual({
      quadrants: [
        row("INTERNAL_EFFICIENCY", 2, 40, 40, 0), // 2/5 = 40 %
        row("INTERNAL_INNOVATION", 1, 20, 20, 0), // 1/5 = 20 %
        row("EXTERNAL_EFFICIENCY", 1, 20, 25, -5), // 20 − 25
        row("EXTERNAL_INNOVATION", 1, 20, 15, 5), // 20 − 15
      ],
      total: 5,
      excluded: 1, // item 6
    });
  });

  it("without a target there is no deviation; one-decimal shares add up to 100", () => {
    const thirdsItems = (["INTERNAL_EFFICIENCY", "INTERNAL_INNOVATION", "EXTERNAL_EFFICIENCY"] as const).map((quadrant) => ({
      quadrant,
      costSek: null,
      effortHours: null,
    }));
    const thirds = balance(thirdsItems, "count", null);
    // 1/3 = 33.33 % each; the spare 0.1 goes to the first on a tie (largest remainder) → 33.4 + 33.3 + 33.3 + 0 = 100.0
    expect(thirds.quadrants.map((q) => q.actualPercent)).toEqual([33.4, 33.3, 33.3, 0]);
    expect(thirds.quadrants.map((q) => q.deviation)).toEqual([null, null, null, null]);
    expect(thirds.quadrants.map((q) => q.targetPercent)).toEqual([null, null, null, null]);
    // Deviation from the rounded actual: 33.4 − 25 = 8.4 (not float noise)
    const even: Record<Quadrant, number> = { INTERNAL_EFFICIENCY: 25, INTERNAL_INNOVATION: 25, EXTERNAL_EFFICIENCY: 25, EXTERNAL_INNOVATION: 25 };
    expect(balance(thirdsItems, "count", even).quadrants.map((q) => q.deviation)).toEqual([8.4, 8.3, 8.3, -25]);
  });

  it("an empty portfolio has total 0 and 0 % everywhere", () => {
    const empty = balance([], "cost", target);
    expect(empty.total).toBe(0);
    expect(empty.excluded).toBe(0);
    expect(empty.quadrants.map((q) => [q.actualPercent, q.deviation])).toEqual([[0, -40], [0, -20], [0, -25], [0, -15]]);
  });

  it("percentShares: largest remainder on tenths", () => {
    // 2/3 = 66.667 → 666 tenths + the spare tenth (remainder .667 beats .333) → 66.7; 1/3 → 33.3
    expect(percentShares([2, 1, 0])).toEqual([66.7, 33.3, 0]);
    // 1/7 = 14.2857 → 142 tenths each (994 in all); the 6 spare tenths go to the first six on a tie
    expect(percentShares([1, 1, 1, 1, 1, 1, 1])).toEqual([14.3, 14.3, 14.3, 14.3, 14.3, 14.3, 14.2]);
    expect(percentShares([0, 0])).toEqual([0, 0]);
  });

  it("validTarget: whole percentages 0..100 adding up to exactly 100", () => {
    expect(validTarget(target)).toBe(true); // 40 + 20 + 25 + 15 = 100
    expect(validTarget({ ...target, EXTERNAL_INNOVATION: 16 })).toBe(false); // 101
    expect(validTarget({ ...target, EXTERNAL_INNOVATION: 14 })).toBe(false); // 99
    expect(validTarget({ INTERNAL_EFFICIENCY: 40.5, INTERNAL_INNOVATION: 19.5, EXTERNAL_EFFICIENCY: 25, EXTERNAL_INNOVATION: 15 })).toBe(false); // sums to 100 but not whole
    expect(validTarget({ INTERNAL_EFFICIENCY: 110, INTERNAL_INNOVATION: -10, EXTERNAL_EFFICIENCY: 0, EXTERNAL_INNOVATION: 0 })).toBe(false); // out of range
    expect(validTarget({ INTERNAL_EFFICIENCY: 100, INTERNAL_INNOVATION: 0, EXTERNAL_EFFICIENCY: 0, EXTERNAL_INNOVATION: 0 })).toBe(true);
  });
});

describe("backlog ratio", () => {
  it("approved ÷ (approved + in progress + paused)", () => {
    // APPROVED 3; active = 3 + 1 IN_PROGRESS + 1 PAUSED = 5 → 3/5
    expect(backlogRatio(["APPROVED", "APPROVED", "IN_PROGRESS", "PAUSED", "DONE", "SUBMITTED", "APPROVED"])).toBe(0.6);
    expect(backlogRatio(["APPROVED"])).toBe(1);
    expect(backlogRatio(["DONE", "DRAFT", "REJECTED"])).toBeNull();
    expect(backlogRatio([])).toBeNull();
  });

  it("replays status changes to each quarter's end (UTC)", () => {
    const at = (iso: string) => new Date(iso);
    const events = [
      { initiativeId: "A", toStatus: "IN_PROGRESS", at: at("2026-04-05T08:00:00Z") }, // listed before its approval on purpose
      { initiativeId: "A", toStatus: "APPROVED", at: at("2026-01-10T08:00:00Z") },
      { initiativeId: "B", toStatus: "APPROVED", at: at("2026-02-01T08:00:00Z") },
      { initiativeId: "C", toStatus: "APPROVED", at: at("2026-02-15T08:00:00Z") },
      { initiativeId: "C", toStatus: "IN_PROGRESS", at: at("2026-03-01T08:00:00Z") },
      { initiativeId: "C", toStatus: "PAUSED", at: at("2026-05-01T08:00:00Z") },
      { initiativeId: "D", toStatus: "SUBMITTED", at: at("2026-03-10T08:00:00Z") },
      { initiativeId: "D", toStatus: "APPROVED", at: at("2026-06-30T23:00:00Z") }, // last hour of Q2
      { initiativeId: "E", toStatus: "APPROVED", at: at("2026-03-20T08:00:00Z") },
      { initiativeId: "E", toStatus: "CANCELLED", at: at("2026-05-20T08:00:00Z") },
      { initiativeId: "F", toStatus: "APPROVED", at: at("2026-07-01T00:00:00Z") }, // first instant of Q3
    ];
    expect(backlogByQuarter(events, ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"])).toEqual([
      { quarter: "2025-Q4", approved: 0, active: 0, ratio: null }, // nothing yet
      // End of Q1: A APPROVED, B APPROVED, C IN_PROGRESS, D SUBMITTED, E APPROVED → 3 / 4
      { quarter: "2026-Q1", approved: 3, active: 4, ratio: 0.75 },
      // End of Q2: A IN_PROGRESS, B APPROVED, C PAUSED, D APPROVED, E CANCELLED, F not yet → 2 / 4
      { quarter: "2026-Q2", approved: 2, active: 4, ratio: 0.5 },
      // End of Q3: as Q2 plus F APPROVED → 3 / 5
      { quarter: "2026-Q3", approved: 3, active: 5, ratio: 0.6 },
    ]);
    expect(() => backlogByQuarter(events, ["2026-Q5"])).toThrow();
  });
});

describe("department equity", () => {
  it("three departments: shares of central hours, demand and benefit, with gaps", () => {
    const result = departmentEquity([
      { department: "Socialförvaltningen", centralHours: 600, demandHours: 2000, submittedBenefitSek: 1_000_000 },
      { department: "Barn- och utbildningsförvaltningen", centralHours: 300, demandHours: 1500, submittedBenefitSek: 3_000_000 },
      { department: "Stadsbyggnadsförvaltningen", centralHours: 100, demandHours: 500, submittedBenefitSek: 1_000_000 },
    ]);
    // Totals: central 1000 h, demand 4000 h, benefit 5 000 000 SEK.
    expect(result).toEqual([
      // 600/1000 = 60; 2000/4000 = 50; 1M/5M = 20; gap 60 − 50 = 10; benefit gap 60 − 20 = 40
      { department: "Socialförvaltningen", resourceShare: 60, demandShare: 50, benefitShare: 20, gap: 10, benefitGap: 40 },
      // 300/1000 = 30; 1500/4000 = 37.5; 3M/5M = 60; gap 30 − 37.5 = −7.5; benefit gap 30 − 60 = −30
      { department: "Barn- och utbildningsförvaltningen", resourceShare: 30, demandShare: 37.5, benefitShare: 60, gap: -7.5, benefitGap: -30 },
      // 100/1000 = 10; 500/4000 = 12.5; 1M/5M = 20; gap 10 − 12.5 = −2.5; benefit gap 10 − 20 = −10
      { department: "Stadsbyggnadsförvaltningen", resourceShare: 10, demandShare: 12.5, benefitShare: 20, gap: -2.5, benefitGap: -10 },
    ]);
  });

  it("rounded shares still add up to 100; a zero column is all 0", () => {
    const result = departmentEquity([
      { department: "A", centralHours: 1, demandHours: 2, submittedBenefitSek: 0 },
      { department: "B", centralHours: 1, demandHours: 1, submittedBenefitSek: 0 },
      { department: "C", centralHours: 1, demandHours: 0, submittedBenefitSek: 0 },
    ]);
    expect(result.map((r) => r.resourceShare)).toEqual([33.4, 33.3, 33.3]); // 1/3 each, spare tenth to the first
    expect(result.map((r) => r.demandShare)).toEqual([66.7, 33.3, 0]); // 2/3, 1/3, 0
    expect(result.map((r) => r.gap)).toEqual([-33.3, 0, 33.3]); // 33.4 − 66.7; 33.3 − 33.3; 33.3 − 0
    expect(result.map((r) => r.benefitShare)).toEqual([0, 0, 0]);
  });
});

describe("run vs change", () => {
  it("replacement share by count and by cost", () => {
    const result = replacementShare([
      { isReplacement: true, costSek: 400_000 },
      { isReplacement: true, costSek: null },
      { isReplacement: false, costSek: 600_000 },
      { isReplacement: false, costSek: 1_000_000 },
    ]);
    expect(result).toEqual({
      byCount: { replacement: 2, total: 4, percent: 50 }, // 2 / 4
      byCost: { replacement: 400_000, total: 2_000_000, percent: 20, excluded: 1 }, // 400k / (400k + 600k + 1M)
    });
    // 1 of 3 → 33.33 → 33.3
    expect(replacementShare([{ isReplacement: true, costSek: 1 }, { isReplacement: false, costSek: 1 }, { isReplacement: false, costSek: 1 }]).byCount.percent).toBe(33.3);
    expect(replacementShare([])).toEqual({
      byCount: { replacement: 0, total: 0, percent: null },
      byCost: { replacement: 0, total: 0, percent: null, excluded: 0 },
    });
  });
});

describe("sensitivity of the ranking", () => {
  const ctx = { maxAlignment: 30 };

  it("robust: a wide margin survives every single ±10 % weight move", () => {
    // A: alignment 1 (5×3 + 5×3 = 30 of 30), benefit 1 (judgement 5), rest 0 → 100 × (3 + 3) / 10 = 60.
    // B: reach 1 (100 000), urgency 1 (3/3), risk 1 (3/3), rest 0   → 100 × (2 + 1 + 1) / 10 = 40.
    // C: nothing                                                     → 0.
    // Worst case for A is alignment (or benefit) down to 2.7: A = 100 × 5.7 / 9.7 = 58.8, B = 100 × 4 / 9.7 = 41.2.
    // Worst case for B is reach up to 2.2: A = 100 × 6 / 10.2 = 58.8, B = 100 × 4.2 / 10.2 = 41.2. A stays first.
    const items = [
      { id: "B", input: input({ goals: [{ weight: 5, alignment: 0 }], reachCount: 100_000, urgency: 3, riskReduction: 3, benefitJudgement: 1 }) },
      { id: "C", input: blank },
      { id: "A", input: input({ goals: [{ weight: 5, alignment: 3 }, { weight: 5, alignment: 3 }], benefitJudgement: 5, reachCount: 1, urgency: 0, riskReduction: 0 }) },
    ];
    expect(benefitScore(items[2]!.input, DEFAULT_SCORE_WEIGHTS, ctx).total).toBe(60);
    expect(benefitScore(items[0]!.input, DEFAULT_SCORE_WEIGHTS, ctx).total).toBe(40);
    expect(sensitivity(items, DEFAULT_SCORE_WEIGHTS, ctx)).toEqual({ robust: true, dependsOn: [] });
  });

  it("two close initiatives: only raising the benefit weight swaps them", () => {
    // Z: every component 1 → 100 under any weights. W: nothing known → 0 under any weights.
    // X: alignment (5×2 + 1×1)/30 = 11/30, benefit 0 (judgement 1), reach 0.8 (10 000), urgency 2/3, risk 2/3
    //    → 100 × (3×11/30 + 0 + 2×0.8 + 2/3 + 2/3) / 10 = 100 × 4.0333 / 10 = 40.3
    // Y: alignment 0, benefit 1 (judgement 5), reach 0.4 (100), urgency 0, risk 0
    //    → 100 × (0 + 3 + 0.8 + 0 + 0) / 10 = 38.0
    // Numerator difference X − Y = 1.1 − 3 + 0.8 + 0.6667 + 0.6667 = 0.2333 > 0.
    // Moving one weight w_k by ±10 % changes it by ±0.1 × w_k × (x_k − y_k):
    //   alignment ∓0.11, benefit ±(−0.3), reach ∓0.08, urgency ∓0.0667, risk ∓0.0667.
    // Only benefit up (−0.3) turns the difference negative: 0.2333 − 0.3 = −0.0667 → Y ahead.
    //   Check: X = 100 × 4.0333 / 10.3 = 39.2, Y = 100 × (3.3 + 0.8) / 10.3 = 39.8.
    const items = [
      { id: "W", input: blank },
      { id: "Y", input: input({ goals: [{ weight: 5, alignment: 0 }], benefitJudgement: 5, reachCount: 100, urgency: 0, riskReduction: 0 }) },
      { id: "X", input: input({ goals: [{ weight: 5, alignment: 2 }, { weight: 1, alignment: 1 }], benefitJudgement: 1, reachCount: 10_000, urgency: 2, riskReduction: 2 }) },
      { id: "Z", input: input({ goals: [{ weight: 5, alignment: 3 }, { weight: 5, alignment: 3 }], benefitJudgement: 5, reachCount: 100_000, urgency: 3, riskReduction: 3 }) },
    ];
    expect(items.map((i) => benefitScore(i.input, DEFAULT_SCORE_WEIGHTS, ctx).total)).toEqual([0, 38, 40.3, 100]);
    expect(benefitScore(items[2]!.input, { ...DEFAULT_SCORE_WEIGHTS, benefit: 3.3 }, ctx).total).toBe(39.2);
    expect(benefitScore(items[1]!.input, { ...DEFAULT_SCORE_WEIGHTS, benefit: 3.3 }, ctx).total).toBe(39.8);

    // Baseline order Z, X, Y, W: X and Y trade positions 2 and 3.
    expect(sensitivity(items, DEFAULT_SCORE_WEIGHTS, ctx)).toEqual({
      robust: false,
      dependsOn: [{ weight: "benefit", direction: "up", changedPositions: ["X", "Y"] }],
    });
    // Top 2 (Z, X): X drops out and Y comes in, so both still count as changed.
    expect(sensitivity(items, DEFAULT_SCORE_WEIGHTS, ctx, { top: 2 }).dependsOn).toEqual([
      { weight: "benefit", direction: "up", changedPositions: ["X", "Y"] },
    ]);
    // Top 1 (Z) is untouched by the swap below it.
    expect(sensitivity(items, DEFAULT_SCORE_WEIGHTS, ctx, { top: 1 })).toEqual({ robust: true, dependsOn: [] });
    // A 5 % move is too small: 0.2333 − 0.15 = 0.0833 > 0 (X 39.7, Y 38.9).
    expect(sensitivity(items, DEFAULT_SCORE_WEIGHTS, ctx, { change: 0.05 }).robust).toBe(true);
  });
});
