import { api } from "@/lib/server/api";
import { portfolioMetrics } from "@/lib/server/portfolio-charts";

export const GET = api(async ({ request, actor }) => {
  const query = new URL(request.url).searchParams;
  return { data: await portfolioMetrics(actor, query.get("weightBy"), query.get("year")) };
});
