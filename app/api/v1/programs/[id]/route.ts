import { api, readJson } from "@/lib/server/api";
import { getProgram, updateProgram } from "@/lib/server/programs";

export const GET = api<{ id: string }>(async ({ actor, params }) => ({ data: await getProgram(actor, params.id) }));

export const PATCH = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await updateProgram(actor, params.id, await readJson(request)) }));
