import { api } from "@/lib/server/api";
import { realisationSummary } from "@/lib/server/benefits";
import { searchObject } from "@/lib/server/query";

export const GET = api(async ({ request, actor }) => ({ data: await realisationSummary(actor, searchObject(request)) }));
