import { api, readJson } from "@/lib/server/api";
import { completeFollowUp } from "@/lib/server/benefits";

export const POST = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await completeFollowUp(actor, params.id, await readJson(request)) }));
