// /api/v1/scenarios: what-if scenarios of the portfolio, the optimiser and its runs, comparison,
// and their adoption by a portfolio meeting. The OpenAPI paths.
import { z } from "zod";
import {
  adoptResult, adoptScenarioInput, compareQuery, compareResult, optimiseInput, optimiserRunResult, scenarioAgendaInput, scenarioCreateInput, scenarioDetailResult, scenarioList,
  scenarioResult, scenarioUpdateInput,
} from "@/lib/validation/scenarios";
import { error, json, op, type Paths } from "./common";

const scenarioParam = { path: z.object({ id: z.string().meta({ description: "Scenario id" }) }) };
const notFound = { "404": error("No such scenario") };

export const scenariosPaths: Paths = {
  "/api/v1/scenarios": {
    get: op({ operationId: "listScenarios", summary: "Every what-if scenario, latest changed first (everyone reads)", responses: { "200": { description: "Scenarios", ...json(scenarioList) } } }),
    post: op({
      operationId: "createScenario",
      summary: "Create a scenario (leadership, DIG, admin): initiatives included or excluded, starts fixed, capacity changed, weights, balance tolerance and equity floor. Unknown initiatives or pools are refused naming them",
      requestBody: json(scenarioCreateInput),
      responses: { "201": { description: "Created", ...json(scenarioResult) } },
    }),
  },
  "/api/v1/scenarios/compare": {
    get: op({
      operationId: "compareScenarios",
      summary: "One to four scenarios side by side with the live portfolio: benefit score, yearly benefit, PIOS balance against the target, pool load per quarter, department equity, what each drops",
      requestParams: { query: compareQuery },
      responses: { "200": { description: "The comparison", ...json(compareResult) } },
    }),
  },
  "/api/v1/scenarios/{id}": {
    get: op({ operationId: "getScenario", summary: "A scenario with its plan (the latest optimiser run on this version, else the live portfolio with its changes) measured beside the live portfolio", requestParams: scenarioParam, responses: { "200": { description: "The scenario", ...json(scenarioDetailResult) }, ...notFound } }),
    patch: op({
      operationId: "updateScenario",
      summary: "Change a scenario; name the version you read (409 VERSION_CONFLICT if someone changed it first; 409 SCENARIO_ADOPTED once adopted)",
      requestParams: scenarioParam,
      requestBody: json(scenarioUpdateInput),
      responses: { "200": { description: "Saved", ...json(scenarioResult) }, ...notFound, "409": error("VERSION_CONFLICT or SCENARIO_ADOPTED") },
    }),
    delete: op({
      operationId: "deleteScenario",
      summary: "Remove a scenario that is neither on a meeting's agenda nor adopted",
      requestParams: scenarioParam,
      responses: { "200": { description: "Removed", ...json(z.object({ data: z.object({ id: z.string() }) })) }, ...notFound, "409": error("SCENARIO_IN_USE") },
    }),
  },
  "/api/v1/scenarios/{id}/optimise": {
    post: op({
      operationId: "optimiseScenario",
      summary: "Run the optimiser (HiGHS, off the request thread) on the scenario: the plan of most benefit score within capacity, balance, equity, dependencies and forced or running initiatives. Answers at once with the run; read it until DONE",
      requestParams: scenarioParam,
      requestBody: { required: false, ...json(optimiseInput) },
      responses: { "202": { description: "Started", ...json(optimiserRunResult) }, ...notFound, "409": error("RUN_IN_PROGRESS, VERSION_CONFLICT or SCENARIO_ADOPTED") },
    }),
  },
  "/api/v1/scenarios/{id}/runs/{runId}": {
    get: op({
      operationId: "getOptimiserRun",
      summary: "An optimiser run: its progress while running; when done its plan, gap, the greedy baseline, why each initiative left out is out, or the conflicting constraints",
      requestParams: { path: z.object({ id: z.string().meta({ description: "Scenario id" }), runId: z.string().meta({ description: "Run id" }) }) },
      responses: { "200": { description: "The run", ...json(optimiserRunResult) }, "404": error("No such run") },
    }),
  },
  "/api/v1/meetings/{id}/scenarios": {
    post: op({
      operationId: "addScenarioToAgenda",
      summary: "Put a scenario on a planned meeting's agenda, for the meeting to adopt (leadership, admin)",
      requestParams: { path: z.object({ id: z.string().meta({ description: "Meeting id" }) }) },
      requestBody: json(scenarioAgendaInput),
      responses: { "201": { description: "On the agenda", ...json(z.object({ data: z.object({ id: z.string() }) })) }, "404": error("No such meeting"), "409": error("MEETING_CLOSED, ALREADY_ON_AGENDA or SCENARIO_ADOPTED") },
    }),
  },
  "/api/v1/meetings/{id}/scenarios/{scenarioId}/adopt": {
    post: op({
      operationId: "adoptScenario",
      summary: "The meeting adopts the scenario: its plan becomes recorded decisions (approve what it adds, defer the approved ones it drops, move starts), with the rationale, all or nothing (leadership, admin)",
      requestParams: { path: z.object({ id: z.string().meta({ description: "Meeting id" }), scenarioId: z.string().meta({ description: "Scenario id" }) }) },
      requestBody: json(adoptScenarioInput),
      responses: {
        "201": { description: "Adopted", ...json(adoptResult) },
        "404": error("No such meeting or scenario"),
        "409": error("MEETING_CLOSED, SCENARIO_ADOPTED, VERSION_CONFLICT or PORTFOLIO_CHANGED (an initiative is no longer where the plan assumed; nothing was written)"),
      },
    }),
  },
};
