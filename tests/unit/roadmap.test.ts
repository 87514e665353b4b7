import { describe, expect, it } from "vitest";
import { byStart, dayInWindow, groupRows, placeBar, quarterAt, quarterIndex, quarterSpan, roadmapWindow } from "@/lib/domain/roadmap";

const item = (plannedStartQuarter: string | null, plannedEndQuarter: string | null, desiredStartQuarter: string | null = null) => ({ plannedStartQuarter, plannedEndQuarter, desiredStartQuarter });
const window = { from: "2026-Q4", to: "2027-Q3" }; // columns: 2026-Q4=0, 2027-Q1=1, Q2=2, Q3=3

describe("quarters as numbers", () => {
  it("maps quarters to running numbers and back", () => {
    expect(quarterIndex("2026-Q1")).toBe(2026 * 4);
    expect(quarterIndex("2026-Q4")! - quarterIndex("2026-Q1")!).toBe(3);
    expect(quarterIndex("2027-Q1")! - quarterIndex("2026-Q4")!).toBe(1);
    expect(quarterAt(2027 * 4 + 2)).toBe("2027-Q3");
    expect([quarterIndex("2026-Q5"), quarterIndex("26-Q1"), quarterIndex(null), quarterIndex("")]).toEqual([null, null, null, null]);
  });
  it("spans quarters across a year end, inclusive", () => {
    expect(quarterSpan("2026-Q3", "2027-Q2")).toEqual(["2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"]);
    expect(quarterSpan("2027-Q1", "2027-Q1")).toEqual(["2027-Q1"]);
    expect(quarterSpan("2027-Q2", "2027-Q1")).toEqual([]);
  });
});

describe("roadmapWindow", () => {
  it("defaults to eight quarters from the current one", () => {
    const w = roadmapWindow("2026-Q4");
    expect(w.quarters).toEqual(["2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4", "2028-Q1", "2028-Q2", "2028-Q3"]);
    expect([w.from, w.to]).toEqual(["2026-Q4", "2028-Q3"]);
  });
  it("takes a chosen range, caps it at twelve quarters and ignores a backwards or malformed end", () => {
    expect(roadmapWindow("2026-Q4", "2026-Q1", "2026-Q2").quarters).toEqual(["2026-Q1", "2026-Q2"]);
    expect(roadmapWindow("2026-Q4", "2025-Q1", "2030-Q4").to).toBe("2027-Q4"); // 2025-Q1 + 11 quarters
    expect(roadmapWindow("2026-Q4", "2027-Q1", "2026-Q1").to).toBe("2028-Q4"); // default 8 from 2027-Q1
    expect(roadmapWindow("2026-Q4", "nonsense", "x").from).toBe("2026-Q4");
  });
});

describe("placeBar", () => {
  it("spans the planned quarters inside the window", () => {
    expect(placeBar(item("2027-Q1", "2027-Q2"), window)).toEqual({
      bar: { kind: "planned", start: "2027-Q1", end: "2027-Q2", column: 1, span: 2, continuesBefore: false, continuesAfter: false },
    });
  });
  it("clips a bar that starts before or ends after the window and says so", () => {
    expect(placeBar(item("2025-Q4", "2027-Q1"), window)).toEqual({
      bar: { kind: "planned", start: "2025-Q4", end: "2027-Q1", column: 0, span: 2, continuesBefore: true, continuesAfter: false },
    });
    expect(placeBar(item("2027-Q3", "2028-Q2"), window)).toEqual({
      bar: { kind: "planned", start: "2027-Q3", end: "2028-Q2", column: 3, span: 1, continuesBefore: false, continuesAfter: true },
    });
    expect(placeBar(item("2026-Q1", "2029-Q1"), window)).toMatchObject({ bar: { column: 0, span: 4, continuesBefore: true, continuesAfter: true } });
  });
  it("falls back to the desired start as one quarter when there is no plan", () => {
    expect(placeBar(item(null, null, "2027-Q2"), window)).toEqual({
      bar: { kind: "desired", start: "2027-Q2", end: "2027-Q2", column: 2, span: 1, continuesBefore: false, continuesAfter: false },
    });
    // A plan whose end is before its start is not a plan.
    expect(placeBar(item("2027-Q3", "2027-Q1", "2027-Q1"), window)).toMatchObject({ bar: { kind: "desired", column: 1 } });
    // A planned start without an end shows that quarter.
    expect(placeBar(item("2027-Q2", null, "2026-Q4"), window)).toMatchObject({ bar: { kind: "planned", column: 2, span: 1 } });
  });
  it("is unscheduled without any quarter and outside when wholly before or after the window", () => {
    expect(placeBar(item(null, null, null), window)).toEqual({ unscheduled: true });
    expect(placeBar(item("2025-Q1", "2026-Q3"), window)).toEqual({ outside: true });
    expect(placeBar(item(null, null, "2027-Q4"), window)).toEqual({ outside: true });
  });
});

describe("groupRows and byStart", () => {
  const rows = [
    { id: "a", program: { id: "p2", name: "Smart samhällsbyggnad" } },
    { id: "b", program: null },
    { id: "c", program: { id: "p1", name: "Digital välfärd" } },
    { id: "d", program: { id: "p2", name: "Smart samhällsbyggnad" } },
    { id: "e", program: { id: "p3", name: "Ärendehantering" } },
  ];
  it("groups by label in Swedish order with the keyless group last, keeping row order", () => {
    const groups = groupRows(rows, (r) => (r.program ? { key: r.program.id, label: r.program.name } : null), "Inget program");
    expect(groups.map((g) => [g.label, g.rows.map((r) => r.id)])).toEqual([
      ["Digital välfärd", ["c"]],
      ["Smart samhällsbyggnad", ["a", "d"]],
      ["Ärendehantering", ["e"]],
      ["Inget program", ["b"]],
    ]);
  });
  it("leaves out an empty keyless group", () => {
    expect(groupRows(rows.slice(0, 1), (r) => (r.program ? { key: r.program.id, label: r.program.name } : null), "Inget program").map((g) => g.key)).toEqual(["p2"]);
  });
  it("orders by start, then end, then number; unscheduled last", () => {
    const r = (number: number, s: string | null, e: string | null, d: string | null = null) => ({ number, plannedStartQuarter: s, plannedEndQuarter: e, desiredStartQuarter: d });
    const sorted = [r(5, null, null), r(4, "2027-Q1", "2027-Q4"), r(3, null, null, "2026-Q4"), r(2, "2027-Q1", "2027-Q2"), r(1, "2027-Q1", "2027-Q2")].sort(byStart);
    expect(sorted.map((x) => x.number)).toEqual([3, 1, 2, 4, 5]);
  });
});

describe("dayInWindow", () => {
  const quarters = ["2026-Q4", "2027-Q1", "2027-Q2"];
  it("finds the day's quarter column and how far through the quarter it is", () => {
    expect(dayInWindow(quarters, new Date("2026-10-01T00:00:00Z"))).toEqual({ column: 0, fraction: 0 });
    const mid = dayInWindow(quarters, new Date("2027-02-14T12:00:00Z"))!;
    expect(mid.column).toBe(1);
    expect(mid.fraction).toBeCloseTo((31 + 13.5) / 90, 5); // 1 January + 44.5 days of a 90-day quarter
    expect(dayInWindow(quarters, new Date("2027-06-30T23:59:59Z"))!.fraction).toBeLessThan(1);
  });
  it("is null outside the window", () => {
    expect(dayInWindow(quarters, new Date("2026-09-30T23:59:59Z"))).toBeNull();
    expect(dayInWindow(quarters, new Date("2027-07-01T00:00:00Z"))).toBeNull();
  });
});
