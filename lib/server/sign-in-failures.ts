import "server-only";
// The sign-in throttle's failures in the database (SignInFailure): one row per client address,
// shared by every server process. Rows older than the window are pruned as new failures come.
import type { FailureStore } from "@/lib/auth/throttle";
import { prisma } from "@/lib/db";

export const databaseFailures: FailureStore = {
  async failures(key, windowStart) {
    const row = await prisma.signInFailure.findUnique({ where: { key } });
    return row && row.firstAt >= windowStart ? row.count : 0;
  },
  async recordFailure(key, at, windowStart) {
    // A window that has passed starts over; the rest of the table's stale rows go with it.
    await prisma.signInFailure.deleteMany({ where: { firstAt: { lt: windowStart } } });
    // One statement (INSERT … ON CONFLICT): two servers failing the same address at once both count.
    await prisma.signInFailure.upsert({ where: { key }, create: { key, count: 1, firstAt: at }, update: { count: { increment: 1 } } });
  },
  async clear(key) {
    await prisma.signInFailure.deleteMany({ where: { key } });
  },
};
