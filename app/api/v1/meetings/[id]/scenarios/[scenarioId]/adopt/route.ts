import { api, readJson } from "@/lib/server/api";
import { adoptScenario } from "@/lib/server/meetings";

export const POST = api<{ id: string; scenarioId: string }>(async ({ request, actor, params }) => ({ status: 201, data: await adoptScenario(actor, params.id, params.scenarioId, await readJson(request)) }));
