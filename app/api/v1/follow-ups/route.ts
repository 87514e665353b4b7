import { api } from "@/lib/server/api";
import { listFollowUps } from "@/lib/server/benefits";
import { searchObject } from "@/lib/server/query";

/** Follow-ups, paged; the page's figures travel beside the data. */
export const GET = api(async ({ request, actor }) => Response.json(await listFollowUps(actor, searchObject(request))));
