import { api } from "@/lib/server/api";
import { getRun } from "@/lib/server/optimiser/run";

export const GET = api<{ id: string; runId: string }>(async ({ actor, params }) => ({ data: await getRun(actor, params.id, params.runId) }));
