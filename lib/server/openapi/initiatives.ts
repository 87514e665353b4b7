// /api/v1/initiatives: the OpenAPI paths.
import { z } from "zod";
import { commentList, createdComment, createdInitiative, initiativeDetail, initiativeList, versionResult } from "@/lib/validation/api";
import { classificationInput, commentInput, createInitiativeInput, initiativeFilter, submitInitiativeInput, updateInitiativeInput } from "@/lib/validation/initiative";
import { error, FORMULAS_NEUTRALISED, idParam, json, op, type Paths } from "./common";

const listQuery = initiativeFilter.extend({ status: z.string().optional().meta({ description: "One or more statuses, comma separated" }) });

export const initiativesPaths: Paths = {
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
  "/api/v1/initiatives/export": {
    get: op({
      operationId: "exportInitiatives",
      summary: "The filtered list as CSV or Excel",
      description: FORMULAS_NEUTRALISED,
      requestParams: { query: listQuery.extend({ format: z.enum(["csv", "xlsx"]) }) },
      responses: {
        "200": {
          description: "A file",
          content: { "text/csv": { schema: z.string() }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().meta({ format: "binary" }) } },
        },
      },
    }),
  },
};
