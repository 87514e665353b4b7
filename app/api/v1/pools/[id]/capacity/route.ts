import { api, readJson } from "@/lib/server/api";
import { setCapacity } from "@/lib/server/resources";

export const PUT = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await setCapacity(actor, params.id, await readJson(request)) }));
