import { api, readJson } from "@/lib/server/api";
import { getInitiative, updateInitiative } from "@/lib/server/initiatives";

export const GET = api<{ id: string }>(async ({ actor, params }) => ({ data: await getInitiative(actor, params.id) }));

export const PATCH = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await updateInitiative(actor, params.id, await readJson(request)) }));
