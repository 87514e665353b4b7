import { api, readJson } from "@/lib/server/api";
import { setBalanceTarget } from "@/lib/server/portfolio";

export const PUT = api(async ({ request, actor }) => ({ data: await setBalanceTarget(actor, await readJson(request)) }));
