import { api, readJson } from "@/lib/server/api";
import { poolDetail, updatePool } from "@/lib/server/resources";

export const GET = api<{ id: string }>(async ({ actor, params }) => ({ data: await poolDetail(actor, params.id) }));

export const PATCH = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await updatePool(actor, params.id, await readJson(request)) }));
