import { api } from "@/lib/server/api";
import { roadmap } from "@/lib/server/roadmap";
import { parseRoadmapFilter } from "@/lib/validation/programs";

export const GET = api(async ({ request, actor }) => {
  const { quarters, groupBy, groups, unscheduled, total, page, pages } = await roadmap(actor, parseRoadmapFilter(new URL(request.url).searchParams));
  return { data: { quarters, groupBy, groups, unscheduled, total, page, pages } };
});
