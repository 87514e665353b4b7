import { api, readJson } from "@/lib/server/api";
import { addScenarioToAgenda } from "@/lib/server/meetings";

export const POST = api<{ id: string }>(async ({ request, actor, params }) => ({ status: 201, data: await addScenarioToAgenda(actor, params.id, await readJson(request)) }));
