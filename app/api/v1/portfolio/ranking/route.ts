import { api } from "@/lib/server/api";
import { rankedPortfolio } from "@/lib/server/portfolio";

export const GET = api(async ({ actor }) => ({ data: await rankedPortfolio(actor) }));
