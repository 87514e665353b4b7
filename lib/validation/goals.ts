// Strategic goals: the political direction (mål och budget) the ranking scores against.
import { z } from "zod";
import { text, version, year } from "./common";

export const MIN_GOAL_WEIGHT = 1;
export const MAX_GOAL_WEIGHT = 5;

const goalFields = {
  code: text(20, 1).refine((s) => /^[\p{L}\p{N}._-]+$/u.test(s), { message: "invalidCode" }).meta({ description: "Short code, unique whatever the case (M1, M2 …)" }),
  title: text(200, 3),
  description: text(2000),
  weight: z.number({ message: "notANumber" }).int({ message: "notWhole" }).min(MIN_GOAL_WEIGHT, { message: "weightOutOfRange" }).max(MAX_GOAL_WEIGHT, { message: "weightOutOfRange" }),
  validFrom: year.nullable().meta({ description: "First year the goal applies; null: from the start" }),
  validTo: year.nullable().meta({ description: "Last year the goal applies; null: until further notice" }),
};

const periodInOrder = (v: { validFrom?: number | null; validTo?: number | null }) => v.validFrom == null || v.validTo == null || v.validTo >= v.validFrom;

export const goalCreateInput = z
  .object({ ...goalFields, description: goalFields.description.default(""), validFrom: goalFields.validFrom.default(null), validTo: goalFields.validTo.default(null) })
  .strict()
  .refine(periodInOrder, { path: ["validTo"], message: "periodReversed" })
  .meta({ id: "GoalCreate" });

export const goalUpdateInput = z
  .object({ ...goalFields, active: z.boolean({ message: "invalidOption" }), version })
  .partial({ code: true, title: true, description: true, weight: true, validFrom: true, validTo: true, active: true })
  .strict()
  .refine(periodInOrder, { path: ["validTo"], message: "periodReversed" })
  .meta({ id: "GoalUpdate" });

export type GoalCreate = z.infer<typeof goalCreateInput>;
export type GoalUpdate = z.infer<typeof goalUpdateInput>;

export const goalSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    weight: z.number().int(),
    validFrom: z.number().int().nullable(),
    validTo: z.number().int().nullable(),
    active: z.boolean(),
    inEffect: z.boolean().meta({ description: "Active and valid this year: counts in the benefit score now" }),
    version: z.number().int(),
    usage: z.object({ initiatives: z.number().int(), programs: z.number().int() }).meta({ description: "Initiatives and programs linked to the goal: while any are, it can be deactivated but not deleted" }),
    createdAt: z.string().meta({ format: "date-time" }),
    updatedAt: z.string().meta({ format: "date-time" }),
  })
  .meta({ id: "Goal" });
export const goalList = z.object({ data: z.array(goalSchema) }).meta({ id: "GoalList" });
export const goalResult = z.object({ data: goalSchema }).meta({ id: "GoalResult" });
