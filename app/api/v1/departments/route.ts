import { api, readJson } from "@/lib/server/api";
import { createDepartment, listDepartments } from "@/lib/server/organisation";

export const GET = api(async ({ actor }) => ({ data: await listDepartments(actor) }));

export const POST = api(async ({ request, actor }) => ({ status: 201, data: await createDepartment(actor, await readJson(request)) }));
