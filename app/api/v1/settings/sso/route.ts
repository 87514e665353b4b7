import { api, readJson } from "@/lib/server/api";
import { readSsoSettings, updateSsoSettings } from "@/lib/server/sso";

export const GET = api(async ({ actor }) => ({ data: await readSsoSettings(actor) }));

export const PUT = api(async ({ request, actor }) => ({ data: await updateSsoSettings(actor, await readJson(request)) }));
