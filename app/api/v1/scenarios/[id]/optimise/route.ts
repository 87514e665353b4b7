import { api, readOptionalJson } from "@/lib/server/api";
import { startOptimiserRun } from "@/lib/server/optimiser/run";

/** Starts the optimiser: 202 with the run; follow it at /api/v1/scenarios/{id}/runs/{runId}. */
export const POST = api<{ id: string }>(async ({ request, actor, params }) => ({ status: 202, data: await startOptimiserRun(actor, params.id, await readOptionalJson(request)) }));
