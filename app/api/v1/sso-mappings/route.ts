import { api, readJson } from "@/lib/server/api";
import { createSsoMapping, listSsoMappings } from "@/lib/server/sso";

export const GET = api(async ({ actor }) => ({ data: await listSsoMappings(actor) }));

export const POST = api(async ({ request, actor }) => ({ status: 201, data: await createSsoMapping(actor, await readJson(request)) }));
