// /api/v1/portfolio: the OpenAPI paths.
import { z } from "zod";
import { portfolioMetricsResponse, rankedInitiativeResponse, rankingMoveResult, rankingResponse } from "@/lib/validation/api";
import { initiativeFilter } from "@/lib/validation/initiative";
import { balanceTargetInput, rankingMoveInput } from "@/lib/validation/portfolio";
import { error, idParam, json, op, type Paths } from "./common";

const rankingQuery = initiativeFilter.pick({ q: true, department: true, quadrant: true, kind: true, size: true, goal: true, program: true });

export const portfolioPaths: Paths = {
  "/api/v1/portfolio/ranking": {
    get: op({
      operationId: "portfolioRanking",
      summary: "Triaged, approved and running initiatives ranked by benefit score, with each score's breakdown; filters narrow the list but keep each place",
      requestParams: { query: rankingQuery },
      responses: { "200": { description: "The ranking", ...json(rankingResponse) } },
    }),
  },
  "/api/v1/portfolio/ranking/{id}": {
    get: op({ operationId: "rankedInitiative", summary: "One initiative's place and score breakdown", requestParams: idParam, responses: { "200": { description: "Place and score", ...json(rankedInitiativeResponse) }, "404": error("Not in the portfolio") } }),
    put: op({
      operationId: "moveInRanking",
      summary: "Place an initiative at a position in the whole ranking (null = back to score order), with a rationale (leadership, admin)",
      requestParams: idParam,
      requestBody: json(rankingMoveInput),
      responses: { "200": { description: "Moved", ...json(rankingMoveResult) }, "404": error("No such initiative"), "409": error("Someone else moved it first (stale version), or it is not in the portfolio") },
    }),
  },
  "/api/v1/portfolio/metrics": {
    get: op({
      operationId: "portfolioMetrics",
      summary: "PIOS balance against the year's target, backlog ratio now and per quarter, and department equity (aggregates)",
      requestParams: { query: z.object({ weightBy: z.enum(["cost", "effort", "count"]).optional(), year: z.string().regex(/^\d{4}$/).optional() }) },
      responses: { "200": { description: "The numbers", ...json(portfolioMetricsResponse) } },
    }),
  },
  "/api/v1/portfolio/balance-target": {
    put: op({ operationId: "setBalanceTarget", summary: "Set a year's target balance: four whole percentages summing to 100 (leadership, admin)", requestBody: json(balanceTargetInput), responses: { "200": { description: "Saved", ...json(z.object({ data: balanceTargetInput })) } } }),
  },
};
