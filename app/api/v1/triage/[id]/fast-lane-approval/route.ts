import { api, readJson } from "@/lib/server/api";
import { approveInFastLane } from "@/lib/server/triage";

export const POST = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await approveInFastLane(actor, params.id, await readJson(request)) }));
