import { api, readJson } from "@/lib/server/api";
import { decideTriage } from "@/lib/server/triage";

export const POST = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await decideTriage(actor, params.id, await readJson(request)) }));
