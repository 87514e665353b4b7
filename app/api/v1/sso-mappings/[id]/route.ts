import { api, readJson } from "@/lib/server/api";
import { deleteSsoMapping, updateSsoMapping } from "@/lib/server/sso";

export const PATCH = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await updateSsoMapping(actor, params.id, await readJson(request)) }));

export const DELETE = api<{ id: string }>(async ({ actor, params }) => ({ data: await deleteSsoMapping(actor, params.id) }));
