import { describe, expect, it } from "vitest";
import { addQuarters, quarterOfDate, upcomingQuarters } from "@/lib/domain/quarters";

describe("quarters", () => {
  it("names the quarter of a date and steps across years", () => {
    expect(quarterOfDate(new Date("2026-11-26T12:00:00Z"))).toBe("2026-Q4");
    expect(addQuarters("2026-Q4", 1)).toBe("2027-Q1");
    expect(addQuarters("2027-Q1", -1)).toBe("2026-Q4");
    expect(upcomingQuarters(new Date("2026-02-01T00:00:00Z"), 3)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3"]);
    expect(() => addQuarters("2026-Q5", 1)).toThrow();
  });
});
