import { describe, expect, it } from "vitest";
import { can } from "@/lib/auth/policy";
import type { Actor, Role } from "@/lib/auth/roles";

const actor = (role: Role, departmentId: string | null = null): Actor => ({ id: role, role, departmentId, name: role });
const DIG = { kind: "DIG", departmentId: null } as const;
const DC = { kind: "DIGITAL_CENTER", departmentId: null } as const;
const OWN = { kind: "LOCAL", departmentId: "soc" } as const;
const OTHER = { kind: "LOCAL", departmentId: "fg" } as const;

describe("resource policy", () => {
  it("allocation and capacity: central roles everywhere, a manager only the own department's local pool, a viewer nowhere", () => {
    const table = (a: Actor) => [DIG, DC, OWN, OTHER].map((p) => [can(a, "resource.allocate", p), can(a, "resource.editCapacity", p)]);
    for (const role of ["DIG", "LEADERSHIP", "ADMIN"] as const) expect(table(actor(role, "klk"))).toEqual([[true, true], [true, true], [true, true], [true, true]]);
    expect(table(actor("DEPARTMENT_MANAGER", "soc"))).toEqual([[false, false], [false, false], [true, true], [false, false]]);
    // A manager without a department owns no pool.
    expect(table(actor("DEPARTMENT_MANAGER", null))).toEqual([[false, false], [false, false], [false, false], [false, false]]);
    expect(table(actor("VIEWER", "soc"))).toEqual([[false, false], [false, false], [false, false], [false, false]]);
  });

  it("everyone reads resources; only DIG, leadership and admin change the resource settings", () => {
    for (const role of ["DEPARTMENT_MANAGER", "DIG", "LEADERSHIP", "VIEWER", "ADMIN"] as const) expect(can(actor(role), "resource.read")).toBe(true);
    expect((["DEPARTMENT_MANAGER", "DIG", "LEADERSHIP", "VIEWER", "ADMIN"] as const).map((r) => can(actor(r, "soc"), "resource.settings"))).toEqual([false, true, true, false, true]);
    expect(can(null, "resource.read")).toBe(false);
  });

  it("the pool management page opens for whoever may create a pool or keep the resource settings", () => {
    expect((["DEPARTMENT_MANAGER", "DIG", "LEADERSHIP", "VIEWER", "ADMIN"] as const).map((r) => can(actor(r, "soc"), "pool.managePage"))).toEqual([true, true, true, false, true]);
    expect(can(null, "pool.managePage")).toBe(false);
  });
});
