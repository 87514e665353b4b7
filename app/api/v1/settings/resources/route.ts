import { api, readJson } from "@/lib/server/api";
import { resourceSettings, updateResourceSettings } from "@/lib/server/settings";

export const GET = api(async () => ({ data: await resourceSettings() }));

export const PUT = api(async ({ request, actor }) => ({ data: await updateResourceSettings(actor, await readJson(request)) }));
