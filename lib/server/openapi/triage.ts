// /api/v1/triage: the OpenAPI paths.
import { suggestionResponse, triageQueueResponse, versionResult } from "@/lib/validation/api";
import { fastLaneApprovalInput, requestInfoInput, triageDecisionInput } from "@/lib/validation/triage";
import { error, idParam, json, op, type Paths } from "./common";

export const triagePaths: Paths = {
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
};
