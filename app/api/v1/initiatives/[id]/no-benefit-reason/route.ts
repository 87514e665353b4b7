import { api, readJson } from "@/lib/server/api";
import { setNoBenefitReason } from "@/lib/server/benefits";

/** Why no benefit is followed up (an initiative is finished with a benefit plan, or this). */
export const PUT = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await setNoBenefitReason(actor, params.id, await readJson(request)) }));
