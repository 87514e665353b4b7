import { api, readJson } from "@/lib/server/api";
import { NotFoundError } from "@/lib/server/errors";
import { moveInRanking, rankedPortfolio } from "@/lib/server/portfolio";

export const GET = api<{ id: string }>(async ({ actor, params }) => {
  const found = (await rankedPortfolio(actor)).find((r) => r.id === params.id);
  if (!found) throw new NotFoundError("Initiative");
  return { data: found };
});

export const PUT = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await moveInRanking(actor, params.id, await readJson(request)) }));
