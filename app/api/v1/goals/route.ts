import { api, readJson } from "@/lib/server/api";
import { createGoal, listGoals } from "@/lib/server/goals";

export const GET = api(async ({ actor }) => ({ data: await listGoals(actor) }));

export const POST = api(async ({ request, actor }) => ({ status: 201, data: await createGoal(actor, await readJson(request)) }));
