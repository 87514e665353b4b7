// /api/v1/settings: the OpenAPI paths.
import { z } from "zod";
import { scoreWeightsSchema, triageSettingsSchema } from "@/lib/validation/settings";
import { json, op, type Paths } from "./common";

export const settingsPaths: Paths = {
  "/api/v1/settings/triage": {
    get: op({ operationId: "getTriageSettings", summary: "Size thresholds, routing rules, delegation limit and vocabulary", responses: { "200": { description: "Settings", ...json(z.object({ data: triageSettingsSchema })) } } }),
    put: op({ operationId: "updateTriageSettings", summary: "Replace the triage settings (DIG, admin)", requestBody: json(triageSettingsSchema), responses: { "200": { description: "Saved", ...json(z.object({ data: triageSettingsSchema })) } } }),
  },
  "/api/v1/settings/score-weights": {
    get: op({ operationId: "getScoreWeights", summary: "Weights of the benefit score's components", responses: { "200": { description: "Weights", ...json(z.object({ data: scoreWeightsSchema })) } } }),
    put: op({ operationId: "updateScoreWeights", summary: "Set the score weights, 0–10 each, not all zero (leadership, admin)", requestBody: json(scoreWeightsSchema), responses: { "200": { description: "Saved", ...json(z.object({ data: scoreWeightsSchema })) } } }),
  },
};
