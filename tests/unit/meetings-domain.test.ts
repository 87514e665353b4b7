import { describe, expect, it } from "vitest";
import { AGENDA_STATUSES, allowedDecisions, decisionOutcome, DECISION_TYPES, mayStandOnAgenda, type Status } from "@/lib/domain/decisions";
import { buildMinutes, participantList } from "@/lib/domain/meeting-minutes";
import { capacityHours, demandOf, loadPercent, meetingPreview, type PreviewItem } from "@/lib/domain/meeting-preview";

const ALL: Status[] = ["DRAFT", "SUBMITTED", "NEEDS_INFO", "TRIAGED", "APPROVED", "IN_PROGRESS", "PAUSED", "DONE", "REJECTED", "DEFERRED", "CANCELLED"];

describe("decision table", () => {
  it("maps each decision to its new status from the statuses it is allowed from, and nothing else", () => {
    const table = Object.fromEntries(DECISION_TYPES.map((type) => [type, Object.fromEntries(ALL.flatMap((s) => (decisionOutcome(type, s) ? [[s, decisionOutcome(type, s)]] : [])))]));
    expect(table).toEqual({
      APPROVE: { TRIAGED: "APPROVED", DEFERRED: "APPROVED" },
      REJECT: { TRIAGED: "REJECTED", DEFERRED: "REJECTED" },
      DEFER: { TRIAGED: "DEFERRED", APPROVED: "DEFERRED" },
      REPRIORITISE: { TRIAGED: "TRIAGED", APPROVED: "APPROVED", IN_PROGRESS: "IN_PROGRESS", PAUSED: "PAUSED", DEFERRED: "DEFERRED" },
      REQUEST_INFO: { TRIAGED: "NEEDS_INFO", DEFERRED: "NEEDS_INFO" },
    });
  });

  it("lists the allowed decisions per status in a fixed order", () => {
    expect(allowedDecisions("TRIAGED")).toEqual(["APPROVE", "REJECT", "DEFER", "REPRIORITISE", "REQUEST_INFO"]);
    expect(allowedDecisions("APPROVED")).toEqual(["DEFER", "REPRIORITISE"]);
    expect(allowedDecisions("IN_PROGRESS")).toEqual(["REPRIORITISE"]);
    expect(allowedDecisions("DEFERRED")).toEqual(["APPROVE", "REJECT", "REPRIORITISE", "REQUEST_INFO"]);
    expect(allowedDecisions("SUBMITTED")).toEqual([]);
    expect(allowedDecisions("DONE")).toEqual([]);
  });

  it("lets on the agenda exactly what may be decided about", () => {
    expect(ALL.filter(mayStandOnAgenda)).toEqual(["TRIAGED", "APPROVED", "IN_PROGRESS", "PAUSED", "DEFERRED"]);
    expect(ALL.filter((s) => allowedDecisions(s).length > 0)).toEqual([...AGENDA_STATUSES].sort((a, b) => ALL.indexOf(a) - ALL.indexOf(b)));
  });
});

describe("capacity", () => {
  it("counts the whole-pool row per pool and quarter, competence rows only without one, and only the window", () => {
    const rows = [
      { poolId: "dig", quarter: "2026-Q4", competence: "", hours: 1800 },
      { poolId: "dig", quarter: "2026-Q4", competence: "utvecklare", hours: 500 }, // part of the 1800
      { poolId: "dc", quarter: "2026-Q4", competence: "drifttekniker", hours: 1700 },
      { poolId: "dc", quarter: "2026-Q4", competence: "IT-arkitekt", hours: 500 }, // no whole row: 1700 + 500
      { poolId: "dig", quarter: "2027-Q1", competence: "", hours: 1200 },
      { poolId: "dig", quarter: "2028-Q1", competence: "", hours: 9999 }, // outside the window
      { poolId: "dc", quarter: "2027-Q1", competence: "", hours: -5 }, // nonsense counts as 0
    ];
    // 1800 + (1700 + 500) + 1200 = 5200
    expect(capacityHours(rows, ["2026-Q4", "2027-Q1"])).toBe(5200);
    expect(capacityHours([], ["2026-Q4"])).toBe(0);
  });

  it("takes allocations over the estimate, and says when neither is known", () => {
    expect(demandOf({ centralAllocatedHours: 120, effortHours: 900 })).toEqual({ hours: 120, source: "allocations" });
    expect(demandOf({ centralAllocatedHours: 0, effortHours: 900 })).toEqual({ hours: 0, source: "allocations" });
    expect(demandOf({ centralAllocatedHours: null, effortHours: 900 })).toEqual({ hours: 900, source: "estimate" });
    expect(demandOf({ centralAllocatedHours: null, effortHours: null })).toEqual({ hours: null, source: "unknown" });
  });

  it("load is demand ÷ capacity in percent with one decimal, none without capacity", () => {
    expect(loadPercent(2000, 3000)).toBe(66.7); // 66.666… → 66.7
    expect(loadPercent(4500, 3000)).toBe(150);
    expect(loadPercent(10, 0)).toBeNull();
  });
});

describe("meeting preview", () => {
  const item = (id: string, status: string, quadrant: PreviewItem["quadrant"], costSek: number | null, effortHours: number | null, centralAllocatedHours: number | null = null): PreviewItem => ({
    id, status, quadrant, costSek, effortHours, centralAllocatedHours,
  });
  const portfolio = [
    item("a", "APPROVED", "INTERNAL_EFFICIENCY", 600_000, 1000, 400), // load 400 (allocations)
    item("b", "IN_PROGRESS", "EXTERNAL_EFFICIENCY", 300_000, 500), // load 500 (estimate)
    item("c", "PAUSED", "INTERNAL_INNOVATION", 100_000, 200), // balance only, no load
    item("d", "TRIAGED", "EXTERNAL_INNOVATION", 999_000, 999), // awaiting: in neither
    item("e", "IN_PROGRESS", "INTERNAL_EFFICIENCY", null, null), // unknown cost and effort
  ];
  const target = { INTERNAL_EFFICIENCY: 40, INTERNAL_INNOVATION: 20, EXTERNAL_EFFICIENCY: 25, EXTERNAL_INNOVATION: 15 };

  it("adds the candidate to the balance and the load, by hand", () => {
    const candidate = item("x", "TRIAGED", "EXTERNAL_INNOVATION", 1_000_000, 600);
    const p = meetingPreview({ portfolio: [...portfolio, candidate], candidate, target, capacityHours: 3000 });
    expect(p.alreadyActive).toBe(false);
    // Cost before: IE 600k, II 100k, EE 300k, EI 0 (e unknown, excluded) = 1 000k → 60/10/30/0.
    const cost = p.balance.cost;
    expect(cost.before.quadrants.map((q) => q.actualPercent)).toEqual([60, 10, 30, 0]);
    expect(cost.before.excluded).toBe(1);
    // After: + EI 1 000k → total 2 000k → 30/5/15/50.
    expect(cost.after.quadrants.map((q) => q.actualPercent)).toEqual([30, 5, 15, 50]);
    expect(cost.after.quadrants.map((q) => q.deviation)).toEqual([-10, -15, -10, 35]);
    // Count before: a, b, c, e → IE 2, II 1, EE 1 → 50/25/25/0; after 5 → 40/20/20/20.
    expect(p.balance.count.before.quadrants.map((q) => q.actualPercent)).toEqual([50, 25, 25, 0]);
    expect(p.balance.count.after.quadrants.map((q) => q.actualPercent)).toEqual([40, 20, 20, 20]);
    // Effort before: IE 1000, II 200, EE 500 = 1700 → 58.8/11.8/29.4/0; after + 600 = 2300 → 43.5/8.7/21.7/26.1.
    expect(p.balance.effort.before.quadrants.map((q) => q.actualPercent)).toEqual([58.8, 11.8, 29.4, 0]);
    expect(p.balance.effort.after.quadrants.map((q) => q.actualPercent)).toEqual([43.5, 8.7, 21.7, 26.1]);
    // Load before: a 400 + b 500 = 900 of 3000 = 30 %, e unknown; after + 600 = 1500 → 50 %.
    expect(p.capacity.before).toEqual({ demandHours: 900, loadPercent: 30, unknownCount: 1 });
    expect(p.capacity.after).toEqual({ demandHours: 1500, loadPercent: 50, unknownCount: 1 });
    expect(p.capacity.candidate).toEqual({ hours: 600, source: "estimate" });
  });

  it("changes nothing for an initiative already in the active portfolio", () => {
    const candidate = portfolio[0]!;
    const p = meetingPreview({ portfolio, candidate, target: null, capacityHours: 3000 });
    expect(p.alreadyActive).toBe(true);
    expect(p.balance.cost.after).toEqual(p.balance.cost.before);
    expect(p.capacity.after).toEqual(p.capacity.before);
    expect(p.capacity.before.demandHours).toBe(900);
    expect(p.balance.cost.before.quadrants[0]!.targetPercent).toBeNull();
  });

  it("works with no capacity and an unknown candidate effort", () => {
    const candidate = item("y", "DEFERRED", null, null, null);
    const p = meetingPreview({ portfolio: [], candidate, target, capacityHours: 0 });
    expect(p.capacity.after).toEqual({ demandHours: 0, loadPercent: null, unknownCount: 1 });
    expect(p.balance.count.after.excluded).toBe(1);
    expect(p.balance.count.after.total).toBe(0);
  });
});

describe("minutes", () => {
  it("lists decisions and not-handled items in agenda order, with the ranking", () => {
    const i = (id: string, number: number, status: Status) => ({ id, number, title: `T${number}`, status, department: "SOC" });
    const m = buildMinutes({
      meeting: { title: "Möte", date: new Date("2026-12-01T00:00:00Z"), registryNumber: "KS 1", participants: "A; B" },
      municipality: "Demo kommun",
      agenda: [
        { position: 2, initiative: i("b", 2, "TRIAGED"), decision: null },
        { position: 1, initiative: i("a", 1, "APPROVED"), decision: { type: "APPROVE", rationale: "Bra", fromStatus: "TRIAGED", toStatus: "APPROVED", decidedBy: "Per", decidedAt: new Date("2026-12-01T10:00:00Z") } },
        { position: 3, initiative: i("c", 3, "NEEDS_INFO"), decision: { type: "REQUEST_INFO", rationale: "Mer", fromStatus: "TRIAGED", toStatus: "NEEDS_INFO", decidedBy: null, decidedAt: new Date("2026-12-01T10:05:00Z") } },
      ],
      ranking: [{ position: 1, id: "a", number: 1, title: "T1", score: 55.5 }],
      frozenAt: new Date("2026-12-01T12:00:00Z"),
    });
    expect(m.decisions.map((d) => [d.number, d.type, d.fromStatus, d.toStatus, d.decidedBy])).toEqual([
      [1, "APPROVE", "TRIAGED", "APPROVED", "Per"],
      [3, "REQUEST_INFO", "TRIAGED", "NEEDS_INFO", null],
    ]);
    expect(m.notHandled).toEqual([{ initiativeId: "b", number: 2, title: "T2", department: "SOC", status: "TRIAGED" }]);
    expect(m.ranking).toEqual([{ position: 1, initiativeId: "a", number: 1, title: "T1", score: 55.5 }]);
    expect(m.frozenAt).toBe("2026-12-01T12:00:00.000Z");
    expect(m.date).toBe("2026-12-01T00:00:00.000Z");
  });

  it("splits participants by line or semicolon, else by commas outside parentheses", () => {
    expect(participantList("Per Håkansson (kommundirektör, ordförande), Sara Nyström (DIG)")).toEqual(["Per Håkansson (kommundirektör, ordförande)", "Sara Nyström (DIG)"]);
    expect(participantList("A, chef\nB\n\n")).toEqual(["A, chef", "B"]);
    expect(participantList("A; B ;")).toEqual(["A", "B"]);
    expect(participantList("  ")).toEqual([]);
  });
});
