import { api, readJson } from "@/lib/server/api";
import { planInitiative } from "@/lib/server/lifecycle";

export const PATCH = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await planInitiative(actor, params.id, await readJson(request)) }));
