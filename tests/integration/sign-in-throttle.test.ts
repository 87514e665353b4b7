// The sign-in throttle's failures live in the database, so every server process counts the
// same attempts: concurrent failures all count, a passed window starts over, success clears.
import { expect, it } from "vitest";
import { LoginThrottle } from "@/lib/auth/throttle";
import { databaseFailures } from "@/lib/server/sign-in-failures";
import { describeEachEngine } from "./engines";

describeEachEngine("sign-in throttle in the database", (ctx) => {
  const options = { freeAttempts: 5, windowMs: 60_000, baseDelayMs: 500, maxDelayMs: 8_000 };

  it("counts every one of 20 concurrent failures from one address, as two servers would", async () => {
    const [a, b] = [new LoginThrottle(databaseFailures, options), new LoginThrottle(databaseFailures, options)];
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).recordFailure("10.0.0.1")));
    expect(await ctx.db.prisma.signInFailure.findUnique({ where: { key: "10.0.0.1" } })).toMatchObject({ count: 20 });
    expect(await a.delayFor("10.0.0.1")).toBe(8_000);
    expect(await b.delayFor("10.0.0.2")).toBe(0);
    await b.recordSuccess("10.0.0.1");
    expect(await a.delayFor("10.0.0.1")).toBe(0);
  });

  it("starts over when the window has passed, and prunes what is older", async () => {
    let now = Date.parse("2026-12-05T10:00:00Z");
    const throttle = new LoginThrottle(databaseFailures, options, () => now);
    for (let i = 0; i < 6; i++) await throttle.recordFailure("10.0.0.3");
    expect(await throttle.delayFor("10.0.0.3")).toBe(1000);
    now += 60_001;
    expect(await throttle.delayFor("10.0.0.3")).toBe(0);
    await throttle.recordFailure("10.0.0.4");
    expect(await ctx.db.prisma.signInFailure.findUnique({ where: { key: "10.0.0.3" } })).toBeNull();
    await throttle.recordFailure("10.0.0.3");
    expect(await ctx.db.prisma.signInFailure.findUnique({ where: { key: "10.0.0.3" } })).toMatchObject({ count: 1 });
  });
});
