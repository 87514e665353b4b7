import { api, readJson } from "@/lib/server/api";
import { createProgram, listPrograms } from "@/lib/server/programs";

export const GET = api(async ({ actor }) => ({ data: await listPrograms(actor) }));

export const POST = api(async ({ request, actor }) => ({ status: 201, data: await createProgram(actor, await readJson(request)) }));
