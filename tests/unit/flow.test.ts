import { describe, expect, it } from "vitest";
import { daysBetween, leadTimes, median, percentile } from "@/lib/domain/flow";

const d = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);

describe("flow numbers", () => {
  it("median and nearest-rank p90, computed by hand", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(median(values)).toBe(5.5);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile([4], 90)).toBe(4);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNull();
    expect(percentile([], 90)).toBeNull();
  });

  it("lead times in days from pairs of dates, ignoring impossible ones", () => {
    const result = leadTimes([
      { from: d(0), to: d(2) },
      { from: d(0), to: d(4) },
      { from: d(1), to: d(11) },
      { from: d(5), to: d(3) },
    ]);
    expect(result).toEqual({ count: 3, median: 4, p90: 10 });
    expect(daysBetween(d(0), d(3))).toBe(3);
    expect(daysBetween(d(3), d(0))).toBe(0);
  });
});
