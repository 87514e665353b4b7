// One schema for initiatives, shared by the form, the server actions and the API.
// Messages are i18n keys (validation.*), so each surface shows them in its language.
import { z } from "zod";
import { id, optionalText, quarter, searchText, text, version, wholeNumber } from "./common";

export const BENEFIT_RECIPIENTS = ["INTERNAL", "EXTERNAL"] as const;
export const NATURES = ["EFFICIENCY", "INNOVATION"] as const;
// Kept without zod in benefit-options.ts for the initiative form in the browser.
export { BENEFIT_CATEGORIES, BENEFIT_CERTAINTIES } from "./benefit-options";
import { BENEFIT_CATEGORIES, BENEFIT_CERTAINTIES } from "./benefit-options";
export const INITIATIVE_STATUSES = [
  "DRAFT", "SUBMITTED", "NEEDS_INFO", "TRIAGED", "APPROVED", "IN_PROGRESS", "PAUSED", "DONE", "REJECTED", "DEFERRED", "CANCELLED",
] as const;

export const LIMITS = {
  title: 200,
  need: 5000,
  longText: 2000,
  shortText: 200,
  // Whole kronor in an INTEGER column: 2 billion, the largest round sum it holds.
  costSek: 2_000_000_000,
  hours: 10_000_000,
  reach: 100_000_000,
  benefits: 20,
  goals: 20,
} as const;

const nullableNumber = (max: number) => z.preprocess((v) => (v === "" || v === undefined ? null : v), wholeNumber(max).nullable());
const nullableBool = z.boolean().nullable().optional();

export const benefitInput = z.object({
  /** A stored benefit of this initiative: changed in place (its plan and measurements stay). */
  id: id.optional(),
  category: z.enum(BENEFIT_CATEGORIES, { message: "invalidOption" }),
  description: text(LIMITS.longText, 3),
  annualValueSek: nullableNumber(LIMITS.costSek).optional(),
  annualHours: nullableNumber(LIMITS.hours).optional(),
  certainty: z.enum(BENEFIT_CERTAINTIES, { message: "invalidOption" }),
});

export const goalLinkInput = z.object({
  goalId: id,
  alignment: z.number().int().min(0, { message: "alignmentRange" }).max(3, { message: "alignmentRange" }),
});

/** Everything a department can say about an initiative; only the title is needed for a draft. */
export const initiativeFields = z
  .object({
    title: text(LIMITS.title, 3),
    need: optionalText(LIMITS.need),
    ownerDepartmentId: id,
    benefitRecipient: z.enum(BENEFIT_RECIPIENTS, { message: "invalidOption" }).nullable().optional(),
    nature: z.enum(NATURES, { message: "invalidOption" }).nullable().optional(),
    reachDescription: optionalText(LIMITS.longText),
    reachCount: nullableNumber(LIMITS.reach).optional(),
    benefits: z.array(benefitInput).max(LIMITS.benefits, { message: "tooMany" }).default([]),
    goals: z
      .array(goalLinkInput)
      .max(LIMITS.goals, { message: "tooMany" })
      .refine((links) => new Set(links.map((l) => l.goalId)).size === links.length, { message: "duplicateGoal" })
      .default([]),
    estimatedCostSek: nullableNumber(LIMITS.costSek).optional(),
    estimatedEffortHours: nullableNumber(LIMITS.hours).optional(),
    desiredStartQuarter: z.preprocess((v) => (v === "" ? null : v), quarter.nullable().optional()),
    dependencies: optionalText(LIMITS.longText),
    contactPerson: optionalText(LIMITS.shortText),
    isReplacement: z.boolean().default(false),
    replacesSystem: optionalText(LIMITS.shortText),
    enablesDevelopment: optionalText(LIMITS.longText),
    involvesProcurement: z.boolean().default(false),
    hygieneOwnsData: nullableBool,
    hygieneOpenStandards: nullableBool,
    hygieneOpenApis: nullableBool,
    hygieneExitPlan: nullableBool,
  })
  .strict();

export type InitiativeFields = z.infer<typeof initiativeFields>;
export type InitiativeFieldsInput = z.input<typeof initiativeFields>;

export const createInitiativeInput = initiativeFields;
export const updateInitiativeInput = initiativeFields.extend({ version: version }).strict();
export const submitInitiativeInput = z.object({ version: version }).strict();
/** What the initiative form's save action is sent; the use cases check the fields themselves. */
export const saveActionInput = z.object({ id: id.optional(), version: version.optional(), submit: z.boolean(), fields: z.record(z.string(), z.unknown()) });
export const commentInput = z.object({ body: text(LIMITS.longText, 1) }).strict();

/**
 * What submission requires beyond a draft. Missing optional fields never block it;
 * they only lower the completeness shown to DIG.
 */
export const submittable = z.object({
  title: z.string().min(3, { message: "required" }),
  need: z.string({ message: "required" }).min(10, { message: "needTooShort" }),
  ownerDepartmentId: z.string({ message: "required" }).min(1, { message: "required" }),
  benefitRecipient: z.enum(BENEFIT_RECIPIENTS, { message: "chooseOne" }),
  nature: z.enum(NATURES, { message: "chooseOne" }),
});

/** Classification fields that DIG, leadership and admin may correct on any initiative. */
export const classificationInput = z
  .object({
    version,
    benefitRecipient: z.enum(BENEFIT_RECIPIENTS, { message: "invalidOption" }).optional(),
    nature: z.enum(NATURES, { message: "invalidOption" }).optional(),
    isReplacement: z.boolean().optional(),
    programId: id.nullable().optional(),
  })
  .strict();

export const SORTS = ["updated", "created", "title", "number", "cost", "status"] as const;

/** The list's filter; the URL holds it so a view can be shared. */
export const initiativeFilter = z.object({
  q: searchText(200).optional().catch(undefined),
  status: z.array(z.enum(INITIATIVE_STATUSES)).optional().catch(undefined),
  department: id.optional().catch(undefined),
  quadrant: z.enum(["INTERNAL_EFFICIENCY", "INTERNAL_INNOVATION", "EXTERNAL_EFFICIENCY", "EXTERNAL_INNOVATION"]).optional().catch(undefined),
  kind: z.enum(["INFRASTRUCTURE", "BUSINESS_DEVELOPMENT"]).optional().catch(undefined),
  size: z.enum(["SMALL", "MEDIUM", "LARGE"]).optional().catch(undefined),
  goal: id.optional().catch(undefined),
  program: id.optional().catch(undefined),
  sort: z.enum(SORTS).default("updated").catch("updated"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25).catch(25),
});
export type InitiativeFilter = z.infer<typeof initiativeFilter>;

/** URLSearchParams (or Next's searchParams) → a filter; unknown values fall back to defaults. */
export function parseFilter(params: URLSearchParams | Record<string, string | string[] | undefined>): InitiativeFilter {
  const get = (key: string): string[] => {
    if (params instanceof URLSearchParams) return params.getAll(key);
    const v = params[key];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const one = (key: string) => get(key)[0] || undefined;
  const statuses = get("status").flatMap((s) => s.split(",")).filter(Boolean);
  return initiativeFilter.parse({
    q: one("q"),
    status: statuses.length ? statuses : undefined,
    department: one("department"),
    quadrant: one("quadrant"),
    kind: one("kind"),
    size: one("size"),
    goal: one("goal"),
    program: one("program"),
    sort: one("sort"),
    dir: one("dir"),
    page: one("page"),
    pageSize: one("pageSize"),
  });
}

export function filterToSearchParams(filter: Partial<InitiativeFilter>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(","));
    } else params.set(key, String(value));
  }
  return params;
}
