import { describe, expect, it } from "vitest";
import { LoginThrottle } from "@/lib/auth/throttle";

describe("LoginThrottle", () => {
  const options = { freeAttempts: 3, windowMs: 60_000, baseDelayMs: 500, maxDelayMs: 4_000, maxTracked: 2 };

  it("lets the first attempts through, then doubles the delay up to the cap", () => {
    const throttle = new LoginThrottle(options, () => 0);
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      delays.push(throttle.delayFor("1.2.3.4"));
      throttle.recordFailure("1.2.3.4");
    }
    expect(delays).toEqual([0, 0, 0, 500, 1000, 2000, 4000, 4000]);
    expect(throttle.delayFor("5.6.7.8")).toBe(0);
  });

  it("forgets failures after the window and after a successful sign-in", () => {
    let now = 0;
    const throttle = new LoginThrottle(options, () => now);
    for (let i = 0; i < 4; i++) throttle.recordFailure("a");
    expect(throttle.delayFor("a")).toBe(1000);
    now = 60_001;
    expect(throttle.delayFor("a")).toBe(0);
    for (let i = 0; i < 4; i++) throttle.recordFailure("a");
    throttle.recordSuccess("a");
    expect(throttle.delayFor("a")).toBe(0);
  });

  it("bounds its memory", () => {
    const throttle = new LoginThrottle(options, () => 0);
    for (const key of ["a", "b", "c"]) for (let i = 0; i < 4; i++) throttle.recordFailure(key);
    expect(throttle.delayFor("a")).toBe(0);
    expect(throttle.delayFor("c")).toBe(1000);
  });
});
