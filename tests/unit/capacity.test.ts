import { describe, expect, it } from "vitest";
import {
  allocationWindow,
  awaitingEstimate,
  competenceGrid,
  borrowedHours,
  capacityTotals,
  carriedCapacity,
  demandGrid,
  inWindow,
  isBorrowed,
  loadPercent,
  outsidePlan,
  overCapacity,
  planAfterAllocation,
  poolTotal,
  quarterSequence,
  reinforcement,
  starvedInitiatives,
  unallocatedEffort,
  wipWarnings,
  type DemandRow,
  type PoolInfo,
} from "@/lib/domain/capacity";

const DIG: PoolInfo = { id: "dig", name: "DIG", kind: "DIG", departmentId: null, wipLimit: 2 };
const DC: PoolInfo = { id: "dc", name: "Digitalt center", kind: "DIGITAL_CENTER", departmentId: null, wipLimit: null };
const SOC: PoolInfo = { id: "soc", name: "SOC team", kind: "LOCAL", departmentId: "d-soc", wipLimit: 1 };
const FG: PoolInfo = { id: "fg", name: "FG team", kind: "LOCAL", departmentId: "d-fg", wipLimit: null };
const row = (poolId: string, quarter: string, status: string, ownerDepartmentId: string, hours: number, initiatives = 1): DemandRow => ({ poolId, quarter, status, ownerDepartmentId, hours, initiatives });

describe("capacity", () => {
  it("a pool's total is the sum of its competences when it lists any, else the whole-pool row, else 0", () => {
    expect(poolTotal([{ competence: "", hours: 1800 }])).toBe(1800);
    // 600 + 700 + 500; the whole-pool row (1700, out of step) is not counted on top.
    expect(poolTotal([{ competence: "", hours: 1700 }, { competence: "projektledare", hours: 600 }, { competence: "utvecklare", hours: 700 }, { competence: "arkitekt", hours: 500 }])).toBe(1800);
    expect(poolTotal([{ competence: "utvecklare", hours: 300 }])).toBe(300);
    expect(poolTotal([])).toBe(0);
    const totals = capacityTotals([
      { poolId: "dig", quarter: "2026-Q4", competence: "", hours: 1000 },
      { poolId: "dig", quarter: "2027-Q1", competence: "utvecklare", hours: 400 },
      { poolId: "dig", quarter: "2027-Q1", competence: "arkitekt", hours: 100 },
    ]);
    expect(Object.fromEntries(totals)).toEqual({ "dig|2026-Q4": 1000, "dig|2027-Q1": 500 });
  });

  it("load is demand ÷ capacity in whole percent, unknown without capacity", () => {
    expect(loadPercent(450, 600)).toBe(75);
    expect(loadPercent(1001, 1000)).toBe(100); // 100.1 % rounds to 100, but the cell is still over (see below)
    expect(loadPercent(2, 3)).toBe(67);
    expect(loadPercent(10, 0)).toBeNull();
  });

  it("grids committed and awaiting demand apart, and flags cells over capacity", () => {
    const grid = demandGrid(
      [DIG, SOC],
      ["2026-Q4", "2027-Q1"],
      [
        { poolId: "dig", quarter: "2026-Q4", competence: "", hours: 1000 },
        { poolId: "dig", quarter: "2027-Q1", competence: "", hours: 1000 },
        { poolId: "soc", quarter: "2026-Q4", competence: "", hours: 300 },
      ],
      [
        row("dig", "2026-Q4", "APPROVED", "d-klk", 600),
        row("dig", "2026-Q4", "IN_PROGRESS", "d-soc", 401),
        row("dig", "2026-Q4", "TRIAGED", "d-soc", 500),
        row("dig", "2027-Q1", "PAUSED", "d-fg", 250),
        row("dig", "2027-Q1", "DONE", "d-fg", 900), // finished work holds no capacity
        row("soc", "2027-Q1", "APPROVED", "d-soc", 40), // no capacity recorded: over
      ],
    );
    expect(grid).toEqual([
      { poolId: "dig", quarter: "2026-Q4", capacity: 1000, committed: 1001, awaiting: 500, load: 100, over: true },
      { poolId: "dig", quarter: "2027-Q1", capacity: 1000, committed: 250, awaiting: 0, load: 25, over: false },
      { poolId: "soc", quarter: "2026-Q4", capacity: 300, committed: 0, awaiting: 0, load: 0, over: false },
      { poolId: "soc", quarter: "2027-Q1", capacity: 0, committed: 40, awaiting: 0, load: null, over: true },
    ]);
    expect(overCapacity(grid).map((c) => `${c.poolId} ${c.quarter}`)).toEqual(["dig 2026-Q4", "soc 2027-Q1"]);
  });

  it("grids a pool's competences: capacity rows and committed hours; whole-pool hours stay out", () => {
    const grid = competenceGrid(
      ["2026-Q4", "2027-Q1"],
      [
        { quarter: "2026-Q4", competence: "", hours: 900 },
        { quarter: "2026-Q4", competence: "utvecklare", hours: 500 },
        { quarter: "2026-Q4", competence: "projektledare", hours: 400 },
        { quarter: "2027-Q1", competence: "utvecklare", hours: 500 },
      ],
      [
        { ...row("dig", "2026-Q4", "APPROVED", "d-soc", 300), competence: "utvecklare" },
        { ...row("dig", "2026-Q4", "IN_PROGRESS", "d-fg", 250), competence: "utvecklare" },
        { ...row("dig", "2026-Q4", "TRIAGED", "d-fg", 999), competence: "utvecklare" },
        { ...row("dig", "2027-Q1", "APPROVED", "d-fg", 80), competence: "arkitekt" },
        { ...row("dig", "2027-Q1", "APPROVED", "d-fg", 700), competence: "" },
      ],
    );
    expect(grid).toEqual([
      { competence: "arkitekt", cells: [{ quarter: "2026-Q4", capacity: 0, committed: 0, over: false }, { quarter: "2027-Q1", capacity: 0, committed: 80, over: true }] },
      { competence: "projektledare", cells: [{ quarter: "2026-Q4", capacity: 400, committed: 0, over: false }, { quarter: "2027-Q1", capacity: 0, committed: 0, over: false }] },
      { competence: "utvecklare", cells: [{ quarter: "2026-Q4", capacity: 500, committed: 550, over: true }, { quarter: "2027-Q1", capacity: 500, committed: 0, over: false }] },
    ]);
  });

  it("awaiting-decision effort without allocations lands in its desired quarter, not before the current one", () => {
    expect(
      awaitingEstimate(
        [
          { quarter: "2027-Q2", effort: 300 },
          { quarter: "2025-Q1", effort: 200 }, // wanted long ago: earliest now is 2026-Q4
          { quarter: "2026-Q4", effort: 100 },
          { quarter: null, effort: 50 },
          { quarter: "2027-Q2", effort: 0 },
        ],
        "2026-Q4",
      ),
    ).toEqual({ byQuarter: { "2027-Q2": 300, "2026-Q4": 300 }, unscheduled: 50 });
  });

  it("starved: running initiatives without hours in the current quarter", () => {
    const initiatives = [
      { id: "a", status: "IN_PROGRESS" },
      { id: "b", status: "IN_PROGRESS" },
      { id: "c", status: "APPROVED" },
      { id: "d", status: "IN_PROGRESS" },
    ];
    const allocations = [
      { initiativeId: "a", quarter: "2026-Q4" },
      { initiativeId: "b", quarter: "2027-Q1" }, // only next quarter: starved now
      { initiativeId: "c", quarter: "2026-Q3" },
    ];
    expect(starvedInitiatives(initiatives, allocations, "2026-Q4").map((i) => i.id)).toEqual(["b", "d"]);
  });

  it("WIP: more running initiatives on a pool this quarter than its limit (or the default)", () => {
    const demand = [
      row("dig", "2026-Q4", "IN_PROGRESS", "d-soc", 100, 2),
      row("dig", "2026-Q4", "IN_PROGRESS", "d-fg", 100, 1), // 3 running > limit 2
      row("dig", "2026-Q4", "APPROVED", "d-fg", 100, 4), // not started: not WIP
      row("dc", "2026-Q4", "IN_PROGRESS", "d-fg", 100, 3), // 3 ≤ default 3
      row("soc", "2026-Q4", "IN_PROGRESS", "d-soc", 50, 1), // 1 ≤ 1
      row("soc", "2027-Q1", "IN_PROGRESS", "d-soc", 50, 5), // another quarter
      row("fg", "2026-Q4", "IN_PROGRESS", "d-fg", 50, 4), // 4 > default 3
    ];
    expect(wipWarnings([DIG, DC, SOC, FG], demand, "2026-Q4", 3)).toEqual([
      { poolId: "dig", inProgress: 3, limit: 2 },
      { poolId: "fg", inProgress: 4, limit: 3 },
    ]);
  });

  it("borrowed hours: only another department's local pool, committed work, per borrower and lender", () => {
    expect(isBorrowed(SOC, "d-fg")).toBe(true);
    expect(isBorrowed(SOC, "d-soc")).toBe(false);
    expect(isBorrowed(DIG, "d-fg")).toBe(false);
    const demand = [
      row("soc", "2026-Q4", "APPROVED", "d-fg", 120), // FG borrows 120 from SOC
      row("soc", "2027-Q1", "IN_PROGRESS", "d-fg", 80), // and 80 more
      row("fg", "2026-Q4", "PAUSED", "d-soc", 30), // SOC borrows 30 from FG
      row("fg", "2026-Q4", "TRIAGED", "d-soc", 999), // awaiting decision: not counted
      row("soc", "2026-Q4", "IN_PROGRESS", "d-soc", 200), // own pool
      row("dig", "2026-Q4", "IN_PROGRESS", "d-fg", 500), // central
      row("fg", "2026-Q4", "APPROVED", "d-klk", 10), // KLK borrows 10 from FG
    ];
    expect(borrowedHours([DIG, SOC, FG], demand)).toEqual([
      { departmentId: "d-fg", borrowed: 200, lent: 40 },
      { departmentId: "d-klk", borrowed: 10, lent: 0 },
      { departmentId: "d-soc", borrowed: 30, lent: 200 },
    ]);
  });

  it("reinforcement: max(0, backlog/N − mean free central capacity), in hours and FTE", () => {
    // Backlog 6000 h over N = 3: 2000 h/quarter needed. Free: (1800−1500) + (1800−1700) + (1200−1300) = 300 + 100 − 100 = 300 → 100/quarter.
    // Reinforcement 2000 − 100 = 1900 h/quarter = 4.75 FTE at 400 h → 4.8.
    expect(
      reinforcement({
        backlogHours: 6000,
        quarters: [
          { capacity: 1800, committed: 1500 },
          { capacity: 1800, committed: 1700 },
          { capacity: 1200, committed: 1300 },
        ],
        hoursPerFte: 400,
      }),
    ).toEqual({ n: 3, backlogHours: 6000, neededPerQuarter: 2000, freePerQuarter: 100, hoursPerQuarter: 1900, fte: 4.8 });
    // Enough free capacity: nothing needed. 500/1 = 500 < 1000 − 200 = 800.
    expect(reinforcement({ backlogHours: 500, quarters: [{ capacity: 1000, committed: 200 }], hoursPerFte: 400 })).toMatchObject({ hoursPerQuarter: 0, fte: 0 });
    // An overbooked quarter adds to the need: 0 backlog, free −300 → 300 h = 0.8 FTE (0.75 rounded).
    expect(reinforcement({ backlogHours: 0, quarters: [{ capacity: 1000, committed: 1300 }], hoursPerFte: 400 })).toMatchObject({ hoursPerQuarter: 300, fte: 0.8 });
    expect(() => reinforcement({ backlogHours: 1, quarters: [], hoursPerFte: 400 })).toThrow();
  });

  it("backlog counts effort not covered by allocations; unknown estimates count as nothing", () => {
    // 1000 − 400 = 600; 300 − 500 → 0 (over-allocated); null ignored; 250 − 0 = 250.
    expect(unallocatedEffort([{ estimatedEffortHours: 1000, allocatedHours: 400 }, { estimatedEffortHours: 300, allocatedHours: 500 }, { estimatedEffortHours: null, allocatedHours: 0 }, { estimatedEffortHours: 250, allocatedHours: 0 }])).toBe(850);
  });

  it("carries the latest recorded capacity forward into quarters without a record", () => {
    const recorded = new Map([["2027-Q3", 1200], ["2027-Q4", 1800]]);
    expect(carriedCapacity(recorded, ["2027-Q3", "2027-Q4", "2028-Q1", "2028-Q2"])).toEqual([1200, 1800, 1800, 1800]);
    expect(carriedCapacity(new Map(), ["2028-Q1"], [{ quarter: "2027-Q2", hours: 900 }, { quarter: "2027-Q4", hours: 1700 }])).toEqual([1700]);
    expect(carriedCapacity(new Map(), ["2028-Q1"])).toEqual([0]);
  });

  it("the first allocation sets a missing plan; an existing plan is only checked", () => {
    expect(planAfterAllocation({ start: null, end: null }, ["2027-Q2", "2026-Q4", "2027-Q1"])).toEqual({ start: "2026-Q4", end: "2027-Q2", changed: true });
    expect(planAfterAllocation({ start: "2026-Q3", end: "2027-Q1" }, ["2028-Q1"])).toEqual({ start: "2026-Q3", end: "2027-Q1", changed: false });
    // Half a plan: the missing end is set, never before the start.
    expect(planAfterAllocation({ start: "2027-Q1", end: null }, ["2026-Q4"])).toEqual({ start: "2027-Q1", end: "2027-Q1", changed: true });
    expect(planAfterAllocation({ start: null, end: "2027-Q1" }, ["2026-Q2", "2027-Q3"])).toEqual({ start: "2026-Q2", end: "2027-Q1", changed: true });
    expect(planAfterAllocation({ start: null, end: "2027-Q1" }, ["2027-Q3"])).toEqual({ start: "2027-Q1", end: "2027-Q1", changed: true });
    expect(outsidePlan({ start: "2026-Q4", end: "2027-Q2" }, "2027-Q3")).toBe(true);
    expect(outsidePlan({ start: "2026-Q4", end: "2027-Q2" }, "2026-Q3")).toBe(true);
    expect(outsidePlan({ start: "2026-Q4", end: "2027-Q2" }, "2027-Q2")).toBe(false);
    expect(outsidePlan({ start: null, end: "2027-Q2" }, "2030-Q1")).toBe(false);
  });

  it("quarters: sequences and the allocation window (8 back, 20 ahead)", () => {
    expect(quarterSequence("2026-Q3", 3)).toEqual(["2026-Q3", "2026-Q4", "2027-Q1"]);
    const window = allocationWindow("2026-Q4");
    expect(window).toEqual({ first: "2024-Q4", last: "2031-Q4" });
    expect(inWindow("2024-Q4", window)).toBe(true);
    expect(inWindow("2024-Q3", window)).toBe(false);
    expect(inWindow("2031-Q4", window)).toBe(true);
    expect(inWindow("2032-Q1", window)).toBe(false);
  });
});
