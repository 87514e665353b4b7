import { api, readJson } from "@/lib/server/api";
import { createScenario, listScenarios } from "@/lib/server/scenarios";

export const GET = api(async ({ actor }) => ({ data: await listScenarios(actor) }));

export const POST = api(async ({ request, actor }) => ({ status: 201, data: await createScenario(actor, await readJson(request)) }));
