// /api/v1/portfolio: the OpenAPI paths.
import { z } from "zod";
import { rankingResponse } from "@/lib/validation/api";
import { balanceTargetInput } from "@/lib/validation/portfolio";
import { json, op, type Paths } from "./common";

export const portfolioPaths: Paths = {
  "/api/v1/portfolio/ranking": {
    get: op({ operationId: "portfolioRanking", summary: "Triaged, approved and running initiatives ranked by benefit score, with each score's breakdown", responses: { "200": { description: "The ranking", ...json(rankingResponse) } } }),
  },
  "/api/v1/portfolio/balance-target": {
    put: op({ operationId: "setBalanceTarget", summary: "Set a year's target balance: four whole percentages summing to 100 (leadership, admin)", requestBody: json(balanceTargetInput), responses: { "200": { description: "Saved", ...json(z.object({ data: balanceTargetInput })) } } }),
  },
};
