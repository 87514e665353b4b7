import { api, readJson } from "@/lib/server/api";
import { createAllocation, listAllocations } from "@/lib/server/resources";
import { queryObject } from "@/lib/validation/resources";

export const GET = api(async ({ request, actor }) => {
  const result = await listAllocations(actor, queryObject(new URL(request.url).searchParams, ["initiativeId", "poolId", "quarter", "page"]));
  return Response.json({ data: result.rows, page: result.page, pageSize: result.pageSize, total: result.total, pages: result.pages });
});

export const POST = api(async ({ request, actor }) => ({ status: 201, data: await createAllocation(actor, await readJson(request)) }));
