import { z } from "zod";
import { version } from "./common";

const share = z.number({ message: "notANumber" }).int({ message: "notWhole" }).min(0, { message: "negative" }).max(100, { message: "tooLarge" });

/** Leadership's target balance for a year: four whole percentages that sum to 100. */
export const balanceTargetInput = z
  .object({
    year: z.number({ message: "notANumber" }).int().min(2000, { message: "invalid" }).max(2100, { message: "invalid" }),
    shares: z
      .object({ INTERNAL_EFFICIENCY: share, INTERNAL_INNOVATION: share, EXTERNAL_EFFICIENCY: share, EXTERNAL_INNOVATION: share })
      .strict()
      .refine((s) => Object.values(s).reduce((a, b) => a + b, 0) === 100, { message: "sumNot100" }),
  })
  .strict();

/** Leadership moves an initiative to a place in the ranking (null = back to score order). */
export const rankingMoveInput = z
  .object({
    position: z.number({ message: "notANumber" }).int({ message: "notWhole" }).min(1, { message: "tooSmall" }).max(100_000, { message: "tooLarge" }).nullable(),
    rationale: z.string({ message: "required" }).trim().min(3, { message: "tooShort" }).max(1000, { message: "tooLong" }),
    version,
  })
  .strict();
