// /api/v1/tokens: the OpenAPI paths.
import { z } from "zod";
import { apiTokenList, createdApiToken, createTokenInput, revokedApiToken } from "@/lib/validation/api-tokens";
import { error, json, op, type Paths } from "./common";

const tokenId = { path: z.object({ id: z.string().meta({ description: "API token id" }) }) };

export const tokensPaths: Paths = {
  "/api/v1/tokens": {
    get: op({ operationId: "listApiTokens", summary: "All API tokens with their status and last use; never the secrets (admin)", responses: { "200": { description: "Tokens, newest first", ...json(apiTokenList) } } }),
    post: op({
      operationId: "createApiToken",
      summary: "Create an API token with a role, scopes (WRITE implies READ) and an expiry at most two years ahead; the secret is in this answer only (admin)",
      requestBody: json(createTokenInput),
      responses: { "201": { description: "Created; keep the secret now, it cannot be shown again", ...json(createdApiToken) } },
    }),
  },
  "/api/v1/tokens/{id}": {
    delete: op({
      operationId: "revokeApiToken",
      summary: "Revoke a token at once; revoking a revoked token changes nothing (admin)",
      requestParams: tokenId,
      responses: { "200": { description: "Revoked", ...json(revokedApiToken) }, "404": error("No such token") },
    }),
  },
};
