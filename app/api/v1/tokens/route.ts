import { api, readJson } from "@/lib/server/api";
import { createToken, listTokens } from "@/lib/server/api-tokens";

export const GET = api(async ({ actor }) => ({ data: await listTokens(actor) }));

export const POST = api(async ({ request, actor }) => ({ status: 201, data: await createToken(actor, await readJson(request)) }));
