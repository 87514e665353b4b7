import { api, readJson } from "@/lib/server/api";
import { addProgramInitiatives } from "@/lib/server/programs";

export const POST = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await addProgramInitiatives(actor, params.id, await readJson(request)) }));
