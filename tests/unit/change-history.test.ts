import { describe, expect, it } from "vitest";
import { changeRows, referencedIds } from "@/lib/domain/change-history";

describe("change history rows", () => {
  it("keeps only the fields whose value changed, before and after", () => {
    const rows = changeRows({ title: "Gammal", nature: "EFFICIENCY", version: 1 }, { title: "Ny", nature: "EFFICIENCY", version: 2 });
    expect(rows).toEqual([{ field: "title", before: { kind: "text", value: "Gammal" }, after: { kind: "text", value: "Ny" } }]);
  });

  it("words a set value (only after) and a removed value (only before) apart from a change", () => {
    const rows = changeRows({ reason: "x" }, { status: "SUBMITTED" });
    expect(rows).toContainEqual({ field: "reason", before: { kind: "text", value: "x" }, after: null });
    expect(rows).toContainEqual({ field: "status", before: null, after: { kind: "code", group: "status", value: "SUBMITTED" } });
  });

  it("hides the ids of rows and turns references into lookups by kind", () => {
    const rows = changeRows(
      { programId: null },
      { programId: "p1", ownerId: "u1", benefitId: "b1", ownerDepartmentId: "d1", goals: [{ goalId: "g1", alignment: "STRONG" }, { goalId: "g2" }] },
    );
    expect(rows.map((r) => r.field).sort()).toEqual(["goals", "ownerDepartmentId", "programId"]);
    expect(rows.find((r) => r.field === "programId")).toEqual({ field: "programId", before: { kind: "none" }, after: { kind: "reference", ref: "program", id: "p1" } });
    const ids = referencedIds(rows);
    expect([...ids.goal]).toEqual(["g1", "g2"]);
    expect([...ids.department]).toEqual(["d1"]);
    expect([...ids.program]).toEqual(["p1"]);
  });

  it("flattens a nested suggestion into dotted fields and keeps numbers, booleans and dates typed", () => {
    const rows = changeRows(undefined, { suggestion: { kind: "INFRASTRUCTURE", size: "S" }, overridden: true, rank: 3, dueAt: "2027-06-01T00:00:00.000Z", measuredAt: "2027-01-15" });
    expect(rows).toContainEqual({ field: "suggestion.kind", before: null, after: { kind: "code", group: "kind", value: "INFRASTRUCTURE" } });
    expect(rows).toContainEqual({ field: "suggestion.size", before: null, after: { kind: "code", group: "size", value: "S" } });
    expect(rows).toContainEqual({ field: "overridden", before: null, after: { kind: "boolean", value: true } });
    expect(rows).toContainEqual({ field: "rank", before: null, after: { kind: "number", value: 3 } });
    expect(rows).toContainEqual({ field: "dueAt", before: null, after: { kind: "date", value: "2027-06-01T00:00:00.000Z" } });
    expect(rows).toContainEqual({ field: "measuredAt", before: null, after: { kind: "date", value: "2027-01-15" } });
  });

  it("leaves out a value set to nothing, which says nothing to a reader", () => {
    expect(changeRows({ status: "DRAFT" }, { status: "SUBMITTED", reason: null }).map((r) => r.field)).toEqual(["status"]);
    expect(changeRows({ programId: "p1" }, { programId: null })).toEqual([{ field: "programId", before: { kind: "reference", ref: "program", id: "p1" }, after: { kind: "none" } }]);
  });

  it("has no rows for an event without details, and a list of benefits by their descriptions", () => {
    expect(changeRows(null, { commentId: "c1" })).toEqual([]);
    const [row] = changeRows(null, { benefits: [{ description: "Färre samtal", category: "TIME" }] });
    expect(row).toEqual({ field: "benefits", before: null, after: { kind: "list", items: [{ kind: "text", value: "Färre samtal" }] } });
  });
});
