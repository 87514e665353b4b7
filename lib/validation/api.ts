// Response shapes of the open API, as zod schemas: the OpenAPI document is generated
// from these and from the input schemas the use cases validate with.
import { z } from "zod";
import { BENEFIT_CATEGORIES, BENEFIT_CERTAINTIES, BENEFIT_RECIPIENTS, INITIATIVE_STATUSES, NATURES } from "./initiative";

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "VALIDATION_FAILED" }),
      message: z.string(),
      issues: z.array(z.object({ path: z.string().meta({ example: "estimatedCostSek" }), message: z.string().meta({ example: "negative" }) })).optional(),
      current: z.record(z.string(), z.unknown()).optional().meta({ description: "On a version conflict: the newer stored values." }),
      usage: z.record(z.string(), z.number().int()).optional().meta({ description: "On IN_USE: how many records of each kind refer to it." }),
    }),
  })
  .meta({ id: "Error" });

const ref = z.object({ id: z.string(), name: z.string() });
const status = z.enum(INITIATIVE_STATUSES);
const quadrant = z.enum(["INTERNAL_EFFICIENCY", "INTERNAL_INNOVATION", "EXTERNAL_EFFICIENCY", "EXTERNAL_INNOVATION"]).nullable();

export const initiativeListItem = z
  .object({
    id: z.string(),
    number: z.number().int(),
    title: z.string(),
    status,
    benefitRecipient: z.enum(BENEFIT_RECIPIENTS).nullable(),
    nature: z.enum(NATURES).nullable(),
    quadrant,
    estimatedCostSek: z.number().int().nullable(),
    estimatedEffortHours: z.number().int().nullable(),
    desiredStartQuarter: z.string().nullable(),
    updatedAt: z.string().meta({ format: "date-time" }),
    ownerDepartment: ref,
    program: ref.nullable(),
    triage: z.array(z.object({ kind: z.string(), size: z.string(), track: z.string() })),
  })
  .meta({ id: "InitiativeListItem" });

export const initiativeList = z
  .object({ data: z.array(initiativeListItem), page: z.number().int(), pageSize: z.number().int(), total: z.number().int(), pages: z.number().int() })
  .meta({ id: "InitiativeList" });

export const initiativeDetail = z
  .object({
    id: z.string(),
    number: z.number().int(),
    version: z.number().int(),
    title: z.string(),
    need: z.string(),
    status,
    benefitRecipient: z.enum(BENEFIT_RECIPIENTS).nullable(),
    nature: z.enum(NATURES).nullable(),
    ownerDepartment: ref,
    estimatedCostSek: z.number().int().nullable(),
    estimatedEffortHours: z.number().int().nullable(),
    desiredStartQuarter: z.string().nullable(),
    isReplacement: z.boolean(),
    involvesProcurement: z.boolean(),
    goals: z.array(z.looseObject({ goalId: z.string(), alignment: z.number().int(), goal: z.looseObject({ id: z.string(), code: z.string(), title: z.string() }) })),
    benefits: z.array(
      z.looseObject({ id: z.string(), category: z.enum(BENEFIT_CATEGORIES), description: z.string(), annualValueSek: z.number().int().nullable(), annualHours: z.number().int().nullable(), certainty: z.enum(BENEFIT_CERTAINTIES) }),
    ),
    statusChanges: z.array(z.looseObject({ fromStatus: status.nullable(), toStatus: status, at: z.string(), reason: z.string().nullable() })),
    comments: z.array(z.looseObject({ id: z.string(), body: z.string(), createdAt: z.string() })),
  })
  // Open: the answer carries every stored field, not only those described here.
  .loose()
  .meta({ id: "Initiative", description: "An initiative with its children; further stored fields are included as well." });

export const versionResult = z.object({ data: z.object({ version: z.number().int() }) }).meta({ id: "VersionResult" });
export const createdInitiative = z.object({ data: z.object({ id: z.string(), number: z.number().int(), version: z.number().int() }) }).meta({ id: "CreatedInitiative" });
export const createdComment = z.object({ data: z.object({ id: z.string() }) }).meta({ id: "CreatedComment" });
export const commentList = z.object({ data: z.array(z.object({ id: z.string(), body: z.string(), author: z.string().nullable(), createdAt: z.string() })) }).meta({ id: "CommentList" });
export const health = z.object({ status: z.literal("ok") });

const reason = z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export const suggestion = z
  .object({
    kind: z.object({ value: z.enum(["INFRASTRUCTURE", "BUSINESS_DEVELOPMENT"]), confidence: z.number(), reasons: z.array(reason) }),
    size: z.object({ value: z.enum(["SMALL", "MEDIUM", "LARGE"]).nullable(), confidence: z.number(), reasons: z.array(reason) }),
    quadrant: z.object({ stated: quadrant, suggested: quadrant, flagged: z.boolean(), reasons: z.array(reason) }),
    track: z.object({ value: z.enum(["FAST_LANE", "PORTFOLIO", "TECHNICAL"]).nullable(), reasons: z.array(reason) }),
  })
  .meta({ id: "Suggestion" });

export const triageQueueResponse = z
  .object({
    data: z.array(
      z.object({
        id: z.string(), number: z.number().int(), title: z.string(), department: z.string(), daysWaiting: z.number().int(),
        submittedAt: z.string().nullable(), completeness: z.number().int(), suggestion, checks: z.array(z.string()),
        missing: z.array(z.string()).meta({ description: "What the description still lacks (completeness items, e.g. cost, benefits)" }),
      }),
    ),
    flow: z.object({ count: z.number().int(), median: z.number().nullable(), p90: z.number().nullable() }).meta({ description: "Days from submission to triage over the last 90 days" }),
  })
  .meta({ id: "TriageQueue" });

export const suggestionResponse = z
  .object({ data: z.object({ initiativeId: z.string(), status, version: z.number().int(), suggestion, checks: z.array(z.string()), completeness: z.number().int() }) })
  .meta({ id: "TriageSuggestion" });

const rankedInitiative = z
  .object({
    position: z.number().int(), id: z.string(), number: z.number().int(), title: z.string(), status, department: z.string(), quadrant,
    estimatedCostSek: z.number().int().nullable(), estimatedEffortHours: z.number().int().nullable(),
    manualRank: z.number().int().nullable().meta({ description: "Leadership's manual place (absolute position), null when the score decides" }),
    version: z.number().int().meta({ description: "Send it back when moving the initiative in the ranking" }),
    score: z.object({
      total: z.number(),
      components: z.array(z.object({ key: z.enum(["alignment", "benefit", "reach", "urgency", "risk"]), value: z.number(), weight: z.number(), points: z.number(), unknown: z.boolean() })),
    }),
  })
  .meta({ id: "RankedInitiative" });

export const rankingResponse = z.object({ data: z.array(rankedInitiative) }).meta({ id: "PortfolioRanking" });
export const rankedInitiativeResponse = z.object({ data: rankedInitiative });
export const rankingMoveResult = z.object({ data: z.object({ version: z.number().int(), position: z.number().int().nullable() }) });

const percent = z.number();
export const portfolioMetricsResponse = z
  .object({
    data: z.object({
      year: z.number().int(),
      weightBy: z.enum(["cost", "effort", "count"]),
      balance: z.object({
        quadrants: z.array(z.object({ quadrant: quadrant.unwrap(), amount: z.number(), actualPercent: percent, targetPercent: percent.nullable(), deviation: z.number().nullable() })),
        total: z.number(),
        excluded: z.number().int(),
      }),
      backlog: z.object({
        now: z.object({ approved: z.number().int(), active: z.number().int(), ratio: z.number().nullable() }),
        byQuarter: z.array(z.object({ quarter: z.string(), approved: z.number().int(), active: z.number().int(), ratio: z.number().nullable() })),
      }),
      equity: z.array(z.object({ department: z.string(), resourceShare: percent, demandShare: percent, benefitShare: percent, gap: z.number(), benefitGap: z.number() })),
    }),
  })
  .meta({ id: "PortfolioMetrics" });
