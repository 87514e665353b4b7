import { api, readJson } from "@/lib/server/api";
import { deleteBenefit, updateBenefit } from "@/lib/server/benefits";

export const PATCH = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await updateBenefit(actor, params.id, await readJson(request)) }));

/** Only a benefit without measurements (409 HAS_MEASUREMENTS otherwise). */
export const DELETE = api<{ id: string }>(async ({ actor, params }) => ({ data: await deleteBenefit(actor, params.id) }));
