import { api, readJson } from "@/lib/server/api";
import { deleteGoal, updateGoal } from "@/lib/server/goals";

export const PATCH = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await updateGoal(actor, params.id, await readJson(request)) }));

/** Only a goal nothing is linked to; a goal in use is deactivated instead (409 IN_USE). */
export const DELETE = api<{ id: string }>(async ({ actor, params }) => ({ data: await deleteGoal(actor, params.id) }));
