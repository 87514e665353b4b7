import { z } from "zod";
import { api, readJson } from "@/lib/server/api";
import { runBenefitReminders } from "@/lib/server/benefit-reminders";
import { now, TEST_CLOCK_KEY, testClockEnabled } from "@/lib/server/clock";
import { prisma } from "@/lib/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";

const input = z.object({ days: z.number().int().min(0).max(3650) }).strict();

/**
 * For end-to-end tests only: moves the follow-up clock `days` ahead and runs the reminders, so
 * that a test sees a follow-up fall due without waiting months. Not there (404) unless the
 * server was started with PORTFOLJEN_TEST_CLOCK=1; never part of the open API.
 */
export const POST = api(async ({ request, actor }) => {
  if (!testClockEnabled()) throw new NotFoundError("Route");
  if (actor.role !== "ADMIN") throw new NotFoundError("Route");
  const { days } = parseInput(input, await readJson(request));
  await prisma.setting.upsert({ where: { key: TEST_CLOCK_KEY }, create: { key: TEST_CLOCK_KEY, value: days }, update: { value: days } });
  const run = await runBenefitReminders();
  return { data: { now: (await now()).toISOString(), ...run } };
});
