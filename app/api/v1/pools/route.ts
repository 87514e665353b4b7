import { api, readJson } from "@/lib/server/api";
import { createPool, listPools } from "@/lib/server/resources";

export const GET = api(async ({ actor }) => ({ data: await listPools(actor) }));

export const POST = api(async ({ request, actor }) => ({ status: 201, data: await createPool(actor, await readJson(request)) }));
