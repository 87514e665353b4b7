import { api, readJson } from "@/lib/server/api";
import { getUser, updateUser } from "@/lib/server/users";

export const GET = api<{ id: string }>(async ({ actor, params }) => ({ data: await getUser(actor, params.id) }));

export const PATCH = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await updateUser(actor, params.id, await readJson(request)) }));
