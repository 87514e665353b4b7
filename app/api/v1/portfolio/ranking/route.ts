import { api } from "@/lib/server/api";
import { filterRanking, rankedPortfolio } from "@/lib/server/portfolio";
import { parseFilter } from "@/lib/validation/initiative";

export const GET = api(async ({ request, actor }) => ({ data: await filterRanking(await rankedPortfolio(actor), parseFilter(new URL(request.url).searchParams)) }));
