import { api, readJson } from "@/lib/server/api";
import { createInitiative, listInitiatives } from "@/lib/server/initiatives";
import { parseFilter } from "@/lib/validation/initiative";

export const GET = api(async ({ request, actor }) => {
  const result = await listInitiatives(actor, parseFilter(new URL(request.url).searchParams));
  return Response.json({ data: result.rows, page: result.page, pageSize: result.pageSize, total: result.total, pages: result.pages });
});

export const POST = api(async ({ request, actor }) => ({ status: 201, data: await createInitiative(actor, await readJson(request)) }));
