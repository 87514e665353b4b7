import { z } from "zod";

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
