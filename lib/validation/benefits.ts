// Benefit realisation: the benefit plan, measurements, follow-ups and their settings, as the
// forms, the server actions and the API send them, and what the API answers.
import { z } from "zod";
import { id, optionalText, pageNumber, text, version } from "./common";
import { BENEFIT_CATEGORIES, BENEFIT_CERTAINTIES, LIMITS } from "./initiative";

const isValidDate = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
/** A calendar date "YYYY-MM-DD". */
export const isoDate = z.string({ message: "invalidDate" }).regex(/^\d{4}-\d{2}-\d{2}$/, { message: "invalidDate", abort: true }).refine(isValidDate, { message: "invalidDate" });
const optionalDate = z.preprocess((v) => (v === "" ? null : v), isoDate.nullable().optional());
/** A measured or planned value: any finite number (a count, minutes, percent, kronor …). */
const amount = z.number({ message: "notANumber" }).finite({ message: "notANumber" }).min(-1e12, { message: "tooSmall" }).max(1e12, { message: "tooLarge" });
const optionalAmount = z.preprocess((v) => (v === "" ? null : v), amount.nullable().optional());
const money = z.number({ message: "notANumber" }).int({ message: "notWhole" }).min(0, { message: "negative" }).max(LIMITS.costSek, { message: "tooLarge" });
const optionalMoney = z.preprocess((v) => (v === "" ? null : v), money.nullable().optional());

const planFields = {
  category: z.enum(BENEFIT_CATEGORIES, { message: "invalidOption" }),
  description: text(2000, 3),
  annualValueSek: optionalMoney.meta({ description: "Planned yearly benefit in SEK" }),
  annualHours: optionalMoney.meta({ description: "Planned yearly benefit in hours freed" }),
  certainty: z.enum(BENEFIT_CERTAINTIES, { message: "invalidOption" }),
  ownerId: id.nullable().optional().meta({ description: "The person who owns the benefit (normally in the receiving department)" }),
  owner: optionalText(200).meta({ description: "The owning function, as text (e.g. Enhetschef försörjningsstöd)" }),
  indicator: optionalText(300).meta({ description: "What is measured" }),
  unit: optionalText(40).meta({ description: "The unit measurements are recorded in (dagar, ärenden, kr …)" }),
  method: optionalText(1000).meta({ description: "How it is measured" }),
  baseline: optionalAmount,
  baselineDate: optionalDate.meta({ description: "When the baseline was measured (YYYY-MM-DD)" }),
  target: optionalAmount,
  targetDate: optionalDate.meta({ description: "When the target should be reached (YYYY-MM-DD)" }),
};

export const benefitCreateInput = z.object(planFields).strict().meta({ id: "BenefitCreate" });
export const benefitUpdateInput = z
  .object({ ...planFields, version })
  .partial({ category: true, description: true, annualValueSek: true, annualHours: true, certainty: true, ownerId: true, owner: true, indicator: true, unit: true, method: true, baseline: true, baselineDate: true, target: true, targetDate: true })
  .strict()
  .meta({ id: "BenefitUpdate" });
export type BenefitCreate = z.infer<typeof benefitCreateInput>;

export const measurementInput = z
  .object({
    measuredAt: isoDate.meta({ description: "The day the value applies to (YYYY-MM-DD): not in the future, not before the baseline" }),
    value: amount,
    unit: optionalText(40).meta({ description: "If given, must be the benefit's unit" }),
    realisedSek: optionalMoney.meta({ description: "The realised yearly value in SEK, where it can be valued" }),
    source: optionalText(300).meta({ description: "Where the value comes from (a system, a report)" }),
    comment: optionalText(2000),
    correctsId: id.nullable().optional().meta({ description: "The measurement this one corrects (values are never overwritten)" }),
  })
  .strict()
  .meta({ id: "MeasurementInput" });
export type MeasurementInput = z.infer<typeof measurementInput>;

export const FOLLOW_UP_ASSESSMENTS = ["REALISED", "PARTLY", "NOT_REALISED", "TOO_EARLY"] as const;

export const followUpCompleteInput = z
  .object({
    assessment: z.enum(FOLLOW_UP_ASSESSMENTS, { message: "invalidOption" }),
    comment: optionalText(2000),
    measurement: measurementInput.optional().meta({ description: "The measurement the follow-up asks for" }),
    version,
  })
  .strict()
  .meta({ id: "FollowUpComplete" });

export const followUpPostponeInput = z
  .object({ until: isoDate.meta({ description: "The new due date (YYYY-MM-DD), after the current one" }), reason: text(1000, 3), version })
  .strict()
  .meta({ id: "FollowUpPostpone" });

export const noBenefitReasonInput = z
  .object({ reason: optionalText(2000).meta({ description: "Why no benefit is followed up; null clears it" }), version: version.meta({ description: "The initiative's version" }) })
  .strict()
  .meta({ id: "NoBenefitReason" });

export const benefitSettingsSchema = z
  .object({
    followUpMonths: z
      .array(z.number({ message: "notANumber" }).int({ message: "notWhole" }).min(1, { message: "atLeastOne" }).max(120, { message: "tooLarge" }))
      .min(1, { message: "atLeastOne" })
      .max(6, { message: "tooMany" })
      .refine((list) => new Set(list).size === list.length, { message: "duplicateMonths" })
      .transform((list) => [...list].sort((a, b) => a - b))
      .meta({ description: "Months after delivery when follow-ups fall due (default 6, 12, 24)" }),
    overdueAfterDays: z.number({ message: "notANumber" }).int({ message: "notWhole" }).min(1, { message: "atLeastOne" }).max(365, { message: "tooLarge" }).meta({ description: "Days after its due date a follow-up counts as overdue" }),
  })
  .strict()
  .meta({ id: "BenefitSettings" });
export type BenefitSettings = z.infer<typeof benefitSettingsSchema>;

export const REALISATION_GROUPS = ["initiative", "program", "department", "quadrant", "year"] as const;
export const realisationQuery = z
  .object({ groupBy: z.enum(REALISATION_GROUPS, { message: "invalidOption" }).default("department") })
  .strict();

export const FOLLOW_UP_SCOPES = ["mine", "department", "all"] as const;
export const FOLLOW_UP_STATES = ["open", "due", "overdue", "done"] as const;
/** The most follow-ups one page (or API answer) holds. */
export const FOLLOW_UP_PAGE_MAX = 500;
export const followUpQuery = z
  .object({
    scope: z.enum(FOLLOW_UP_SCOPES, { message: "invalidOption" }).default("mine").meta({ description: "mine: where I own the benefit; department: my department's; all: everyone's (DIG, leadership, admin)" }),
    state: z.enum(FOLLOW_UP_STATES, { message: "invalidOption" }).default("open").meta({ description: "open: due or overdue" }),
    page: pageNumber,
    pageSize: z.coerce.number({ message: "notANumber" }).int({ message: "notWhole" }).min(1, { message: "atLeastOne" }).max(FOLLOW_UP_PAGE_MAX, { message: "tooLarge" }).default(FOLLOW_UP_PAGE_MAX),
  })
  .strict();

// ---------------------------------------------------------------------------
// API responses

const date = z.string().meta({ format: "date-time" });
const measurementSchema = z.object({
  id: z.string(), measuredAt: date, value: z.number(), realisedSek: z.number().int().nullable(), source: z.string().nullable(), comment: z.string().nullable(),
  correctsId: z.string().nullable(), corrected: z.boolean().meta({ description: "A later entry corrects this one" }), recordedBy: z.string().nullable(), createdAt: date,
}).meta({ id: "Measurement" });
const followUpSchema = z.object({
  id: z.string(), offsetMonths: z.number().int(), dueAt: date, originalDueAt: date.nullable(), postponeReason: z.string().nullable(), state: z.enum(["done", "upcoming", "due", "overdue"]),
  assessment: z.enum(FOLLOW_UP_ASSESSMENTS).nullable(), comment: z.string().nullable(), completedAt: date.nullable(), completedBy: z.string().nullable(), version: z.number().int(),
}).meta({ id: "FollowUp" });
export const benefitSchema = z.object({
  id: z.string(), initiativeId: z.string(), category: z.enum(BENEFIT_CATEGORIES), description: z.string(), annualValueSek: z.number().int().nullable(), annualHours: z.number().int().nullable(),
  certainty: z.enum(BENEFIT_CERTAINTIES), ownerId: z.string().nullable(), ownerName: z.string().nullable(), owner: z.string().nullable(), indicator: z.string().nullable(), unit: z.string().nullable(),
  method: z.string().nullable(), baseline: z.number().nullable(), baselineDate: date.nullable(), target: z.number().nullable(), targetDate: date.nullable(), version: z.number().int(),
  realisation: z.object({
    latest: z.object({ value: z.number(), measuredAt: date }).nullable(),
    percent: z.number().nullable().meta({ description: "Of the way from baseline to target" }),
    trend: z.enum(["towards", "away", "flat"]).nullable(),
    realisedSek: z.number().int().nullable(),
    realisedHours: z.number().int().nullable(),
  }),
  measurements: z.array(measurementSchema),
  followUps: z.array(followUpSchema),
}).meta({ id: "Benefit" });
export const benefitPlanResult = z.object({ data: z.object({ initiativeId: z.string(), status: z.string(), version: z.number().int(), noBenefitReason: z.string().nullable(), benefits: z.array(benefitSchema) }) }).meta({ id: "BenefitPlan" });
export const benefitResult = z.object({ data: benefitSchema }).meta({ id: "BenefitResult" });
export const measurementResult = z.object({ data: measurementSchema }).meta({ id: "MeasurementResult" });
export const followUpResult = z.object({ data: followUpSchema }).meta({ id: "FollowUpResult" });
export const followUpList = z
  .object({
    data: z.array(followUpSchema.extend({
      benefit: z.object({ id: z.string(), description: z.string(), ownerId: z.string().nullable(), ownerName: z.string().nullable() }),
      initiative: z.object({ id: z.string(), number: z.number().int(), title: z.string(), department: z.string() }),
    })),
    page: z.number().int(), pageSize: z.number().int(), total: z.number().int(), pages: z.number().int(),
  })
  .meta({ id: "FollowUpList" });
export const realisationResult = z
  .object({
    data: z.object({
      groupBy: z.enum(REALISATION_GROUPS),
      rows: z.array(z.object({
        key: z.string(), label: z.string(), plannedSek: z.number().int(), plannedHours: z.number().int(), realisedSek: z.number().int(), realisedHours: z.number().int(),
        measured: z.number().int(), benefits: z.number().int(), followUpsDue: z.number().int(), followUpsOnTime: z.number().int(),
      })),
    }),
  })
  .meta({ id: "Realisation" });
