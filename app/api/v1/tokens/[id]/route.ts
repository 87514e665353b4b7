import { api } from "@/lib/server/api";
import { revokeToken } from "@/lib/server/api-tokens";

/** Revokes the token (idempotent: a revoked token stays revoked). */
export const DELETE = api<{ id: string }>(async ({ actor, params }) => ({ data: await revokeToken(actor, params.id) }));
