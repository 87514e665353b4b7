// Typed, validated settings. Each is stored as JSON under one key and read through its schema.
import { z } from "zod";

const TRACKS = ["FAST_LANE", "PORTFOLIO", "TECHNICAL"] as const;
const money = z.number({ message: "notANumber" }).int({ message: "notWhole" }).min(0, { message: "negative" }).max(10_000_000_000, { message: "tooLarge" });
const hours = z.number({ message: "notANumber" }).int({ message: "notWhole" }).min(0, { message: "negative" }).max(10_000_000, { message: "tooLarge" });
const words = z
  .array(z.string().trim().toLowerCase().min(2, { message: "tooShort" }).max(60, { message: "tooLong" }))
  .max(400, { message: "tooMany" })
  .overwrite((list) => [...new Set(list)]);

export const triageSettingsSchema = z
  .object({
    size: z
      .object({ smallMaxCostSek: money, smallMaxEffortHours: hours, mediumMaxCostSek: money, mediumMaxEffortHours: hours })
      .refine((s) => s.smallMaxCostSek <= s.mediumMaxCostSek, { message: "smallAboveMedium", path: ["smallMaxCostSek"] })
      .refine((s) => s.smallMaxEffortHours <= s.mediumMaxEffortHours, { message: "smallAboveMedium", path: ["smallMaxEffortHours"] }),
    routing: z.object({
      infrastructure: z.enum(TRACKS, { message: "invalidOption" }),
      businessSmall: z.enum(TRACKS, { message: "invalidOption" }),
      businessMedium: z.enum(TRACKS, { message: "invalidOption" }),
      businessLarge: z.enum(TRACKS, { message: "invalidOption" }),
    }),
    vocabulary: z.object({ infrastructure: words, businessDevelopment: words, external: words, internal: words, innovation: words, efficiency: words }),
    // Fast-lane initiatives up to this cost may be approved by DIG under delegation.
    delegationLimitSek: money,
  })
  .strict();

export type TriageSettings = z.infer<typeof triageSettingsSchema>;

const weight = z.number({ message: "notANumber" }).min(0, { message: "negative" }).max(10, { message: "tooLarge" });

/** Weights of the benefit score's components (0–10 each, not all zero). */
export const scoreWeightsSchema = z
  .object({ alignment: weight, benefit: weight, reach: weight, urgency: weight, risk: weight })
  .strict()
  .refine((w) => Object.values(w).some((v) => v > 0), { message: "allZero" });
