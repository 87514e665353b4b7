import { api } from "@/lib/server/api";
import { listFollowUps } from "@/lib/server/benefits";
import { searchObject } from "@/lib/server/query";

export const GET = api(async ({ request, actor }) => ({ data: await listFollowUps(actor, searchObject(request)) }));
