import { describe, expect, it } from "vitest";
import { delayAfter, LoginThrottle, type FailureStore } from "@/lib/auth/throttle";

/** The store's contract as the database keeps it (lib/server/sign-in-failures.ts; tested on both engines). */
function memoryStore(): FailureStore {
  const rows = new Map<string, { count: number; firstAt: Date }>();
  return {
    async failures(key, windowStart) {
      const row = rows.get(key);
      return row && row.firstAt >= windowStart ? row.count : 0;
    },
    async recordFailure(key, at, windowStart) {
      for (const [k, row] of rows) if (row.firstAt < windowStart) rows.delete(k);
      const row = rows.get(key);
      if (row) row.count += 1;
      else rows.set(key, { count: 1, firstAt: at });
    },
    async clear(key) {
      rows.delete(key);
    },
  };
}

describe("LoginThrottle", () => {
  const options = { freeAttempts: 3, windowMs: 60_000, baseDelayMs: 500, maxDelayMs: 4_000 };

  it("lets the first attempts through, then doubles the delay up to the cap", async () => {
    const throttle = new LoginThrottle(memoryStore(), options, () => 0);
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      delays.push(await throttle.delayFor("1.2.3.4"));
      await throttle.recordFailure("1.2.3.4");
    }
    expect(delays).toEqual([0, 0, 0, 500, 1000, 2000, 4000, 4000]);
    expect(await throttle.delayFor("5.6.7.8")).toBe(0);
    expect([0, 3, 4, 9].map((n) => delayAfter(n, options))).toEqual([0, 500, 1000, 4000]);
  });

  it("forgets failures after the window and after a successful sign-in", async () => {
    let now = 0;
    const throttle = new LoginThrottle(memoryStore(), options, () => now);
    for (let i = 0; i < 4; i++) await throttle.recordFailure("a");
    expect(await throttle.delayFor("a")).toBe(1000);
    now = 60_001;
    expect(await throttle.delayFor("a")).toBe(0);
    for (let i = 0; i < 4; i++) await throttle.recordFailure("a");
    expect(await throttle.delayFor("a")).toBe(1000);
    await throttle.recordSuccess("a");
    expect(await throttle.delayFor("a")).toBe(0);
  });
});
