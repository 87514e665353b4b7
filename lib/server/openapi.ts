// The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the API validates with.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject } from "zod-openapi";
import { commentList, createdComment, createdInitiative, errorBody, initiativeDetail, initiativeList, suggestionResponse, triageQueueResponse, versionResult } from "@/lib/validation/api";
import { scoreWeightsSchema, triageSettingsSchema } from "@/lib/validation/settings";
import { balanceTargetInput } from "@/lib/validation/portfolio";
import { rankingResponse } from "@/lib/validation/api";
import { fastLaneApprovalInput, requestInfoInput, triageDecisionInput } from "@/lib/validation/triage";
import { classificationInput, commentInput, createInitiativeInput, initiativeFilter, submitInitiativeInput, updateInitiativeInput } from "@/lib/validation/initiative";

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const error = (description: string) => ({ description, ...json(errorBody) });
const errors = {
  "400": error("Invalid input: per-field issues, malformed JSON"),
  "401": error("Not signed in"),
  "403": error("Not allowed"),
  "413": error("Body too large"),
  "415": error("Not JSON"),
};
const idParam = { path: z.object({ id: z.string().meta({ description: "Initiative id" }) }) };

const listQuery = initiativeFilter.extend({ status: z.string().optional().meta({ description: "One or more statuses, comma separated" }) });

const op = (o: ZodOpenApiOperationObject): ZodOpenApiOperationObject => ({ ...o, responses: { ...errors, ...o.responses } });

export function openApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Portföljen API",
      version: "1.0.0",
      description: "The open API of Portföljen: the municipality's portfolio of digital initiatives. Authenticate with a session cookie (or, where enabled, an API token).",
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/v1/initiatives": {
        get: op({ operationId: "listInitiatives", summary: "List initiatives (filtered, sorted, paginated)", requestParams: { query: listQuery }, responses: { "200": { description: "A page of initiatives", ...json(initiativeList) } } }),
        post: op({ operationId: "createInitiative", summary: "Register an initiative as a draft", requestBody: json(createInitiativeInput), responses: { "201": { description: "Created", ...json(createdInitiative) } } }),
      },
      "/api/v1/initiatives/{id}": {
        get: op({ operationId: "getInitiative", summary: "Read one initiative", requestParams: idParam, responses: { "200": { description: "The initiative", ...json(z.object({ data: initiativeDetail })) }, "404": error("No such initiative") } }),
        patch: op({
          operationId: "updateInitiative",
          summary: "Update a draft (or one awaiting information); send the version you read",
          requestParams: idParam,
          requestBody: json(updateInitiativeInput),
          responses: { "200": { description: "Saved", ...json(versionResult) }, "404": error("No such initiative"), "409": error("Someone else saved a newer version (current values included)") },
        }),
      },
      "/api/v1/initiatives/{id}/submit": {
        post: op({
          operationId: "submitInitiative",
          summary: "Submit a draft to DIG",
          requestParams: idParam,
          requestBody: json(submitInitiativeInput),
          responses: { "200": { description: "Submitted", ...json(versionResult) }, "404": error("No such initiative"), "409": error("Stale version or wrong status") },
        }),
      },
      "/api/v1/initiatives/{id}/classification": {
        patch: op({
          operationId: "classifyInitiative",
          summary: "Correct the classification (DIG, leadership, admin)",
          requestParams: idParam,
          requestBody: json(classificationInput),
          responses: { "200": { description: "Saved", ...json(versionResult) }, "404": error("No such initiative"), "409": error("Stale version") },
        }),
      },
      "/api/v1/initiatives/{id}/comments": {
        get: op({ operationId: "listComments", summary: "The comment thread", requestParams: idParam, responses: { "200": { description: "Comments, oldest first", ...json(commentList) }, "404": error("No such initiative") } }),
        post: op({ operationId: "addComment", summary: "Add a comment", requestParams: idParam, requestBody: json(commentInput), responses: { "201": { description: "Added", ...json(createdComment) }, "404": error("No such initiative") } }),
      },
      "/api/v1/triage/queue": {
        get: op({ operationId: "triageQueue", summary: "Submitted initiatives, oldest first, with suggestions and flow numbers (DIG, admin)", responses: { "200": { description: "The queue", ...json(triageQueueResponse) } } }),
      },
      "/api/v1/triage/{id}/suggestion": {
        get: op({ operationId: "triageSuggestion", summary: "The classifier's suggestion for one initiative, with reasons", requestParams: idParam, responses: { "200": { description: "Suggestion", ...json(suggestionResponse) }, "404": error("No such initiative") } }),
      },
      "/api/v1/triage/{id}/decision": {
        post: op({
          operationId: "decideTriage",
          summary: "Confirm or override the classification (override needs a reason); sets TRIAGED",
          requestParams: idParam,
          requestBody: json(triageDecisionInput),
          responses: { "200": { description: "Triaged", ...json(versionResult) }, "404": error("No such initiative"), "409": error("Not SUBMITTED, or someone else triaged it first") },
        }),
      },
      "/api/v1/triage/{id}/request-info": {
        post: op({
          operationId: "requestInfo",
          summary: "Ask the department for more information; sets NEEDS_INFO and notifies it",
          requestParams: idParam,
          requestBody: json(requestInfoInput),
          responses: { "200": { description: "Requested", ...json(versionResult) }, "404": error("No such initiative"), "409": error("Not SUBMITTED, or stale version") },
        }),
      },
      "/api/v1/triage/{id}/fast-lane-approval": {
        post: op({
          operationId: "approveInFastLane",
          summary: "Approve small business development under delegation (within the cost limit)",
          requestParams: idParam,
          requestBody: json(fastLaneApprovalInput),
          responses: { "200": { description: "Approved", ...json(versionResult) }, "404": error("No such initiative"), "409": error("Not SUBMITTED, or stale version") },
        }),
      },
      "/api/v1/settings/triage": {
        get: op({ operationId: "getTriageSettings", summary: "Size thresholds, routing rules, delegation limit and vocabulary", responses: { "200": { description: "Settings", ...json(z.object({ data: triageSettingsSchema })) } } }),
        put: op({ operationId: "updateTriageSettings", summary: "Replace the triage settings (DIG, admin)", requestBody: json(triageSettingsSchema), responses: { "200": { description: "Saved", ...json(z.object({ data: triageSettingsSchema })) } } }),
      },
      "/api/v1/settings/score-weights": {
        get: op({ operationId: "getScoreWeights", summary: "Weights of the benefit score's components", responses: { "200": { description: "Weights", ...json(z.object({ data: scoreWeightsSchema })) } } }),
        put: op({ operationId: "updateScoreWeights", summary: "Set the score weights, 0–10 each, not all zero (leadership, admin)", requestBody: json(scoreWeightsSchema), responses: { "200": { description: "Saved", ...json(z.object({ data: scoreWeightsSchema })) } } }),
      },
      "/api/v1/portfolio/ranking": {
        get: op({ operationId: "portfolioRanking", summary: "Triaged, approved and running initiatives ranked by benefit score, with each score's breakdown", responses: { "200": { description: "The ranking", ...json(rankingResponse) } } }),
      },
      "/api/v1/portfolio/balance-target": {
        put: op({ operationId: "setBalanceTarget", summary: "Set a year's target balance: four whole percentages summing to 100 (leadership, admin)", requestBody: json(balanceTargetInput), responses: { "200": { description: "Saved", ...json(z.object({ data: balanceTargetInput })) } } }),
      },
      "/api/v1/initiatives/export": {
        get: op({
          operationId: "exportInitiatives",
          summary: "The filtered list as CSV or Excel",
          requestParams: { query: listQuery.extend({ format: z.enum(["csv", "xlsx"]) }) },
          responses: {
            "200": {
              description: "A file",
              content: { "text/csv": { schema: z.string() }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().meta({ format: "binary" }) } },
            },
          },
        }),
      },
    },
  });
}
