import "server-only";
// "Now" for benefit follow-ups. Follow-ups fall due months after delivery; end-to-end tests move
// this clock forward instead of waiting. Only a server started with PORTFOLJEN_TEST_CLOCK=1 reads
// the offset (the setting "testClock.offsetDays"); every other server runs on real time.
import { prisma } from "@/lib/db";
import { cachedUntilWrite } from "./snapshot-cache";

export const TEST_CLOCK_KEY = "testClock.offsetDays";

export function testClockEnabled(): boolean {
  return process.env.PORTFOLJEN_TEST_CLOCK === "1";
}

export async function now(): Promise<Date> {
  if (!testClockEnabled()) return new Date();
  const days = await cachedUntilWrite("testClock", async () => {
    const row = await prisma.setting.findUnique({ where: { key: TEST_CLOCK_KEY } });
    return typeof row?.value === "number" ? row.value : 0;
  });
  return new Date(Date.now() + days * 86_400_000);
}
