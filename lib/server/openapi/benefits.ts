// Benefit realisation under /api/v1: benefit plans, measurements, follow-ups, realised against
// planned, and their settings, as OpenAPI paths.
import { z } from "zod";
import {
  benefitCreateInput, benefitPlanResult, benefitResult, benefitSettingsSchema, benefitUpdateInput, followUpCompleteInput, followUpList, followUpPostponeInput, followUpQuery,
  followUpResult, measurementInput, measurementResult, noBenefitReasonInput, realisationQuery, realisationResult,
} from "@/lib/validation/benefits";
import { error, FORMULAS_NEUTRALISED, json, op, type Paths } from "./common";

const pathId = (what: string) => ({ path: z.object({ id: z.string().meta({ description: `${what} id` }) }) });
const notFound = (what: string) => ({ "404": error(`No such ${what}`) });
const conflict = (description: string) => ({ "409": error(description) });

export const benefitsPaths: Paths = {
  "/api/v1/initiatives/{id}/benefits": {
    get: op({ operationId: "getBenefitPlan", summary: "The initiative's benefit plan: each benefit's owner, indicator, baseline and target, its measurements, follow-ups and what is realised", requestParams: pathId("Initiative"), responses: { "200": { description: "The plan", ...json(benefitPlanResult) }, ...notFound("initiative") } }),
    post: op({
      operationId: "createBenefit",
      summary: "Add a benefit with its plan (the owning department, DIG, leadership, admin); a delivered initiative's benefit with an owner gets its follow-ups at once",
      requestParams: pathId("Initiative"),
      requestBody: json(benefitCreateInput),
      responses: { "201": { description: "Added", ...json(benefitResult) }, ...notFound("initiative") },
    }),
  },
  "/api/v1/initiatives/{id}/no-benefit-reason": {
    put: op({
      operationId: "setNoBenefitReason",
      summary: "Record (or clear) why no benefit is followed up: an initiative is finished with a benefit that has an owner and a target, or with this reason",
      requestParams: pathId("Initiative"),
      requestBody: json(noBenefitReasonInput),
      responses: { "200": { description: "Saved", ...json(z.object({ data: z.object({ version: z.number().int(), noBenefitReason: z.string().nullable() }) })) }, ...notFound("initiative"), ...conflict("VERSION_CONFLICT") },
    }),
  },
  "/api/v1/benefits/{id}": {
    patch: op({
      operationId: "updateBenefit",
      summary: "Change a benefit's plan; name the version you read. A new owner is told",
      requestParams: pathId("Benefit"),
      requestBody: json(benefitUpdateInput),
      responses: { "200": { description: "Saved", ...json(benefitResult) }, ...notFound("benefit"), ...conflict("VERSION_CONFLICT") },
    }),
    delete: op({
      operationId: "deleteBenefit",
      summary: "Remove a benefit without measurements (registered by mistake)",
      requestParams: pathId("Benefit"),
      responses: { "200": { description: "Removed", ...json(z.object({ data: z.object({ id: z.string() }) })) }, ...notFound("benefit"), ...conflict("HAS_MEASUREMENTS") },
    }),
  },
  "/api/v1/benefits/{id}/measurements": {
    post: op({
      operationId: "recordMeasurement",
      summary: "Record a measured value (the benefit's owner, the owning department's managers, DIG, admin). Never overwrites: a correction names the entry it corrects. 400 with the field named for a date in the future or before the baseline, or another unit than the benefit's",
      requestParams: pathId("Benefit"),
      requestBody: json(measurementInput),
      responses: { "201": { description: "Recorded", ...json(measurementResult) }, ...notFound("benefit") },
    }),
  },
  "/api/v1/follow-ups": {
    get: op({ operationId: "listFollowUps", summary: "Follow-ups of benefits: mine, my department's or everyone's (DIG, leadership, admin), open, due, overdue or done", requestParams: { query: followUpQuery }, responses: { "200": { description: "Follow-ups, oldest due first", ...json(followUpList) } } }),
  },
  "/api/v1/follow-ups/{id}/complete": {
    post: op({
      operationId: "completeFollowUp",
      summary: "Answer a follow-up: an assessment (realised, partly, not realised, too early), a comment and the measurement it asks for",
      requestParams: pathId("Follow-up"),
      requestBody: json(followUpCompleteInput),
      responses: { "200": { description: "Answered", ...json(followUpResult) }, ...notFound("follow-up"), ...conflict("FOLLOW_UP_DONE or VERSION_CONFLICT") },
    }),
  },
  "/api/v1/follow-ups/{id}/postpone": {
    post: op({
      operationId: "postponeFollowUp",
      summary: "Move a follow-up's due date, once, with a reason",
      requestParams: pathId("Follow-up"),
      requestBody: json(followUpPostponeInput),
      responses: { "200": { description: "Postponed", ...json(followUpResult) }, ...notFound("follow-up"), ...conflict("ALREADY_POSTPONED, FOLLOW_UP_DONE or VERSION_CONFLICT") },
    }),
  },
  "/api/v1/benefit-realisation": {
    get: op({
      operationId: "benefitRealisation",
      summary: "Realised against planned yearly benefit (SEK and hours) of the decided initiatives, with the share of follow-ups done on time, per initiative, program, department, PIOS quadrant or year of delivery",
      requestParams: { query: realisationQuery },
      responses: { "200": { description: "The figures", ...json(realisationResult) } },
    }),
  },
  "/api/v1/benefit-realisation/export": {
    get: op({
      operationId: "exportBenefitRealisation",
      summary: "The same figures as CSV (semicolon-separated, UTF-8 with BOM) or Excel, with headers in the reader's language",
      description: FORMULAS_NEUTRALISED,
      requestParams: { query: realisationQuery.extend({ format: z.enum(["csv", "xlsx"]).default("csv"), lang: z.enum(["sv", "en"]).optional() }) },
      responses: {
        "200": { description: "The file", content: { "text/csv": { schema: z.string() }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().meta({ format: "binary" }) } } },
      },
    }),
  },
  "/api/v1/settings/benefits": {
    get: op({ operationId: "getBenefitSettings", summary: "When follow-ups fall due after delivery and when they count as overdue", responses: { "200": { description: "Settings", ...json(z.object({ data: benefitSettingsSchema })) } } }),
    put: op({ operationId: "updateBenefitSettings", summary: "Set the follow-up months and the overdue limit (DIG, admin); scheduled follow-ups keep their dates", requestBody: json(benefitSettingsSchema), responses: { "200": { description: "Saved", ...json(z.object({ data: benefitSettingsSchema })) } } }),
  },
};
