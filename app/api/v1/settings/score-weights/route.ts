import { api, readJson } from "@/lib/server/api";
import { scoreWeights, updateScoreWeights } from "@/lib/server/settings";

export const GET = api(async () => ({ data: await scoreWeights() }));

export const PUT = api(async ({ request, actor }) => ({ data: await updateScoreWeights(actor, await readJson(request)) }));
