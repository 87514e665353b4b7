import { api, readJson } from "@/lib/server/api";
import { postponeFollowUp } from "@/lib/server/benefits";

export const POST = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await postponeFollowUp(actor, params.id, await readJson(request)) }));
