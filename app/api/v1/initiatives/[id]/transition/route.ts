import { api, readJson } from "@/lib/server/api";
import { progressInitiative } from "@/lib/server/lifecycle";

export const POST = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await progressInitiative(actor, params.id, await readJson(request)) }));
