// /api/v1/programs, /api/v1/roadmap and an initiative's plan and delivery steps: the OpenAPI paths.
import { z } from "zod";
import { versionResult } from "@/lib/validation/api";
import { INITIATIVE_STATUSES } from "@/lib/validation/initiative";
import {
  membershipResult,
  planInput,
  programDetail,
  programInput,
  programList,
  programMembershipInput,
  programSaved,
  roadmapResponse,
  transitionInput,
  updateProgramInput,
} from "@/lib/validation/programs";
import { error, idParam, json, op, type Paths } from "./common";

const programParam = { path: z.object({ id: z.string().meta({ description: "Program id" }) }) };

const roadmapQuery = z.object({
  groupBy: z.enum(["program", "department"]).optional().meta({ description: "Default program; initiatives without a program form the group with key \"\"" }),
  status: z.string().optional().meta({ description: "Statuses, comma separated (TRIAGED, APPROVED, IN_PROGRESS, PAUSED, DONE, DEFERRED); default APPROVED,IN_PROGRESS,PAUSED" }),
  department: z.string().optional().meta({ description: "Owner department id" }),
  program: z.string().optional().meta({ description: "Program id" }),
  from: z.string().optional().meta({ description: "First quarter, YYYY-Qn; default the current quarter" }),
  to: z.string().optional().meta({ description: "Last quarter, YYYY-Qn; default eight quarters in all, at most twelve" }),
  page: z.number().int().optional().meta({ description: "Page of 100 scheduled initiatives" }),
});

export const programsPaths: Paths = {
  "/api/v1/programs": {
    get: op({ operationId: "listPrograms", summary: "Programs with their totals (cost, effort, yearly benefit, count per status)", responses: { "200": { description: "Programs by name", ...json(programList) } } }),
    post: op({
      operationId: "createProgram",
      summary: "Create a program: name, target state (målbild), leader, council, goals (DIG, leadership, admin)",
      requestBody: json(programInput),
      responses: { "201": { description: "Created", ...json(programSaved) }, "409": error("The name is taken (NAME_TAKEN)") },
    }),
  },
  "/api/v1/programs/{id}": {
    get: op({ operationId: "getProgram", summary: "One program with its initiatives and totals", requestParams: programParam, responses: { "200": { description: "The program", ...json(z.object({ data: programDetail })) }, "404": error("No such program") } }),
    patch: op({
      operationId: "updateProgram",
      summary: "Edit a program; send the updatedAt you read (DIG, leadership, admin)",
      requestParams: programParam,
      requestBody: json(updateProgramInput),
      responses: { "200": { description: "Saved", ...json(programSaved) }, "404": error("No such program"), "409": error("Someone saved a newer version (VERSION_CONFLICT, current values included) or the name is taken (NAME_TAKEN)") },
    }),
  },
  "/api/v1/programs/{id}/initiatives": {
    post: op({
      operationId: "addProgramInitiatives",
      summary: "Add initiatives to the program; one already in another program is refused (move it with the initiative's classification instead)",
      requestParams: programParam,
      requestBody: json(programMembershipInput),
      responses: { "200": { description: "The initiatives newly added", ...json(membershipResult) }, "404": error("No such program"), "409": error("An initiative belongs to another program (IN_OTHER_PROGRAM, their ids in current.initiativeIds); nothing was written") },
    }),
  },
  "/api/v1/programs/{id}/initiatives/{initiativeId}": {
    delete: op({
      operationId: "removeProgramInitiative",
      summary: "Take an initiative out of the program",
      requestParams: { path: z.object({ id: z.string().meta({ description: "Program id" }), initiativeId: z.string().meta({ description: "Initiative id" }) }) },
      responses: { "200": { description: "Removed", ...json(membershipResult) }, "404": error("The initiative is not in this program") },
    }),
  },
  "/api/v1/roadmap": {
    get: op({
      operationId: "roadmap",
      summary: "Initiatives as bars over a window of quarters, grouped by program or department (planned start–end; the desired start as one quarter when there is no plan)",
      requestParams: { query: roadmapQuery },
      responses: { "200": { description: "The roadmap", ...json(roadmapResponse) } },
    }),
  },
  "/api/v1/initiatives/{id}/plan": {
    patch: op({
      operationId: "planInitiative",
      summary: "Set or clear the planned start and end quarters (DIG, leadership, admin); end not before start",
      requestParams: idParam,
      requestBody: json(planInput),
      responses: { "200": { description: "Saved", ...json(versionResult) }, "404": error("No such initiative"), "409": error("Stale version (VERSION_CONFLICT) or a finished initiative (INVALID_STATUS)") },
    }),
  },
  "/api/v1/initiatives/{id}/transition": {
    post: op({
      operationId: "transitionInitiative",
      summary:
        "Start work (APPROVED → IN_PROGRESS), pause (→ PAUSED, reason required), resume (PAUSED → IN_PROGRESS), finish (IN_PROGRESS → DONE) or cancel (→ CANCELLED, reason required). Central roles take every step; the owning department's managers may pause and finish.",
      requestParams: idParam,
      requestBody: json(transitionInput),
      responses: {
        "200": { description: "Moved", ...json(z.object({ data: z.object({ version: z.number().int(), status: z.enum(INITIATIVE_STATUSES) }) })) },
        "404": error("No such initiative"),
        "409": error("The current status does not allow this step (INVALID_TRANSITION) or the version is stale (VERSION_CONFLICT)"),
      },
    }),
  },
};
