import { describe, expect, it } from "vitest";
import { completeness } from "@/lib/domain/completeness";
import { quadrantOf, splitQuadrant } from "@/lib/domain/pios";

const minimal = { title: "E-tjänst för bygglov", need: "Sökande vill kunna ansöka digitalt dygnet runt.", ownerDepartmentId: "d1", benefitRecipient: "EXTERNAL", nature: "EFFICIENCY" };

describe("completeness", () => {
  it("an empty draft cannot be submitted and lists what is required", () => {
    const c = completeness({ title: "Ny idé" });
    expect(c.canSubmit).toBe(false);
    expect(c.missingRequired).toEqual(["need", "ownerDepartment", "benefitRecipient", "nature"]);
    expect(c.percent).toBe(8); // 1 of 12 items
  });

  it("the required fields suffice to submit; optional ones only raise the percentage", () => {
    const c = completeness(minimal);
    expect(c.canSubmit).toBe(true);
    expect(c.percent).toBe(42); // 5 of 12
    expect(c.missingOptional).toEqual(["benefits", "goals", "reach", "cost", "effort", "desiredStart", "contactPerson"]);
  });

  it("asks replacement investments for the system and the development it enables, procurements for the checklist", () => {
    const c = completeness({ ...minimal, isReplacement: true, replacesSystem: "Tieto Edu", involvesProcurement: true, hygieneOwnsData: true, hygieneOpenStandards: false, hygieneOpenApis: null });
    expect(c.missingOptional).toContain("enablesDevelopment");
    expect(c.missingOptional).not.toContain("replacesSystem");
    expect(c.missingOptional).toContain("hygieneChecklist");
    const answered = completeness({ ...minimal, involvesProcurement: true, hygieneOwnsData: true, hygieneOpenStandards: false, hygieneOpenApis: true, hygieneExitPlan: false });
    expect(answered.missingOptional).not.toContain("hygieneChecklist");
  });

  it("a fully described initiative is 100 %", () => {
    const c = completeness({ ...minimal, benefits: [1], goals: [1], reachCount: 0, estimatedCostSek: 0, estimatedEffortHours: 10, desiredStartQuarter: "2027-Q1", contactPerson: "Anna" });
    expect(c.percent).toBe(100);
  });
});

describe("PIOS quadrant", () => {
  it("combines recipient and nature, and splits back", () => {
    expect(quadrantOf("INTERNAL", "INNOVATION")).toBe("INTERNAL_INNOVATION");
    expect(quadrantOf("EXTERNAL", null)).toBeNull();
    expect(splitQuadrant("EXTERNAL_EFFICIENCY")).toEqual({ benefitRecipient: "EXTERNAL", nature: "EFFICIENCY" });
  });
});
