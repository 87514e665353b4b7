import { api, readJson } from "@/lib/server/api";
import { requestInfo } from "@/lib/server/triage";

export const POST = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await requestInfo(actor, params.id, await readJson(request)) }));
