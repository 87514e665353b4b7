import { api, readJson } from "@/lib/server/api";
import { searchObject } from "@/lib/server/query";
import { createUser, listUsers } from "@/lib/server/users";

/** People, filtered and paged; the page's figures travel beside the data. */
export const GET = api(async ({ request, actor }) => Response.json(await listUsers(actor, searchObject(request))));

/** Adds a person; the answer carries their one-time invitation link. */
export const POST = api(async ({ request, actor }) => ({ status: 201, data: await createUser(actor, await readJson(request)) }));
