import { api, readJson } from "@/lib/server/api";
import { deleteScenario, getScenario, scenarioPlan, updateScenario } from "@/lib/server/scenarios";

/** The scenario with its plan measured beside the live portfolio. */
export const GET = api<{ id: string }>(async ({ actor, params }) => {
  const scenario = await getScenario(actor, params.id);
  return { data: { ...scenario, plan: await scenarioPlan(actor, scenario) } };
});

export const PATCH = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await updateScenario(actor, params.id, await readJson(request)) }));

export const DELETE = api<{ id: string }>(async ({ actor, params }) => ({ data: await deleteScenario(actor, params.id) }));
