import { api } from "@/lib/server/api";
import { demandPicture } from "@/lib/server/resources";
import { queryObject } from "@/lib/validation/resources";

export const GET = api(async ({ request, actor }) => ({ data: await demandPicture(actor, queryObject(new URL(request.url).searchParams, ["from", "quarters", "n"])) }));
