import { describe, expect, it } from "vitest";
import { authorize, can, ForbiddenError, UnauthenticatedError } from "@/lib/auth/policy";
import type { Actor, Role } from "@/lib/auth/roles";

const actor = (role: Role, departmentId: string | null = null): Actor => ({ id: `u-${role}`, role, departmentId, name: role });
const social = actor("DEPARTMENT_MANAGER", "dep-social");
const school = actor("DEPARTMENT_MANAGER", "dep-school");
const dig = actor("DIG", "dep-klk");
const leadership = actor("LEADERSHIP", "dep-klk");
const viewer = actor("VIEWER");
const admin = actor("ADMIN");
const draftOfSocial = { ownerDepartmentId: "dep-social", status: "DRAFT" };

describe("policy", () => {
  it("lets every signed-in role read the one portfolio, and nobody signed out", () => {
    for (const a of [social, school, dig, leadership, viewer, admin]) expect(can(a, "initiative.read")).toBe(true);
    expect(can(null, "initiative.read")).toBe(false);
  });

  it("lets a manager edit the own department's initiative only while DRAFT or NEEDS_INFO", () => {
    expect(can(social, "initiative.edit", draftOfSocial)).toBe(true);
    expect(can(social, "initiative.edit", { ...draftOfSocial, status: "NEEDS_INFO" })).toBe(true);
    expect(can(social, "initiative.edit", { ...draftOfSocial, status: "SUBMITTED" })).toBe(false);
    expect(can(school, "initiative.edit", draftOfSocial)).toBe(false);
    // Without the initiative: whether they could ever edit one (asked before the input is read).
    expect(can(social, "initiative.edit")).toBe(true);
    expect(can(viewer, "initiative.edit")).toBe(false);
    expect(can(dig, "initiative.edit")).toBe(false);
  });

  it("keeps viewers read-only", () => {
    for (const action of ["initiative.create", "initiative.edit", "triage.perform", "portfolio.decide", "resource.allocate", "admin.users"] as const) {
      expect(can(viewer, action, draftOfSocial as never)).toBe(false);
    }
  });

  it("gives triage to DIG and ADMIN, decisions to LEADERSHIP and ADMIN", () => {
    expect([social, dig, leadership, viewer, admin].map((a) => can(a, "triage.perform"))).toEqual([false, true, false, false, true]);
    expect([social, dig, leadership, viewer, admin].map((a) => can(a, "portfolio.decide"))).toEqual([false, false, true, false, true]);
  });

  it("lets a manager allocate from the own local pool but not central or other pools", () => {
    expect(can(social, "resource.allocate", { kind: "LOCAL", departmentId: "dep-social" })).toBe(true);
    expect(can(social, "resource.allocate", { kind: "LOCAL", departmentId: "dep-school" })).toBe(false);
    expect(can(social, "resource.allocate", { kind: "DIG", departmentId: null })).toBe(false);
    expect(can(dig, "resource.allocate", { kind: "DIG", departmentId: null })).toBe(true);
  });

  it("gives the full export and restore to ADMIN only, the import to DIG and ADMIN", () => {
    expect([social, dig, leadership, viewer, admin].map((a) => can(a, "data.export"))).toEqual([false, false, false, false, true]);
    expect([social, dig, leadership, viewer, admin].map((a) => can(a, "data.restore"))).toEqual([false, false, false, false, true]);
    expect([social, dig, leadership, viewer, admin].map((a) => can(a, "data.import"))).toEqual([false, true, false, false, true]);
  });

  it("authorize throws 401 without an actor and 403 without permission", () => {
    expect(() => authorize(null, "initiative.read")).toThrow(UnauthenticatedError);
    expect(() => authorize(viewer, "initiative.create")).toThrow(ForbiddenError);
    expect(authorize(social, "initiative.create", { ownerDepartmentId: "dep-social" })).toBe(social);
    expect(() => authorize(social, "initiative.create", { ownerDepartmentId: "dep-school" })).toThrow(ForbiddenError);
  });
});
