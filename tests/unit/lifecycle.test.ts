import { describe, expect, it } from "vitest";
import { isPlannable, stepFor, stepsFrom } from "@/lib/domain/lifecycle";
import { programTotals } from "@/lib/domain/programs";
import { can } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";

describe("delivery transitions", () => {
  it("allows exactly the steps of the table", () => {
    const statuses = ["DRAFT", "SUBMITTED", "NEEDS_INFO", "TRIAGED", "APPROVED", "IN_PROGRESS", "PAUSED", "DONE", "REJECTED", "DEFERRED", "CANCELLED"];
    const allowed = statuses.flatMap((from) => statuses.filter((to) => stepFor(from, to)).map((to) => `${from}->${to}:${stepFor(from, to)!.step}`));
    expect(allowed.sort()).toEqual(
      [
        "APPROVED->IN_PROGRESS:start",
        "APPROVED->CANCELLED:cancel",
        "IN_PROGRESS->PAUSED:pause",
        "IN_PROGRESS->DONE:finish",
        "IN_PROGRESS->CANCELLED:cancel",
        "PAUSED->IN_PROGRESS:resume",
        "PAUSED->CANCELLED:cancel",
      ].sort(),
    );
  });
  it("requires a reason to pause or cancel, and stamps the start and the end", () => {
    expect(stepFor("IN_PROGRESS", "PAUSED")!.reasonRequired).toBe(true);
    expect(stepFor("PAUSED", "CANCELLED")!.reasonRequired).toBe(true);
    expect(stepFor("PAUSED", "IN_PROGRESS")!.reasonRequired).toBe(false);
    expect(stepFor("APPROVED", "IN_PROGRESS")!.stamps).toBe("startedAt");
    expect(stepFor("PAUSED", "IN_PROGRESS")!.stamps).toBeNull(); // resuming keeps the first start
    expect(stepFor("IN_PROGRESS", "DONE")!.stamps).toBe("completedAt");
  });
  it("offers the steps from a status in page order", () => {
    expect(stepsFrom("IN_PROGRESS").map((s) => s.step)).toEqual(["pause", "finish", "cancel"]);
    expect(stepsFrom("DONE")).toEqual([]);
  });
  it("plans only initiatives that are not finished, refused or still with the department", () => {
    expect(["TRIAGED", "APPROVED", "IN_PROGRESS", "PAUSED", "DEFERRED"].every(isPlannable)).toBe(true);
    expect(["DRAFT", "SUBMITTED", "NEEDS_INFO", "DONE", "REJECTED", "CANCELLED"].some(isPlannable)).toBe(false);
  });
});

describe("who moves an initiative along", () => {
  const actor = (role: Actor["role"], departmentId: string | null = null): Actor => ({ id: role, role, departmentId, name: role });
  const own = { ownerDepartmentId: "soc", status: "IN_PROGRESS" };
  it("central roles take every step and set the plan; viewers none", () => {
    for (const role of ["DIG", "LEADERSHIP", "ADMIN"] as const) {
      for (const to of ["IN_PROGRESS", "PAUSED", "DONE", "CANCELLED"]) expect(can(actor(role), "initiative.progress", { ...own, to })).toBe(true);
      expect(can(actor(role), "initiative.plan", own)).toBe(true);
    }
    for (const to of ["IN_PROGRESS", "PAUSED", "DONE", "CANCELLED"]) expect(can(actor("VIEWER"), "initiative.progress", { ...own, to })).toBe(false);
    expect(can(actor("VIEWER"), "initiative.plan", own)).toBe(false);
  });
  it("the owning department's managers report a pause or the finish, but do not start, resume, cancel or plan", () => {
    const chef = actor("DEPARTMENT_MANAGER", "soc");
    expect(can(chef, "initiative.progress", { ...own, to: "PAUSED" })).toBe(true);
    expect(can(chef, "initiative.progress", { ...own, to: "DONE" })).toBe(true);
    expect(can(chef, "initiative.progress", { ...own, to: "IN_PROGRESS" })).toBe(false);
    expect(can(chef, "initiative.progress", { ...own, to: "CANCELLED" })).toBe(false);
    expect(can(chef, "initiative.plan", own)).toBe(false);
    expect(can(actor("DEPARTMENT_MANAGER", "fg"), "initiative.progress", { ...own, to: "PAUSED" })).toBe(false);
  });
});

describe("programTotals", () => {
  const m = (status: string, cost: number | null, effort: number | null, sek: number | null = null, hours: number | null = null) => ({
    status, estimatedCostSek: cost, estimatedEffortHours: effort, benefitSek: sek, benefitHours: hours,
  });
  it("sums cost, effort and yearly benefit over the initiatives that will be delivered", () => {
    const totals = programTotals([
      m("IN_PROGRESS", 450_000, 600, 1_200_000, 2_000),
      m("APPROVED", 300_000, null, null, 500),
      m("DONE", null, 200, 80_000, null),
      m("REJECTED", 9_000_000, 9_000, 9_000_000, 9_000),
      m("CANCELLED", 1_000, 10),
    ]);
    expect(totals).toEqual({
      count: 5,
      counted: 3,
      costSek: 750_000,
      effortHours: 800,
      benefitSekPerYear: 1_280_000,
      benefitHoursPerYear: 2_500,
      unknownCost: 1,
      unknownEffort: 1,
      byStatus: { IN_PROGRESS: 1, APPROVED: 1, DONE: 1, REJECTED: 1, CANCELLED: 1 },
      doneShare: 1 / 3,
    });
  });
  it("is empty for a program without initiatives", () => {
    expect(programTotals([])).toMatchObject({ count: 0, counted: 0, costSek: 0, doneShare: null, byStatus: {} });
  });
});
