import { api, readJson } from "@/lib/server/api";
import { submitInitiative } from "@/lib/server/initiatives";

export const POST = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await submitInitiative(actor, params.id, await readJson(request)) }));
