import { api } from "@/lib/server/api";
import { searchObject } from "@/lib/server/query";
import { compareScenarios } from "@/lib/server/scenarios";

export const GET = api(async ({ request, actor }) => ({ data: await compareScenarios(actor, searchObject(request)) }));
